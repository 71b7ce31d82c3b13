import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asLearner, type BookingBody, book, bookableMentor, weekly } from './support/booking-fixtures.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { call } from './support/http.js';

// 2026-11-25 is a Wednesday; Berlin is UTC+1 in November, so 09:00–17:00 local is 08:00–16:00Z.
const NOW = '2026-11-25T12:00:00Z';

let ctx: TestContext;
let tenant: TestTenant;

beforeAll(async () => {
  ctx = await createTestContext();
});
// A fresh tenant per test: its learners' bookings cannot collide with another test's.
beforeEach(async () => {
  ctx.clock.set(NOW);
  tenant = await ctx.tenant();
});
afterAll(() => ctx.close());

async function slots(mentorId: string, from: string, to: string, duration = 30, sub = 'learner-1') {
  const res = await call<{ data: { start: string; end: string }[] }>(
    ctx.app,
    'GET',
    `/v1/mentors/${mentorId}/slots?from=${from}&to=${to}&duration=${duration}`,
    asLearner(tenant, sub),
  );
  expect(res.status, res.text).toBe(200);
  return res.body.data.map((s) => s.start);
}

describe('availability', () => {
  it('is stored and read back, and sets the mentor’s time zone', async () => {
    const m = await bookableMentor(ctx, tenant, {
      timeZone: 'Asia/Kolkata',
      bufferAfterMinutes: 10,
      maxPerDay: 4,
    });
    const res = await call<Record<string, unknown>>(ctx.app, 'GET', `/v1/mentors/${m.id}/availability`, {
      key: tenant.secretKey,
    });
    expect(res.body).toMatchObject({
      timeZone: 'Asia/Kolkata',
      bufferAfterMinutes: 10,
      maxPerDay: 4,
      maxPerWeek: null,
      sessionLengths: [15, 30],
    });
    const mentor = await call<{ timeZone: string }>(ctx.app, 'GET', `/v1/mentors/${m.id}`, {
      key: tenant.secretKey,
    });
    expect(mentor.body.timeZone).toBe('Asia/Kolkata');
  });

  it('may be set by the mentor themself but not by a learner', async () => {
    const m = await bookableMentor(ctx, tenant, {}, { externalId: 'avail-owner' });
    const body = { timeZone: 'Europe/Berlin', weekly: weekly('10:00', '12:00'), sessionLengths: [30] };
    const own = await call(ctx.app, 'PUT', `/v1/mentors/${m.id}/availability`, {
      ...asLearner(tenant, 'avail-owner'),
      body,
    });
    expect(own.status).toBe(200);
    const other = await call(ctx.app, 'PUT', `/v1/mentors/${m.id}/availability`, {
      ...asLearner(tenant, 'someone'),
      body,
    });
    expect(other.status).toBe(403);
  });

  it('rejects overlapping rules, ends before starts and lengths the program does not offer', async () => {
    const m = await bookableMentor(ctx, tenant);
    const put = (body: Record<string, unknown>) =>
      call<{ code: string; errors: { path: string }[] }>(ctx.app, 'PUT', `/v1/mentors/${m.id}/availability`, {
        key: tenant.secretKey,
        body: { timeZone: 'Europe/Berlin', sessionLengths: [30], weekly: [], ...body },
      });
    const overlap = await put({
      weekly: [
        { day: 'mon', start: '09:00', end: '12:00' },
        { day: 'mon', start: '11:00', end: '13:00' },
      ],
    });
    expect(overlap.status).toBe(400);
    expect(overlap.body.errors.map((e) => e.path).join(' ')).toMatch(/body\.weekly\.1/);
    const backwards = await put({ weekly: [{ day: 'tue', start: '12:00', end: '09:00' }] });
    expect(backwards.status).toBe(400);
    const length = await put({ sessionLengths: [45] });
    expect(length.status).toBe(400);
    expect(length.body.errors[0]?.path).toBe('body.sessionLengths.0');
  });
});

