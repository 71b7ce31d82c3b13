// What the admin console needs from the API, in one place; every call goes through the SDK client.
import type {
  Analytics,
  Mentor,
  Micromentor,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEndpointWithSecret,
} from '@micromentor/sdk';
import type { Page } from '../mentor-console/console-api.js';

export type AdminMentor = Mentor & { statusReason?: string | null };
export type MentorAction = 'approve' | 'reject' | 'pause' | 'suspend' | 'reinstate';

export interface Report {
  id: string;
  mentorId: string;
  mentorName?: string;
  bookingId: string | null;
  reason: string;
  details: string;
  status: string;
  createdAt: string;
}

export interface ApiKeyInfo {
  id: string;
  kind: 'publishable' | 'secret' | 'identity';
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
}

export interface RotatedKey {
  kind: ApiKeyInfo['kind'];
  key: string;
  previousExpiresAt: string | null;
}

export type { Analytics, WebhookDelivery, WebhookEndpoint, WebhookEndpointWithSecret };

const enc = encodeURIComponent;

export function adminApi(client: Micromentor) {
  return {
    me: () => client.me.get(),
    mentors: (status: string): Promise<Page<AdminMentor>> =>
      client.request('GET', '/v1/admin/mentors', { query: { status, limit: 100 } }),
    act: (id: string, action: MentorAction, reason: string): Promise<AdminMentor> =>
      client.request('POST', `/v1/admin/mentors/${enc(id)}/${action}`, { body: reason ? { reason } : {} }),
    reports: (): Promise<Page<Report>> =>
      client.request('GET', '/v1/admin/reports', { query: { status: 'open', limit: 100 } }),
    resolveReport: (id: string, action: 'dismiss' | 'pause' | 'suspend', note: string): Promise<Report> =>
      client.request('POST', `/v1/admin/reports/${enc(id)}/resolve`, { body: { action, note } }),
    settings: (): Promise<Record<string, unknown>> => client.request('GET', '/v1/admin/settings'),
    saveSettings: (patch: Record<string, unknown>): Promise<Record<string, unknown>> =>
      client.request('PATCH', '/v1/admin/settings', { body: patch }),
    keys: (): Promise<{ data: ApiKeyInfo[] }> => client.request('GET', '/v1/admin/keys'),
    rotateKey: (kind: ApiKeyInfo['kind'], overlapHours: number): Promise<RotatedKey> =>
      client.request('POST', '/v1/admin/keys/rotate', { body: { kind, overlapHours } }),
    webhooks: (): Promise<Page<WebhookEndpoint>> => client.admin.webhooks.list(),
    createWebhook: (url: string, events: WebhookEndpoint['events']): Promise<WebhookEndpointWithSecret> =>
      client.admin.webhooks.create({ url, events }),
    rotateWebhookSecret: (id: string): Promise<WebhookEndpointWithSecret> =>
      client.admin.webhooks.rotateSecret(id),
    deliveries: (id: string): Promise<Page<WebhookDelivery>> =>
      client.admin.webhooks.deliveries(id, { limit: 50 }),
    replay: (id: string, deliveryId: string): Promise<WebhookDelivery> =>
      client.admin.webhooks.replay(id, deliveryId),
    analytics: (from: string, to: string, bucket: 'day' | 'week'): Promise<Analytics> =>
      client.request('GET', '/v1/admin/analytics', { query: { from, to, bucket } }),
    exportCsv: (kind: 'requests' | 'bookings' | 'feedback', from: string, to: string): Promise<string> =>
      client.request('GET', `/v1/admin/exports/${kind}.csv`, { query: { from, to }, responseType: 'text' }),
  };
}

export type AdminApi = ReturnType<typeof adminApi>;
