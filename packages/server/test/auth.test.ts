import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUserToken } from '../src/security/user-token.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { call } from './support/http.js';

let ctx: TestContext;
let tenant: TestTenant;

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await ctx.tenant({ origins: ['https://school.example', 'http://localhost:3000'] });
});
afterAll(() => ctx.close());

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('user tokens', () => {
  it('creates the user on first sight and keeps name and email current', async () => {
    const auth = { key: tenant.publishableKey, origin: 'https://school.example' };
    const first = await call<{ user: { id: string; name: string; email: string | null } }>(
      ctx.app,
      'GET',
      '/v1/me',
      {
        ...auth,
        token: tenant.token({ sub: 'u-100', name: 'Maya', email: 'maya@old.example' }),
      },
    );
    expect(first.status).toBe(200);
    expect(first.body.user).toMatchObject({ name: 'Maya', email: 'maya@old.example' });
    const second = await call<{ user: { id: string; name: string; email: string | null } }>(
      ctx.app,
      'GET',
      '/v1/me',
      {
        ...auth,
        token: tenant.token({
          sub: 'u-100',
          name: 'Maya Angelou',
          email: 'maya@new.example',
          roles: ['mentor'],
        }),
      },
    );
    expect(second.body.user).toMatchObject({
      id: first.body.user.id,
      name: 'Maya Angelou',
      email: 'maya@new.example',
      roles: ['mentor'],
    });
    const rows = await ctx.db.selectFrom('users').selectAll().where('external_id', '=', 'u-100').execute();
    expect(rows).toHaveLength(1);
  });

  it('accepts up to 60 seconds of clock skew and no more', async () => {
    const token = tenant.token({ ttlSeconds: 300 });
    const auth = { key: tenant.publishableKey, origin: 'https://school.example', token };
    ctx.clock.advance(300_000 + 50_000);
    expect((await call(ctx.app, 'GET', '/v1/me', auth)).status).toBe(200);
    ctx.clock.advance(20_000);
    const late = await call(ctx.app, 'GET', '/v1/me', auth);
    expect(late.status).toBe(401);
    expect(late.body).toMatchObject({ code: 'user_token_expired' });
    ctx.clock.set('2026-11-25T12:00:00Z');
  });

  it('refuses tokens that live longer than 24 hours', async () => {
    const res = await call(ctx.app, 'GET', '/v1/me', {
      key: tenant.publishableKey,
      origin: 'https://school.example',
      token: tenant.token({ ttlSeconds: 25 * 3600 }),
    });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'invalid_user_token' });
  });

  it('refuses alg none and HS512 even with valid claims', async () => {
    const now = Math.floor(ctx.clock.now().getTime() / 1000);
    const claims = b64({ sub: 'x', name: 'X', iat: now, exp: now + 600 });
    for (const token of [
      `${b64({ alg: 'none', typ: 'JWT' })}.${claims}.`,
      `${b64({ alg: 'HS512' })}.${claims}.abc`,
    ]) {
      const res = await call(ctx.app, 'GET', '/v1/me', {
        key: tenant.publishableKey,
        origin: 'https://school.example',
        token,
      });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ code: 'invalid_user_token' });
    }
  });

  it('requires exp', async () => {
    const token = signUserToken({ secret: tenant.identitySecret, sub: 's', name: 'n', now: ctx.clock.now() });
    const [h, ,] = token.split('.');
    const { createHmac } = await import('node:crypto');
    const body = b64({ sub: 's', name: 'n' });
    const sig = createHmac('sha256', tenant.identitySecret).update(`${h}.${body}`).digest('base64url');
    const res = await call(ctx.app, 'GET', '/v1/me', {
      key: tenant.publishableKey,
      origin: 'https://school.example',
      token: `${h}.${body}.${sig}`,
    });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'invalid_user_token' });
  });
});

describe('publishable keys and CORS', () => {
  it('answers an allowed origin with exactly that origin and Vary: Origin', async () => {
    const res = await call(ctx.app, 'GET', '/v1/mentors', {
      key: tenant.publishableKey,
      origin: 'http://localhost:3000',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(res.headers.get('vary')).toContain('Origin');
  });

  it('refuses other origins with 403 and no CORS headers', async () => {
    const res = await call(ctx.app, 'GET', '/v1/mentors', {
      key: tenant.publishableKey,
      origin: 'https://evil.example',
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'origin_not_allowed' });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers preflights for allowed origins only', async () => {
    const pre = (origin: string) =>
      ctx.app.request('/v1/mentors', {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'authorization,x-user-token',
        },
      });
    const ok = await pre('https://school.example');
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://school.example');
    expect(ok.headers.get('access-control-allow-headers')).toContain('X-User-Token');
    const no = await pre('https://evil.example');
    expect(no.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('never answers a secret-key request with CORS headers', async () => {
    const res = await call(ctx.app, 'GET', '/v1/mentors', {
      key: tenant.secretKey,
      origin: 'https://school.example',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('guests', () => {
  it('issues guest tokens only when the tenant allows guests', async () => {
    const open = await ctx.tenant({ settings: { allowGuests: true } });
    const res = await call<{ userToken: string }>(ctx.app, 'POST', '/v1/guest-sessions', {
      key: open.publishableKey,
      origin: open.origin,
      body: { name: 'Gus Guest', email: 'gus@example.com' },
    });
    expect(res.status).toBe(201);
    const me = await call<{ user: { isGuest: boolean; name: string; roles: string[] } }>(
      ctx.app,
      'GET',
      '/v1/me',
      {
        key: open.publishableKey,
        origin: open.origin,
        token: res.body.userToken,
      },
    );
    expect(me.body.user).toMatchObject({ isGuest: true, name: 'Gus Guest', roles: [] });

    const closed = await call(ctx.app, 'POST', '/v1/guest-sessions', {
      key: tenant.publishableKey,
      origin: 'https://school.example',
      body: { name: 'Gus Guest', email: 'gus@example.com' },
    });
    expect(closed.status).toBe(403);
    expect(closed.body).toMatchObject({ code: 'guests_not_allowed' });
  });
});

describe('requests', () => {
  it('get a request id, honoured when the client sends a sane one', async () => {
    const res = await call(ctx.app, 'GET', '/v1/me', {
      key: tenant.secretKey,
      headers: { 'X-Request-Id': 'client-req-12345' },
    });
    expect(res.headers.get('x-request-id')).toBe('client-req-12345');
    const bad = await call<{ requestId: string }>(ctx.app, 'GET', '/v1/nope', {
      key: tenant.secretKey,
      headers: { 'X-Request-Id': '<script>' },
    });
    expect(bad.status).toBe(404);
    expect(bad.body.requestId).toMatch(/^req_/);
    expect(bad.headers.get('x-request-id')).toBe(bad.body.requestId);
  });

  it('log one JSON line each with method, route, status, time, request id and tenant', async () => {
    const { createApp } = await import('../src/app.js');
    const lines: unknown[] = [];
    const app = createApp({
      db: ctx.db,
      clock: ctx.clock,
      config: { secretKey: 'test-server-secret-key-0123456789', logRequest: (l) => lines.push(l) },
    });
    const m = await call<{ data: unknown[] }>(app, 'GET', '/v1/mentors?limit=1', { key: tenant.secretKey });
    expect(m.status).toBe(200);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ method: 'GET', route: '/v1/mentors', status: 200, tenant: tenant.id });
    expect(typeof (lines[0] as { ms: number }).ms).toBe('number');
  });

  it('health checks the database', async () => {
    const res = await call(ctx.app, 'GET', '/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: 'ok' });
  });
});
