// A `call` session needs a way to call: the learner's number given when booking (seen only by the
// learner and the session's mentor, erased once the session is over or cancelled) or the mentor's
// own call bridge. No video link is made for a call.
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { jobHandlers } from '../src/jobs/handlers.js';
import { createWorker, type Worker } from '../src/jobs/worker.js';
import { asLearner, type BookingBody, book, bookableMentor } from './support/booking-fixtures.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import type { MentorBody } from './support/fixtures.js';
import { call } from './support/http.js';

const NOW = '2026-11-25T12:00:00Z';
const START = '2026-11-26T10:00:00Z';
const TYPED = '+34 (600) 123-456';
const PHONE = '+34600123456';

let ctx: TestContext;
let tenant: TestTenant;
let mentor: MentorBody;
let worker: Worker;

type Problem = { code: string; detail?: string; errors?: { path: string; message: string }[] };

beforeAll(async () => {
  ctx = await createTestContext();
  worker = createWorker({ db: ctx.db, clock: ctx.clock, handlers: jobHandlers() });
});
beforeEach(async () => {
  ctx.clock.set(NOW);
  tenant = await ctx.tenant();
  mentor = await bookableMentor(
    ctx,
    tenant,
    { meetingUrl: 'https://zoom.example/j/123' },
    { externalId: 'mentor-call' },
  );
});
afterAll(() => ctx.close());

async function bookCall(phone: string | undefined = TYPED, mentorId = mentor.id) {
  return book(ctx, tenant, {
    mentorId,
    start: START,
    format: 'call',
    ...(phone === undefined ? {} : { phone }),
  });
}

const get = (id: string, as: { key: string; token?: string; origin?: string }) =>
  call<BookingBody & Problem>(ctx.app, 'GET', `/v1/bookings/${id}`, as);

async function storedPhone(id: string): Promise<string | null> {
  const row = await ctx.db
    .selectFrom('bookings')
    .select('call_phone')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.call_phone;
}

