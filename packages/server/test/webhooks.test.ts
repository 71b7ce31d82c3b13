import { WebhookVerificationError as StandardVerificationError, Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyWebhook, WebhookVerificationError } from '../../sdk/src/node/index.js';
import { type App, createApp } from '../src/app.js';
import { systemClock } from '../src/clock.js';
import { claimJobs } from '../src/db/jobs.js';
import { WEBHOOK_RETRY_SCHEDULE_MS, webhookDeliveryHandler } from '../src/domain/webhooks/deliver.js';
import { WEBHOOK_EVENT_TYPES } from '../src/domain/webhooks/event-types.js';
import { WEBHOOK_DELIVER_JOB } from '../src/domain/webhooks/outbox.js';
import { jobHandlers } from '../src/jobs/handlers.js';
import { createWorker, type JobHandlers } from '../src/jobs/worker.js';
import { asLearner, type BookingBody, bookableMentor } from './support/booking-fixtures.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { type CallOptions, call } from './support/http.js';
import { type ReceivedWebhook, WebhookReceiver } from './support/webhook-receiver.js';

interface Endpoint {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  enabled: boolean;
  disabledReason: string | null;
  secret?: string;
}

interface Delivery {
  id: string;
  messageId: string;
  eventType: string;
  status: string;
  attemptCount: number;
  lastError: string | null;
  body: string;
  attempts: {
    attempt: number;
    statusCode: number | null;
    error: string | null;
    latencyMs: number;
    responseExcerpt: string | null;
    at: string;
  }[];
}

let ctx: TestContext;
/** The same database, without the development flag: private targets are refused. */
let strictApp: App;
const receivers: WebhookReceiver[] = [];

beforeAll(async () => {
  ctx = await createTestContext({ config: { webhooksAllowPrivate: true } });
  strictApp = createApp({
    db: ctx.db,
    clock: ctx.clock,
    config: { secretKey: 'test-server-secret-key-0123456789', logError: () => {} },
  });
});
afterAll(async () => {
  for (const r of receivers) await r.down();
  await ctx.close();
});

async function receiver(status = 200): Promise<WebhookReceiver> {
  const r = new WebhookReceiver();
  r.status = status;
  await r.up();
  receivers.push(r);
  return r;
}

const handlers = (allowPrivate = true): JobHandlers =>
  jobHandlers({ secretBox: ctx.secretBox, webhooks: { allowPrivate } });
const worker = (options: { allowPrivate?: boolean; leaseMs?: number } = {}) =>
  createWorker({
    db: ctx.db,
    clock: ctx.clock,
    handlers: handlers(options.allowPrivate),
    leaseMs: options.leaseMs,
  });

const sk = (tenant: TestTenant): CallOptions => ({ key: tenant.secretKey });

