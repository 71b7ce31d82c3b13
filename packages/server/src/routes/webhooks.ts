import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  createWebhookEndpoint,
  deleteWebhookEndpointFor,
  getWebhookEndpoint,
  listDeliveriesFor,
  listWebhookEndpointsFor,
  replayDelivery,
  rotateWebhookSecret,
  updateWebhookEndpointFor,
  type WebhookCtx,
} from '../domain/webhooks/endpoints.js';
import { atomic, ctx } from '../http/atomic.js';
import { pageBody, withCursor } from '../http/cursor.js';
import type { AppEnv } from '../http/env.js';
import { createRouter } from '../http/router.js';
import {
  conflictError,
  IdempotencyHeaderSchema,
  IdParamSchema,
  jsonBody,
  jsonResponse,
  notFoundError,
  optionalJsonBody,
} from '../schemas/common.js';
import {
  CreateWebhookEndpointSchema,
  DEFAULT_WEBHOOK_SECRET_OVERLAP_HOURS,
  ListWebhookDeliveriesQuerySchema,
  ListWebhookEndpointsQuerySchema,
  RotateWebhookSecretSchema,
  UpdateWebhookEndpointSchema,
  WebhookDeliveryPageSchema,
  WebhookDeliveryParamsSchema,
  WebhookDeliverySchema,
  WebhookEndpointPageSchema,
  WebhookEndpointSchema,
  WebhookEndpointWithSecretSchema,
} from '../schemas/webhooks.js';
import { adminRoute } from './admin/admin-route.js';

const TAGS = ['Webhooks'];
const PageCursorSchema = z.strictObject({ createdAt: z.iso.datetime(), id: z.uuid() });

function webhookCtx(c: Context<AppEnv>): WebhookCtx {
  const deps = c.get('deps');
  return {
    ...ctx(c),
    secretBox: deps.secretBox,
    policy: { allowPrivate: deps.webhooksAllowPrivate ?? false },
  };
}

const create = adminRoute({
  method: 'post',
  path: '/v1/admin/webhooks',
  tags: TAGS,
  summary: 'Add a webhook endpoint',
  description:
    'Events are POSTed to `url` signed per the Standard Webhooks spec. The answer carries the signing secret ' +
    '`whsec_…`, shown only here (and on rotation). Private, loopback and link-local targets answer 400 ' +
    '`webhook_url_not_allowed`.',
  revealsSecret: true,
  auditValues: ['enabled'],
  middleware: [atomic],
  request: { headers: IdempotencyHeaderSchema, body: jsonBody(CreateWebhookEndpointSchema) },
  responses: {
    201: jsonResponse(WebhookEndpointWithSecretSchema, 'The endpoint and its secret (shown once).'),
    422: { description: '`idempotency_key_reused`.' },
  },
});

const list = adminRoute({
  method: 'get',
  path: '/v1/admin/webhooks',
  tags: TAGS,
  summary: 'List webhook endpoints',
  request: { query: ListWebhookEndpointsQuerySchema },
  responses: { 200: jsonResponse(WebhookEndpointPageSchema, 'Endpoints, oldest first.') },
});

const get = adminRoute({
  method: 'get',
  path: '/v1/admin/webhooks/{id}',
  tags: TAGS,
  summary: 'Get a webhook endpoint',
  description: 'Never includes the secret.',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(WebhookEndpointSchema, 'The endpoint.'), ...notFoundError },
});

const update = adminRoute({
  method: 'patch',
  path: '/v1/admin/webhooks/{id}',
  tags: TAGS,
  summary: 'Change a webhook endpoint',
  description: 'URL, events, description, or enabled (turning it on again clears `disabledReason`).',
  auditValues: ['enabled'],
  middleware: [atomic],
  request: { params: IdParamSchema, body: jsonBody(UpdateWebhookEndpointSchema) },
  responses: { 200: jsonResponse(WebhookEndpointSchema, 'The endpoint.'), ...notFoundError },
});

