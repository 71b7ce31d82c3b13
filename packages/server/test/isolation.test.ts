import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueueEmail } from '../src/domain/email/outbox.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { createMentor, type MentorBody, snapshot, userIdOf } from './support/fixtures.js';
import { type CallOptions, call } from './support/http.js';

let ctx: TestContext;
let a: TestTenant;
let b: TestTenant;
let mentorOfA: MentorBody;
let bookableOfA: MentorBody;
let bookingOfA: string;
let requestOfA: string;
let actionItemOfA: string;
let threadOfA: string;
let webhookOfA: string;
let deliveryOfA: string;
let reportOfA: string;
let emailOfA: string;
let learnerOfA: string;
let ltiPlatformOfA: string;

const WEEKDAYS_9_TO_5 = ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({
  day,
  start: '09:00',
  end: '17:00',
}));
const AVAILABILITY = { timeZone: 'Europe/Berlin', weekly: WEEKDAYS_9_TO_5, sessionLengths: [15, 30] };

/**
 * For every route that takes an id: which of A's ids to use and a valid body, so the route
 * gets past validation and the tenant check is what answers. A route in the OpenAPI
 * document that is missing here fails the test, so new routes cannot slip by.
 */
const SAMPLES: Record<
  string,
  { id: () => string; body?: () => unknown; query?: string; params?: () => Record<string, string> }
