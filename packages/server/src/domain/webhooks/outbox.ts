import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { enqueueJob } from '../../db/jobs.js';
import { insertWebhookDeliveries } from '../../db/webhooks.js';
import { isWebhookEventType } from './event-types.js';

export const WEBHOOK_DELIVER_JOB = 'webhooks.deliver';
/** Attempts per delivery before it is `failed` (then only a manual replay sends it again). */
export const WEBHOOK_MAX_ATTEMPTS = 8;

export const webhookDeliverySubject = (deliveryId: string): string => `webhook-delivery:${deliveryId}`;

/** The `webhook-id` of an event: stable across endpoints, attempts and replays, so receivers dedupe. */
export const webhookMessageId = (eventId: number): string => `msg_${eventId}`;

/**
 * The transactional outbox. Called by `recordEvent` in the caller's transaction: one delivery
 * per enabled endpoint of the tenant subscribed to the type, and one job per delivery. Rolled
 * back together with the change; committed together with it.
 */
export async function enqueueWebhookDeliveries(
  db: Kysely<Database>,
  event: { id: number; tenantId: string; type: string; data: Record<string, unknown>; at: Date },
  /** The enabled endpoints subscribed to the type, oldest first (`subscribedEndpointIds`). */
  endpointIds: readonly string[],
): Promise<string[]> {
  if (!isWebhookEventType(event.type) || endpointIds.length === 0) return [];
  const messageId = webhookMessageId(event.id);
  const body = JSON.stringify({
    id: messageId,
    type: event.type,
    timestamp: event.at.toISOString(),
    data: event.data,
  });
  const deliveries = await insertWebhookDeliveries(
    db,
    endpointIds.map((endpointId) => ({
      tenant_id: event.tenantId,
      endpoint_id: endpointId,
      event_id: event.id,
      message_id: messageId,
      event_type: event.type,
      body,
      created_at: event.at,
    })),
  );
  for (const delivery of deliveries) {
    await enqueueJob(
      db,
      {
        tenantId: event.tenantId,
        kind: WEBHOOK_DELIVER_JOB,
        payload: { deliveryId: delivery.id },
        subject: webhookDeliverySubject(delivery.id),
        runAt: event.at,
        maxAttempts: WEBHOOK_MAX_ATTEMPTS,
      },
      event.at,
    );
  }
  return deliveries.map((d) => d.id);
}
