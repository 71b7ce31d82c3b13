import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from './support/context.js';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 according to an independent validator', async () => {
    const res = await ctx.app.request('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string };
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every route the API serves, with its security', async () => {
    const doc = (await (await ctx.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    const ops = Object.entries(doc.paths).flatMap(([p, o]) =>
      Object.keys(o).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(ops).toEqual(
      expect.arrayContaining([
        'GET /healthz',
        'GET /v1/me',
        'GET /v1/mentors',
        'POST /v1/mentors',
        'GET /v1/mentors/{id}',
        'PATCH /v1/mentors/{id}',
        'DELETE /v1/mentors/{id}',
        'POST /v1/me/mentor',
        'PUT /v1/bookings/{id}/notes',
        'POST /v1/bookings/{id}/feedback',
        'GET /v1/me/board',
        'POST /v1/guest-sessions',
      ]),
    );
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual([
      'publishableKey',
      'secretKey',
      'userToken',
    ]);
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (!path.startsWith('/v1/')) continue;
      for (const [method, op] of Object.entries(methods))
        expect(op.security?.length, `${method} ${path}`).toBeGreaterThan(0);
    }
  });

  it('renders a readable reference page at /docs with user text escaped', async () => {
    const res = await ctx.app.request('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    const html = await res.text();
    expect(html).toContain('<h1>Micromentor API');
    expect(html).toContain('/v1/mentors/{id}');
    expect(html).toContain('id="error-validation_failed"');
    expect(html).not.toMatch(/<script/i);
  });
});
