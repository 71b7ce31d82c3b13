import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../src/app.js';
import type { RateLimitConfig } from '../src/http/rate-limit.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { type CallOptions, call } from './support/http.js';

let ctx: TestContext;
let t: TestTenant;

const LIMITS: RateLimitConfig = {
  perKeyIp: 5,
  perUserWrites: 2,
  perIpRefused: 3,
  windowSeconds: 60,
  proxyHops: 1,
};

/** Another server instance on the same database, with small limits. */
function instance(limits: RateLimitConfig = LIMITS): App {
  return createApp({
    db: ctx.db,
    clock: ctx.clock,
    config: { secretKey: 'test-server-secret-key-0123456789', logError: () => {}, rateLimit: limits },
  });
}

beforeAll(async () => {
  ctx = await createTestContext();
  t = await ctx.tenant({ origins: ['https://rl.example'], settings: { allowGuests: true } });
});
afterAll(() => ctx.close());

const browser = (ip: string, sub?: string): CallOptions => ({
  key: t.publishableKey,
  origin: 'https://rl.example',
  headers: { 'X-Forwarded-For': ip },
  ...(sub ? { token: t.token({ sub }) } : {}),
});

/** Starts each test at the beginning of a fresh window. */
function nextWindow(): void {
  const now = ctx.clock.now().getTime();
  ctx.clock.set(new Date(Math.ceil((now + 1) / 60_000) * 60_000));
}

