import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { jobHandlers } from '../src/jobs/handlers.js';
import { createWorker, type Worker } from '../src/jobs/worker.js';
import { asLearner, type BookingBody, book, bookableMentor } from './support/booking-fixtures.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import type { MentorBody } from './support/fixtures.js';
import { call } from './support/http.js';

let ctx: TestContext;
let worker: Worker;
let tenant: TestTenant;
let mentor: MentorBody;
let mentorUserId: string;
let learnerId: string;

const HOUR = 3_600_000;
const MINUTE = 60_000;

beforeAll(async () => {
  ctx = await createTestContext();
  worker = createWorker({ db: ctx.db, clock: ctx.clock, handlers: jobHandlers() });
});
afterAll(() => ctx.close());
beforeEach(async () => {
  ctx.clock.set('2026-11-25T12:00:00Z');
  tenant = await ctx.tenant();
  mentor = await bookableMentor(ctx, tenant, { minNoticeMinutes: 0 }, { externalId: 'mentor-life' });
  // The mentor signs in once, so they have a user to receive events.
  const me = await call<{ user: { id: string } }>(ctx.app, 'GET', '/v1/me', {
    key: tenant.publishableKey,
    origin: tenant.origin,
    token: tenant.token({ sub: 'mentor-life', roles: ['mentor'] }),
  });
  mentorUserId = me.body.user.id;
  learnerId = (await call<{ user: { id: string } }>(ctx.app, 'GET', '/v1/me', asLearner(tenant))).body.user
    .id;
});

async function jobsOf(bookingId: string, status = 'pending') {
  return ctx.db
    .selectFrom('jobs')
    .select(['kind', 'run_at', 'payload'])
    .where('subject', '=', `booking:${bookingId}`)
    .where('status', '=', status as 'pending')
    .orderBy('run_at')
    .execute();
}

async function eventsOf(bookingId: string, type?: string) {
  let q = ctx.db
    .selectFrom('events')
    .select(['type', 'data', 'user_ids'])
    .where(sql<boolean>`data->>'bookingId' = ${bookingId}`);
  if (type) q = q.where('type', '=', type);
  return q.orderBy('id').execute();
}