> = {
  'GET /v1/mentors/{id}': { id: () => mentorOfA.id },
  'GET /v1/admin/lti/platforms/{id}': { id: () => ltiPlatformOfA },
  'PATCH /v1/admin/lti/platforms/{id}': { id: () => ltiPlatformOfA, body: () => ({ name: 'Taken over' }) },
  'DELETE /v1/admin/lti/platforms/{id}': { id: () => ltiPlatformOfA },
  'PATCH /v1/mentors/{id}': { id: () => mentorOfA.id, body: () => ({ headline: 'Taken over' }) },
  'DELETE /v1/mentors/{id}': { id: () => mentorOfA.id },
  'GET /v1/mentors/{id}/availability': { id: () => bookableOfA.id },
  'PUT /v1/mentors/{id}/availability': { id: () => bookableOfA.id, body: () => AVAILABILITY },
  'GET /v1/mentors/{id}/slots': {
    id: () => bookableOfA.id,
    query: '?from=2026-11-26T00:00:00Z&to=2026-11-28T00:00:00Z&duration=30',
  },
  'GET /v1/bookings/{id}': { id: () => bookingOfA },
  'POST /v1/bookings/{id}/cancel': { id: () => bookingOfA, body: () => ({ reason: 'Not mine' }) },
  'POST /v1/bookings/{id}/reschedule': {
    id: () => bookingOfA,
    body: () => ({ start: '2026-11-26T10:00:00Z' }),
  },
  'POST /v1/bookings/{id}/no-show': { id: () => bookingOfA, body: () => ({ who: 'mentor' }) },
  'GET /v1/bookings/{id}/calendar.ics': { id: () => bookingOfA },
  'GET /v1/requests/{id}': { id: () => requestOfA },
  'GET /v1/requests/{id}/matches': { id: () => requestOfA },
  'POST /v1/requests/{id}/cancel': { id: () => requestOfA },
  'POST /v1/requests/{id}/another-mentor': { id: () => requestOfA, body: () => ({}) },
  'POST /v1/requests/{id}/ask-program': { id: () => requestOfA },
  'POST /v1/requests/{id}/wait-for-match': { id: () => requestOfA },
  'POST /v1/bookings/{id}/feedback': { id: () => bookingOfA, body: () => ({ rating: 5, solved: 'yes' }) },
  'GET /v1/bookings/{id}/feedback': { id: () => bookingOfA },
  'PUT /v1/bookings/{id}/notes': {
    id: () => bookingOfA,
    body: () => ({ summary: 'Mine now', actionItems: [] }),
  },
  'GET /v1/bookings/{id}/notes': { id: () => bookingOfA },
  'POST /v1/action-items/{id}/done': { id: () => actionItemOfA },
  'POST /v1/action-items/{id}/undone': { id: () => actionItemOfA },
  'PUT /v1/me/board/{id}': { id: () => bookableOfA.id, body: () => ({ label: 'Mine' }) },
  'DELETE /v1/me/board/{id}': { id: () => bookableOfA.id },
  'POST /v1/requests/{id}/accept': { id: () => requestOfA },
  'POST /v1/requests/{id}/decline': { id: () => requestOfA },
  'POST /v1/requests/{id}/threads': { id: () => requestOfA, body: () => ({ mentorId: bookableOfA.id }) },
  'GET /v1/threads/{id}': { id: () => threadOfA },
  'GET /v1/threads/{id}/messages': { id: () => threadOfA },
  'POST /v1/threads/{id}/messages': { id: () => threadOfA, body: () => ({ body: 'Hello from B' }) },
  'POST /v1/threads/{id}/read': { id: () => threadOfA, body: () => ({}) },
  'GET /v1/admin/webhooks/{id}': { id: () => webhookOfA },
  'PATCH /v1/admin/webhooks/{id}': { id: () => webhookOfA, body: () => ({ url: 'https://evil.example/' }) },
  'DELETE /v1/admin/webhooks/{id}': { id: () => webhookOfA },
  'POST /v1/admin/webhooks/{id}/rotate-secret': { id: () => webhookOfA },
  'GET /v1/admin/webhooks/{id}/deliveries': { id: () => webhookOfA },
  'POST /v1/admin/webhooks/{id}/deliveries/{deliveryId}/replay': {
    id: () => webhookOfA,
    params: () => ({ deliveryId: deliveryOfA }),
  },
  'POST /v1/admin/mentors/{id}/approve': { id: () => mentorOfA.id },
  'POST /v1/admin/mentors/{id}/reject': { id: () => mentorOfA.id, body: () => ({ reason: 'No' }) },
  'POST /v1/admin/mentors/{id}/pause': { id: () => bookableOfA.id, body: () => ({ reason: 'No' }) },
  'POST /v1/admin/mentors/{id}/suspend': { id: () => bookableOfA.id, body: () => ({ reason: 'No' }) },
  'POST /v1/admin/mentors/{id}/reinstate': { id: () => bookableOfA.id },
  'POST /v1/admin/reports/{id}/resolve': { id: () => reportOfA, body: () => ({ action: 'suspend' }) },
  'GET /v1/admin/emails/{id}': { id: () => emailOfA },
  'GET /v1/admin/users/{userId}/export': { id: () => learnerOfA },
  'POST /v1/admin/users/{userId}/erase': { id: () => learnerOfA, body: () => ({ confirm: 'erase' }) },
  'POST /v1/admin/mentors/{id}/erase': { id: () => mentorOfA.id, body: () => ({ confirm: 'erase' }) },
};

