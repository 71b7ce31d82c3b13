import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { touchPresence } from '../src/domain/mentors/presence.js';
import { UNRESPONSIVE_STREAK } from '../src/domain/requests/unanswered-offers.js';
import type { TenantSettings } from '../src/domain/tenants/settings.js';
import { jobHandlers } from '../src/jobs/handlers.js';
import { createWorker, type Worker } from '../src/jobs/worker.js';
import { asLearner, type BookingBody, book, bookableMentor, weekly } from './support/booking-fixtures.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { type MentorBody, userIdOf } from './support/fixtures.js';
import { type CallOptions, type CallResult, call } from './support/http.js';
import { listen } from './support/http-server.js';

interface Offer {
  requestId: string;
  status: string;
  expiresAt: string;
  respondedAt: string | null;
  request: { id: string; title: string; details: string; context: Record<string, string>; status: string };
  learner: { name: string };
  booking?: Omit<BookingBody, 'mentorName' | 'sequence' | 'cancelReason' | 'cancelledBy'> | null;
}
interface Created {
  request: { id: string; learnerId: string; status: string };
  matches: { mentor: MentorBody; nextSlots: unknown[] }[];
  offers?: { mentorId: string; expiresAt: string }[];
}
interface EventRow {
  type: string;
  data: Record<string, unknown>;
}

let ctx: TestContext;
let worker: Worker;

const ALL_WEEK = {
  weekly: weekly('00:00', '24:00', ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']),
  minNoticeMinutes: 0,
};
const MINUTE = 60_000;

beforeAll(async () => {
  ctx = await createTestContext();
  worker = createWorker({ db: ctx.db, clock: ctx.clock, handlers: jobHandlers() });
});
afterAll(() => ctx.close());
beforeEach(() => ctx.clock.set('2026-11-25T12:00:00Z'));

const asMentor = (tenant: TestTenant, sub: string): CallOptions => ({
  key: tenant.publishableKey,
  origin: tenant.origin,
  token: tenant.token({ sub, name: `Mentor ${sub}`, roles: ['mentor'] }),
});

/** The mentor `sub` answers its offer of the request: POST /v1/requests/:id/accept or /decline. */
const answer = (tenant: TestTenant, sub: string, requestId: string, action: 'accept' | 'decline') =>
  call<Offer & { code?: string }>(
    ctx.app,
    'POST',
    `/v1/requests/${requestId}/${action}`,
    asMentor(tenant, sub),
  );

/** The answer was refused with `status` and the stable error `code`. */
function expectRefused(res: CallResult<{ code?: string }>, status: number, code: string) {
  expect(res.status, res.text).toBe(status);
  expect(res.body.code).toBe(code);
}

/** Approved SQL mentors bookable all week, each signed in once and "available now". */
async function onlineMentors(tenant: TestTenant, count: number, prefix = 'm') {
  const mentors: (MentorBody & { sub: string })[] = [];
  for (let i = 0; i < count; i++) {
    const sub = `${prefix}-${i}`;
    const mentor = await bookableMentor(ctx, tenant, ALL_WEEK, {
      name: `Mentor ${sub}`,
      externalId: sub,
      skills: ['sql', 'postgresql'],
      bio: 'I help with SQL joins and PostgreSQL.',
    });
    const res = await call(ctx.app, 'PUT', '/v1/me/presence', {
      ...asMentor(tenant, sub),
      body: { availableNow: true },
    });
    expect(res.status, res.text).toBe(200);
    mentors.push({ ...mentor, sub });
  }
  return mentors;
}

async function askNow(tenant: TestTenant, sub = 'learner-1', extra: Record<string, unknown> = {}) {
  const res = await call<Created>(ctx.app, 'POST', '/v1/requests', {
    ...asLearner(tenant, sub),
    body: {
      title: 'My SQL join returns duplicates',
      details: 'LEFT JOIN of orders and customers',
      skills: ['sql'],
      urgency: 'now',
      context: { topic: 'sql-joins', url: 'https://lms.example/lesson/4' },
      ...extra,
    },
  });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

async function eventsFor(userId: string, type?: string): Promise<EventRow[]> {
  let q = ctx.db
    .selectFrom('events')
    .select(['type', 'data'])
    .where(sql<boolean>`${userId}::uuid = any(user_ids)`);
  if (type) q = q.where('type', '=', type);
  return q.orderBy('id').execute();
}

/** The data of the tenant's events of this type, oldest first. */
async function tenantEvents(tenant: TestTenant, type: string) {
  return ctx.db
    .selectFrom('events')
    .select('data')
    .where('tenant_id', '=', tenant.id)
    .where('type', '=', type)
    .orderBy('id')
    .execute();
}

async function offerStatuses(requestId: string): Promise<Record<string, string>> {
  const rows = await ctx.db
    .selectFrom('request_offers')
    .select(['mentor_id', 'status'])
    .where('request_id', '=', requestId)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.mentor_id, r.status]));
}

