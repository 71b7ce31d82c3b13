import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TenantSettings } from '../src/domain/tenants/settings.js';
import { jobHandlers } from '../src/jobs/handlers.js';
import { createWorker, type Worker } from '../src/jobs/worker.js';
import type { HandoverView, HelpRequest } from '../src/schemas/requests.js';
import { asLearner, bookableMentor, weekly } from './support/booking-fixtures.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import type { MentorBody } from './support/fixtures.js';
import { call } from './support/http.js';

// The learner's view of their requests says how each was last handed over (issue #18).

interface Created {
  request: { id: string; learnerId: string };
  matches: { mentor: { id: string; name: string } }[];
}

let ctx: TestContext;
let worker: Worker;
const HOUR = 3_600_000;
const ALL_WEEK = {
  weekly: weekly('00:00', '24:00', ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']),
  minNoticeMinutes: 0,
};

beforeAll(async () => {
  ctx = await createTestContext();
  worker = createWorker({ db: ctx.db, clock: ctx.clock, handlers: jobHandlers() });
});
afterAll(() => ctx.close());
beforeEach(() => ctx.clock.set('2026-11-25T12:00:00Z'));

async function sqlMentors(tenant: TestTenant, count: number, prefix: string) {
  const mentors: (MentorBody & { sub: string })[] = [];
  for (let i = 0; i < count; i++) {
    const sub = `${prefix}-${i}`;
    mentors.push({
      ...(await bookableMentor(ctx, tenant, ALL_WEEK, {
        name: `Mentor ${sub}`,
        externalId: sub,
        skills: ['sql', 'postgresql'],
        bio: 'I help with SQL joins and PostgreSQL.',
      })),
      sub,
    });
  }
  return mentors;
}

async function ask(tenant: TestTenant, learner = 'learner-1') {
  const res = await call<Created>(ctx.app, 'POST', '/v1/requests', {
    ...asLearner(tenant, learner),
    body: { title: 'My SQL join returns duplicates', skills: ['sql'], urgency: 'this_week' },
  });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

async function writeTo(tenant: TestTenant, requestId: string, mentorId: string) {
  const res = await call(ctx.app, 'POST', `/v1/requests/${requestId}/threads`, {
    ...asLearner(tenant),
    body: { mentorId, message: 'Can you look at my query?' },
  });
  expect(res.status, res.text).toBe(201);
}

async function listed(tenant: TestTenant, learner = 'learner-1'): Promise<HelpRequest[]> {
  const res = await call<{ data: HelpRequest[] }>(
    ctx.app,
    'GET',
    '/v1/requests?limit=20',
    asLearner(tenant, learner),
  );
  expect(res.status, res.text).toBe(200);
  return res.body.data;
}

async function one(tenant: TestTenant, id: string): Promise<HelpRequest> {
  const res = await call<HelpRequest>(ctx.app, 'GET', `/v1/requests/${id}`, asLearner(tenant));
  expect(res.status, res.text).toBe(200);
  return res.body;
}

const tenantWith = (settings: Partial<TenantSettings>) => ctx.tenant({ settings });

describe('the learner sees the hand-over', () => {
  it('a silent mentor: who it was taken from, whom it went to, the window, in the list and the request', async () => {
    const tenant = await tenantWith({ mentorReplyWindowHours: 2 });
    const mentors = await sqlMentors(tenant, 3, 'quiet');
    const created = await ask(tenant);
    const untouched = await ask(tenant);
    const id = created.request.id;
    const first = created.matches[0]!.mentor;
    await writeTo(tenant, id, first.id);
    expect((await listed(tenant)).every((r) => r.handover === undefined)).toBe(true);

    ctx.clock.advance(2 * HOUR);
    await worker.drain();
    const offer = await ctx.db
      .selectFrom('request_offers')
      .select('mentor_id')
      .where('tenant_id', '=', tenant.id)
      .where('request_id', '=', id)
      .executeTakeFirstOrThrow();
    const next = mentors.find((m) => m.id === offer.mentor_id)!;
    expect(next.id).not.toBe(first.id);

    const expected: HandoverView = {
      reason: 'no_reply',
      at: ctx.clock.now().toISOString(),
      from: [{ mentorId: first.id, name: first.name }],
      to: [{ mentorId: next.id, name: next.name }],
      unanswered: false,
      windowMinutes: 120,
    };
    const list = await listed(tenant);
    expect(list.find((r) => r.id === id)?.handover).toEqual(expected);
    expect(list.find((r) => r.id === untouched.request.id)).not.toHaveProperty('handover');
    expect((await one(tenant, id)).handover).toEqual(expected);

    // The next mentor stays silent too: the latest hand-over is the one shown.
    ctx.clock.advance(2 * HOUR);
    await worker.drain();
    const latest = (await one(tenant, id)).handover;
    expect(latest).toMatchObject({
      reason: 'no_reply',
      at: ctx.clock.now().toISOString(),
      from: [{ mentorId: next.id, name: next.name }],
      unanswered: false,
    });
    expect(latest?.to).toHaveLength(1);
    expect([first.id, next.id]).not.toContain(latest?.to[0]?.mentorId);
  });

  it('nobody left (the cap): unanswered, offered to nobody', async () => {
    const tenant = await tenantWith({ mentorReplyWindowHours: 1, maxHandovers: 0 });
    await sqlMentors(tenant, 2, 'cap');
    const created = await ask(tenant);
    const first = created.matches[0]!.mentor;
    await writeTo(tenant, created.request.id, first.id);
    ctx.clock.advance(HOUR);
    await worker.drain();
    expect((await one(tenant, created.request.id)).handover).toEqual({
      reason: 'no_reply',
      at: ctx.clock.now().toISOString(),
      from: [{ mentorId: first.id, name: first.name }],
      to: [],
      unanswered: true,
      windowMinutes: 60,
    });
  });

  it('the learner asked for another mentor: no window', async () => {
    const tenant = await tenantWith({});
    await sqlMentors(tenant, 2, 'asked');
    const created = await ask(tenant);
    const first = created.matches[0]!.mentor;
    await writeTo(tenant, created.request.id, first.id);
    const res = await call(ctx.app, 'POST', `/v1/requests/${created.request.id}/another-mentor`, {
      ...asLearner(tenant),
      body: {},
    });
    expect(res.status, res.text).toBe(200);
    expect((await one(tenant, created.request.id)).handover).toEqual({
      reason: 'learner_asked',
      at: ctx.clock.now().toISOString(),
      from: [{ mentorId: first.id, name: first.name }],
      to: [],
      unanswered: false,
      windowMinutes: null,
    });
  });

  it('is tenant-scoped: another tenant’s event about the same request id is never read', async () => {
    const tenant = await tenantWith({ mentorReplyWindowHours: 1 });
    const other = await tenantWith({});
    await sqlMentors(tenant, 2, 'scoped');
    const created = await ask(tenant);
    const first = created.matches[0]!.mentor;
    await writeTo(tenant, created.request.id, first.id);
    ctx.clock.advance(HOUR);
    await worker.drain();
    const before = (await one(tenant, created.request.id)).handover;
    expect(before?.reason).toBe('no_reply');
    // A newer event in another tenant naming this request and learner: not this tenant's.
    await ctx.db
      .insertInto('events')
      .values({
        tenant_id: other.id,
        type: 'request.reassigned',
        data: JSON.stringify({
          requestId: created.request.id,
          reason: 'learner_asked',
          releasedMentorIds: [],
          offeredTo: [],
          unanswered: true,
        }),
        user_ids: [created.request.learnerId],
        created_at: new Date(ctx.clock.now().getTime() + HOUR),
      })
      .execute();
    expect((await one(tenant, created.request.id)).handover).toEqual(before);
    expect((await listed(tenant)).find((r) => r.id === created.request.id)?.handover).toEqual(before);
    // Another learner of the tenant does not see the request at all.
    const res = await call(
      ctx.app,
      'GET',
      `/v1/requests/${created.request.id}`,
      asLearner(tenant, 'learner-2'),
    );
    expect(res.status).toBe(404);
  });
});