describe('slots', () => {
  it('are the weekly hours in the mentor’s zone, in UTC, on a 15-minute grid', async () => {
    const m = await bookableMentor(ctx, tenant);
    const starts = await slots(m.id, '2026-11-26T00:00:00Z', '2026-11-27T00:00:00Z');
    expect(starts[0]).toBe('2026-11-26T08:00:00.000Z');
    expect(starts.at(-1)).toBe('2026-11-26T15:30:00.000Z');
    expect(starts).toHaveLength(31);
  });

  it('keep 09:00 local across a DST change (America/New_York, 2026-11-01)', async () => {
    ctx.clock.set('2026-10-28T12:00:00Z');
    const m = await bookableMentor(ctx, tenant, {
      timeZone: 'America/New_York',
      weekly: weekly('09:00', '09:30'),
    });
    const starts = await slots(m.id, '2026-10-29T00:00:00Z', '2026-11-04T00:00:00Z');
    expect(starts).toEqual([
      '2026-10-29T13:00:00.000Z',
      '2026-10-30T13:00:00.000Z',
      '2026-11-02T14:00:00.000Z',
      '2026-11-03T14:00:00.000Z',
    ]);
  });

  it('refuse windows over 31 days, backwards windows and lengths the mentor does not offer', async () => {
    const m = await bookableMentor(ctx, tenant);
    const get = (q: string) => call(ctx.app, 'GET', `/v1/mentors/${m.id}/slots?${q}`, asLearner(tenant));
    expect((await get('from=2026-12-01T00:00:00Z&to=2027-01-05T00:00:00Z&duration=30')).status).toBe(400);
    expect((await get('from=2026-12-05T00:00:00Z&to=2026-12-01T00:00:00Z&duration=30')).status).toBe(400);
    expect((await get('from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z&duration=45')).status).toBe(400);
    expect((await get('from=yesterday&to=2026-12-02T00:00:00Z&duration=30')).status).toBe(400);
  });
});