async function addEndpoint(
  tenant: TestTenant,
  url: string,
  events: readonly string[] = WEBHOOK_EVENT_TYPES,
): Promise<Endpoint & { secret: string }> {
  const res = await call<Endpoint & { secret: string }>(ctx.app, 'POST', '/v1/admin/webhooks', {
    ...sk(tenant),
    body: { url, events },
  });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

async function askForHelp(tenant: TestTenant, sub: string, title = 'Help with SQL joins'): Promise<string> {
  const res = await call<{ request: { id: string } }>(ctx.app, 'POST', '/v1/requests', {
    ...asLearner(tenant, sub),
    body: { title, urgency: 'flexible' },
  });
  expect(res.status, res.text).toBe(201);
  return res.body.request.id;
}

async function deliveries(tenant: TestTenant, endpointId: string): Promise<Delivery[]> {
  const res = await call<{ data: Delivery[]; nextCursor: string | null }>(
    ctx.app,
    'GET',
    `/v1/admin/webhooks/${endpointId}/deliveries?limit=100`,
    sk(tenant),
  );
  expect(res.status, res.text).toBe(200);
  return res.body.data;
}

/** The webhook ids of every event of the tenant a full subscription must deliver. */
async function expectedMessageIds(tenantId: string): Promise<Set<string>> {
  const events = await ctx.db
    .selectFrom('events')
    .select(['id'])
    .where('tenant_id', '=', tenantId)
    .where('type', 'in', [...WEBHOOK_EVENT_TYPES])
    .execute();
  return new Set(events.map((e) => `msg_${e.id}`));
}

/** Verifies with the independent `standardwebhooks` library, whose clock is the real Date. */
function verifyStandard(secret: string, hook: ReceivedWebhook, at: Date): unknown {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(at);
  try {
    return new Webhook(secret).verify(hook.body, hook.headers as Record<string, string>);
  } finally {
    vi.useRealTimers();
  }
}

const timestampOf = (hook: ReceivedWebhook) => new Date(Number(hook.headers['webhook-timestamp']) * 1000);

afterEach(() => {
  vi.useRealTimers();
});

describe('webhook endpoints', () => {
  it('shows the whsec_ secret only on create and rotation, and stores it sealed', async () => {
    const tenant = await ctx.tenant();
    const created = await addEndpoint(tenant, 'https://hooks.example.com/mm', ['booking.created']);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(created.secret.slice(6), 'base64')).toHaveLength(24);
    expect(created).toMatchObject({
      url: 'https://hooks.example.com/mm',
      events: ['booking.created'],
      enabled: true,
    });

    const got = await call<Endpoint>(ctx.app, 'GET', `/v1/admin/webhooks/${created.id}`, sk(tenant));
    const listed = await call<{ data: Endpoint[] }>(ctx.app, 'GET', '/v1/admin/webhooks', sk(tenant));
    for (const res of [got, listed]) {
      expect(res.status).toBe(200);
      expect(res.text).not.toContain(created.secret.slice(6));
      expect(res.text).not.toContain('"secret"');
    }
    expect(listed.body.data.map((e) => e.id)).toEqual([created.id]);

    const raw = await ctx.db
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(raw.secret_sealed).toMatch(/^v1:/);
    expect(raw.secret_sealed).not.toContain(created.secret.slice(6));
    expect(ctx.secretBox.open(raw.secret_sealed)).toBe(created.secret);

    const rotated = await call<Endpoint & { secret: string }>(
      ctx.app,
      'POST',
      `/v1/admin/webhooks/${created.id}/rotate-secret`,
      sk(tenant),
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.secret);
    const after = await ctx.db
      .selectFrom('webhook_endpoints')
      .select('secret_sealed')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(ctx.secretBox.open(after.secret_sealed)).toBe(rotated.body.secret);
  });

  it('updates, lists with a cursor and deletes', async () => {
    const tenant = await ctx.tenant();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await addEndpoint(tenant, `https://hooks.example.com/${i}`)).id);
    const first = await call<{ data: Endpoint[]; nextCursor: string }>(
      ctx.app,
      'GET',
      '/v1/admin/webhooks?limit=2',
      sk(tenant),
    );
    expect(first.body.data).toHaveLength(2);
    const second = await call<{ data: Endpoint[]; nextCursor: string | null }>(
      ctx.app,
      'GET',
      `/v1/admin/webhooks?limit=2&cursor=${first.body.nextCursor}`,
      sk(tenant),
    );
    expect([...first.body.data, ...second.body.data].map((e) => e.id).sort()).toEqual([...ids].sort());
    expect(second.body.nextCursor).toBeNull();

    const patched = await call<Endpoint>(ctx.app, 'PATCH', `/v1/admin/webhooks/${ids[0]}`, {
      ...sk(tenant),
      body: { events: ['request.created', 'request.created'], description: 'CRM sync', enabled: false },
    });
    expect(patched.status, patched.text).toBe(200);
    expect(patched.body).toMatchObject({
      events: ['request.created'],
      description: 'CRM sync',
      enabled: false,
    });

    expect((await call(ctx.app, 'DELETE', `/v1/admin/webhooks/${ids[0]}`, sk(tenant))).status).toBe(204);
    expect((await call(ctx.app, 'GET', `/v1/admin/webhooks/${ids[0]}`, sk(tenant))).status).toBe(404);
    expect((await call(ctx.app, 'DELETE', `/v1/admin/webhooks/${ids[0]}`, sk(tenant))).status).toBe(404);
  });

  it('is for the secret key or an admin’s token, not learners or mentors', async () => {
    const tenant = await ctx.tenant();
    const body = { url: 'https://hooks.example.com/a', events: ['request.created'] };
    const as = (roles: ('admin' | 'mentor')[] | undefined): CallOptions => ({
      key: tenant.publishableKey,
      origin: tenant.origin,
      token: tenant.token({ sub: `u-${roles?.join('-') ?? 'learner'}`, roles }),
    });
    expect((await call(ctx.app, 'POST', '/v1/admin/webhooks', { ...as(['admin']), body })).status).toBe(201);
    for (const roles of [undefined, ['mentor'] as 'mentor'[]]) {
      for (const [method, path] of [
        ['POST', '/v1/admin/webhooks'],
        ['GET', '/v1/admin/webhooks'],
      ] as const) {
        const res = await call<{ code: string }>(ctx.app, method, path, {
          ...as(roles),
          ...(method === 'POST' ? { body } : {}),
        });
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('admin_required');
      }
    }
    const publishableOnly = await call(ctx.app, 'GET', '/v1/admin/webhooks', {
      key: tenant.publishableKey,
      origin: tenant.origin,
    });
    // No user at all: say who is missing (401), as every program route does.
    expect([publishableOnly.status, (publishableOnly.body as { code?: string }).code]).toEqual([
      401,
      'user_token_required',
    ]);
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const tenant = await ctx.tenant();
    const endpoint = await addEndpoint(tenant, 'https://hooks.example.com/x', ['request.created']);
    const count = async () =>
      (
        await ctx.db
          .selectFrom('webhook_endpoints')
          .selectAll()
          .where('tenant_id', '=', tenant.id)
          .orderBy('id')
          .execute()
      ).map((r) => ({ ...r }));
    const before = await count();
    const cases: {
      name: string;
      method: string;
      path: string;
      body: unknown;
      code: string;
      field?: string;
    }[] = [
      {
        name: 'not a URL',
        method: 'POST',
        path: '/v1/admin/webhooks',
        body: { url: 'not a url', events: ['request.created'] },
        code: 'validation_failed',
        field: 'body.url',
      },
      {
        name: 'ftp URL',
        method: 'POST',
        path: '/v1/admin/webhooks',
        body: { url: 'ftp://hooks.example.com/', events: ['request.created'] },
        code: 'validation_failed',
        field: 'body.url',
      },
      {
        name: 'URL with credentials',
        method: 'POST',
        path: '/v1/admin/webhooks',
        body: { url: 'https://u:p@hooks.example.com/', events: ['request.created'] },
        code: 'validation_failed',
        field: 'body.url',
      },
      {
        name: 'empty URL',
        method: 'POST',
        path: '/v1/admin/webhooks',
        body: { url: '', events: ['request.created'] },
        code: 'validation_failed',
        field: 'body.url',
      },
      {
        name: 'unknown event type',
        method: 'POST',
        path: '/v1/admin/webhooks',
        body: { url: 'https://hooks.example.com/', events: ['request.created', 'payment.made'] },
        code: 'validation_failed',
        field: 'body.events.1',
      },
      {
        name: 'event that is not for webhooks',
        method: 'POST',
        path: '/v1/admin/webhooks',
        body: { url: 'https://hooks.example.com/', events: ['message.created'] },
        code: 'validation_failed',
        field: 'body.events.0',
      },
      {
        name: 'empty events',
        method: 'POST',
        path: '/v1/admin/webhooks',
        body: { url: 'https://hooks.example.com/', events: [] },
        code: 'validation_failed',
        field: 'body.events',
      },
      {
        name: 'missing events',
        method: 'POST',
        path: '/v1/admin/webhooks',
        body: { url: 'https://hooks.example.com/' },
        code: 'validation_failed',
        field: 'body.events',
      },
      {
        name: 'a secret of our own',
        method: 'POST',
        path: '/v1/admin/webhooks',
        body: { url: 'https://hooks.example.com/', events: ['request.created'], secret: 'whsec_AAAA' },
        code: 'validation_failed',
      },
      {
        name: 'empty patch',
        method: 'PATCH',
        path: `/v1/admin/webhooks/${endpoint.id}`,
        body: {},
        code: 'validation_failed',
      },
      {
        name: 'patch to empty events',
        method: 'PATCH',
        path: `/v1/admin/webhooks/${endpoint.id}`,
        body: { events: [] },
        code: 'validation_failed',
        field: 'body.events',
      },
      {
        name: 'patch to a bad URL',
        method: 'PATCH',
        path: `/v1/admin/webhooks/${endpoint.id}`,
        body: { url: 'hooks.example.com' },
        code: 'validation_failed',
        field: 'body.url',
      },
      {
        name: 'bad id',
        method: 'PATCH',
        path: '/v1/admin/webhooks/not-an-id',
        body: { enabled: true },
        code: 'validation_failed',
        field: 'param.id',
      },
      {
        name: 'bad delivery id',
        method: 'POST',
        path: `/v1/admin/webhooks/${endpoint.id}/deliveries/nope/replay`,
        body: undefined,
        code: 'validation_failed',
        field: 'param.deliveryId',
      },
      {
        name: 'bad cursor',
        method: 'GET',
        path: `/v1/admin/webhooks/${endpoint.id}/deliveries?cursor=zzz`,
        body: undefined,
        code: 'invalid_cursor',
      },
    ];
    for (const c of cases) {
      const res = await call<{ code: string; errors?: { path: string }[] }>(ctx.app, c.method, c.path, {
        ...sk(tenant),
        ...(c.body === undefined ? {} : { body: c.body }),
      });
      expect(res.status, `${c.name}: ${res.text}`).toBe(400);
      expect(res.body.code, c.name).toBe(c.code);
      if (c.field)
        expect(
          res.body.errors?.map((e) => e.path),
          c.name,
        ).toContain(c.field);
    }
    expect(await count()).toEqual(before);
  });

  it('refuses private, loopback and link-local targets unless the operator allows them', async () => {
    const tenant = await ctx.tenant();
    const refused = [
      'https://127.0.0.1/hook',
      'https://127.1.2.3/hook',
      'https://localhost/hook',
      'https://api.localhost/hook',
      'https://[::1]/hook',
      'https://[::ffff:127.0.0.1]/hook',
      'https://[fd12:3456::1]/hook',
      'https://[fe80::1]/hook',
      'https://169.254.169.254/latest/meta-data',
      'https://10.1.2.3/hook',
      'https://172.16.0.1/hook',
      'https://172.31.255.255/hook',
      'https://192.168.1.10/hook',
      'https://0.0.0.0/hook',
      'https://2130706433/hook', // 127.0.0.1 as one number
      'https://0x7f.0.0.1/hook',
      'https://0x7f.1/hook',
      'https://0177.0.0.1/hook', // octal
      'https://intranet/hook',
      // Every special-purpose IPv4 range, documentation ones included (192.0.2.2 was the host).
      'https://192.0.0.8/hook',
      'https://192.0.2.2/hook',
      'https://192.88.99.1/hook',
      'https://198.18.0.1/hook',
      'https://198.51.100.7/hook',
      'https://203.0.113.9/hook',
      'https://100.64.0.1/hook',
      'https://224.0.0.1/hook',
      'https://240.0.0.1/hook',
      'https://255.255.255.255/hook',
      // IPv6 forms, including those that carry an IPv4 address.
      'https://[::]/hook',
      'https://[::7f00:1]/hook', // IPv4-compatible 127.0.0.1
      'https://[::ffff:7f00:1]/hook',
      'https://[::ffff:0:7f00:1]/hook', // IPv4-translated
      'https://[::ffff:8.8.8.8]/hook', // every mapped address
      'https://[64:ff9b::7f00:1]/hook', // NAT64
      'https://[64:ff9b:1::1]/hook',
      'https://[100::1]/hook',
      'https://[2001::1]/hook', // Teredo
      'https://[2001:db8::1]/hook',
      'https://[2002:7f00:1::1]/hook', // 6to4 of 127.0.0.1
      'https://[2002:c000:202::1]/hook', // 6to4 of 192.0.2.2
      'https://[fc00::1]/hook',
      'https://[fec0::1]/hook', // site-local
      'https://[ff02::1]/hook',
      // Names: trailing dots (any number), case, IDNA and address literals hiding behind dots.
      'https://localhost./hook',
      'https://LOCALHOST../hook',
      'https://api.localhost.../hook',
      'https://127.0.0.1../hook',
      'https://0x7f.1.../hook',
      'https://192.0.2.2.../hook',
      'https://１２７.０.０.１/hook', // full-width digits, mapped by IDNA
    ];
    for (const url of refused) {
      const res = await call<{ code: string }>(strictApp, 'POST', '/v1/admin/webhooks', {
        ...sk(tenant),
        body: { url, events: ['request.created'] },
      });
      expect(res.status, url).toBe(400);
      expect(res.headers.get('content-type'), url).toContain('application/problem+json');
      expect(res.body.code, url).toBe('webhook_url_not_allowed');
    }
    // Plain http only with the development flag.
    const http = await call<{ code: string }>(strictApp, 'POST', '/v1/admin/webhooks', {
      ...sk(tenant),
      body: { url: 'http://hooks.example.com/', events: ['request.created'] },
    });
    expect(http.status).toBe(400);
    const ok = await call<Endpoint>(strictApp, 'POST', '/v1/admin/webhooks', {
      ...sk(tenant),
      body: { url: 'https://172.32.0.1/hook', events: ['request.created'] },
    });
    expect(ok.status, ok.text).toBe(201);
    const moved = await call<{ code: string }>(strictApp, 'PATCH', `/v1/admin/webhooks/${ok.body.id}`, {
      ...sk(tenant),
      body: { url: 'https://192.168.0.1/' },
    });
    expect(moved.status).toBe(400);
    expect(moved.body.code).toBe('webhook_url_not_allowed');
    // The development flag lets a local receiver in.
    const local = await call(ctx.app, 'POST', '/v1/admin/webhooks', {
      ...sk(tenant),
      body: { url: 'http://127.0.0.1:9/hook', events: ['request.created'] },
    });
    expect(local.status).toBe(201);
  });

  it('checks the address again at delivery time: a private target is never contacted', async () => {
    const tenant = await ctx.tenant();
    const local = await receiver();
    // Saved while the flag was on; the worker now runs without it.
    const endpoint = await addEndpoint(tenant, local.url, ['request.created']);
    await askForHelp(tenant, 'private-1');
    const strictWorker = worker({ allowPrivate: false });
    await strictWorker.drain();
    expect(local.received).toHaveLength(0);
    const [delivery] = await deliveries(tenant, endpoint.id);
    expect(delivery).toMatchObject({ status: 'failed', attemptCount: 1 });
    // A coarse reason: no address, port or system message in what admins read.
    expect(delivery?.attempts[0]).toMatchObject({ statusCode: null, error: 'address not allowed' });
    expect(delivery?.lastError).toBe('address not allowed');
    // Not retried: only a new URL can fix it.
    ctx.clock.advance(11 * 3_600_000);
    expect(await strictWorker.drain()).toBe(0);
  });

  it('resolves names at delivery and refuses one that resolves to a private address (DNS rebinding)', async () => {
    const tenant = await ctx.tenant();
    const created = await call<Endpoint>(strictApp, 'POST', '/v1/admin/webhooks', {
      ...sk(tenant),
      body: { url: 'https://hooks.rebind.example/in', events: ['request.created'] },
    });
    expect(created.status).toBe(201);
    const lookups: string[] = [];
    const rebinding = createWorker({
      db: ctx.db,
      clock: ctx.clock,
      handlers: {
        [WEBHOOK_DELIVER_JOB]: webhookDeliveryHandler({
          secretBox: ctx.secretBox,
          allowPrivate: false,
          // A public address first, then the private one an attacker rebinds to: every one is checked.
          resolve: async (hostname) => {
            lookups.push(hostname);
            return [
              { address: '93.184.216.34', family: 4 },
              { address: '10.0.0.7', family: 4 },
            ];
          },
        }),
      },
    });
    await askForHelp(tenant, 'rebind-1');
    await rebinding.drain();
    expect(lookups).toEqual(['hooks.rebind.example']);
    const [delivery] = await deliveries(tenant, created.body.id);
    expect(delivery?.status).toBe('failed');
    expect(delivery?.attempts[0]?.error).toBe('address not allowed');
    expect(delivery?.lastError).toBe('address not allowed');
    expect(JSON.stringify(delivery)).not.toMatch(/10\.0\.0\.7|93\.184/);
  });
});

