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

  it('lists every subscribable webhook event under `webhooks`, booking.reminder with its lead, and takes a subscription to it', async () => {
    const doc = (await (await ctx.app.request('/openapi.json')).json()) as {
      webhooks: Record<
        string,
        { post: { description: string; requestBody: { content: Record<string, { schema: unknown }> } } }
      >;
      components: { schemas: Record<string, unknown> };
    };
    expect(Object.keys(doc.webhooks)).toContain('booking.reminder');
    expect(Object.keys(doc.webhooks)).toContain('booking.created');
    const reminder = doc.webhooks['booking.reminder']!.post;
    expect(reminder.description).toMatch(/reminderMinutesBefore/);
    expect(JSON.stringify(reminder.requestBody.content['application/json']!.schema)).toContain(
      'BookingReminderData',
    );
    expect(JSON.stringify(doc.components.schemas.BookingReminderData)).toContain('"lead"');
    const tenant = await ctx.tenant();
    const res = await ctx.app.request('/v1/admin/webhooks', {
      method: 'POST',
      headers: { Authorization: `Bearer ${tenant.secretKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'https://hooks.example.com/mm', events: ['booking.reminder'] }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(((await res.json()) as { events: string[] }).events).toEqual(['booking.reminder']);
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
        'GET /readyz',
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
