import { z } from '@hono/zod-openapi';
import { WEBHOOK_EVENT_TYPES } from '../domain/webhooks/event-types.js';
import { CursorSchema, IdSchema, LimitSchema, pageOf } from './common.js';

export const WebhookEventTypeSchema = z
  .enum(WEBHOOK_EVENT_TYPES, { message: `must be one of ${WEBHOOK_EVENT_TYPES.join(', ')}` })
  .openapi('WebhookEventType');

const EventsSchema = z
  .array(WebhookEventTypeSchema)
  .min(1, 'subscribe to at least one event type')
  .max(WEBHOOK_EVENT_TYPES.length)
  .transform((events) => [...new Set(events)]);

const UrlSchema = z
  .string()
  .trim()
  .min(1, 'must be an https:// URL')
  .max(2048, 'must be at most 2048 characters')
  .openapi({ example: 'https://hooks.example.com/micromentor' });

export const WebhookEndpointSchema = z
  .object({
    id: IdSchema,
    url: z.string(),
    events: z.array(WebhookEventTypeSchema),
    description: z.string().nullable(),
    enabled: z.boolean(),
    disabledReason: z
      .string()
      .nullable()
      .openapi({ description: 'Why the server turned it off (the receiver answered 410 Gone).' }),
    previousSecretExpiresAt: z.iso.datetime().nullable().openapi({
      description:
        'After a rotation: until then deliveries carry two signatures, one per secret (`v1,… v1,…`).',
    }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('WebhookEndpoint');

export const WebhookEndpointWithSecretSchema = WebhookEndpointSchema.extend({
  secret: z.string().openapi({
    description: 'The signing secret `whsec_…`. Shown only in this response: store it now.',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  }),
}).openapi('WebhookEndpointWithSecret');

export const CreateWebhookEndpointSchema = z
  .strictObject({
    url: UrlSchema,
    events: EventsSchema,
    description: z.string().trim().max(500).optional(),
    enabled: z.boolean().default(true),
  })
  .openapi('CreateWebhookEndpoint');

export const UpdateWebhookEndpointSchema = z
  .strictObject({
    url: UrlSchema.optional(),
    events: EventsSchema.optional(),
    description: z.string().trim().max(500).nullable().optional(),
    enabled: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'change at least one field')
  .openapi('UpdateWebhookEndpoint');

export const DEFAULT_WEBHOOK_SECRET_OVERLAP_HOURS = 24;

export const RotateWebhookSecretSchema = z
  .strictObject({
    overlapHours: z
      .number()
      .min(0, 'must be 0 or more')
      .max(168, 'must be at most 168 (7 days)')
      .default(DEFAULT_WEBHOOK_SECRET_OVERLAP_HOURS)
      .openapi({
        description:
          'How long the old secret keeps signing beside the new one (default 24; 0 = stop at once).',
      }),
  })
  .openapi('RotateWebhookSecret');

export const ListWebhookEndpointsQuerySchema = z.strictObject({ limit: LimitSchema, cursor: CursorSchema });

export const WebhookEndpointPageSchema = pageOf(WebhookEndpointSchema).openapi('WebhookEndpointPage');

export const WebhookAttemptSchema = z
  .object({
    attempt: z.number().int(),
    statusCode: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'The receiver’s HTTP status, if it answered.' }),
    error: z
      .string()
      .nullable()
      .openapi({
        description:
          'Why no answer came, coarsely: `connection refused`, `timeout`, `TLS error`, `DNS lookup failed` or ' +
          '`address not allowed` (no address, port or system message).',
      }),
    latencyMs: z.number().int(),
    responseExcerpt: z.string().nullable().openapi({ description: 'The first KB of the response body.' }),
    at: z.iso.datetime(),
  })
  .openapi('WebhookAttempt');

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;

export const WebhookDeliverySchema = z
  .object({
    id: IdSchema,
    endpointId: IdSchema,
    messageId: z.string().openapi({ description: 'The `webhook-id` header: the same on every attempt.' }),
    eventType: WebhookEventTypeSchema,
    status: z.enum(WEBHOOK_DELIVERY_STATUSES),
    attemptCount: z.number().int(),
    lastError: z.string().nullable().openapi({
      description:
        'The last attempt’s `error`, or `HTTP <status>` when the receiver answered with a failure.',
    }),
    deliveredAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    body: z.string().openapi({
      description:
        'The exact JSON body that is POSTed and signed, the same bytes on every attempt: `{id, type, timestamp, data}`.',
    }),
    attempts: z.array(WebhookAttemptSchema),
  })
  .openapi('WebhookDelivery');

export const ListWebhookDeliveriesQuerySchema = z.strictObject({
  status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
  limit: LimitSchema,
  cursor: CursorSchema,
});

export const WebhookDeliveryPageSchema = pageOf(WebhookDeliverySchema).openapi('WebhookDeliveryPage');

export const WebhookDeliveryParamsSchema = z.strictObject({
  id: IdSchema.openapi({ param: { name: 'id', in: 'path' } }),
  deliveryId: IdSchema.openapi({ param: { name: 'deliveryId', in: 'path' } }),
});

export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;
export type WebhookAttempt = z.infer<typeof WebhookAttemptSchema>;
export type CreateWebhookEndpointInput = z.infer<typeof CreateWebhookEndpointSchema>;
export type RotateWebhookSecretInput = z.input<typeof RotateWebhookSecretSchema>;
export type UpdateWebhookEndpointInput = z.infer<typeof UpdateWebhookEndpointSchema>;