beforeAll(async () => {
  ctx = await createTestContext();
  a = await ctx.tenant({ origins: ['https://a.example'] });
  b = await ctx.tenant({ origins: ['https://b.example'] });
  // The same host user id in both tenants must still be two different people.
  mentorOfA = await createMentor(ctx, a, { externalId: 'shared-sub', status: 'pending' });
  await createMentor(ctx, b, { externalId: 'b-mentor' });
  bookableOfA = await createMentor(ctx, a, { externalId: 'a-bookable', formats: ['video'] });
  const put = await call(ctx.app, 'PUT', `/v1/mentors/${bookableOfA.id}/availability`, {
    key: a.secretKey,
    body: AVAILABILITY,
  });
  expect(put.status).toBe(200);
  const booked = await call<{ id: string }>(ctx.app, 'POST', '/v1/bookings', {
    key: a.publishableKey,
    origin: 'https://a.example',
    token: a.token({ sub: 'a-learner' }),
    body: { mentorId: bookableOfA.id, start: '2026-11-26T09:00:00Z', durationMinutes: 30, format: 'video' },
  });
  expect(booked.status).toBe(201);
  bookingOfA = booked.body.id;
  const hook = await call<{ id: string }>(ctx.app, 'POST', '/v1/admin/webhooks', {
    key: a.secretKey,
    body: { url: 'https://hooks.a.example/in', events: ['request.created'] },
  });
  expect(hook.status).toBe(201);
  webhookOfA = hook.body.id;
  const asked = await call<{ request: { id: string } }>(ctx.app, 'POST', '/v1/requests', {
    key: a.publishableKey,
    origin: 'https://a.example',
    token: a.token({ sub: 'a-learner' }),
    body: { title: 'Help with SQL joins', urgency: 'flexible' },
  });
  expect(asked.status).toBe(201);
  requestOfA = asked.body.request.id;
  const notes = await call<{ actionItems: { id: string }[] }>(
    ctx.app,
    'PUT',
    `/v1/bookings/${bookingOfA}/notes`,
    {
      key: a.publishableKey,
      origin: 'https://a.example',
      token: a.token({ sub: 'a-bookable', roles: ['mentor'] }),
      body: { summary: 'Joins', actionItems: [{ text: 'Rewrite the query' }] },
    },
  );
  expect(notes.status, notes.text).toBe(200);
  actionItemOfA = notes.body.actionItems[0]!.id;
  const boarded = await call(ctx.app, 'PUT', `/v1/me/board/${bookableOfA.id}`, {
    key: a.publishableKey,
    origin: 'https://a.example',
    token: a.token({ sub: 'a-learner' }),
    body: { label: 'SQL' },
  });
  expect(boarded.status, boarded.text).toBe(200);
  const thread = await call<{ id: string }>(ctx.app, 'POST', `/v1/requests/${requestOfA}/threads`, {
    key: a.publishableKey,
    origin: 'https://a.example',
    token: a.token({ sub: 'a-learner' }),
    body: { mentorId: bookableOfA.id },
  });
  expect(thread.status, thread.text).toBe(201);
  threadOfA = thread.body.id;
  const delivery = await ctx.db
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('endpoint_id', '=', webhookOfA)
    .executeTakeFirstOrThrow();
  deliveryOfA = delivery.id;
  const reported = await call<{ id: string }>(ctx.app, 'POST', '/v1/reports', {
    key: a.publishableKey,
    origin: 'https://a.example',
    token: a.token({ sub: 'a-learner' }),
    body: { mentorId: bookableOfA.id, bookingId: bookingOfA, reason: 'no_show' },
  });
  expect(reported.status).toBe(201);
  reportOfA = reported.body.id;
  const written = await enqueueEmail(
    ctx.db,
    {
      tenantId: a.id,
      cause: 'isolation:a',
      kind: 'booking_confirmed',
      to: 'a-learner@a.example',
      subject: 'Booked',
      text: 'Booked.',
      html: '<p>Booked.</p>',
    },
    ctx.clock.now(),
  );
  emailOfA = written!;
  learnerOfA = await userIdOf(ctx, a, 'a-learner');
  const platform = await call<{ id: string }>(ctx.app, 'POST', '/v1/admin/lti/platforms', {
    key: a.secretKey,
    body: {
      name: 'A’s Moodle',
      issuer: 'https://moodle.a.example',
      clientId: 'a-client',
      deploymentIds: ['1'],
      authLoginUrl: 'https://moodle.a.example/mod/lti/auth.php',
      authTokenUrl: 'https://moodle.a.example/mod/lti/token.php',
      jwksUrl: 'https://moodle.a.example/mod/lti/certs.php',
    },
  });
  expect(platform.status, platform.text).toBe(201);
  ltiPlatformOfA = platform.body.id;
});
afterAll(() => ctx.close());

