import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, createApp } from '../src/app.js';
import type { RateLimitConfig } from '../src/http/rate-limit.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { type CallOptions, call } from './support/http.js';

let ctx: TestContext;
let t: TestTenant;

const LIMITS: RateLimitConfig = { perKeyIp: 5, perUserWrites: 2, windowSeconds: 60, trustProxy: true };

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
  t = await ctx.tenant({ origins: ['https://rl.example'] });
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
      windowSeconds: 60,
      trustProxy: false,
    });
    expect(loadConfig({ MICROMENTOR_RATE_LIMIT: 'off' }).rateLimit).toBe(false);
    expect(
      loadConfig({ MICROMENTOR_RATE_LIMIT_KEY_IP: '10', MICROMENTOR_RATE_LIMIT_WINDOW_SECONDS: '1' })
        .rateLimit,
    ).toMatchObject({ perKeyIp: 10, windowSeconds: 1 });
    expect(() => loadConfig({ MICROMENTOR_RATE_LIMIT_KEY_IP: '0' })).toThrow(/MICROMENTOR_RATE_LIMIT_KEY_IP/);
  });
});
