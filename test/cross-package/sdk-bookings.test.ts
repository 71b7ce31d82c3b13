import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, type Mentor, NotFoundError, ValidationError } from '../../packages/sdk/src/index.js';
import { ALL_WEEK, failure, type RecordedCall, type SdkTenant, sdkTenant } from './sdk-fixtures.js';
import { type RunningApi, startApi } from './support.js';

// mm.requests and mm.bookings against the real server: ask, match, book, move, cancel, .ics.
let api: RunningApi;
let tenant: SdkTenant;
let sqlMentor: Mentor;
let k8sMentor: Mentor;

beforeAll(async () => {
  api = await startApi();
  tenant = await sdkTenant(api);
  const mm = tenant.backend();
  sqlMentor = await mm.mentors.create({
    externalId: 'mentor-sql',
    name: 'Priya Sql',
    headline: 'Database engineer',
    bio: 'I tune PostgreSQL query plans and teach joins.',
    skills: ['postgresql', 'sql', 'sql-joins'],
    yearsExperience: 9,
    timeZone: 'Europe/Lisbon',
    formats: ['video', 'call', 'chat'],
  });
  k8sMentor = await mm.mentors.create({
    name: 'Kai Cluster',
    headline: 'Site reliability engineer',
    bio: 'Kubernetes operators and on-call sanity.',
    skills: ['kubernetes', 'docker'],
    timeZone: 'Europe/Lisbon',
    formats: ['chat'],
  });
  await mm.mentors.availability.set(sqlMentor.id, ALL_WEEK);
  await mm.mentors.availability.set(k8sMentor.id, ALL_WEEK);
});
afterAll(() => api?.close());

describe('help requests', () => {
  it('asking for help answers with the request and ranked, explained matches with next slots', async () => {
    const mm = tenant.browser('asker-1');
    const { request, matches } = await mm.requests.create({
      title: 'My LEFT JOIN returns duplicate rows',
      details: 'Joining orders to customers doubles some orders.',
      skills: ['sql'],
      urgency: 'today',
      context: { url: 'https://learn.example/lessons/joins', topic: 'sql-joins', courseId: 'db-101' },
    });
    expect(request).toMatchObject({
      status: 'open',
      urgency: 'today',
      context: { topic: 'sql-joins', courseId: 'db-101' },
    });
    expect(matches[0]?.mentor.id).toBe(sqlMentor.id);
    expect(matches[0]?.score).toBeGreaterThan(0);
    expect(matches[0]?.reasons.length).toBeGreaterThan(0);
    expect(matches[0]?.reasons[0]).toEqual({
      code: expect.any(String),
      text: expect.any(String),
      params: expect.any(Object),
    });
    expect(matches[0]?.nextSlots.length).toBeGreaterThan(0);
  });

  it('lists, reads, re-matches and cancels the learner’s own requests', async () => {
    const mm = tenant.browser('asker-2');
    const first = await mm.requests.create({ title: 'Docker image too big', skills: ['docker'] });
    const second = await mm.requests.create({ title: 'Pod keeps restarting', skills: ['kubernetes'] });
    const mine = await mm.requests.list().toArray();
    expect(mine.map((r) => r.id)).toEqual([second.request.id, first.request.id]);
    expect(await mm.requests.get(first.request.id)).toEqual(first.request);
    const { data } = await mm.requests.matches(second.request.id);
    expect(data[0]?.mentor.id).toBe(k8sMentor.id);

    const cancelled = await mm.requests.cancel(first.request.id);
    expect(cancelled).toMatchObject({ id: first.request.id, status: 'cancelled' });
    expect((await mm.requests.list({ status: 'cancelled' })).data.map((r) => r.id)).toEqual([
      first.request.id,
    ]);
    expect(await failure(tenant.browser('someone-else').requests.get(first.request.id))).toBeInstanceOf(
      NotFoundError,
    );
    expect((await tenant.backend().requests.list().toArray()).length).toBeGreaterThanOrEqual(3);
  });
});

