import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { call } from './support/http.js';

let ctx: TestContext;
let t: TestTenant;

beforeAll(async () => {
  ctx = await createTestContext();
  t = await ctx.tenant();
});
afterAll(() => ctx.close());

describe('response headers', () => {
  it('every response, JSON, problem+json and CSV alike, says X-Content-Type-Options: nosniff', async () => {
    const learner = { key: t.publishableKey, origin: t.origin, token: t.token({ sub: 'nosniff-1' }) };
    const cases = [
      { name: 'JSON', res: await call(ctx.app, 'GET', '/v1/me', learner), type: 'application/json' },
      {
        name: 'created',
        res: await call(ctx.app, 'POST', '/v1/requests', { ...learner, body: { title: 'Joins' } }),
        type: 'application/json',
      },
      { name: 'no key', res: await call(ctx.app, 'GET', '/v1/me'), type: 'application/problem+json' },
      {
        name: 'invalid body',
        res: await call(ctx.app, 'POST', '/v1/requests', { ...learner, body: { nope: 1 } }),
        type: 'application/problem+json',
      },
      {
        name: 'bad JSON',
        res: await call(ctx.app, 'POST', '/v1/requests', {
          ...learner,
          rawBody: '{',
          headers: { 'Content-Type': 'application/json' },
        }),
        type: 'application/problem+json',
      },
      {
        name: 'no route',
        res: await call(ctx.app, 'GET', '/v1/nope', { key: t.secretKey }),
        type: 'application/problem+json',
      },
      {
        name: 'no route outside /v1',
        res: await call(ctx.app, 'GET', '/nope'),
        type: 'application/problem+json',
      },
      { name: 'OpenAPI', res: await call(ctx.app, 'GET', '/openapi.json'), type: 'application/json' },
      { name: 'health', res: await call(ctx.app, 'GET', '/healthz'), type: 'application/json' },
      {
        name: 'CSV',
        res: await call(
          ctx.app,
          'GET',
          '/v1/admin/exports/requests.csv?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z',
          { key: t.secretKey },
        ),
        type: 'text/csv',
      },
    ];
    for (const { name, res, type } of cases) {
      expect(res.headers.get('content-type'), name).toContain(type);
      expect(res.headers.get('x-content-type-options'), name).toBe('nosniff');
    }
  });
});
