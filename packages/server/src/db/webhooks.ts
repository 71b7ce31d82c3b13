import { type Insertable, type Kysely, type RawBuilder, sql, type Updateable } from 'kysely';
import type {
  Database,
  WebhookAttemptRow,
  WebhookAttemptsTable,
  WebhookDeliveryRow,
  WebhookDeliveryStatus,
  WebhookEndpointRow,
  WebhookEndpointsTable,
} from './database.js';

// Webhook endpoints, their outbox of deliveries and every delivery attempt. Every query is
// scoped to a tenant.

export async function insertWebhookEndpoint(
  db: Kysely<Database>,
  values: Insertable<WebhookEndpointsTable>,
): Promise<WebhookEndpointRow> {
  return db.insertInto('webhook_endpoints').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function findWebhookEndpoint(
  db: Kysely<Database>,
  tenantId: string,
  id: string,
): Promise<WebhookEndpointRow | undefined> {
  return db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listWebhookEndpoints(
  db: Kysely<Database>,
  tenantId: string,
  page: { limit: number; after?: { createdAt: Date; id: string } | undefined },
): Promise<WebhookEndpointRow[]> {
  let query = db.selectFrom('webhook_endpoints').selectAll().where('tenant_id', '=', tenantId);
  const after = page.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '>', after.createdAt),
        eb.and([eb('created_at', '=', after.createdAt), eb('id', '>', after.id)]),
      ]),
    );
  }
  return query.orderBy('created_at').orderBy('id').limit(page.limit).execute();
}

export async function updateWebhookEndpoint(
  db: Kysely<Database>,
  tenantId: string,
  id: string,
  values: Updateable<WebhookEndpointsTable>,
): Promise<WebhookEndpointRow | undefined> {
  return db
    .updateTable('webhook_endpoints')
    .set(values)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteWebhookEndpoint(
  db: Kysely<Database>,
  tenantId: string,
  id: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('webhook_endpoints')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

/** The tenant's enabled endpoints subscribed to an event type. */
/**
 * Installs a new sealed secret in one statement; the current one becomes the previous secret
 * until `previousExpiresAt` (null: dropped at once). Two concurrent rotations cannot both keep
 * the same old secret: each moves whatever secret the row holds when it updates.
 */
export async function rotateEndpointSecret(
  db: Kysely<Database>,
  tenantId: string,
  id: string,
  change: { secretSealed: string; previousExpiresAt: Date | null; now: Date },
): Promise<WebhookEndpointRow | undefined> {
  return db
    .updateTable('webhook_endpoints')
    .set((eb) => ({
      secret_sealed: change.secretSealed,
      previous_secret_sealed: change.previousExpiresAt ? eb.ref('secret_sealed') : null,
      previous_secret_expires_at: change.previousExpiresAt,
      updated_at: change.now,
    }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/**
 * The ids of the tenant's enabled endpoints subscribed to an event type, oldest first, as one
 * SQL expression (so `recordEvent` reads them in the statement that inserts the event).
 */
export function subscribedEndpointIds(tenantId: string, type: string): RawBuilder<string[]> {
  return sql<string[]>`coalesce((
    select array_agg(w.id order by w.created_at, w.id) from webhook_endpoints w
    where w.tenant_id = ${tenantId} and w.enabled and ${type}::text = any(w.events)
  ), '{}'::uuid[])`;
}

export async function insertWebhookDeliveries(
  db: Kysely<Database>,
  rows: (Pick<
    WebhookDeliveryRow,
    'tenant_id' | 'endpoint_id' | 'event_id' | 'message_id' | 'event_type' | 'body'
  > & {
    created_at: Date;
  })[],
): Promise<Pick<WebhookDeliveryRow, 'id' | 'endpoint_id'>[]> {
  if (rows.length === 0) return [];
  return db
    .insertInto('webhook_deliveries')
    .values(rows.map((r) => ({ ...r, status: 'pending' as const, updated_at: r.created_at })))
    .returning(['id', 'endpoint_id'])
    .execute();
}

export async function findWebhookDelivery(
  db: Kysely<Database>,
  tenantId: string,
  id: string,
): Promise<WebhookDeliveryRow | undefined> {
  return db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listWebhookDeliveries(
  db: Kysely<Database>,
  tenantId: string,
  endpointId: string,
  page: {
    limit: number;
    status?: WebhookDeliveryStatus | undefined;
    before?: { createdAt: Date; id: string } | undefined;
  },
): Promise<WebhookDeliveryRow[]> {
  let query = db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('endpoint_id', '=', endpointId);
  if (page.status) query = query.where('status', '=', page.status);
  const before = page.before;
  if (before) {
    query = query.where((eb) =>
      eb.or([
        eb('created_at', '<', before.createdAt),
        eb.and([eb('created_at', '=', before.createdAt), eb('id', '<', before.id)]),
      ]),
    );
  }
  return query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
}

export async function updateWebhookDelivery(
  db: Kysely<Database>,
  tenantId: string,
  id: string,
  values: Updateable<Database['webhook_deliveries']>,
): Promise<WebhookDeliveryRow | undefined> {
  return db
    .updateTable('webhook_deliveries')
    .set(values)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Counts one more attempt and returns its number (atomic, so concurrent workers never share one). */
export async function nextAttemptNumber(db: Kysely<Database>, tenantId: string, id: string, now: Date) {
  const row = await db
    .updateTable('webhook_deliveries')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), updated_at: now }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returning('attempts')
    .executeTakeFirstOrThrow();
  return row.attempts;
}

export async function insertWebhookAttempt(
  db: Kysely<Database>,
  values: Insertable<WebhookAttemptsTable>,
): Promise<void> {
  await db.insertInto('webhook_attempts').values(values).execute();
}

export async function attemptsOf(
  db: Kysely<Database>,
  tenantId: string,
  deliveryIds: readonly string[],
): Promise<WebhookAttemptRow[]> {
  if (deliveryIds.length === 0) return [];
  return db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('delivery_id', 'in', [...deliveryIds])
    .orderBy('attempted_at')
    .orderBy('attempt')
    .execute();
}
