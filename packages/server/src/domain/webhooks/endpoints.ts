import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.js';
import type {
  Database,
  WebhookAttemptRow,
  WebhookDeliveryRow,
  WebhookEndpointRow,
} from '../../db/database.js';
import { enqueueJob } from '../../db/jobs.js';
import {
  attemptsOf,
  deleteWebhookEndpoint,
  findWebhookDelivery,
  findWebhookEndpoint,
  insertWebhookEndpoint,
  listWebhookDeliveries,
  listWebhookEndpoints,
  rotateEndpointSecret,
  updateWebhookDelivery,
  updateWebhookEndpoint,
} from '../../db/webhooks.js';
import type {
  CreateWebhookEndpointInput,
  UpdateWebhookEndpointInput,
  WebhookDelivery,
  WebhookEndpoint,
} from '../../schemas/webhooks.js';
import type { SecretBox } from '../../security/keys.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { type CreatedAtCursor, createdAtCursor, type Page, pageOf } from '../page.js';
import type { WebhookEventType } from './event-types.js';
import { WEBHOOK_DELIVER_JOB, webhookDeliverySubject } from './outbox.js';
import { generateWebhookSecret } from './signature.js';
import { checkWebhookUrl, type WebhookUrlPolicy } from './url-policy.js';

export interface WebhookCtx {
  db: Kysely<Database>;
  clock: Clock;
  secretBox: SecretBox;
  policy: WebhookUrlPolicy;
}

export type PageCursor = CreatedAtCursor;

export function toWebhookEndpoint(row: WebhookEndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    events: row.events as WebhookEventType[],
    description: row.description,
    enabled: row.enabled,
    disabledReason: row.disabled_reason,
    previousSecretExpiresAt: row.previous_secret_expires_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function toDelivery(row: WebhookDeliveryRow, attempts: WebhookAttemptRow[]): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    messageId: row.message_id,
    eventType: row.event_type as WebhookEventType,
    status: row.status,
    attemptCount: row.attempts,
    lastError: row.last_error,
    deliveredAt: row.delivered_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    body: row.body,
    attempts: attempts.map((a) => ({
      attempt: a.attempt,
      statusCode: a.status_code,
      error: a.error,
      latencyMs: a.latency_ms,
      responseExcerpt: a.response_excerpt,
      at: a.attempted_at.toISOString(),
    })),
  };
}

async function endpointOf(ctx: WebhookCtx, tenantId: string, id: string): Promise<WebhookEndpointRow> {
  const row = await findWebhookEndpoint(ctx.db, tenantId, id);
  if (!row) throw new NotFoundError('Webhook endpoint');
  return row;
}

/** Creates an endpoint; the only other time its secret is shown is a rotation. */
export async function createWebhookEndpoint(
  ctx: WebhookCtx,
  tenantId: string,
  input: CreateWebhookEndpointInput,
): Promise<WebhookEndpoint & { secret: string }> {
  const url = checkWebhookUrl(input.url, ctx.policy);
  const secret = generateWebhookSecret();
  const now = ctx.clock.now();
  const row = await insertWebhookEndpoint(ctx.db, {
    tenant_id: tenantId,
    url: url.href,
    events: input.events,
    description: input.description || null,
    enabled: input.enabled,
    secret_sealed: ctx.secretBox.seal(secret),
    created_at: now,
    updated_at: now,
  });
  return { ...toWebhookEndpoint(row), secret };
}

export async function getWebhookEndpoint(
  ctx: WebhookCtx,
  tenantId: string,
  id: string,
): Promise<WebhookEndpoint> {
  return toWebhookEndpoint(await endpointOf(ctx, tenantId, id));
}

export async function listWebhookEndpointsFor(
  ctx: WebhookCtx,
  tenantId: string,
  query: { limit: number; cursor?: PageCursor | undefined },
): Promise<Page<WebhookEndpoint, PageCursor>> {
  const rows = await listWebhookEndpoints(ctx.db, tenantId, {
    limit: query.limit + 1,
    after: query.cursor ? { createdAt: new Date(query.cursor.createdAt), id: query.cursor.id } : undefined,
  });
  return pageOf(rows, query.limit, toWebhookEndpoint, createdAtCursor);
}

