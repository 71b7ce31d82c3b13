import type { JobRow } from '../../db/database.js';
import {
  findWebhookDelivery,
  findWebhookEndpoint,
  insertWebhookAttempt,
  nextAttemptNumber,
  updateWebhookDelivery,
  updateWebhookEndpoint,
} from '../../db/webhooks.js';
import type { SecretBox } from '../../security/keys.js';
import type { DomainCtx } from '../context.js';
import type { JobHandler } from '../job-handler.js';
import { type Resolver, sendWebhook } from './send.js';
import { signatureHeader } from './signature.js';

export const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * The wait before attempt n + 1 after n failed attempts: at once, 5 s, 5 min, 30 min, 2 h,
 * 5 h, 10 h, 10 h … (index n), each ±10 % so a receiver coming back is not hit by every
 * retry in the same second.
 */
export const WEBHOOK_RETRY_SCHEDULE_MS = [
  0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
] as const;

export function webhookRetryDelayMs(failedAttempts: number, random: () => number = Math.random): number {
  const schedule = WEBHOOK_RETRY_SCHEDULE_MS;
  const base = schedule[Math.min(Math.max(failedAttempts, 1), schedule.length - 1)]!;
  return Math.round(base * (0.9 + random() * 0.2));
}

export interface WebhookDeliveryOptions {
  secretBox: SecretBox;
  /** Development only: allow http:// and private, loopback and link-local targets. */
  allowPrivate: boolean;
  timeoutMs?: number;
  /** Host name → addresses; the system resolver by default. */
  resolve?: Resolver;
}

/** Thrown to make the worker retry the job with the webhook schedule. */
export class WebhookAttemptFailed extends Error {}

/**
 * The `webhooks.deliver` job: one signed POST per run, every attempt recorded. 2xx →
 * delivered; 410 → the endpoint is disabled; anything else → retried on the schedule until
 * the job's last attempt, then `failed`. A lease that runs out mid-attempt makes another
 * worker send it again: delivery is at least once, receivers dedupe on `webhook-id`.
 */
export function webhookDeliveryHandler(options: WebhookDeliveryOptions): JobHandler {
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  return {
    retryDelayMs: (attempts) => webhookRetryDelayMs(attempts),
    async run(job: JobRow, { db, clock }: DomainCtx): Promise<void> {
      const tenantId = job.tenant_id;
      const deliveryId = job.payload.deliveryId;
      if (!tenantId || typeof deliveryId !== 'string') return;
      const replay = job.payload.replay === true;
      const delivery = await findWebhookDelivery(db, tenantId, deliveryId);
      if (!delivery) return; // its endpoint was deleted
      // A worker that delivered and then lost its lease: already done.
      if (delivery.status === 'delivered' && !replay) return;
      const endpoint = await findWebhookEndpoint(db, tenantId, delivery.endpoint_id);
      if (!endpoint) return;
      if (!endpoint.enabled) {
        await updateWebhookDelivery(db, tenantId, delivery.id, {
          status: 'failed',
          last_error: 'the endpoint is disabled',
          updated_at: clock.now(),
        });
        return;
      }

      const attemptedAt = clock.now();
      const attempt = await nextAttemptNumber(db, tenantId, delivery.id, attemptedAt);
      const timestamp = Math.floor(attemptedAt.getTime() / 1000);
      // During a rotation's overlap the previous secret signs too, so the receiver can switch.
      const secrets = [endpoint.secret_sealed];
      if (
        endpoint.previous_secret_sealed &&
        endpoint.previous_secret_expires_at &&
        endpoint.previous_secret_expires_at > attemptedAt
      ) {
        secrets.push(endpoint.previous_secret_sealed);
      }
      const result = await sendWebhook(
        endpoint.url,
        {
          'webhook-id': delivery.message_id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signatureHeader(
            secrets.map((sealed) => options.secretBox.open(sealed)),
            delivery.message_id,
            timestamp,
            delivery.body,
          ),
        },
        delivery.body,
        { allowPrivate: options.allowPrivate, timeoutMs, resolve: options.resolve },
      );
      await insertWebhookAttempt(db, {
        tenant_id: tenantId,
        delivery_id: delivery.id,
        attempt,
        status_code: result.statusCode,
        error: result.error,
        latency_ms: result.latencyMs,
        response_excerpt: result.responseExcerpt,
        attempted_at: attemptedAt,
      });
      const now = clock.now();
      const status = result.statusCode;

      if (status !== null && status >= 200 && status < 300) {
        await updateWebhookDelivery(db, tenantId, delivery.id, {
          status: 'delivered',
          delivered_at: now,
          last_error: null,
          updated_at: now,
        });
        return;
      }
      if (status === 410) {
        await updateWebhookEndpoint(db, tenantId, endpoint.id, {
          enabled: false,
          disabled_reason: 'The receiver answered 410 Gone.',
          updated_at: now,
        });
        await updateWebhookDelivery(db, tenantId, delivery.id, {
          status: 'failed',
          last_error: 'HTTP 410',
          updated_at: now,
        });
        return;
      }
      // Coarse on purpose (see DeliveryFailure): admins read it, and it must not map a network.
      const error = status !== null ? `HTTP ${status}` : (result.error ?? 'connection refused');
      const final = result.blocked || job.attempts >= job.max_attempts;
      await updateWebhookDelivery(db, tenantId, delivery.id, {
        status: final ? 'failed' : 'pending',
        last_error: error.slice(0, 500),
        updated_at: now,
      });
      // A blocked address is not retried: only a new URL (or the development flag) can fix it.
      if (!result.blocked) throw new WebhookAttemptFailed(`webhook ${delivery.message_id}: ${error}`);
    },
  };
}
