import { segment } from '../internal/url.js';
import type { PageList } from '../pagination.js';
import type { CallOptions, Requester, WriteOptions } from '../request.js';
import type {
  CreateWebhookEndpointParams,
  ListWebhookDeliveriesParams,
  ListWebhookEndpointsParams,
  RotateWebhookSecretParams,
  UpdateWebhookEndpointParams,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
} from '../types.js';
import { listOf } from './list.js';

/** Webhook endpoints and their delivery log (secret key, or an admin's user token). */
export interface AdminWebhooksResource {
  /** The answer's `secret` (`whsec_…`) is shown only here: store it to verify deliveries. */
  create(params: CreateWebhookEndpointParams, options?: WriteOptions): Promise<WebhookEndpointWithSecret>;
  list(params?: ListWebhookEndpointsParams, options?: CallOptions): PageList<WebhookEndpoint>;
  get(id: string, options?: CallOptions): Promise<WebhookEndpoint>;
  update(id: string, params: UpdateWebhookEndpointParams, options?: WriteOptions): Promise<WebhookEndpoint>;
  delete(id: string, options?: WriteOptions): Promise<void>;
  /**
   * A new secret, shown only in this answer. The old one keeps signing beside it for
   * `overlapHours` (server default 24; 0 retires it at once), so receivers can switch safely.
   */
  rotateSecret(
    id: string,
    params?: RotateWebhookSecretParams,
    options?: WriteOptions,
  ): Promise<WebhookEndpointWithSecret>;
  /** The delivery log, newest first, each delivery with its attempts. */
  deliveries(
    id: string,
    params?: ListWebhookDeliveriesParams,
    options?: CallOptions,
  ): PageList<WebhookDelivery>;
  /** Sends a delivery again now (same `webhook-id` and body). */
  replay(id: string, deliveryId: string, options?: WriteOptions): Promise<WebhookDelivery>;
}

const webhookPath = (id: string, rest = ''): string => `/v1/admin/webhooks/${segment(id)}${rest}`;

export function adminWebhooksResource(client: Requester): AdminWebhooksResource {
  return {
    create: (params, options) => client.request('POST', '/v1/admin/webhooks', { ...options, body: params }),
    list: (params, options) => listOf(client, '/v1/admin/webhooks', params, options),
    get: (id, options) => client.request('GET', webhookPath(id), options),
    update: (id, params, options) => client.request('PATCH', webhookPath(id), { ...options, body: params }),
    delete: async (id, options) => {
      await client.request('DELETE', webhookPath(id), options);
    },
    rotateSecret: (id, params, options) =>
      client.request('POST', webhookPath(id, '/rotate-secret'), { ...options, body: params ?? {} }),
    deliveries: (id, params, options) => listOf(client, webhookPath(id, '/deliveries'), params, options),
    replay: (id, deliveryId, options) =>
      client.request('POST', webhookPath(id, `/deliveries/${segment(deliveryId)}/replay`), options),
  };
}