async function tenantWith(settings: Partial<TenantSettings> = {}) {
  return ctx.tenant({ settings });
}

describe('instant help: first to accept wins', () => {
  it('20 mentors accept concurrently over HTTP: exactly one wins, 19 get 409 already_taken, the learner hears of the winner once', async () => {
    const tenant = await tenantWith({ instantHelpMaxOffers: 20 });
    const mentors = await onlineMentors(tenant, 20);
    const created = await askNow(tenant);
    expect(created.offers?.map((o) => o.mentorId).sort()).toEqual(mentors.map((m) => m.id).sort());
    const requestId = created.request.id;

    const server = await listen(ctx.app);
    try {
      const responses = await Promise.all(
        mentors.map(async (m) => {
          const creds = asMentor(tenant, m.sub);
          const res = await fetch(`${server.url}/v1/requests/${requestId}/accept`, {
            method: 'POST',
            headers: {
              Authorization: `Bearer ${creds.key}`,
              Origin: creds.origin!,
              'X-User-Token': creds.token!,
            },
          });
          return { mentor: m, status: res.status, body: (await res.json()) as Offer & { code?: string } };
        }),
      );
      const winners = responses.filter((r) => r.status === 200);
      const losers = responses.filter((r) => r.status === 409);
      expect(winners).toHaveLength(1);
      expect(losers).toHaveLength(19);
      expect(losers.map((r) => r.body.code).filter((c) => c !== 'already_taken')).toEqual([]);
      const winner = winners[0]!;
      expect(winner.body).toMatchObject({ requestId, status: 'accepted', request: { status: 'matched' } });
      // Exactly one session, with the winner, made in the winning accept's transaction.
      const bookings = await ctx.db
        .selectFrom('bookings')
        .select(['id', 'mentor_id', 'learner_id', 'status'])
        .where('request_id', '=', requestId)
        .execute();
      expect(bookings).toEqual([
        {
          id: winner.body.booking!.id,
          mentor_id: winner.mentor.id,
          learner_id: created.request.learnerId,
          status: 'confirmed',
        },
      ]);
      expect(await eventsFor(created.request.learnerId, 'booking.created')).toHaveLength(1);

      const row = await ctx.db
        .selectFrom('help_requests')
        .select(['status', 'matched_mentor_id'])
        .where('id', '=', requestId)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ status: 'matched', matched_mentor_id: winner.mentor.id });

      const accepted = await eventsFor(created.request.learnerId, 'request.accepted');
      expect(accepted).toHaveLength(1);
      expect(accepted[0]!.data).toMatchObject({ requestId, mentorId: winner.mentor.id });
      // The winner hears it too; every other mentor hears the offer was withdrawn.
      expect(
        await eventsFor(await userIdOf(ctx, tenant, winner.mentor.sub), 'request.accepted'),
      ).toHaveLength(1);
      const statuses = await offerStatuses(requestId);
      expect(Object.values(statuses).filter((s) => s === 'withdrawn')).toHaveLength(19);
      expect(statuses[winner.mentor.id]).toBe('accepted');
      const loser = losers[0]!.mentor;
      expect(await eventsFor(await userIdOf(ctx, tenant, loser.sub), 'request.withdrawn')).toEqual([
        { type: 'request.withdrawn', data: { requestId, mentorId: loser.id, reason: 'taken' } },
      ]);
      // Its window and SLA jobs are gone with it.
      const pending = await ctx.db
        .selectFrom('jobs')
        .select('kind')
        .where('subject', '=', `request:${requestId}`)
        .where('status', '=', 'pending')
        .execute();
      expect(pending).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('offers only to mentors online and free now, at most instantHelpMaxOffers, with events and an inbox', async () => {
    const tenant = await tenantWith({ instantHelpMaxOffers: 2 });
    const [a, b, c] = await onlineMentors(tenant, 3, 'free');
    // c is in a session right now; an offline mentor is never offered.
    const busy = await book(
      ctx,
      tenant,
      { mentorId: c!.id, start: '2026-11-25T12:00:00Z', durationMinutes: 30 },
      'someone-else',
    );
    expect(busy.status, busy.text).toBe(201);
    const offline = await bookableMentor(ctx, tenant, ALL_WEEK, {
      externalId: 'offline',
      skills: ['sql'],
    });
    const created = await askNow(tenant);
    const offered = created.offers!.map((o) => o.mentorId).sort();
    expect(offered).toEqual([a!.id, b!.id].sort());
    expect(offered).not.toContain(offline.id);
    expect(created.offers![0]!.expiresAt).toBe('2026-11-25T12:10:00.000Z');

    const offeredEvents = await eventsFor(await userIdOf(ctx, tenant, a!.sub), 'request.offered');
    expect(offeredEvents.at(-1)!.data).toMatchObject({ requestId: created.request.id, mentorId: a!.id });
    const inbox = await call<{ data: Offer[]; nextCursor: string | null }>(ctx.app, 'GET', '/v1/me/offers', {
      ...asMentor(tenant, a!.sub),
    });
    expect(inbox.status).toBe(200);
    expect(inbox.body.data[0]).toMatchObject({
      requestId: created.request.id,
      status: 'offered',
      expiresAt: '2026-11-25T12:10:00.000Z',
      request: {
        title: 'My SQL join returns duplicates',
        details: 'LEFT JOIN of orders and customers',
        context: { topic: 'sql-joins' },
        status: 'open',
      },
      learner: { name: 'Learner learner-1' },
    });
    // The ordinary urgency makes no offers and says nothing about offers.
    const later = await call<Created>(ctx.app, 'POST', '/v1/requests', {
      ...asLearner(tenant),
      body: { title: 'SQL joins again', skills: ['sql'], urgency: 'today' },
    });
    expect(later.body.offers).toBeUndefined();
    const created2 = await tenantEvents(tenant, 'request.created');
    expect(created2.map((e) => e.data.requestId)).toContain(later.body.request.id);
  });

  it('lets nobody but an offered mentor answer (404), and the secret key only with a user (403)', async () => {
    const tenant = await tenantWith();
    const [m] = await onlineMentors(tenant, 1, 'perm');
    const outsider = await bookableMentor(ctx, tenant, ALL_WEEK, { externalId: 'outsider', skills: ['k8s'] });
    expect(outsider.id).toBeTruthy();
    const created = await askNow(tenant);
    const id = created.request.id;
    for (const who of [asLearner(tenant), asMentor(tenant, 'outsider'), asLearner(tenant, 'stranger')]) {
      for (const action of ['accept', 'decline']) {
        const res = await call<{ code: string }>(ctx.app, 'POST', `/v1/requests/${id}/${action}`, who);
        expect(res.status, `${action} ${res.text}`).toBe(404);
        expect(res.body.code).toBe('not_found');
      }
    }
    const sk = await call<{ code: string }>(ctx.app, 'POST', `/v1/requests/${id}/accept`, {
      key: tenant.secretKey,
    });
    expectRefused(sk, 403, 'user_token_required');
    expect((await offerStatuses(id))[m!.id]).toBe('offered');
    // A cancelled request withdraws its offers: accepting then is a conflict, and nothing changes.
    const cancelled = await call(ctx.app, 'POST', `/v1/requests/${id}/cancel`, asLearner(tenant));
    expect(cancelled.status).toBe(200);
    expectRefused(await answer(tenant, m!.sub, id, 'accept'), 409, 'request_not_open');
    expect((await offerStatuses(id))[m!.id]).toBe('withdrawn');
  });
});

describe('accepting creates the session', () => {
  it('books the winner now for the shortest length in the request’s format, with a thread, events and a webhook', async () => {
    const tenant = await tenantWith({ sessionLengths: [30, 15] });
    const [mentor] = await onlineMentors(tenant, 1, 'chat');
    const hook = await call<{ id: string }>(ctx.app, 'POST', '/v1/admin/webhooks', {
      key: tenant.secretKey,
      body: { url: 'https://hooks.example/in', events: ['booking.created', 'request.matched'] },
    });
    expect(hook.status, hook.text).toBe(201);
    ctx.clock.set('2026-11-25T12:00:20Z');
    const created = await askNow(tenant, 'learner-chat', { format: 'chat' });
    // The learner can read how many mentors are being asked (and later that nobody is left).
    const liveOffers = async () =>
      (
        await call<{ liveOffers?: number }>(
          ctx.app,
          'GET',
          `/v1/requests/${created.request.id}`,
          asLearner(tenant, 'learner-chat'),
        )
      ).body.liveOffers;
    expect(await liveOffers()).toBe(1);
    const res = await answer(tenant, mentor!.sub, created.request.id, 'accept');
    expect(res.status, res.text).toBe(200);
    const booking = res.body.booking!;
    // The next whole minute, 15 minutes (the shortest the program offers), chat.
    expect(booking).toMatchObject({
      mentorId: mentor!.id,
      learnerId: created.request.learnerId,
      requestId: created.request.id,
      start: '2026-11-25T12:01:00.000Z',
      end: '2026-11-25T12:16:00.000Z',
      format: 'chat',
      status: 'confirmed',
      joinUrl: null,
    });
    expect(booking.threadId).toEqual(expect.any(String));
    expect(await liveOffers()).toBe(0);

    // The learner reads it, sees the winner live, and both can chat in its thread.
    const learner = asLearner(tenant, 'learner-chat');
    const got = await call<{ id: string; threadId: string }>(
      ctx.app,
      'GET',
      `/v1/bookings/${booking.id}`,
      learner,
    );
    expect(got.body).toMatchObject({ id: booking.id, threadId: booking.threadId });
    const accepted = await eventsFor(created.request.learnerId, 'request.accepted');
    expect(accepted.map((e) => e.data)).toEqual([
      {
        requestId: created.request.id,
        mentorId: mentor!.id,
        mentorName: mentor!.name,
        bookingId: booking.id,
        threadId: booking.threadId,
        start: booking.start,
      },
    ]);
    const bookingCreated = await eventsFor(created.request.learnerId, 'booking.created');
    expect(bookingCreated.map((e) => e.data.bookingId)).toEqual([booking.id]);
    expect(await eventsFor(await userIdOf(ctx, tenant, mentor!.sub), 'booking.created')).toHaveLength(1);
    const posted = await call(ctx.app, 'POST', `/v1/threads/${booking.threadId}/messages`, {
      ...learner,
      body: { body: 'Hi! Thanks for taking it.' },
    });
    expect(posted.status, posted.text).toBe(201);
    const read = await call<{ data: { body: string }[] }>(
      ctx.app,
      'GET',
      `/v1/threads/${booking.threadId}/messages`,
      asMentor(tenant, mentor!.sub),
    );
    expect(read.body.data.map((m) => m.body)).toEqual(['Hi! Thanks for taking it.']);

    // One `request.matched` (via the offer, naming the booking) and the booking's jobs; webhooks queued for both.
    const matched = await tenantEvents(tenant, 'request.matched');
    expect(matched.map((m) => m.data)).toEqual([
      {
        requestId: created.request.id,
        mentorId: mentor!.id,
        learnerId: created.request.learnerId,
        bookingId: booking.id,
        via: 'offer',
      },
    ]);
    const deliveries = await ctx.db
      .selectFrom('webhook_deliveries')
      .select('event_type')
      .where('tenant_id', '=', tenant.id)
      .execute();
    expect(deliveries.map((d) => d.event_type).sort()).toEqual(['booking.created', 'request.matched']);
    const jobs = await ctx.db
      .selectFrom('jobs')
      .select('kind')
      .where('subject', '=', `booking:${booking.id}`)
      .where('status', '=', 'pending')
      .execute();
    expect(jobs.map((j) => j.kind)).toEqual(['booking.complete']);

    // A retried accept answers the same session and books nothing more.
    const again = await answer(tenant, mentor!.sub, created.request.id, 'accept');
    expect(again.status, again.text).toBe(200);
    expect(again.body.booking?.id).toBe(booking.id);
    const count = await ctx.db
      .selectFrom('bookings')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('request_id', '=', created.request.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('starts after the learner’s session that is running, in a video format with a link and a chat beside it', async () => {
    const tenant = await tenantWith();
    const [busyMentor, mentor] = await onlineMentors(tenant, 2, 'video');
    // The learner is in a session with another mentor until 12:15 (booked earlier).
    ctx.clock.set('2026-11-25T11:00:00Z');
    const earlier = await book(
      ctx,
      tenant,
      {
        mentorId: busyMentor!.id,
        start: '2026-11-25T11:45:00Z',
        durationMinutes: 30,
        format: 'video',
      },
      'learner-video',
    );
    expect(earlier.status, earlier.text).toBe(201);
    ctx.clock.set('2026-11-25T12:00:00Z');
    const created = await askNow(tenant, 'learner-video', { format: 'video' });
    expect(created.offers?.map((o) => o.mentorId)).toContain(mentor!.id);
    const res = await answer(tenant, mentor!.sub, created.request.id, 'accept');
    expect(res.status, res.text).toBe(200);
    expect(res.body.booking).toMatchObject({
      start: '2026-11-25T12:15:00.000Z',
      end: '2026-11-25T12:30:00.000Z',
      format: 'video',
    });
    expect(res.body.booking!.joinUrl).toMatch(/^https?:/);
    expect(res.body.booking!.threadId).toEqual(expect.any(String));
  });

  it('leaves no session when the accept fails (already taken)', async () => {
    const tenant = await tenantWith();
    const [a, b] = await onlineMentors(tenant, 2, 'late');
    const created = await askNow(tenant, 'learner-late');
    expect((await answer(tenant, a!.sub, created.request.id, 'accept')).status).toBe(200);
    expectRefused(await answer(tenant, b!.sub, created.request.id, 'accept'), 409, 'already_taken');
    const rows = await ctx.db
      .selectFrom('bookings')
      .select('mentor_id')
      .where('request_id', '=', created.request.id)
      .execute();
    expect(rows).toEqual([{ mentor_id: a!.id }]);
  });
});

describe('median response time', () => {
  it('is the median time from being asked to answering (accept, decline, first message in a request thread), in /v1/me/stats and the public stats', async () => {
    const tenant = await tenantWith();
    const [mentor] = await onlineMentors(tenant, 1, 'resp');
    const me = asMentor(tenant, mentor!.sub);
    const stats = async () =>
      (await call<{ medianResponseMinutes: number | null }>(ctx.app, 'GET', '/v1/me/stats', me)).body
        .medianResponseMinutes;
    expect(await stats()).toBeNull();

    // Declined after 8 minutes.
    const first = await askNow(tenant, 'learner-r1');
    ctx.clock.set('2026-11-25T12:08:00Z');
    expect((await answer(tenant, mentor!.sub, first.request.id, 'decline')).status).toBe(200);
    expect(await stats()).toBe(8);

    // Accepted after 2 minutes: median of 8 and 2.
    await call(ctx.app, 'PUT', '/v1/me/presence', { ...me, body: { availableNow: true } });
    const second = await askNow(tenant, 'learner-r2');
    ctx.clock.set('2026-11-25T12:10:00Z');
    const accepted = await answer(tenant, mentor!.sub, second.request.id, 'accept');
    expect(accepted.status, accepted.text).toBe(200);
    expect(await stats()).toBe(5);

    // A scheduled request the mentor answers by message 30 minutes later (only the first message counts): median of 8, 2, 30.
    const third = await call<Created>(ctx.app, 'POST', '/v1/requests', {
      ...asLearner(tenant, 'learner-r3'),
      body: { title: 'PostgreSQL plan question', skills: ['sql'], urgency: 'this_week' },
    });
    expect(third.status, third.text).toBe(201);
    const scheduled = await call(
      ctx.app,
      'GET',
      `/v1/requests/${third.body.request.id}`,
      asLearner(tenant, 'learner-r3'),
    );
    expect(scheduled.body).not.toHaveProperty('liveOffers');
    ctx.clock.set('2026-11-25T12:40:00Z');
    const thread = await call<{ id: string }>(
      ctx.app,
      'POST',
      `/v1/requests/${third.body.request.id}/threads`,
      {
        ...me,
        body: {},
      },
    );
    expect(thread.status, thread.text).toBe(201);
    const post = (body: string) =>
      call(ctx.app, 'POST', `/v1/threads/${thread.body.id}/messages`, { ...me, body: { body } });
    expect((await post('Could you share the query plan?')).status).toBe(201);
    expect(await stats()).toBe(8);
    ctx.clock.set('2026-11-25T12:55:00Z');
    expect((await post('Any luck?')).status).toBe(201);
    expect(await stats()).toBe(8);

    const pub = await call<{ stats: { medianResponseMinutes: number | null } }>(
      ctx.app,
      'GET',
      `/v1/mentors/${mentor!.id}`,
      { key: tenant.secretKey },
    );
    expect(pub.body.stats.medianResponseMinutes).toBe(8);
    const row = await ctx.db
      .selectFrom('mentors')
      .select('median_response_minutes')
      .where('id', '=', mentor!.id)
      .executeTakeFirstOrThrow();
    expect(row.median_response_minutes).toBe(8);
  });
});

describe('who may still answer', () => {
  it('a suspended mentor may decline but not take an offer; answering lifts a pause for unresponsiveness', async () => {
    const tenant = await tenantWith();
    const [a, b] = await onlineMentors(tenant, 2, 'status');
    const created = await askNow(tenant);
    const id = created.request.id;
    const suspend = await call(ctx.app, 'PATCH', `/v1/mentors/${a!.id}`, {
      key: tenant.secretKey,
      body: { status: 'suspended' },
    });
    expect(suspend.status, suspend.text).toBe(200);
    expectRefused(await answer(tenant, a!.sub, id, 'accept'), 409, 'mentor_not_active');
    expect((await offerStatuses(id))[a!.id]).toBe('offered');
    const declined = await answer(tenant, a!.sub, id, 'decline');
    expect(declined.status).toBe(200);

    // b was paused by the system after the offer was made: answering it brings b back.
    await ctx.db
      .updateTable('mentors')
      .set({ status: 'paused', paused_reason: 'unresponsive', unanswered_offers: 3 })
      .where('id', '=', b!.id)
      .execute();
    const taken = await answer(tenant, b!.sub, id, 'accept');
    expect(taken.status, taken.text).toBe(200);
    const row = await ctx.db
      .selectFrom('mentors')
      .select(['status', 'paused_reason', 'unanswered_offers'])
      .where('id', '=', b!.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'approved', paused_reason: null, unanswered_offers: 0 });
  });
});

describe('declines', () => {
  it('records a decline, leaves the mentor out of matches, and tells the learner when the last offer is declined', async () => {
    const tenant = await tenantWith();
    const [a, b] = await onlineMentors(tenant, 2, 'dec');
    const created = await askNow(tenant);
    const id = created.request.id;
    const learner = created.request.learnerId;

    const first = await answer(tenant, a!.sub, id, 'decline');
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ status: 'declined', respondedAt: '2026-11-25T12:00:00.000Z' });
    expect(await eventsFor(learner, 'request.offers_expired')).toEqual([]);
    const row = await ctx.db
      .selectFrom('help_requests')
      .select('declined_mentor_ids')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.declined_mentor_ids).toEqual([a!.id]);
    const matches = await call<{ data: { mentor: MentorBody }[] }>(
      ctx.app,
      'GET',
      `/v1/requests/${id}/matches`,
      asLearner(tenant),
    );
    expect(matches.body.data.map((m) => m.mentor.id)).not.toContain(a!.id);

    expectRefused(await answer(tenant, a!.sub, id, 'accept'), 409, 'offer_declined');

    const last = await answer(tenant, b!.sub, id, 'decline');
    expect(last.status).toBe(200);
    const told = await eventsFor(learner, 'request.offers_expired');
    expect(told).toHaveLength(1);
    expect(told[0]!.data).toMatchObject({ requestId: id, reason: 'declined' });
    // The window passing later tells the learner nothing more.
    ctx.clock.advance(11 * MINUTE);
    await worker.drain();
    expect(await eventsFor(learner, 'request.offers_expired')).toHaveLength(1);
  });
});