describe('booking', () => {
  it('confirms an offered slot with a join link, and the slot is gone', async () => {
    const m = await bookableMentor(ctx, tenant);
    const res = await book(ctx, tenant, {
      mentorId: m.id,
      start: '2026-11-26T09:00:00Z',
      note: 'JOIN vs WHERE',
    });
    expect(res.status, res.text).toBe(201);
    expect(res.headers.get('location')).toBe(`/v1/bookings/${res.body.id}`);
    expect(res.body).toMatchObject({
      mentorId: m.id,
      start: '2026-11-26T09:00:00.000Z',
      end: '2026-11-26T09:30:00.000Z',
      format: 'video',
      status: 'confirmed',
      threadId: null,
      sequence: 0,
    });
    expect(res.body.joinUrl).toMatch(/^https:\/\/meet\.jit\.si\/micromentor-[A-Za-z0-9]{20}$/);
    const starts = await slots(m.id, '2026-11-26T08:00:00Z', '2026-11-26T11:00:00Z', 30, 'another-learner');
    expect(starts).not.toContain('2026-11-26T09:00:00.000Z');
    expect(starts).not.toContain('2026-11-26T09:15:00.000Z');
    expect(starts).not.toContain('2026-11-26T08:45:00.000Z');
    expect(starts).toContain('2026-11-26T08:30:00.000Z');
    expect(starts).toContain('2026-11-26T09:30:00.000Z');
  });

  it('gives chat bookings a thread instead of a link', async () => {
    const m = await bookableMentor(ctx, tenant);
    const res = await book(ctx, tenant, { mentorId: m.id, start: '2026-11-26T10:00:00Z', format: 'chat' });
    expect(res.status).toBe(201);
    expect(res.body.joinUrl).toBeNull();
    expect(res.body.threadId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('uses the mentor’s own meeting link when they set one', async () => {
    const m = await bookableMentor(ctx, tenant, { meetingUrl: 'https://zoom.example/j/123' });
    const res = await book(ctx, tenant, { mentorId: m.id, start: '2026-11-26T10:00:00Z', format: 'video' });
    expect(res.body.joinUrl).toBe('https://zoom.example/j/123');
  });

  it('refuses a partial overlap but allows back to back without buffers', async () => {
    const m = await bookableMentor(ctx, tenant);
    expect((await book(ctx, tenant, { mentorId: m.id, start: '2026-11-26T10:00:00Z' }, 'a')).status).toBe(
      201,
    );
    const overlap = await book(ctx, tenant, { mentorId: m.id, start: '2026-11-26T10:15:00Z' }, 'b');
    expect(overlap.status).toBe(409);
    expect(overlap.body.code).toBe('slot_unavailable');
    expect((await book(ctx, tenant, { mentorId: m.id, start: '2026-11-26T10:30:00Z' }, 'c')).status).toBe(
      201,
    );
    expect((await book(ctx, tenant, { mentorId: m.id, start: '2026-11-26T09:30:00Z' }, 'd')).status).toBe(
      201,
    );
  });

  it('keeps buffers between sessions', async () => {
    const m = await bookableMentor(ctx, tenant, { bufferAfterMinutes: 10 });
    expect((await book(ctx, tenant, { mentorId: m.id, start: '2026-11-26T10:00:00Z' }, 'a')).status).toBe(
      201,
    );
    expect((await book(ctx, tenant, { mentorId: m.id, start: '2026-11-26T10:30:00Z' }, 'b')).status).toBe(
      409,
    );
    expect((await book(ctx, tenant, { mentorId: m.id, start: '2026-11-26T10:45:00Z' }, 'c')).status).toBe(
      201,
    );
  });

  it('refuses the same learner at one time with two mentors', async () => {
    const m1 = await bookableMentor(ctx, tenant);
    const m2 = await bookableMentor(ctx, tenant);
    expect((await book(ctx, tenant, { mentorId: m1.id, start: '2026-11-27T10:00:00Z' }, 'busy')).status).toBe(
      201,
    );
    const second = await book(ctx, tenant, { mentorId: m2.id, start: '2026-11-27T10:15:00Z' }, 'busy');
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('slot_unavailable');
  });

  it('refuses times outside availability, off the grid, too soon, beyond the horizon, or of an unoffered length', async () => {
    const m = await bookableMentor(ctx, tenant, { minNoticeMinutes: 120, horizonDays: 7 });
    const tries = [
      { start: '2026-11-26T19:00:00Z' },
      { start: '2026-11-26T10:07:00Z' },
      { start: '2026-11-25T13:00:00Z' },
      { start: '2026-12-07T10:00:00Z' },
      { start: '2026-11-26T10:00:00Z', durationMinutes: 20 },
      { start: '2026-11-28T10:00:00Z' },
    ];
    for (const t of tries) {
      const res = await book(ctx, tenant, { mentorId: m.id, ...t });
      expect(res.status, JSON.stringify(t)).toBe(409);
      expect(res.body.code).toBe('slot_unavailable');
    }
  });

  it('stops offering a day once its cap is reached', async () => {
    const m = await bookableMentor(ctx, tenant, { maxPerDay: 1 });
    expect((await book(ctx, tenant, { mentorId: m.id, start: '2026-11-26T09:00:00Z' }, 'a')).status).toBe(
      201,
    );
    expect((await book(ctx, tenant, { mentorId: m.id, start: '2026-11-26T13:00:00Z' }, 'b')).status).toBe(
      409,
    );
    expect(await slots(m.id, '2026-11-26T00:00:00Z', '2026-11-27T00:00:00Z', 30, 'b')).toEqual([]);
    expect((await book(ctx, tenant, { mentorId: m.id, start: '2026-11-27T13:00:00Z' }, 'b')).status).toBe(
      201,
    );
  });

  it('does not let a learner book themself', async () => {
    const m = await bookableMentor(ctx, tenant, {}, { externalId: 'self-booker' });
    const res = await book(ctx, tenant, { mentorId: m.id, start: '2026-11-26T09:00:00Z' }, 'self-booker');
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('cannot_book_yourself');
  });
});

describe('cancel and reschedule', () => {
  it('frees the slot on cancel so it can be booked again', async () => {
    const m = await bookableMentor(ctx, tenant);
    const first = await book(ctx, tenant, { mentorId: m.id, start: '2026-11-26T11:00:00Z' }, 'a');
    const cancel = await call<BookingBody>(ctx.app, 'POST', `/v1/bookings/${first.body.id}/cancel`, {
      ...asLearner(tenant, 'a'),
      body: { reason: 'Solved it myself' },
    });
    expect(cancel.status).toBe(200);
    expect(cancel.body).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Solved it myself',
      cancelledBy: 'learner',
      sequence: 1,
    });
    expect((await book(ctx, tenant, { mentorId: m.id, start: '2026-11-26T11:00:00Z' }, 'b')).status).toBe(
      201,
    );
    const again = await call<{ code: string }>(ctx.app, 'POST', `/v1/bookings/${first.body.id}/cancel`, {
      ...asLearner(tenant, 'a'),
      body: { reason: 'twice' },
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('booking_not_cancellable');
  });

  it('lets the mentor cancel, and nobody else', async () => {
    const m = await bookableMentor(ctx, tenant, {}, { externalId: 'cancelling-mentor' });
    const b = await book(ctx, tenant, { mentorId: m.id, start: '2026-11-26T12:00:00Z' }, 'a');
    const stranger = await call(ctx.app, 'POST', `/v1/bookings/${b.body.id}/cancel`, {
      ...asLearner(tenant, 'stranger'),
      body: { reason: 'x' },
    });
    expect(stranger.status).toBe(404);
    const byMentor = await call<BookingBody>(ctx.app, 'POST', `/v1/bookings/${b.body.id}/cancel`, {
      ...asLearner(tenant, 'cancelling-mentor'),
      body: { reason: 'Sick' },
    });
    expect(byMentor.body.cancelledBy).toBe('mentor');
  });

  it('moves a booking onto a range overlapping its own old one, atomically', async () => {
    const m = await bookableMentor(ctx, tenant);
    const b = await book(ctx, tenant, { mentorId: m.id, start: '2026-11-26T10:00:00Z' }, 'a');
    const moved = await call<BookingBody>(ctx.app, 'POST', `/v1/bookings/${b.body.id}/reschedule`, {
      ...asLearner(tenant, 'a'),
      body: { start: '2026-11-26T10:15:00Z' },
    });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toMatchObject({
      id: b.body.id,
      start: '2026-11-26T10:15:00.000Z',
      end: '2026-11-26T10:45:00.000Z',
      sequence: 1,
    });
    // 10:00 is free again only for ranges that end by 10:15.
    const starts = await slots(m.id, '2026-11-26T09:00:00Z', '2026-11-26T12:00:00Z', 15, 'b');
    expect(starts).toContain('2026-11-26T10:00:00.000Z');
    expect(starts).not.toContain('2026-11-26T10:15:00.000Z');
  });

  it('refuses to move onto someone else’s booking and leaves the original untouched', async () => {
    const m = await bookableMentor(ctx, tenant);
    const mine = await book(ctx, tenant, { mentorId: m.id, start: '2026-11-26T10:00:00Z' }, 'a');
    await book(ctx, tenant, { mentorId: m.id, start: '2026-11-26T11:00:00Z' }, 'b');
    const moved = await call<{ code: string }>(ctx.app, 'POST', `/v1/bookings/${mine.body.id}/reschedule`, {
      ...asLearner(tenant, 'a'),
      body: { start: '2026-11-26T11:15:00Z' },
    });
    expect(moved.status).toBe(409);
    const after = await call<BookingBody>(
      ctx.app,
      'GET',
      `/v1/bookings/${mine.body.id}`,
      asLearner(tenant, 'a'),
    );
    expect(after.body).toMatchObject({ start: '2026-11-26T10:00:00.000Z', sequence: 0 });
  });
});

describe('listing bookings', () => {
  it('names each booking’s mentor, in every answer that returns bookings', async () => {
    const t = await ctx.tenant();
    const ada = await bookableMentor(ctx, t, {}, { name: 'Ada Lovelace' });
    const grace = await bookableMentor(ctx, t, {}, { name: 'Grace Hopper' });
    const first = await book(ctx, t, { mentorId: ada.id, start: '2026-11-26T09:00:00Z' }, 'named');
    expect(first.body).toMatchObject({ mentorId: ada.id, mentorName: 'Ada Lovelace' });
    const second = await book(ctx, t, { mentorId: grace.id, start: '2026-11-26T10:00:00Z' }, 'named');
    type Page = { data: BookingBody[] };
    const mine = await call<Page>(ctx.app, 'GET', '/v1/bookings', asLearner(t, 'named'));
    expect(mine.body.data.map((b) => [b.mentorId, b.mentorName])).toEqual([
      [ada.id, 'Ada Lovelace'],
      [grace.id, 'Grace Hopper'],
    ]);
    const got = await call<BookingBody>(
      ctx.app,
      'GET',
      `/v1/bookings/${second.body.id}`,
      asLearner(t, 'named'),
    );
    expect(got.body.mentorName).toBe('Grace Hopper');
    const moved = await call<BookingBody>(ctx.app, 'POST', `/v1/bookings/${second.body.id}/reschedule`, {
      ...asLearner(t, 'named'),
      body: { start: '2026-11-26T11:00:00Z' },
    });
    expect(moved.body.mentorName).toBe('Grace Hopper');
    const cancelled = await call<BookingBody>(ctx.app, 'POST', `/v1/bookings/${first.body.id}/cancel`, {
      ...asLearner(t, 'named'),
      body: { reason: 'x' },
    });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', mentorName: 'Ada Lovelace' });
  });

  it('shows learners theirs, mentors theirs and the program everything, with filters and pages', async () => {
    const t = await ctx.tenant();
    const m = await bookableMentor(ctx, t, {}, { externalId: 'list-mentor' });
    const other = await bookableMentor(ctx, t);
    const starts = ['2026-11-26T09:00:00Z', '2026-11-26T10:00:00Z', '2026-11-26T11:00:00Z'];
    const ids: string[] = [];
    for (const start of starts) ids.push((await book(ctx, t, { mentorId: m.id, start }, 'lister')).body.id);
    await book(ctx, t, { mentorId: other.id, start: '2026-11-27T09:00:00Z' }, 'someone-else');
    await call(ctx.app, 'POST', `/v1/bookings/${ids[1]}/cancel`, {
      ...asLearner(t, 'lister'),
      body: { reason: 'x' },
    });

    type Page = { data: BookingBody[]; nextCursor: string | null };
    const mine = await call<Page>(ctx.app, 'GET', '/v1/bookings', asLearner(t, 'lister'));
    expect(mine.body.data.map((b) => b.id)).toEqual(ids);
    const confirmed = await call<Page>(
      ctx.app,
      'GET',
      '/v1/bookings?status=confirmed',
      asLearner(t, 'lister'),
    );
    expect(confirmed.body.data.map((b) => b.id)).toEqual([ids[0], ids[2]]);
    const asMentor = await call<Page>(ctx.app, 'GET', '/v1/bookings?as=mentor', asLearner(t, 'list-mentor'));
    expect(asMentor.body.data).toHaveLength(3);
    const program = await call<Page>(ctx.app, 'GET', '/v1/bookings?limit=2', { key: t.secretKey });
    expect(program.body.data).toHaveLength(2);
    const rest = await call<Page>(ctx.app, 'GET', `/v1/bookings?limit=2&cursor=${program.body.nextCursor}`, {
      key: t.secretKey,
    });
    expect(rest.body.data).toHaveLength(2);
    expect(rest.body.nextCursor).toBeNull();
    const window = await call<Page>(ctx.app, 'GET', '/v1/bookings?from=2026-11-27T00:00:00Z', {
      key: t.secretKey,
    });
    expect(window.body.data).toHaveLength(1);
  });
});