async function created(start: string, durationMinutes = 30): Promise<BookingBody> {
  const res = await book(ctx, tenant, { mentorId: mentor.id, start, durationMinutes });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

describe('booking lifecycle jobs and events', () => {
  it('queues reminders 24 h and 10 min before and completion after the end; records booking.created to both', async () => {
    const booking = await created('2026-11-27T10:00:00Z');
    const jobs = await jobsOf(booking.id);
    expect(jobs.map((j) => [j.kind, j.run_at.toISOString()])).toEqual([
      ['booking.remind', '2026-11-26T10:00:00.000Z'],
      ['booking.remind', '2026-11-27T09:50:00.000Z'],
      ['booking.complete', '2026-11-27T10:45:00.000Z'],
    ]);
    const events = await eventsOf(booking.id, 'booking.created');
    expect(events).toHaveLength(1);
    expect([...events[0]!.user_ids].sort()).toEqual([learnerId, mentorUserId].sort());

    // Both reminders fire when due, to both parties, while the booking stands.
    ctx.clock.set('2026-11-26T10:00:00Z');
    await worker.drain();
    ctx.clock.set('2026-11-27T09:50:00Z');
    await worker.drain();
    const reminders = await eventsOf(booking.id, 'booking.reminder');
    expect(reminders.map((r) => r.data.lead)).toEqual(['24h', '10m']);
    expect([...reminders[0]!.user_ids].sort()).toEqual([learnerId, mentorUserId].sort());
  });

  it('skips reminders already in the past', async () => {
    const booking = await created('2026-11-25T13:00:00Z');
    expect((await jobsOf(booking.id)).map((j) => [j.kind, j.run_at.toISOString()])).toEqual([
      ['booking.remind', '2026-11-25T12:50:00.000Z'],
      ['booking.complete', '2026-11-25T13:45:00.000Z'],
    ]);
  });

  it('never reminds of a cancelled booking, even when the clock passes its start', async () => {
    const booking = await created('2026-11-27T10:00:00Z');
    const res = await call(ctx.app, 'POST', `/v1/bookings/${booking.id}/cancel`, {
      ...asLearner(tenant),
      body: { reason: 'Solved it myself' },
    });
    expect(res.status).toBe(200);
    expect(await jobsOf(booking.id)).toEqual([]);
    expect(await jobsOf(booking.id, 'cancelled')).toHaveLength(3);
    const cancelled = await eventsOf(booking.id, 'booking.cancelled');
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]!.data).toMatchObject({ cancelledBy: 'learner', reason: 'Solved it myself' });

    ctx.clock.set('2026-11-27T12:00:00Z');
    await worker.drain();
    expect(await eventsOf(booking.id, 'booking.reminder')).toEqual([]);
    expect(await eventsOf(booking.id, 'booking.completed')).toEqual([]);
  });

  it('the reminder handler itself re-checks the booking (belt and braces)', async () => {
    const booking = await created('2026-11-27T10:00:00Z');
    // Cancelled behind the queue's back: the jobs are still pending.
    await ctx.db.updateTable('bookings').set({ status: 'cancelled' }).where('id', '=', booking.id).execute();
    ctx.clock.set('2026-11-27T09:55:00Z');
    expect(await worker.drain()).toBeGreaterThanOrEqual(2);
    expect(await eventsOf(booking.id, 'booking.reminder')).toEqual([]);
  });

  it('moves the reminders and completion with a rescheduled booking', async () => {
    const booking = await created('2026-11-27T10:00:00Z');
    const res = await call(ctx.app, 'POST', `/v1/bookings/${booking.id}/reschedule`, {
      ...asLearner(tenant),
      body: { start: '2026-11-30T14:00:00Z' },
    });
    expect(res.status, res.text).toBe(200);
    expect((await jobsOf(booking.id)).map((j) => [j.kind, j.run_at.toISOString()])).toEqual([
      ['booking.remind', '2026-11-29T14:00:00.000Z'],
      ['booking.remind', '2026-11-30T13:50:00.000Z'],
      ['booking.complete', '2026-11-30T14:45:00.000Z'],
    ]);
    const moved = await eventsOf(booking.id, 'booking.rescheduled');
    expect(moved[0]!.data).toMatchObject({
      start: '2026-11-30T14:00:00.000Z',
      previousStart: '2026-11-27T10:00:00.000Z',
    });
    // Past the old times: nothing; at the new ones: the reminders, for the new start.
    ctx.clock.set('2026-11-27T11:00:00Z');
    await worker.drain();
    expect(await eventsOf(booking.id, 'booking.reminder')).toEqual([]);
    ctx.clock.set('2026-11-29T14:00:00Z');
    await worker.drain();
    ctx.clock.set('2026-11-30T13:55:00Z');
    await worker.drain();
    const reminders = await eventsOf(booking.id, 'booking.reminder');
    expect(reminders.map((r) => [r.data.lead, r.data.start])).toEqual([
      ['24h', '2026-11-30T14:00:00.000Z'],
      ['10m', '2026-11-30T14:00:00.000Z'],
    ]);
  });

  it('marks a past session completed and counts it for the mentor', async () => {
    const booking = await created('2026-11-25T13:00:00Z');
    ctx.clock.set(new Date(Date.parse('2026-11-25T13:30:00Z') + 14 * MINUTE));
    await worker.drain();
    expect(
      (await call<BookingBody>(ctx.app, 'GET', `/v1/bookings/${booking.id}`, asLearner(tenant))).body.status,
    ).toBe('confirmed');
    ctx.clock.advance(MINUTE);
    await worker.drain();
    const after = await call<BookingBody>(ctx.app, 'GET', `/v1/bookings/${booking.id}`, asLearner(tenant));
    expect(after.body.status).toBe('completed');
    const stats = await call<MentorBody>(ctx.app, 'GET', `/v1/mentors/${mentor.id}`, {
      key: tenant.secretKey,
    });
    expect(stats.body.stats.sessions).toBe(1);
    const done = await eventsOf(booking.id, 'booking.completed');
    expect(done).toHaveLength(1);
    expect([...done[0]!.user_ids].sort()).toEqual([learnerId, mentorUserId].sort());
    // Running it again (a retry) changes nothing.
    ctx.clock.advance(HOUR);
    await worker.drain();
    expect(
      (await call<MentorBody>(ctx.app, 'GET', `/v1/mentors/${mentor.id}`, { key: tenant.secretKey })).body
        .stats.sessions,
    ).toBe(1);
  });

  it('records request.created and, when a booking takes the request, request.matched', async () => {
    const asked = await call<{ request: { id: string } }>(ctx.app, 'POST', '/v1/requests', {
      ...asLearner(tenant),
      body: { title: 'SQL joins', skills: ['sql'], urgency: 'today' },
    });
    expect(asked.status).toBe(201);
    const requestId = asked.body.request.id;
    const res = await call<BookingBody>(ctx.app, 'POST', '/v1/bookings', {
      ...asLearner(tenant),
      body: {
        mentorId: mentor.id,
        start: '2026-11-26T10:00:00Z',
        durationMinutes: 30,
        format: 'video',
        requestId,
      },
    });
    expect(res.status, res.text).toBe(201);
    const events = await ctx.db
      .selectFrom('events')
      .select(['type', 'data', 'user_ids'])
      .where(sql<boolean>`data->>'requestId' = ${requestId}`)
      .where('type', 'like', 'request.%')
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type)).toEqual(['request.created', 'request.matched']);
    expect(events[0]!.user_ids).toEqual([]);
    expect(events[1]!.data).toMatchObject({ mentorId: mentor.id, bookingId: res.body.id, via: 'booking' });
  });
});
