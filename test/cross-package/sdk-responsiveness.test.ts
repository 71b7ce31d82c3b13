import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, ValidationError } from '../../packages/sdk/src/index.js';
import { ManualClock } from '../../packages/server/src/clock.js';
import { ALL_WEEK, failure, type SdkTenant, sdkTenant } from './sdk-fixtures.js';
import { type RunningApi, startApi } from './support.js';

// mm.requests.anotherMentor, mm.bookings.noShow and the reschedule limit, over real HTTP on a
// clock the test moves (a no-show needs the session to have started).
let api: RunningApi;
let tenant: SdkTenant;
const clock = new ManualClock('2026-12-01T08:01:00Z');

beforeAll(async () => {
  api = await startApi({ clock });
  tenant = await sdkTenant(api, { maxReschedules: 1 }, clock);
});
afterAll(() => api?.close());

async function sqlMentor(sub: string) {
  const mentor = await tenant.backend().mentors.create({
    externalId: sub,
    name: `Mentor ${sub}`,
    skills: ['sql'],
    bio: 'I teach SQL joins.',
    timeZone: 'Europe/Lisbon',
    formats: ['video'],
  });
  await tenant.backend().mentors.availability.set(mentor.id, ALL_WEEK);
  return mentor;
}

describe('responsiveness through the SDK', () => {
  it('another mentor: the booked one is released and the next matches come back', async () => {
    const first = await sqlMentor('r-first');
    const second = await sqlMentor('r-second');
    const learner = tenant.user('r-learner');
    const { request, matches } = await learner.requests.create({
      title: 'SQL join duplicates',
      skills: ['sql'],
    });
    const booked = matches.find((m) => m.mentor.id === first.id) ?? matches[0]!;
    const booking = await learner.bookings.create({
      mentorId: booked.mentor.id,
      start: booked.nextSlots[0]!.start,
      durationMinutes: 30,
      format: 'video',
      requestId: request.id,
    });
    const result = await learner.requests.anotherMentor(request.id, { reason: 'Another time zone suits me' });
    expect(result.request.status).toBe('open');
    expect(result.releasedMentorIds).toEqual([booked.mentor.id]);
    expect(result.matches.map((m) => m.mentor.id)).not.toContain(booked.mentor.id);
    expect(result.matches.map((m) => m.mentor.id)).toContain(
      booked.mentor.id === first.id ? second.id : first.id,
    );
    expect((await learner.bookings.get(booking.id)).status).toBe('cancelled');

    expect(await failure(tenant.user('r-stranger').requests.anotherMentor(request.id))).toBeInstanceOf(
      NotFoundError,
    );
    const again = await failure(learner.requests.anotherMentor(request.id, { mentorId: booked.mentor.id }));
    expect(again).toBeInstanceOf(ConflictError);
    expect(again).toMatchObject({ code: 'mentor_already_released' });
  });

  it('no-show after the start, once; the reschedule limit', async () => {
    const mentor = await sqlMentor('n-mentor');
    const learner = tenant.user('n-learner');
    const slots = await learner.mentors.slots(mentor.id, {
      from: clock.now(),
      to: new Date(clock.now().getTime() + 86_400_000),
      duration: 30,
    });
    const booking = await learner.bookings.create({
      mentorId: mentor.id,
      start: slots.data[0]!.start,
      durationMinutes: 30,
      format: 'video',
    });
    const moved = await learner.bookings.reschedule(booking.id, { start: slots.data[1]!.start });
    expect(moved.rescheduleCount).toBe(1);
    const limit = await failure(learner.bookings.reschedule(booking.id, { start: slots.data[2]!.start }));
    expect(limit).toBeInstanceOf(ConflictError);
    expect(limit).toMatchObject({ code: 'reschedule_limit', status: 409 });

    const early = await failure(learner.bookings.noShow(booking.id, { who: 'mentor' }));
    expect(early).toMatchObject({ code: 'session_not_started' });
    clock.set(new Date(new Date(moved.start).getTime() + 10 * 60_000));
    const self = await failure(tenant.user('n-learner').bookings.noShow(booking.id, { who: 'learner' }));
    expect(self).toBeInstanceOf(ValidationError);
    const recorded = await tenant.user('n-learner').bookings.noShow(booking.id, { who: 'mentor' });
    expect(recorded).toMatchObject({ status: 'no_show', noShow: { who: 'mentor' } });
    const twice = await failure(tenant.user('n-learner').bookings.noShow(booking.id, { who: 'mentor' }));
    expect(twice).toMatchObject({ code: 'no_show_recorded' });
    const admin = tenant.backend();
    const listed = await admin.admin.mentors.list({ status: 'any' }).toArray();
    expect(listed.find((m) => m.id === mentor.id)?.noShows).toBe(1);
  });
});