const remove = adminRoute({
  method: 'delete',
  path: '/v1/admin/webhooks/{id}',
  tags: TAGS,
  summary: 'Delete a webhook endpoint',
  description: 'With its delivery log; pending deliveries are dropped.',
  middleware: [atomic],
  request: { params: IdParamSchema },
  responses: { 204: { description: 'Deleted.' }, ...notFoundError },
});

const rotate = adminRoute({
  method: 'post',
  path: '/v1/admin/webhooks/{id}/rotate-secret',
  tags: TAGS,
  summary: 'Rotate the signing secret',
  description:
    'The new secret is shown only in this answer. For `overlapHours` (default 24) deliveries carry a signature with each secret, so receivers can switch without rejecting any.',
  revealsSecret: true,
  auditValues: ['overlapHours'],
  middleware: [atomic],
  request: { params: IdParamSchema, body: optionalJsonBody(RotateWebhookSecretSchema) },
  responses: {
    200: jsonResponse(WebhookEndpointWithSecretSchema, 'The endpoint and its new secret (shown once).'),
    ...notFoundError,
  },
});

const deliveries = adminRoute({
  method: 'get',
  path: '/v1/admin/webhooks/{id}/deliveries',
  tags: TAGS,
  summary: 'Delivery log',
  description:
    'Newest first; each delivery with every attempt (status, latency, the first KB of the answer).',
  request: { params: IdParamSchema, query: ListWebhookDeliveriesQuerySchema },
  responses: {
    200: jsonResponse(WebhookDeliveryPageSchema, 'A page of deliveries.'),
    ...notFoundError,
  },
});

const replay = adminRoute({
  method: 'post',
  path: '/v1/admin/webhooks/{id}/deliveries/{deliveryId}/replay',
  tags: TAGS,
  summary: 'Send a delivery again',
  description: 'Enqueues one new attempt now, with the same `webhook-id` and body.',
  middleware: [atomic],
  request: { params: WebhookDeliveryParamsSchema },
  responses: {
    202: jsonResponse(WebhookDeliverySchema, 'The delivery, queued again.'),
    ...notFoundError,
    ...conflictError,
  },
});

export function webhookRoutes() {
  return createRouter()
    .openapi(create, async (c) => {
      const endpoint = await createWebhookEndpoint(
        webhookCtx(c),
        c.get('auth').tenant.id,
        c.req.valid('json'),
      );
      return c.json(endpoint, 201, { Location: `/v1/admin/webhooks/${endpoint.id}` });
    })
    .openapi(list, async (c) => {
      const query = withCursor(c.req.valid('query'), PageCursorSchema);
      return c.json(
        pageBody(await listWebhookEndpointsFor(webhookCtx(c), c.get('auth').tenant.id, query)),
        200,
      );
    })
    .openapi(get, async (c) => {
      return c.json(
        await getWebhookEndpoint(webhookCtx(c), c.get('auth').tenant.id, c.req.valid('param').id),
        200,
      );
    })
    .openapi(update, async (c) => {
      const endpoint = await updateWebhookEndpointFor(
        webhookCtx(c),
        c.get('auth').tenant.id,
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json(endpoint, 200);
    })
    .openapi(remove, async (c) => {
      await deleteWebhookEndpointFor(webhookCtx(c), c.get('auth').tenant.id, c.req.valid('param').id);
      return c.body(null, 204);
    })
    .openapi(rotate, async (c) => {
      return c.json(
        await rotateWebhookSecret(
          webhookCtx(c),
          c.get('auth').tenant.id,
          c.req.valid('param').id,
          c.req.valid('json').overlapHours ?? DEFAULT_WEBHOOK_SECRET_OVERLAP_HOURS,
        ),
        200,
      );
    })
    .openapi(deliveries, async (c) => {
      const query = withCursor(c.req.valid('query'), PageCursorSchema);
      const endpointId = c.req.valid('param').id;
      return c.json(
        pageBody(await listDeliveriesFor(webhookCtx(c), c.get('auth').tenant.id, endpointId, query)),
        200,
      );
    })
    .openapi(replay, async (c) => {
      const { id, deliveryId } = c.req.valid('param');
      return c.json(await replayDelivery(webhookCtx(c), c.get('auth').tenant.id, id, deliveryId), 202);
    });
}
