import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { enqueueJob } from '../../db/jobs.js';
import { subscribedEndpointIds } from '../../db/webhooks.js';
import { EMAIL_COMPOSE_JOB, MAIL_EVENT_TYPES } from '../email/mail-events.js';
import { isWebhookEventType } from '../webhooks/event-types.js';
import { enqueueWebhookDeliveries } from '../webhooks/outbox.js';
import type { EventType } from './event-types.js';

/** The PostgreSQL channel every server process listens on for new events. */
export const EVENTS_CHANNEL = 'mm_events';

export interface NewEvent {
  tenantId: string;
  type: EventType;
  data: Record<string, unknown>;
  /** Users (internal ids) who receive it live; empty for tenant-level events. */
  userIds?: readonly string[];
  at: Date;
}

/**
 * Records an event inside the caller's transaction, so it exists exactly when the change it
 * reports commits. NOTIFY is transactional too: listeners hear of it only after the commit.
 * One statement inserts the event, notifies and reads the webhook endpoints subscribed to it:
 * every request that changes something records an event, so round trips here are paid often.
 */
export async function recordEvent(db: Kysely<Database>, event: NewEvent): Promise<number> {
  const userIds = [...new Set(event.userIds ?? [])];
  const forWebhooks = isWebhookEventType(event.type);
  const row = await db
    .with('e', (qb) =>
      qb
        .insertInto('events')
        .values({
          tenant_id: event.tenantId,
          type: event.type,
          data: JSON.stringify(event.data),
          user_ids: userIds,
          created_at: event.at,
        })
        .returning('id'),
    )
    .selectFrom('e')
    .select([
      'e.id',
      sql<string>`pg_notify(${EVENTS_CHANNEL}, json_build_object('tenantId', ${event.tenantId}::text, 'id', e.id)::text)`.as(
        'notified',
      ),
      (forWebhooks ? subscribedEndpointIds(event.tenantId, event.type) : sql<string[]>`'{}'::uuid[]`).as(
        'endpoint_ids',
      ),
    ])
    .executeTakeFirstOrThrow();
  // The webhook outbox: deliveries (and their jobs) commit or roll back with the event.
  await enqueueWebhookDeliveries(
    db,
    { id: row.id, tenantId: event.tenantId, type: event.type, data: event.data, at: event.at },
    row.endpoint_ids,
  );
  // The email outbox's intent, likewise: the job writes the messages the event causes.
  if (MAIL_EVENT_TYPES.has(event.type)) {
    await enqueueJob(
      db,
      { tenantId: event.tenantId, kind: EMAIL_COMPOSE_JOB, payload: { eventId: row.id }, runAt: event.at },
      event.at,
    );
  }
  return row.id;
}
