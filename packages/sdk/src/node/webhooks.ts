import { createHmac, timingSafeEqual } from 'node:crypto';
import type { WebhookEvent } from '../types.js';

export type WebhookVerificationFailure =
  | 'invalid_secret'
  | 'missing_headers'
  | 'invalid_timestamp'
  | 'timestamp_too_old'
  | 'timestamp_too_new'
  | 'invalid_signature'
  | 'invalid_payload';

/** The webhook is not one Micromentor signed with this secret (or it is stale): drop it. */
export class WebhookVerificationError extends Error {
  readonly reason: WebhookVerificationFailure;
  constructor(reason: WebhookVerificationFailure, message: string) {
    super(message);
    this.name = 'WebhookVerificationError';
    this.reason = reason;
  }
}

/** Request headers as Node (`req.headers`), Fetch (`Headers`) or a plain record gives them. */
export type WebhookHeaders = Headers | Readonly<Record<string, string | readonly string[] | undefined>>;

export interface VerifyWebhookOptions {
  /** The raw request body, exactly as received (not re-serialised JSON). */
  payload: string | Uint8Array;
  headers: WebhookHeaders;
  /** The endpoint's signing secret, `whsec_…`. */
  secret: string;
  /** How far `webhook-timestamp` may be from now, either way (replay protection). Default 300. */
  toleranceSeconds?: number;
  now?: Date;
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Readonly<Record<string, string | readonly string[] | undefined>>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return typeof value === 'string' ? value : value?.[0];
}

/**
 * Checks a webhook per the Standard Webhooks spec — `v1,` HMAC-SHA256 over
 * `webhook-id.webhook-timestamp.body`, timestamp within the tolerance — and returns the event.
 * Receivers should also remember `event.id` (the `webhook-id`): a webhook may arrive twice.
 */
export function verifyWebhook(options: VerifyWebhookOptions): WebhookEvent {
  const { payload, headers, secret, toleranceSeconds = 300, now = new Date() } = options;
  if (typeof secret !== 'string' || !secret.startsWith('whsec_')) {
    throw new WebhookVerificationError('invalid_secret', 'The webhook secret must start with whsec_.');
  }
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  if (key.length === 0) throw new WebhookVerificationError('invalid_secret', 'The webhook secret is empty.');
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) {
    throw new WebhookVerificationError(
      'missing_headers',
      'The webhook-id, webhook-timestamp and webhook-signature headers are required.',
    );
  }
  if (!/^\d{1,12}$/.test(timestamp)) {
    throw new WebhookVerificationError(
      'invalid_timestamp',
      'webhook-timestamp is not a Unix time in seconds.',
    );
  }
  const seconds = Number(timestamp);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (nowSeconds - seconds > toleranceSeconds) {
    throw new WebhookVerificationError('timestamp_too_old', 'The webhook timestamp is too old.');
  }
  if (seconds - nowSeconds > toleranceSeconds) {
    throw new WebhookVerificationError('timestamp_too_new', 'The webhook timestamp is in the future.');
  }
  const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : Buffer.from(payload);
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body).digest();
  const matches = signatures.split(' ').some((candidate) => {
    const [version, value] = candidate.split(',', 2);
    if (version !== 'v1' || !value) return false;
    const given = Buffer.from(value, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) {
    throw new WebhookVerificationError('invalid_signature', 'No webhook-signature matches this payload.');
  }
  let event: unknown;
  try {
    event = JSON.parse(body.toString('utf8'));
  } catch {
    throw new WebhookVerificationError('invalid_payload', 'The webhook body is not JSON.');
  }
  if (typeof event !== 'object' || event === null || (event as { id?: unknown }).id !== id) {
    throw new WebhookVerificationError('invalid_payload', 'The webhook body does not match its webhook-id.');
  }
  return event as WebhookEvent;
}