describe('rate limits', () => {
  it('limits a publishable key per client IP, answers 429 with Retry-After, and resets with the window', async () => {
    nextWindow();
    const app = instance();
    for (let i = 0; i < 5; i++)
      expect((await call(app, 'GET', '/v1/me', browser('203.0.113.1'))).status).toBe(200);
    ctx.clock.advance(20_000);
    const limited = await call<{ code: string; status: number }>(
      app,
      'GET',
      '/v1/me',
      browser('203.0.113.1'),
    );
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(limited.body.code).toBe('rate_limited');
    expect(limited.headers.get('retry-after')).toBe('40');
    // Another address with the same key, and the secret key, are not affected.
    expect((await call(app, 'GET', '/v1/me', browser('203.0.113.2'))).status).toBe(200);
    expect((await call(app, 'GET', '/v1/me', { key: t.secretKey })).status).toBe(200);
    ctx.clock.advance(40_000);
    expect((await call(app, 'GET', '/v1/me', browser('203.0.113.1'))).status).toBe(200);
  });

  it('shares the counters between instances through the database', async () => {
    nextWindow();
    const one = instance();
    const two = instance();
    for (let i = 0; i < 5; i++) {
      const app = i % 2 ? two : one;
      expect((await call(app, 'GET', '/v1/me', browser('198.51.100.7'))).status).toBe(200);
    }
    expect((await call(two, 'GET', '/v1/me', browser('198.51.100.7'))).status).toBe(429);
    expect((await call(one, 'GET', '/v1/me', browser('198.51.100.7'))).status).toBe(429);
  });

  it('limits writes per user across addresses, not their reads, and a refused write changes nothing', async () => {
    nextWindow();
    const app = instance({ ...LIMITS, perKeyIp: 1000 });
    const ask = (ip: string, sub: string, title: string) =>
      call<{ code: string }>(app, 'POST', '/v1/requests', { ...browser(ip, sub), body: { title } });
    expect((await ask('192.0.2.1', 'rl-user', 'One')).status).toBe(201);
    expect((await ask('192.0.2.2', 'rl-user', 'Two')).status).toBe(201);
    const third = await ask('192.0.2.3', 'rl-user', 'Three');
    expect(third.status).toBe(429);
    expect(third.body.code).toBe('rate_limited');
    expect((await call(app, 'GET', '/v1/requests', browser('192.0.2.3', 'rl-user'))).status).toBe(200);
    expect((await ask('192.0.2.1', 'rl-other', 'Other user')).status).toBe(201);
    const titles = await ctx.db
      .selectFrom('help_requests')
      .select('title')
      .where('tenant_id', '=', t.id)
      .execute();
    expect(titles.map((r) => r.title).sort()).toEqual(['One', 'Other user', 'Two']);
  });

  it('is off unless configured (the app the other tests use)', async () => {
    nextWindow();
    for (let i = 0; i < 12; i++)
      expect((await call(ctx.app, 'GET', '/v1/me', browser('203.0.113.9'))).status).toBe(200);
  });

  it('reads its limits from the environment, with generous defaults and a switch', async () => {
    const { loadConfig } = await import('../src/config.js');
    expect(loadConfig({}).rateLimit).toEqual({
      perKeyIp: 600,
      perUserWrites: 120,
      perIpRefused: 60,
      windowSeconds: 60,
      proxyHops: 0,
    });
    expect(loadConfig({ MICROMENTOR_RATE_LIMIT: 'off' }).rateLimit).toBe(false);
    expect(
      loadConfig({ MICROMENTOR_RATE_LIMIT_KEY_IP: '10', MICROMENTOR_RATE_LIMIT_WINDOW_SECONDS: '1' })
        .rateLimit,
    ).toMatchObject({ perKeyIp: 10, windowSeconds: 1 });
    expect(() => loadConfig({ MICROMENTOR_RATE_LIMIT_KEY_IP: '0' })).toThrow(/MICROMENTOR_RATE_LIMIT_KEY_IP/);
    expect(loadConfig({ MICROMENTOR_RATE_LIMIT_REFUSED_IP: '7' }).rateLimit).toMatchObject({
      perIpRefused: 7,
    });
  });

  it('keys on the parsed key, not the header: a re-spelled Authorization after a 429 is still refused', async () => {
    nextWindow();
    const app = instance();
    for (let i = 0; i < 5; i++)
      expect((await call(app, 'GET', '/v1/me', browser('203.0.113.20'))).status).toBe(200);
    expect((await call(app, 'GET', '/v1/me', browser('203.0.113.20'))).status).toBe(429);
    for (const spelling of [`bEaReR   ${t.publishableKey}`, `BEARER\t${t.publishableKey}  `]) {
      const respelled = await call<{ code: string }>(app, 'GET', '/v1/me', {
        origin: 'https://rl.example',
        headers: { 'X-Forwarded-For': '203.0.113.20', Authorization: spelling },
      });
      expect(respelled.status, spelling).toBe(429);
      expect(respelled.body.code).toBe('rate_limited');
    }
  });

  it('limits refused callers (bad, unknown keys and tokens) per client IP, apart from the callers it lets in', async () => {
    nextWindow();
    const app = instance();
    const refused = (ip: string, authorization: string, token?: string) =>
      call<{ code: string }>(app, 'GET', '/v1/me', {
        origin: 'https://rl.example',
        headers: {
          'X-Forwarded-For': ip,
          Authorization: authorization,
          ...(token ? { 'X-User-Token': token } : {}),
        },
      });
    // Three refusals of any kind from one address: an unknown key, a malformed one, a forged token.
    expect((await refused('198.51.100.30', 'Bearer pk_unknownunknownunknown1')).status).toBe(401);
    expect((await refused('198.51.100.30', 'Bearer nonsense')).status).toBe(401);
    expect((await refused('198.51.100.30', `Bearer ${t.publishableKey}`, 'forged.token.here')).status).toBe(
      401,
    );
    const limited = await refused('198.51.100.30', 'Bearer pk_unknownunknownunknown2');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(limited.body.code).toBe('rate_limited');
    expect(limited.headers.get('retry-after')).toBe('60');
    // Another address is still only told its key is wrong; a valid caller from this one gets in.
    expect((await refused('198.51.100.31', 'Bearer pk_unknownunknownunknown3')).status).toBe(401);
    expect((await call(app, 'GET', '/v1/me', browser('198.51.100.30'))).status).toBe(200);
    // The next window starts afresh.
    ctx.clock.advance(60_000);
    expect((await refused('198.51.100.30', 'Bearer pk_unknownunknownunknown4')).status).toBe(401);
  });

  it('takes the client from the right of X-Forwarded-For: a spoofed leftmost entry does not evade the limit', async () => {
    nextWindow();
    const app = instance(); // one proxy of ours
    for (let i = 0; i < 5; i++) {
      const res = await call(app, 'GET', '/v1/me', browser(`10.9.9.${i}, 203.0.113.40`));
      expect(res.status).toBe(200);
    }
    expect((await call(app, 'GET', '/v1/me', browser('10.9.9.99, 203.0.113.40'))).status).toBe(429);
    // Two proxies: the second entry from the right is the client, whatever precedes it.
    nextWindow();
    const behindTwo = instance({ ...LIMITS, proxyHops: 2 });
    for (let i = 0; i < 5; i++) {
      const res = await call(behindTwo, 'GET', '/v1/me', browser(`10.8.8.${i}, 203.0.113.41, 192.0.2.250`));
      expect(res.status).toBe(200);
    }
    expect(
      (await call(behindTwo, 'GET', '/v1/me', browser('1.1.1.1, 203.0.113.41, 192.0.2.250'))).status,
    ).toBe(429);
    expect(
      (await call(behindTwo, 'GET', '/v1/me', browser('1.1.1.1, 203.0.113.42, 192.0.2.250'))).status,
    ).toBe(200);
  });

  it('counts guest sessions and event stream opens in the same per key + IP limit', async () => {
    nextWindow();
    const app = instance();
    for (let i = 0; i < 5; i++) {
      const guest = await call(app, 'POST', '/v1/guest-sessions', {
        ...browser('203.0.113.60'),
        body: { name: `Guest ${i}`, email: `guest${i}@example.com` },
      });
      expect(guest.status, guest.text).toBe(201);
    }
    const sixth = await call<{ code: string }>(app, 'POST', '/v1/guest-sessions', {
      ...browser('203.0.113.60'),
      body: { name: 'Guest 6', email: 'guest6@example.com' },
    });
    expect(sixth.status).toBe(429);
    expect(sixth.body.code).toBe('rate_limited');

    nextWindow();
    const open = (ip: string) =>
      app.request('/v1/events', {
        headers: {
          Authorization: `Bearer ${t.publishableKey}`,
          Origin: 'https://rl.example',
          'X-Forwarded-For': ip,
          'X-User-Token': t.token({ sub: 'rl-streamer' }),
          Accept: 'text/event-stream',
        },
      });
    for (let i = 0; i < 5; i++) {
      const stream = await open('203.0.113.61');
      expect(stream.status).toBe(200);
      expect(stream.headers.get('content-type')).toContain('text/event-stream');
      await stream.body?.cancel();
    }
    const refused = await open('203.0.113.61');
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { code: string }).code).toBe('rate_limited');
  });
});