describe('booking a call', () => {
  it('keeps the learner’s number, normalised, and makes no video link', async () => {
    const res = await bookCall();
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      format: 'call',
      joinUrl: null,
      dialIn: null,
      phone: PHONE,
      threadId: null,
    });
    expect(await storedPhone(res.body.id)).toBe(PHONE);
  });

  it('refuses a call without a number, with a clear problem', async () => {
    const res = await call<Problem>(ctx.app, 'POST', '/v1/bookings', {
      ...asLearner(tenant),
      body: { mentorId: mentor.id, start: START, durationMinutes: 30, format: 'call' },
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.code).toBe('phone_required');
    expect(res.body.errors).toEqual([
      { path: 'body.phone', message: 'is required for a call with this mentor' },
    ]);
  });

  it.each([
    '600 123 456',
    '+0 600 123 456',
    '+34 600',
    '+34 600 123 456 789 012',
    '+34 600 ABC 456',
    'tel:+34600123456',
    '',
  ])('refuses %j as a number (400 on body.phone)', async (phone) => {
    const res = await bookCall(phone);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors?.[0]?.path).toBe('body.phone');
    expect(res.body.errors?.[0]?.message).toMatch(/international phone number/);
  });

  it('accepts the usual ways of writing an international number', async () => {
    for (const [i, phone] of [
      '+34 600 123 456',
      '+34-600-123-456',
      '+1 (415) 555-0100',
      '+4915112345678',
    ].entries()) {
      const res = await book(
        ctx,
        tenant,
        {
          mentorId: mentor.id,
          start: `2026-11-26T1${i}:00:00Z`,
          format: 'call',
          phone,
        },
        `learner-${i}`,
      );
      expect(res.status, res.text).toBe(201);
      expect(res.body.phone).toBe(phone.replace(/[\s()-]/g, ''));
    }
  });

  it('refuses a number for a video or chat session', async () => {
    const res = await book(ctx, tenant, { mentorId: mentor.id, start: START, format: 'video', phone: TYPED });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.path).toBe('body.phone');
  });

  it('uses the mentor’s call bridge when set: no number needed, none kept', async () => {
    const set = await call<{ callBridge: string | null }>(ctx.app, 'PATCH', '/v1/me/mentor', {
      ...asLearner(tenant, 'mentor-call'),
      body: { callBridge: 'tel:+34910000000,,123456#' },
    });
    expect(set.status, set.text).toBe(200);
    expect(set.body.callBridge).toBe('tel:+34910000000,,123456#');
    const listed = await call<{ hasCallBridge: boolean }>(
      ctx.app,
      'GET',
      `/v1/mentors/${mentor.id}`,
      asLearner(tenant),
    );
    expect(listed.body.hasCallBridge).toBe(true);
    expect(listed.body).not.toHaveProperty('callBridge');

    const without = await bookCall(undefined);
    expect(without.status, without.text).toBe(201);
    expect(without.body).toMatchObject({ joinUrl: null, dialIn: 'tel:+34910000000,,123456#' });
    expect(without.body).not.toHaveProperty('phone');
    // A number sent anyway is not needed, so not kept.
    const withPhone = await book(
      ctx,
      tenant,
      { mentorId: mentor.id, start: '2026-11-26T11:00:00Z', format: 'call', phone: TYPED },
      'learner-2',
    );
    expect(withPhone.status).toBe(201);
    expect(await storedPhone(withPhone.body.id)).toBeNull();
    // The calendar file says how to dial in.
    const ics = await call(ctx.app, 'GET', `/v1/bookings/${without.body.id}/calendar.ics`, asLearner(tenant));
    expect(ics.text).toContain('LOCATION:tel:+34910000000\\,\\,123456#');
  });

  it('validates and clears the mentor’s bridge; an https dial-in page and a plain number are fine', async () => {
    const patch = (callBridge: string | null) =>
      call<{ callBridge: string | null } & Problem>(ctx.app, 'PATCH', '/v1/me/mentor', {
        ...asLearner(tenant, 'mentor-call'),
        body: { callBridge },
      });
    expect((await patch('+34 910 000 000')).body.callBridge).toBe('+34910000000');
    expect((await patch('https://bridge.example.com/dial/42')).body.callBridge).toBe(
      'https://bridge.example.com/dial/42',
    );
    const bad = await patch('http://bridge.example.com/dial');
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.path).toBe('body.callBridge');
    expect((await patch('javascript:alert(1)')).status).toBe(400);
    expect((await patch(null)).body.callBridge).toBeNull();
    const m = await call<{ hasCallBridge: boolean }>(
      ctx.app,
      'GET',
      `/v1/mentors/${mentor.id}`,
      asLearner(tenant),
    );
    expect(m.body.hasCallBridge).toBe(false);
  });

  it('takes a bridge in a mentor application', async () => {
    const res = await call<{ id: string }>(ctx.app, 'POST', '/v1/me/mentor', {
      ...asLearner(tenant, 'applicant'),
      body: { skills: ['sql'], timeZone: 'Europe/Madrid', formats: ['call'], callBridge: '+44 20 7946 0000' },
    });
    expect(res.status, res.text).toBe(201);
    const own = await call<{ callBridge: string }>(
      ctx.app,
      'GET',
      '/v1/me/mentor',
      asLearner(tenant, 'applicant'),
    );
    expect(own.body.callBridge).toBe('+442079460000');
  });
});