describe('expiry', () => {
  it('expires the offers after the window and offers the learner scheduled slots instead', async () => {
    const tenant = await tenantWith({ instantHelpWindowMinutes: 10 });
    const [a, b] = await onlineMentors(tenant, 2, 'win');
    const created = await askNow(tenant);
    const id = created.request.id;

    ctx.clock.advance(9 * MINUTE);
    await worker.drain();
    expect(Object.values(await offerStatuses(id))).toEqual(['offered', 'offered']);

    ctx.clock.advance(MINUTE);
    await worker.drain();
    expect(await offerStatuses(id)).toEqual({ [a!.id]: 'expired', [b!.id]: 'expired' });
    const told = await eventsFor(created.request.learnerId, 'request.offers_expired');
    expect(told).toHaveLength(1);
    const data = told[0]!.data as {
      reason: string;
      matches: { mentorId: string; nextSlots: { start: string }[] }[];
    };
    expect(data.reason).toBe('window');
    expect(data.matches.length).toBeGreaterThan(0);
    expect(data.matches[0]!.nextSlots.length).toBeGreaterThan(0);
    expect(new Date(data.matches[0]!.nextSlots[0]!.start) >= ctx.clock.now()).toBe(true);
    expect(await eventsFor(await userIdOf(ctx, tenant, a!.sub), 'request.withdrawn')).toHaveLength(1);

    expectRefused(await answer(tenant, a!.sub, id, 'accept'), 409, 'offer_expired');
    // The request itself is still open: the learner can book one of those slots.
    const request = await call<{ status: string }>(ctx.app, 'GET', `/v1/requests/${id}`, asLearner(tenant));
    expect(request.body.status).toBe('open');
  });

  it('expires an unanswered request after the SLA, pauses a mentor who lets offers expire repeatedly, and lets them back', async () => {
    const tenant = await tenantWith({ requestSlaHours: 1, instantHelpWindowMinutes: 5 });
    const [m] = await onlineMentors(tenant, 1, 'sla');
    const mentorUser = await userIdOf(ctx, tenant, m!.sub);
    const requests: Created[] = [];
    for (let i = 0; i < UNRESPONSIVE_STREAK; i++) {
      await call(ctx.app, 'PUT', '/v1/me/presence', {
        ...asMentor(tenant, m!.sub),
        body: { availableNow: true },
      });
      const created = await askNow(tenant, `learner-sla-${i}`);
      expect(created.offers?.map((o) => o.mentorId)).toEqual([m!.id]);
      requests.push(created);
      const status = await ctx.db
        .selectFrom('mentors')
        .select('status')
        .where('id', '=', m!.id)
        .executeTakeFirstOrThrow();
      expect(status.status).toBe('approved');
      ctx.clock.advance(5 * MINUTE);
      await worker.drain();
    }
    const paused = await ctx.db
      .selectFrom('mentors')
      .select(['status', 'paused_reason', 'online_until'])
      .where('id', '=', m!.id)
      .executeTakeFirstOrThrow();
    expect(paused).toEqual({ status: 'paused', paused_reason: 'unresponsive', online_until: null });
    const pausedEvents = await ctx.db
      .selectFrom('events')
      .select(['data', 'user_ids'])
      .where('tenant_id', '=', tenant.id)
      .where('type', '=', 'mentor.paused')
      .execute();
    expect(pausedEvents).toHaveLength(1);
    expect(pausedEvents[0]!.data).toMatchObject({ mentorId: m!.id, reason: 'unresponsive' });

    // The paused mentor is matched no more, and gets no instant offers even when online.
    const meanwhile = await askNow(tenant, 'learner-after');
    expect(meanwhile.matches.map((x) => x.mentor.id)).not.toContain(m!.id);
    expect(meanwhile.offers).toEqual([]);

    // The SLA passes: every request still open is expired and its learner told, with next matches.
    ctx.clock.advance(60 * MINUTE);
    await worker.drain();
    for (const created of requests) {
      const row = await ctx.db
        .selectFrom('help_requests')
        .select('status')
        .where('id', '=', created.request.id)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('expired');
      const told = await eventsFor(created.request.learnerId, 'request.expired');
      expect(told).toHaveLength(1);
      expect(told[0]!.data).toMatchObject({ requestId: created.request.id, matches: expect.any(Array) });
    }
    // The request offered to nobody did not need an answer: it stays open.
    const unoffered = await ctx.db
      .selectFrom('help_requests')
      .select('status')
      .where('id', '=', meanwhile.request.id)
      .executeTakeFirstOrThrow();
    expect(unoffered.status).toBe('open');
    expect(await eventsFor(mentorUser, 'mentor.paused')).toHaveLength(1);

    // Coming back: "available now" lifts the pause and the streak; matched and offered again.
    const back = await call<{ status: string; availableNow: boolean }>(ctx.app, 'PUT', '/v1/me/presence', {
      ...asMentor(tenant, m!.sub),
      body: { availableNow: true },
    });
    expect(back.body).toMatchObject({ status: 'approved', availableNow: true });
    const again = await askNow(tenant, 'learner-back');
    expect(again.matches.map((x) => x.mentor.id)).toContain(m!.id);
    expect(again.offers?.map((o) => o.mentorId)).toEqual([m!.id]);
  });
});