describe('webhook delivery', () => {
  it('signs per Standard Webhooks: the standardwebhooks library and our SDK both verify; a tampered body fails both', async () => {
    const tenant = await ctx.tenant();
    const r = await receiver();
    const endpoint = await addEndpoint(tenant, r.url, ['request.created']);
    const requestId = await askForHelp(tenant, 'signed-1');
    // A worker on the real clock, so the timestamp is checked against the real time as well.
    await createWorker({ db: ctx.db, clock: systemClock, handlers: handlers() }).drain();
    expect(r.received).toHaveLength(1);
    const hook = r.received[0]!;
    expect(hook.headers['content-type']).toBe('application/json');
    expect(hook.headers['webhook-id']).toMatch(/^msg_\d+$/);
    expect(hook.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(Math.abs(Number(hook.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(60);

    const standard = new Webhook(endpoint.secret).verify(
      hook.body,
      hook.headers as Record<string, string>,
    ) as {
      id: string;
      type: string;
      data: { request: { id: string } };
    };
    expect(standard).toMatchObject({ id: hook.headers['webhook-id'], type: 'request.created' });
    expect(standard.data.request.id).toBe(requestId);
    const ours = verifyWebhook({ payload: hook.body, headers: hook.headers, secret: endpoint.secret });
    expect(ours).toEqual(standard);
    expect(
      verifyWebhook({
        payload: Buffer.from(hook.body),
        headers: new Headers(hook.headers as Record<string, string>),
        secret: endpoint.secret,
      }),
    ).toEqual(standard);

    const tampered = hook.body.replace(requestId, '00000000-0000-4000-8000-000000000000');
    expect(tampered).not.toBe(hook.body);
    expect(() =>
      new Webhook(endpoint.secret).verify(tampered, hook.headers as Record<string, string>),
    ).toThrow(StandardVerificationError);
    expect(() =>
      verifyWebhook({ payload: tampered, headers: hook.headers, secret: endpoint.secret }),
    ).toThrow(WebhookVerificationError);
    const wrongSecret = `whsec_${Buffer.alloc(24, 7).toString('base64')}`;
    expect(() => verifyWebhook({ payload: hook.body, headers: hook.headers, secret: wrongSecret })).toThrow(
      expect.objectContaining({ reason: 'invalid_signature' }),
    );
    const late = new Date(Date.now() + 301_000);
    expect(() =>
      verifyWebhook({ payload: hook.body, headers: hook.headers, secret: endpoint.secret, now: late }),
    ).toThrow(expect.objectContaining({ reason: 'timestamp_too_old' }));
    expect(() =>
      verifyWebhook({
        payload: hook.body,
        headers: { ...hook.headers, 'webhook-id': undefined },
        secret: endpoint.secret,
      }),
    ).toThrow(expect.objectContaining({ reason: 'missing_headers' }));

    const [delivery] = await deliveries(tenant, endpoint.id);
    expect(delivery).toMatchObject({
      status: 'delivered',
      attemptCount: 1,
      messageId: hook.headers['webhook-id'],
    });
    expect(delivery?.attempts[0]).toMatchObject({ attempt: 1, statusCode: 200, error: null });
    expect(delivery?.body).toBe(hook.body);
  });

  it('rotation: the old secret keeps signing beside the new one for the overlap, then stops', async () => {
    const tenant = await ctx.tenant();
    const r = await receiver();
    const endpoint = await addEndpoint(tenant, r.url, ['request.created']);
    const rotate = (body?: unknown) =>
      call<Endpoint & { secret: string; previousSecretExpiresAt: string | null }>(
        ctx.app,
        'POST',
        `/v1/admin/webhooks/${endpoint.id}/rotate-secret`,
        { ...sk(tenant), ...(body === undefined ? {} : { body }) },
      );
    const sealedNow = async () =>
      await ctx.db
        .selectFrom('webhook_endpoints')
        .select(['secret_sealed', 'previous_secret_sealed'])
        .where('id', '=', endpoint.id)
        .executeTakeFirstOrThrow();

    // Bad overlaps change nothing.
    const before = await sealedNow();
    for (const overlapHours of [-1, 169, 'soon']) {
      const bad = await rotate({ overlapHours });
      expect(bad.status, bad.text).toBe(400);
      expect(bad.headers.get('content-type')).toContain('application/problem+json');
      expect(await sealedNow()).toEqual(before);
    }

    const rotated = await rotate({ overlapHours: 2 });
    expect(rotated.status, rotated.text).toBe(200);
    expect(Date.parse(rotated.body.previousSecretExpiresAt!)).toBe(ctx.clock.now().getTime() + 2 * 3_600_000);
    const stored = await sealedNow();
    expect(stored.previous_secret_sealed).toBe(before.secret_sealed);
    expect(ctx.secretBox.open(stored.secret_sealed)).toBe(rotated.body.secret);

    // Within the overlap: two signatures; either secret verifies (independent library and ours).
    await askForHelp(tenant, 'rotate-1');
    await worker().drain();
    const during = r.received.at(-1)!;
    expect(during.headers['webhook-signature']).toMatch(/^v1,\S+ v1,\S+$/);
    for (const secret of [endpoint.secret, rotated.body.secret]) {
      expect(verifyStandard(secret, during, ctx.clock.now())).toMatchObject({ type: 'request.created' });
      expect(
        verifyWebhook({ payload: during.body, headers: during.headers, secret, now: ctx.clock.now() }),
      ).toMatchObject({ type: 'request.created' });
    }

    // After the overlap only the new secret signs.
    ctx.clock.advance(2 * 3_600_000 + 1_000);
    await askForHelp(tenant, 'rotate-2');
    await worker().drain();
    const after = r.received.at(-1)!;
    expect(after.headers['webhook-id']).not.toBe(during.headers['webhook-id']);
    expect(after.headers['webhook-signature']).toMatch(/^v1,\S+$/);
    expect(verifyStandard(rotated.body.secret, after, ctx.clock.now())).toMatchObject({
      type: 'request.created',
    });
    expect(() => verifyStandard(endpoint.secret, after, ctx.clock.now())).toThrow(StandardVerificationError);

    // No body: the default 24 h overlap. overlapHours 0: the old secret is retired at once.
    const byDefault = await rotate();
    expect(byDefault.status, byDefault.text).toBe(200);
    expect(Date.parse(byDefault.body.previousSecretExpiresAt!)).toBe(
      ctx.clock.now().getTime() + 24 * 3_600_000,
    );
    const atOnce = await rotate({ overlapHours: 0 });
    expect(atOnce.body.previousSecretExpiresAt).toBeNull();
    await askForHelp(tenant, 'rotate-3');
    await worker().drain();
    const last = r.received.at(-1)!;
    expect(last.headers['webhook-signature']).toMatch(/^v1,\S+$/);
    expect(verifyStandard(atOnce.body.secret, last, ctx.clock.now())).toMatchObject({
      type: 'request.created',
    });
    expect(() => verifyStandard(byDefault.body.secret, last, ctx.clock.now())).toThrow(
      StandardVerificationError,
    );
  });

  it('THE KEY TEST: receiver down while events happen → after it returns every event arrives, at least once', async () => {
    const tenant = await ctx.tenant();
    const r = await receiver(503);
    const endpoint = await addEndpoint(tenant, r.url);
    const mentor = await bookableMentor(ctx, tenant);

    // Several events through the API: requests, bookings (one for a request), a cancel, a move.
    const requestIds = [
      await askForHelp(tenant, 'down-1', 'Index not used'),
      await askForHelp(tenant, 'down-2', 'Slow join'),
      await askForHelp(tenant, 'down-3', 'Deadlocks'),
    ];
    const booked: BookingBody[] = [];
    for (const [i, start] of [
      '2026-11-27T09:00:00Z',
      '2026-11-27T10:00:00Z',
      '2026-11-27T11:00:00Z',
    ].entries()) {
      const res = await call<BookingBody>(ctx.app, 'POST', '/v1/bookings', {
        ...asLearner(tenant, `down-${i + 1}`),
        body: {
          mentorId: mentor.id,
          start,
          durationMinutes: 30,
          format: 'video',
          ...(i === 0 ? { requestId: requestIds[0] } : {}),
        },
      });
      expect(res.status, res.text).toBe(201);
      booked.push(res.body);
    }
    const cancel = await call(ctx.app, 'POST', `/v1/bookings/${booked[1]!.id}/cancel`, {
      ...sk(tenant),
      body: { reason: 'Mentor ill' },
    });
    expect(cancel.status).toBe(200);
    const moved = await call(ctx.app, 'POST', `/v1/bookings/${booked[2]!.id}/reschedule`, {
      ...sk(tenant),
      body: { start: '2026-11-27T13:00:00Z' },
    });
    expect(moved.status).toBe(200);

    const expected = await expectedMessageIds(tenant.id);
    const types = await ctx.db
      .selectFrom('events')
      .select('type')
      .where('tenant_id', '=', tenant.id)
      .execute();
    expect(types.map((t) => t.type).sort()).toEqual(
      [
        'booking.cancelled',
        'booking.created',
        'booking.created',
        'booking.created',
        'booking.rescheduled',
        'request.created',
        'request.created',
        'request.created',
        'request.matched',
      ].sort(),
    );
    expect(expected.size).toBe(9);

    const w = worker();
    // Attempt 1 at once, 2 after ~5 s, 3 after ~5 min: all 503.
    await w.drain();
    ctx.clock.advance(6_000);
    await w.drain();
    ctx.clock.advance(6 * 60_000);
    await w.drain();
    expect(r.received.length).toBe(3 * expected.size);
    // Then the port is closed altogether: attempt 4 after ~30 min is refused.
    await r.down();
    ctx.clock.advance(35 * 60_000);
    await w.drain();
    // Nothing is due in between: moving time a little sends nothing.
    ctx.clock.advance(60 * 60_000);
    expect(await w.drain()).toBe(0);
    // It comes back healthy; attempt 5 after ~2 h.
    r.status = 200;
    await r.up();
    ctx.clock.advance(80 * 60_000);
    await w.drain();

    // Deduplicated by webhook-id, what the receiver accepted is exactly the events recorded.
    expect(r.acceptedIds()).toEqual(expected);
    expect(r.ids()).toEqual(expected);
    // Every arrival verifies (standardwebhooks and our SDK) and carries the event it names.
    const secret = endpoint.secret;
    for (const hook of r.received) {
      const at = timestampOf(hook);
      const event = verifyWebhook({ payload: hook.body, headers: hook.headers, secret, now: at });
      expect(verifyStandard(secret, hook, at)).toEqual(event);
      expect(event.id).toBe(hook.headers['webhook-id']);
    }
    const log = await deliveries(tenant, endpoint.id);
    expect(log).toHaveLength(expected.size);
    for (const d of log) {
      expect(d.status, JSON.stringify(d)).toBe('delivered');
      expect(d.attemptCount).toBe(5);
      expect(d.attempts.map((a) => a.statusCode)).toEqual([503, 503, 503, null, 200]);
      expect(d.attempts[3]?.error).toBe('connection refused');
      expect(d.attempts.every((a) => a.latencyMs >= 0)).toBe(true);
    }
    // Nothing of those events is left to send: a day later only the sessions' reminders (new
    // events, recorded when due) arrive.
    const arrived = r.received.length;
    ctx.clock.advance(24 * 3_600_000);
    await w.drain();
    const later = r.received
      .slice(arrived)
      .map((hook) => JSON.parse(hook.body) as { id: string; type: string });
    expect(later.filter((hook) => expected.has(hook.id))).toEqual([]);
    expect(later.map((hook) => hook.type)).toEqual(['booking.reminder', 'booking.reminder']);
  });

  it('a 410 Gone disables the endpoint and stops its deliveries', async () => {
    const tenant = await ctx.tenant();
    const r = await receiver(410);
    const endpoint = await addEndpoint(tenant, r.url, ['request.created']);
    await askForHelp(tenant, 'gone-1');
    const w = worker();
    await w.drain();
    expect(r.received).toHaveLength(1);
    const got = await call<Endpoint>(ctx.app, 'GET', `/v1/admin/webhooks/${endpoint.id}`, sk(tenant));
    expect(got.body).toMatchObject({ enabled: false, disabledReason: expect.stringContaining('410') });
    const [delivery] = await deliveries(tenant, endpoint.id);
    expect(delivery).toMatchObject({ status: 'failed', attemptCount: 1 });
    // Not retried, and later events are not queued for it.
    ctx.clock.advance(11 * 3_600_000);
    await w.drain();
    await askForHelp(tenant, 'gone-2');
    await w.drain();
    expect(r.received).toHaveLength(1);
    expect(await deliveries(tenant, endpoint.id)).toHaveLength(1);
    // Turning it on again clears the reason.
    const on = await call<Endpoint>(ctx.app, 'PATCH', `/v1/admin/webhooks/${endpoint.id}`, {
      ...sk(tenant),
      body: { enabled: true },
    });
    expect(on.body).toMatchObject({ enabled: true, disabledReason: null });
  });

  it('retries on the schedule with jitter, gives up after 8 attempts, and a manual replay sends it again', async () => {
    const tenant = await ctx.tenant();
    const r = await receiver(500);
    const endpoint = await addEndpoint(tenant, r.url, ['request.created']);
    await askForHelp(tenant, 'flaky-1');
    const [queued] = await deliveries(tenant, endpoint.id);
    const subject = `webhook-delivery:${queued!.id}`;
    const w = worker();
    const delays: number[] = [];
    await w.drain();
    for (;;) {
      const job = await ctx.db
        .selectFrom('jobs')
        .selectAll()
        .where('subject', '=', subject)
        .executeTakeFirstOrThrow();
      if (job.status !== 'pending') {
        expect(job.status).toBe('failed');
        break;
      }
      delays.push(job.run_at.getTime() - ctx.clock.now().getTime());
      ctx.clock.set(job.run_at);
      await w.drain();
    }
    expect(delays).toHaveLength(7);
    delays.forEach((delay, i) => {
      const base = WEBHOOK_RETRY_SCHEDULE_MS[i + 1]!;
      expect(delay, `wait before attempt ${i + 2}`).toBeGreaterThanOrEqual(base * 0.9 - 1);
      expect(delay, `wait before attempt ${i + 2}`).toBeLessThanOrEqual(base * 1.1 + 1);
    });
    let [delivery] = await deliveries(tenant, endpoint.id);
    expect(delivery).toMatchObject({ status: 'failed', attemptCount: 8, lastError: 'HTTP 500' });
    expect(delivery?.attempts.map((a) => a.statusCode)).toEqual(Array(8).fill(500));
    expect(delivery?.attempts[0]?.responseExcerpt).toBe('answer 500');

    r.status = 200;
    const replayed = await call<Delivery>(
      ctx.app,
      'POST',
      `/v1/admin/webhooks/${endpoint.id}/deliveries/${delivery!.id}/replay`,
      sk(tenant),
    );
    expect(replayed.status, replayed.text).toBe(202);
    expect(replayed.body.status).toBe('pending');
    await w.drain();
    [delivery] = await deliveries(tenant, endpoint.id);
    expect(delivery).toMatchObject({ status: 'delivered', attemptCount: 9 });
    expect(r.ids().size).toBe(1);
    expect(r.received).toHaveLength(9);
  });

  it('keeps the outbox in the change’s transaction: a failed request queues nothing; only subscribers get deliveries', async () => {
    const tenant = await ctx.tenant();
    const r = await receiver();
    const bookingsOnly = await addEndpoint(tenant, r.url, ['booking.created']);
    const disabled = await addEndpoint(tenant, r.url, ['request.created']);
    await call(ctx.app, 'PATCH', `/v1/admin/webhooks/${disabled.id}`, {
      ...sk(tenant),
      body: { enabled: false },
    });
    const all = await addEndpoint(tenant, r.url, ['request.created', 'booking.created']);
    const mentor = await bookableMentor(ctx, tenant);
    await askForHelp(tenant, 'tx-1');
    const body = { mentorId: mentor.id, start: '2026-11-30T09:00:00Z', durationMinutes: 30, format: 'video' };
    expect((await call(ctx.app, 'POST', '/v1/bookings', { ...asLearner(tenant, 'tx-1'), body })).status).toBe(
      201,
    );
    const count = () =>
      ctx.db
        .selectFrom('webhook_deliveries')
        .select(['endpoint_id', 'event_type'])
        .where('tenant_id', '=', tenant.id)
        .execute();
    const before = await count();
    // The same slot again: 409, so its event and deliveries roll back with it.
    const taken = await call(ctx.app, 'POST', '/v1/bookings', { ...asLearner(tenant, 'tx-2'), body });
    expect(taken.status).toBe(409);
    expect(await count()).toEqual(before);
    const byEndpoint = (id: string) =>
      before
        .filter((d) => d.endpoint_id === id)
        .map((d) => d.event_type)
        .sort();
    expect(byEndpoint(bookingsOnly.id)).toEqual(['booking.created']);
    expect(byEndpoint(disabled.id)).toEqual([]);
    expect(byEndpoint(all.id)).toEqual(['booking.created', 'request.created']);
    const jobs = await ctx.db
      .selectFrom('jobs')
      .select('subject')
      .where('tenant_id', '=', tenant.id)
      .where('kind', '=', WEBHOOK_DELIVER_JOB)
      .execute();
    expect(jobs).toHaveLength(before.length);
  });
});

describe('crash mid-delivery (at-least-once)', () => {
  it('a worker that claims a delivery and dies loses nothing: another delivers it after the lease', async () => {
    const tenant = await ctx.tenant();
    const r = await receiver();
    const endpoint = await addEndpoint(tenant, r.url, ['request.created']);
    await askForHelp(tenant, 'crash-1');
    const [delivery] = await deliveries(tenant, endpoint.id);
    // Worker "doomed" claims it under a 60 s lease and never comes back.
    const claimed = await claimJobs(ctx.db, {
      workerId: 'doomed',
      now: ctx.clock.now(),
      leaseMs: 60_000,
      limit: 100,
      kinds: [WEBHOOK_DELIVER_JOB],
    });
    expect(claimed.map((j) => j.payload.deliveryId)).toContain(delivery!.id);
    const survivor = worker();
    await survivor.drain();
    expect(r.received).toHaveLength(0);
    ctx.clock.advance(61_000);
    await survivor.drain();
    expect(r.acceptedIds()).toEqual(new Set([delivery!.messageId]));
    const [after] = await deliveries(tenant, endpoint.id);
    expect(after).toMatchObject({ status: 'delivered', attemptCount: 1 });
  });

  it('a worker that dies while the receiver is handling the POST: the same webhook-id arrives twice, nothing is lost', async () => {
    const tenant = await ctx.tenant();
    const r = await receiver();
    const endpoint = await addEndpoint(tenant, r.url, ['request.created']);
    await askForHelp(tenant, 'crash-2');
    r.hold(1);
    const first = worker({ leaseMs: 30_000 });
    const stuck = first.drain();
    await vi.waitFor(() => expect(r.received).toHaveLength(1), { timeout: 5_000 });
    // The first worker's lease runs out while it waits; a second worker takes the job over.
    ctx.clock.advance(31_000);
    await worker().drain();
    expect(r.received).toHaveLength(2);
    expect(r.ids().size).toBe(1);
    r.release();
    await stuck;
    const [delivery] = await deliveries(tenant, endpoint.id);
    expect(delivery).toMatchObject({ status: 'delivered' });
    expect(delivery?.attempts).toHaveLength(2);
    const job = await ctx.db
      .selectFrom('jobs')
      .select('status')
      .where('subject', '=', `webhook-delivery:${delivery!.id}`)
      .executeTakeFirstOrThrow();
    expect(job.status).toBe('done');
  });
});