describe('who sees the learner’s number', () => {
  it('the learner and the session’s mentor only; another mentor, the program and another tenant do not', async () => {
    const booked = await bookCall();
    const id = booked.body.id;
    await bookableMentor(ctx, tenant, {}, { externalId: 'mentor-other' });

    expect((await get(id, asLearner(tenant))).body.phone).toBe(PHONE);
    expect((await get(id, asLearner(tenant, 'mentor-call'))).body.phone).toBe(PHONE);
    expect((await get(id, asLearner(tenant, 'mentor-other'))).status).toBe(404);
    const program = await get(id, { key: tenant.secretKey });
    expect(program.status).toBe(200);
    expect(program.body).not.toHaveProperty('phone');
    expect(program.text).not.toContain('600123456');
    const other = await ctx.tenant();
    expect((await get(id, { key: other.secretKey })).status).toBe(404);

    const list = (as: { key: string; token?: string; origin?: string }, query = '') =>
      call<{ data: BookingBody[] }>(ctx.app, 'GET', `/v1/bookings${query}`, as);
    expect((await list(asLearner(tenant))).body.data.map((b) => b.phone)).toEqual([PHONE]);
    expect(
      (await list(asLearner(tenant, 'mentor-call'), '?as=mentor')).body.data.map((b) => b.phone),
    ).toEqual([PHONE]);
    expect((await list(asLearner(tenant, 'mentor-other'), '?as=mentor')).body.data).toEqual([]);
    const all = await list({ key: tenant.secretKey });
    expect(all.body.data).toHaveLength(1);
    expect(all.text).not.toContain('600123456');
    const mentorsAll = await list({ key: tenant.secretKey }, `?mentorId=${mentor.id}`);
    expect(mentorsAll.text).not.toContain('600123456');

    // Never in events (live and webhooks are made from them), the calendar file or the program's export.
    const events = await ctx.db
      .selectFrom('events')
      .select(sql<string>`data::text`.as('data'))
      .where('tenant_id', '=', tenant.id)
      .execute();
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(e.data).not.toContain('600123456');
    const ics = await call(
      ctx.app,
      'GET',
      `/v1/bookings/${id}/calendar.ics`,
      asLearner(tenant, 'mentor-call'),
    );
    expect(ics.status).toBe(200);
    expect(ics.text).not.toContain('600123456');
    const csv = await call(
      ctx.app,
      'GET',
      '/v1/admin/exports/bookings.csv?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z',
      { key: tenant.secretKey },
    );
    expect(csv.status, csv.text).toBe(200);
    expect(csv.text).toContain(id);
    expect(csv.text).not.toContain('600123456');
  });

  it('a moved call keeps its number; the program’s move answers without it', async () => {
    const booked = await bookCall();
    const moved = await call<BookingBody>(ctx.app, 'POST', `/v1/bookings/${booked.body.id}/reschedule`, {
      ...asLearner(tenant),
      body: { start: '2026-11-26T14:00:00Z' },
    });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toMatchObject({ start: '2026-11-26T14:00:00.000Z', phone: PHONE, joinUrl: null });
    const byProgram = await call<BookingBody>(ctx.app, 'POST', `/v1/bookings/${booked.body.id}/reschedule`, {
      key: tenant.secretKey,
      body: { start: '2026-11-26T15:00:00Z' },
    });
    expect(byProgram.status).toBe(200);
    expect(byProgram.body).not.toHaveProperty('phone');
    expect(await storedPhone(booked.body.id)).toBe(PHONE);
    expect((await get(booked.body.id, asLearner(tenant, 'mentor-call'))).body.phone).toBe(PHONE);
  });
});

describe('erasing the learner’s number', () => {
  it('goes once the session is over (the completion job)', async () => {
    const booked = await bookCall();
    ctx.clock.set('2026-11-26T10:29:00Z');
    await worker.drain();
    expect(await storedPhone(booked.body.id)).toBe(PHONE);
    ctx.clock.set('2026-11-26T11:00:00Z');
    await worker.drain();
    const after = await get(booked.body.id, asLearner(tenant, 'mentor-call'));
    expect(after.body.status).toBe('completed');
    expect(after.body).not.toHaveProperty('phone');
    expect(await storedPhone(booked.body.id)).toBeNull();
  });

  it('goes when the session is cancelled', async () => {
    const booked = await bookCall();
    const cancelled = await call<BookingBody>(ctx.app, 'POST', `/v1/bookings/${booked.body.id}/cancel`, {
      ...asLearner(tenant, 'mentor-call'),
      body: { reason: 'Something came up' },
    });
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.body).not.toHaveProperty('phone');
    expect(await storedPhone(booked.body.id)).toBeNull();
  });
});