describe('presence', () => {
  it('turns available-now on for 15 minutes and off, and heartbeats keep a mentor online a minute more', async () => {
    const tenant = await tenantWith();
    const mentor = await bookableMentor(ctx, tenant, ALL_WEEK, { externalId: 'pres', skills: ['sql'] });
    const on = await call<{ availableNow: boolean; onlineUntil: string }>(ctx.app, 'PUT', '/v1/me/presence', {
      ...asMentor(tenant, 'pres'),
      body: { availableNow: true },
    });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ availableNow: true, onlineUntil: '2026-11-25T12:15:00.000Z' });
    const userId = await userIdOf(ctx, tenant, 'pres');
    const onlineUntil = async () =>
      (
        await ctx.db
          .selectFrom('mentors')
          .select('online_until')
          .where('id', '=', mentor.id)
          .executeTakeFirstOrThrow()
      ).online_until?.toISOString() ?? null;

    // A heartbeat never shortens "available now"…
    expect(await touchPresence(ctx.db, { tenantId: tenant.id, userId, now: ctx.clock.now() })).toBe(true);
    expect(await onlineUntil()).toBe('2026-11-25T12:15:00.000Z');
    // …and keeps a connected mentor online past it.
    ctx.clock.advance(15 * MINUTE);
    await touchPresence(ctx.db, { tenantId: tenant.id, userId, now: ctx.clock.now() });
    expect(await onlineUntil()).toBe('2026-11-25T12:16:00.000Z');

    const off = await call<{ availableNow: boolean; onlineUntil: null }>(ctx.app, 'PUT', '/v1/me/presence', {
      ...asMentor(tenant, 'pres'),
      body: { availableNow: false },
    });
    expect(off.body).toMatchObject({ availableNow: false, onlineUntil: null });
    expect(await onlineUntil()).toBeNull();
    // Not a mentor, or another tenant's user: nothing to touch.
    const learnerUser = (await call<{ user: { id: string } }>(ctx.app, 'GET', '/v1/me', asLearner(tenant)))
      .body.user.id;
    expect(
      await touchPresence(ctx.db, { tenantId: tenant.id, userId: learnerUser, now: ctx.clock.now() }),
    ).toBe(false);
    const other = await tenantWith();
    expect(await touchPresence(ctx.db, { tenantId: other.id, userId, now: ctx.clock.now() })).toBe(false);
    expect(await onlineUntil()).toBeNull();
  });
});

