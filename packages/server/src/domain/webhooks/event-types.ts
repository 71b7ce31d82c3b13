import type { EventType } from '../events/event-types.js';

/** The events a tenant may subscribe a webhook endpoint to (a subset of every recorded event). */
export const WEBHOOK_EVENT_TYPES = [
  'request.created',
  'request.matched',
  'request.expired',
  'booking.created',
  'booking.cancelled',
  'booking.rescheduled',
  'booking.completed',
  'feedback.submitted',
  'mentor.applied',
  'mentor.approved',
] as const satisfies readonly EventType[];

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export function isWebhookEventType(type: string): type is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(type);
}