describe('bookings', () => {
  it('books the top match, shows it to both parties, serves its calendar, moves it and cancels it', async () => {
    const learner = tenant.browser('booker-1');
    const { request, matches } = await learner.requests.create({
      title: 'Window functions',
      skills: ['sql'],
    });
    const top = matches[0];
    const slot = top?.nextSlots[0];
    if (!top || !slot) throw new Error('expected a match with a free slot');

    const booking = await learner.bookings.create({
      mentorId: top.mentor.id,
      start: slot.start,
      durationMinutes: (Date.parse(slot.end) - Date.parse(slot.start)) / 60_000,
      format: 'video',
      requestId: request.id,
      note: 'I will share my query.',
    });
    expect(booking).toMatchObject({
      mentorId: sqlMentor.id,
      requestId: request.id,
      status: 'confirmed',
      format: 'video',
      note: 'I will share my query.',
      sequence: 0,
    });
    expect(Date.parse(booking.start)).toBe(Date.parse(slot.start));
    expect(booking.joinUrl).toMatch(/^https:\/\//);

    expect(await learner.bookings.get(booking.id)).toEqual(booking);
    expect((await learner.bookings.list()).data.map((b) => b.id)).toContain(booking.id);
    const mentorView = tenant.browser('mentor-sql');
    const mentorsSessions = await mentorView.bookings.list({ as: 'mentor' }).toArray();
    expect(mentorsSessions.map((b) => b.id)).toContain(booking.id);
    // The mentor sees who booked and why, and (only they) their earlier sessions with that learner.
    const card = mentorsSessions.find((b) => b.id === booking.id);
    expect(card).toMatchObject({
      learnerName: expect.stringContaining('booker-1'),
      request: { id: request.id, title: 'Window functions', details: '' },
      previousSessions: [],
    });
    expect(booking.learnerName).toBe(card?.learnerName);
    expect(booking).not.toHaveProperty('previousSessions');
    const backend = tenant.backend();
    expect(
      (
        await backend.bookings.list({ mentorId: sqlMentor.id, from: new Date(Date.now() - 60_000) }).toArray()
      ).map((b) => b.id),
    ).toContain(booking.id);

    const ics = await learner.bookings.calendar(booking.id);
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain('SEQUENCE:0');
    // The URL is the same route: it answers to the same headers.
    const direct = await fetch(learner.bookings.calendarUrl(booking.id), {
      headers: { Authorization: `Bearer ${tenant.secretKey}` },
    });
    expect(direct.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(await direct.text()).toContain('BEGIN:VEVENT');

    const later = new Date(Date.parse(booking.start) + 24 * 60 * 60_000);
    const moved = await learner.bookings.reschedule(booking.id, { start: later });
    expect(moved).toMatchObject({ id: booking.id, status: 'confirmed', sequence: 1 });
    expect(Date.parse(moved.start)).toBe(later.getTime());
    expect(await learner.bookings.calendar(booking.id)).toContain('SEQUENCE:1');

    const cancelled = await learner.bookings.cancel(booking.id, { reason: 'Solved it myself, thanks!' });
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      cancelledBy: 'learner',
      cancelReason: 'Solved it myself, thanks!',
    });
    expect(await learner.bookings.calendar(booking.id)).toContain('METHOD:CANCEL');
  });

  it('a taken slot is a ConflictError slot_unavailable, asked once and never retried', async () => {
    const from = new Date(Date.now() + 3 * 60 * 60_000);
    const { data } = await tenant.backend().mentors.slots(k8sMentor.id, {
      from,
      to: new Date(from.getTime() + 2 * 60 * 60_000),
      duration: 30,
    });
    const slot = data[0];
    if (!slot) throw new Error('expected a free slot');
    const params = {
      mentorId: k8sMentor.id,
      start: slot.start,
      durationMinutes: 30,
      format: 'chat' as const,
    };
    await expect(tenant.browser('first-learner').bookings.create(params)).resolves.toMatchObject({
      status: 'confirmed',
    });

    const calls: RecordedCall[] = [];
    const error = await failure(tenant.browser('second-learner', calls).bookings.create(params));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 409, code: 'slot_unavailable' });
    expect((error as ConflictError).requestId).toMatch(/^req_/);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('booking twice with one idempotency key makes one booking', async () => {
    const from = new Date(Date.now() + 5 * 60 * 60_000);
    const { data } = await tenant
      .backend()
      .mentors.slots(sqlMentor.id, { from, to: new Date(from.getTime() + 3_600_000), duration: 15 });
    const slot = data[0];
    if (!slot) throw new Error('expected a free slot');
    const learner = tenant.browser('careful-learner');
    const params = {
      mentorId: sqlMentor.id,
      start: slot.start,
      durationMinutes: 15,
      format: 'call' as const,
      phone: '+34 600 000 000',
    };
    const first = await learner.bookings.create(params, { idempotencyKey: 'checkout-7781' });
    const replay = await learner.bookings.create(params, { idempotencyKey: 'checkout-7781' });
    expect(replay).toEqual(first);
    expect((await learner.bookings.list().toArray()).filter((b) => b.start === first.start)).toHaveLength(1);
    // A call: the learner's number, no video link; the program's key never reads the number.
    expect(first).toMatchObject({ phone: '+34600000000', joinUrl: null, dialIn: null });
    expect(await tenant.backend().bookings.get(first.id)).not.toHaveProperty('phone');
  });

  it('a call without a number is refused with phone_required', async () => {
    const from = new Date(Date.now() + 7 * 60 * 60_000);
    const { data } = await tenant
      .backend()
      .mentors.slots(sqlMentor.id, { from, to: new Date(from.getTime() + 3_600_000), duration: 15 });
    const slot = data[0];
    if (!slot) throw new Error('expected a free slot');
    const error = await failure(
      tenant
        .browser('no-phone-learner')
        .bookings.create({ mentorId: sqlMentor.id, start: slot.start, durationMinutes: 15, format: 'call' }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ status: 400, code: 'phone_required' });
  });
});