describe('bad input and pages', () => {
  it('answers 4xx with stable codes and changes nothing', async () => {
    const tenant = await tenantWith();
    const cases: [string, string, CallOptions, number, string][] = [
      ['PUT', '/v1/me/presence', { ...asMentor(tenant, 'x'), body: {} }, 400, 'validation_failed'],
      [
        'PUT',
        '/v1/me/presence',
        { ...asMentor(tenant, 'x'), body: { availableNow: 'yes' } },
        400,
        'validation_failed',
      ],
      [
        'PUT',
        '/v1/me/presence',
        { ...asMentor(tenant, 'x'), body: { availableNow: true } },
        404,
        'not_found',
      ],
      [
        'PUT',
        '/v1/me/presence',
        { key: tenant.secretKey, body: { availableNow: true } },
        401,
        'user_token_required',
      ],
      ['GET', '/v1/me/offers?limit=0', asMentor(tenant, 'x'), 400, 'validation_failed'],
      ['GET', '/v1/me/offers?status=maybe', asMentor(tenant, 'x'), 400, 'validation_failed'],
      ['GET', '/v1/me/offers?cursor=nope', asMentor(tenant, 'x'), 400, 'invalid_cursor'],
      ['GET', '/v1/me/offers', { key: tenant.secretKey }, 401, 'user_token_required'],
      ['POST', '/v1/requests/not-a-uuid/accept', asMentor(tenant, 'x'), 400, 'validation_failed'],
      ['POST', '/v1/requests/not-a-uuid/decline', asMentor(tenant, 'x'), 400, 'validation_failed'],
      [
        'POST',
        '/v1/requests/5b0c3a9e-0000-4000-8000-000000000000/accept',
        asMentor(tenant, 'x'),
        404,
        'not_found',
      ],
    ];
    for (const [method, path, options, status, code] of cases) {
      const res = await call<{ code: string }>(ctx.app, method, path, options);
      expect(res.status, `${method} ${path}: ${res.text}`).toBe(status);
      expect(res.body.code).toBe(code);
    }
    const offers = await ctx.db
      .selectFrom('request_offers')
      .select('request_id')
      .where('tenant_id', '=', tenant.id)
      .execute();
    expect(offers).toEqual([]);
  });

  it('pages a mentor’s inbox newest first with a cursor; a non-mentor’s inbox is empty', async () => {
    const tenant = await tenantWith();
    const [m] = await onlineMentors(tenant, 1, 'page');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await askNow(tenant, `learner-page-${i}`)).request.id);
      ctx.clock.advance(MINUTE);
    }
    const first = await call<{ data: Offer[]; nextCursor: string | null }>(
      ctx.app,
      'GET',
      '/v1/me/offers?limit=2',
      asMentor(tenant, m!.sub),
    );
    expect(first.body.data.map((o) => o.requestId)).toEqual([ids[2], ids[1]]);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await call<{ data: Offer[]; nextCursor: string | null }>(
      ctx.app,
      'GET',
      `/v1/me/offers?limit=2&cursor=${first.body.nextCursor}`,
      asMentor(tenant, m!.sub),
    );
    expect(second.body).toEqual({ data: [expect.objectContaining({ requestId: ids[0] })], nextCursor: null });
    const filtered = await call<{ data: Offer[] }>(
      ctx.app,
      'GET',
      '/v1/me/offers?status=accepted',
      asMentor(tenant, m!.sub),
    );
    expect(filtered.body.data).toEqual([]);
    const learner = await call<{ data: Offer[] }>(ctx.app, 'GET', '/v1/me/offers', asLearner(tenant));
    expect(learner.body).toEqual({ data: [], nextCursor: null });
  });
});
