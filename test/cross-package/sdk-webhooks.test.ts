import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MicromentorAdmin } from '../../packages/sdk/src/admin.js';
import { NotFoundError, PermissionError, ValidationError } from '../../packages/sdk/src/index.js';
import { verifyWebhook, WebhookVerificationError } from '../../packages/sdk/src/node/index.js';
import { systemClock } from '../../packages/server/src/clock.js';
import { jobHandlers } from '../../packages/server/src/jobs/handlers.js';
import { createWorker } from '../../packages/server/src/jobs/worker.js';
import { SecretBox } from '../../packages/server/src/security/keys.js';
import { WebhookReceiver } from '../../packages/server/test/support/webhook-receiver.js';
import { browserFetch, failure, type SdkTenant, sdkTenant } from './sdk-fixtures.js';
import { type RunningApi, startApi } from './support.js';

// mm.admin.webhooks and verifyWebhook against the real server and a real receiver.
let api: RunningApi;
let tenant: SdkTenant;
const receiver = new WebhookReceiver();

beforeAll(async () => {
  api = await startApi({ webhooksAllowPrivate: true });
  tenant = await sdkTenant(api);
  await receiver.up();
});
afterAll(async () => {
  await receiver.down();
  await api?.close();
});

/** The server's own delivery worker on the same database (the API runs without a key: plain secrets). */
const drain = () =>
  createWorker({
    db: api.db,
    clock: systemClock,
    handlers: jobHandlers({ secretBox: new SecretBox(undefined), webhooks: { allowPrivate: true } }),
  }).drain();

describe('admin.webhooks', () => {
  it('manages endpoints, and deliveries verify with verifyWebhook and the current secret', async () => {
    const mm = tenant.backend();
    const created = await mm.admin.webhooks.create({ url: receiver.url, events: ['request.created'] });
    expect(created.secret).toMatch(/^whsec_/);
    expect(await mm.admin.webhooks.get(created.id)).not.toHaveProperty('secret');
    expect((await mm.admin.webhooks.list().toArray()).map((e) => e.id)).toEqual([created.id]);
    const updated = await mm.admin.webhooks.update(created.id, { description: 'CRM' });
    expect(updated).toMatchObject({ description: 'CRM', events: ['request.created'], enabled: true });
    const rotated = await mm.admin.webhooks.rotateSecret(created.id, { overlapHours: 0 });
    expect(rotated.secret).not.toBe(created.secret);
    expect(rotated.previousSecretExpiresAt).toBeNull();

    const { request } = await tenant.browser('learner-hook').requests.create({ title: 'Docker layers' });
    await drain();
    expect(receiver.received).toHaveLength(1);
    const hook = receiver.received[0]!;
    const event = verifyWebhook({ payload: hook.body, headers: hook.headers, secret: rotated.secret });
    expect(event).toMatchObject({ type: 'request.created', data: { request: { id: request.id } } });
    expect(() =>
      verifyWebhook({ payload: hook.body, headers: hook.headers, secret: created.secret }),
    ).toThrow(WebhookVerificationError);

    const log = await mm.admin.webhooks.deliveries(created.id).toArray();
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ status: 'delivered', messageId: event.id, attemptCount: 1 });
    expect(log[0]?.attempts[0]).toMatchObject({ statusCode: 200 });
    const replayed = await mm.admin.webhooks.replay(created.id, log[0]!.id);
    expect(replayed.status).toBe('pending');
    await drain();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.ids()).toEqual(new Set([event.id]));

    await mm.admin.webhooks.delete(created.id);
    expect(await failure(mm.admin.webhooks.get(created.id))).toBeInstanceOf(NotFoundError);
  });

  it('admits an admin’s token, refuses a learner’s, and reports bad input as ValidationError', async () => {
    const admin = new MicromentorAdmin({
      baseUrl: api.url,
      publishableKey: tenant.publishableKey,
      userToken: tenant.token('admin-1', { roles: ['admin'] }),
      fetch: browserFetch(tenant.origin),
    });
    const made = await admin.admin.webhooks.create({
      url: 'https://hooks.example.com/x',
      events: ['booking.created', 'booking.cancelled'],
    });
    expect(made.events).toEqual(['booking.created', 'booking.cancelled']);
    const learner = tenant.browser('learner-2');
    const refused = await failure(learner.admin.webhooks.list().toArray());
    expect(refused).toBeInstanceOf(PermissionError);
    expect((refused as PermissionError).code).toBe('admin_required');
    const bad = await failure(
      tenant.backend().admin.webhooks.create({ url: 'https://hooks.example.com', events: [] }),
    );
    expect(bad).toBeInstanceOf(ValidationError);
  });
});
