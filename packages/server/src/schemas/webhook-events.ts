import type { OpenAPIHono } from '@hono/zod-openapi';
import { z } from '@hono/zod-openapi';
import { WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENT_TYPES } from '../domain/webhooks/event-types.js';

const BookingEventDataSchema = z
  .object({
    bookingId: z.uuid(),
    mentorId: z.uuid(),
    learnerId: z.uuid(),
    requestId: z.uuid().nullable(),
    start: z.iso.datetime(),
    end: z.iso.datetime(),
    format: z.enum(['video', 'call', 'chat']),
    status: z.enum(['confirmed', 'cancelled', 'completed', 'no_show']),
  })
  .openapi('BookingEventData');

const ReminderDataSchema = BookingEventDataSchema.extend({
  lead: z
    .string()
    .openapi({ description: 'Which reminder: `24h`, `10m`… (minutes before as `Nm`, whole hours as `Nh`).' }),
}).openapi('BookingReminderData');

const NoShowDataSchema = BookingEventDataSchema.extend({
  who: z.enum(['mentor', 'learner']).openapi({ description: 'Who did not come.' }),
  recordedBy: z.enum(['learner', 'mentor', 'program']),
}).openapi('BookingNoShowData');

/**
 * The webhook body of each event type: `{ id, type, timestamp, data }`, signed as the endpoint
 * section describes (webhook-id, webhook-timestamp, webhook-signature headers).
 */
function eventBody(type: string, data: z.ZodType) {
  return z.object({
    id: z.string().openapi({ description: 'Stable across retries and endpoints (`msg_…`): dedupe on it.' }),
    type: z.literal(type),
    timestamp: z.iso.datetime(),
    data,
  });
}

/** Lists every subscribable event under the OpenAPI document's `webhooks`. */
export function registerWebhookEvents(registry: OpenAPIHono['openAPIRegistry']): void {
  for (const type of WEBHOOK_EVENT_TYPES) {
    const data =
      type === 'booking.reminder'
        ? ReminderDataSchema
        : type === 'booking.no_show'
          ? NoShowDataSchema
          : type.startsWith('booking.')
            ? BookingEventDataSchema
            : z.record(z.string(), z.unknown());
    registry.registerWebhook({
      method: 'post',
      path: type,
      tags: ['Webhooks'],
      summary: type,
      description: WEBHOOK_EVENT_DESCRIPTIONS[type],
      request: { body: { content: { 'application/json': { schema: eventBody(type, data) } } } },
      responses: { 200: { description: 'Any 2xx acknowledges it; anything else is retried with backoff.' } },
    });
  }
}