export async function updateWebhookEndpointFor(
  ctx: WebhookCtx,
  tenantId: string,
  id: string,
  input: UpdateWebhookEndpointInput,
): Promise<WebhookEndpoint> {
  await endpointOf(ctx, tenantId, id);
  const url = input.url !== undefined ? checkWebhookUrl(input.url, ctx.policy).href : undefined;
  const row = await updateWebhookEndpoint(ctx.db, tenantId, id, {
    ...(url !== undefined ? { url } : {}),
    ...(input.events !== undefined ? { events: input.events } : {}),
    ...(input.description !== undefined ? { description: input.description || null } : {}),
    // Turning an endpoint back on clears the reason the server turned it off.
    ...(input.enabled !== undefined ? { enabled: input.enabled, disabled_reason: null } : {}),
    updated_at: ctx.clock.now(),
  });
  if (!row) throw new NotFoundError('Webhook endpoint');
  return toWebhookEndpoint(row);
}

export async function deleteWebhookEndpointFor(ctx: WebhookCtx, tenantId: string, id: string): Promise<void> {
  if (!(await deleteWebhookEndpoint(ctx.db, tenantId, id))) throw new NotFoundError('Webhook endpoint');
}

/**
 * A new secret, shown only in this answer. The previous one keeps signing beside it for
 * `overlapHours` (0: retired at once), so a receiver can deploy the new secret without
 * rejecting a delivery in between; a second rotation within the overlap retires the oldest.
 */
export async function rotateWebhookSecret(
  ctx: WebhookCtx,
  tenantId: string,
  id: string,
  overlapHours: number,
): Promise<WebhookEndpoint & { secret: string }> {
  const now = ctx.clock.now();
  const secret = generateWebhookSecret();
  const row = await rotateEndpointSecret(ctx.db, tenantId, id, {
    secretSealed: ctx.secretBox.seal(secret),
    previousExpiresAt: overlapHours > 0 ? new Date(now.getTime() + overlapHours * 3_600_000) : null,
    now,
  });
  if (!row) throw new NotFoundError('Webhook endpoint');
  return { ...toWebhookEndpoint(row), secret };
}

/** The endpoint's delivery log, newest first, each delivery with every attempt. */
export async function listDeliveriesFor(
  ctx: WebhookCtx,
  tenantId: string,
  endpointId: string,
  query: {
    limit: number;
    status?: WebhookDeliveryRow['status'] | undefined;
    cursor?: PageCursor | undefined;
  },
): Promise<Page<WebhookDelivery, PageCursor>> {
  await endpointOf(ctx, tenantId, endpointId);
  const rows = await listWebhookDeliveries(ctx.db, tenantId, endpointId, {
    limit: query.limit + 1,
    status: query.status,
    before: query.cursor ? { createdAt: new Date(query.cursor.createdAt), id: query.cursor.id } : undefined,
  });
  const page = pageOf(rows, query.limit, (r) => r, createdAtCursor);
  const attempts = await attemptsOf(
    ctx.db,
    tenantId,
    page.data.map((r) => r.id),
  );
  return {
    data: page.data.map((r) =>
      toDelivery(
        r,
        attempts.filter((a) => a.delivery_id === r.id),
      ),
    ),
    next: page.next,
  };
}

/** Sends a delivery again (one attempt, now), whatever its state; same `webhook-id`. */
export async function replayDelivery(
  ctx: WebhookCtx,
  tenantId: string,
  endpointId: string,
  deliveryId: string,
): Promise<WebhookDelivery> {
  const endpoint = await endpointOf(ctx, tenantId, endpointId);
  const row = await findWebhookDelivery(ctx.db, tenantId, deliveryId);
  if (!row || row.endpoint_id !== endpointId) throw new NotFoundError('Webhook delivery');
  if (!endpoint.enabled) {
    throw new ConflictError(
      'webhook_endpoint_disabled',
      'This endpoint is disabled; enable it to replay deliveries.',
    );
  }
  const now = ctx.clock.now();
  const updated = await updateWebhookDelivery(ctx.db, tenantId, deliveryId, {
    status: 'pending',
    updated_at: now,
  });
  await enqueueJob(
    ctx.db,
    {
      tenantId,
      kind: WEBHOOK_DELIVER_JOB,
      payload: { deliveryId, replay: true },
      subject: webhookDeliverySubject(deliveryId),
      runAt: now,
      maxAttempts: 1,
    },
    now,
  );
  return toDelivery(updated ?? row, await attemptsOf(ctx.db, tenantId, [deliveryId]));
}