async function idRoutes(): Promise<{ method: string; path: string }[]> {
  const doc = (await (await ctx.app.request('/openapi.json')).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  return (
    Object.entries(doc.paths)
      // `{userId}`: a user's data (export, erasure) is found by the user's id.
      .filter(([path]) => path.includes('{id}') || path.includes('{userId}'))
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })))
  );
}

describe('tenant isolation', () => {
  it('covers every route with an id in the OpenAPI document', async () => {
    const routes = await idRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(3);
    for (const r of routes) expect(Object.keys(SAMPLES)).toContain(`${r.method} ${r.path}`);
  });

  const credentialsOfB = (): [string, CallOptions][] => [
    ['secret key', { key: b.secretKey }],
    ['learner', { key: b.publishableKey, origin: 'https://b.example', token: b.token({ sub: 'b-learner' }) }],
    [
      'same sub as A’s mentor',
      {
        key: b.publishableKey,
        origin: 'https://b.example',
        token: b.token({ sub: 'shared-sub', roles: ['mentor'] }),
      },
    ],
    [
      'admin',
      {
        key: b.publishableKey,
        origin: 'https://b.example',
        token: b.token({ sub: 'b-admin', roles: ['admin'] }),
      },
    ],
  ];

  it('answers tenant B’s credentials on tenant A’s ids with 404, exactly like a missing id, and changes nothing', async () => {
    for (const route of await idRoutes()) {
      for (const [who, creds] of credentialsOfB()) {
        await call(ctx.app, 'GET', '/v1/me', creds); // record B's user first; see bad-input.test.ts
        const before = await snapshot(ctx);
        const key = `${route.method} ${route.path}`;
        const sample = SAMPLES[key]!;
        const opts = { ...creds, ...(sample.body ? { body: sample.body() } : {}) };
        const others = Object.entries(sample.params?.() ?? {});
        const path = (id: string) =>
          others.reduce(
            (p, [name, value]) => p.replace(`{${name}}`, value),
            route.path.replace('{id}', id).replace('{userId}', id),
          ) + (sample.query ?? '');
        const res = await call<{ code: string }>(ctx.app, route.method, path(sample.id()), opts);
        const missing = await call<{ code: string }>(
          ctx.app,
          route.method,
          path('5b0c3a9e-0000-4000-8000-000000000000'),
          opts,
        );
        // Secret-only routes refuse B's publishable key before looking at ids (403): allowed,
        // since it reveals nothing about A. Anything else must be a 404.
        if (res.status === 403) {
          expect(['secret_key_required', 'admin_required'], `${key} as ${who}`).toContain(res.body.code);
        } else {
          expect(res.status, `${key} as ${who}`).toBe(404);
          expect(res.body.code).toBe('not_found');
        }
        expect(missing.status, `${key} as ${who} (missing id)`).toBe(res.status);
        expect(await snapshot(ctx)).toEqual(before);
      }
    }
    // Every {id} route × four credentials: grows with the API, so it gets more than the default.
  }, 180_000);

  it('never lists another tenant’s mentors, whatever the filter', async () => {
    for (const path of [
      '/v1/mentors',
      '/v1/mentors?q=sql',
      '/v1/mentors?skills=sql',
      '/v1/mentors?status=pending',
    ]) {
      const res = await call<{ data: MentorBody[] }>(ctx.app, 'GET', path, { key: b.secretKey });
      expect(res.status).toBe(200);
      expect(res.body.data.map((m) => m.id)).not.toContain(mentorOfA.id);
    }
  });

  it('keeps A’s mentor profile out of B’s /v1/me for the same host user id', async () => {
    const res = await call<{ mentorProfile: MentorBody | null }>(ctx.app, 'GET', '/v1/me', {
      key: b.publishableKey,
      origin: 'https://b.example',
      token: b.token({ sub: 'shared-sub' }),
    });
    expect(res.body.mentorProfile).toBeNull();
  });
});
