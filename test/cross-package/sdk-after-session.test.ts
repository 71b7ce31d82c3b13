import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, PermissionError } from '../../packages/sdk/src/index.js';
import { ManualClock } from '../../packages/server/src/clock.js';
import { ALL_WEEK, failure, type SdkTenant, sdkTenant } from './sdk-fixtures.js';
import { type RunningApi, startApi } from './support.js';

// After the session, over HTTP: feedback, notes and action items, the board of advisors, and the
// mentor's own stats. The server runs on a clock the test moves, so sessions can start and end.
let api: RunningApi;
let tenant: SdkTenant;
const clock = new ManualClock('2026-12-01T08:01:00Z');

beforeAll(async () => {
  api = await startApi({ clock });
  tenant = await sdkTenant(api, {}, clock);
});
afterAll(() => api?.close());

describe('after the session, through the SDK', () => {
  it('feedback, notes with action items, the board and the mentor’s stats', async () => {
    const mentor = await tenant.backend().mentors.create({
      externalId: 'x-mentor',
      name: 'Mira Mentor',
      skills: ['sql'],
      timeZone: 'Europe/Lisbon',
      formats: ['video'],
    });
    await tenant.backend().mentors.availability.set(mentor.id, ALL_WEEK);

    const learner = tenant.user('x-learner');
    const slots = await learner.mentors.slots(mentor.id, {
      from: clock.now(),
      to: new Date(clock.now().getTime() + 86_400_000),
      duration: 30,
    });
    const slot = slots.data[0]!;
    const booking = await learner.bookings.create({
      mentorId: mentor.id,
      start: slot.start,
      durationMinutes: 30,
      format: 'video',
    });

    const early = await failure(learner.bookings.feedback(booking.id, { rating: 5, solved: 'yes' }));
    expect(early).toBeInstanceOf(ConflictError);
    expect(early).toMatchObject({ code: 'session_not_started' });
    expect(booking.feedbackGiven).toBe(false);

    clock.set(new Date(new Date(slot.start).getTime() + 25 * 60_000));
    const mentorSide = tenant.user('x-mentor', ['mentor']);
    const notes = await mentorSide.bookings.setNotes(booking.id, {
      summary: 'Rewrote the join as an EXISTS.',
      actionItems: [{ text: 'Read about semi-joins' }, { text: 'Add the index' }],
    });
    expect(notes.actionItems.map((i) => i.text)).toEqual(['Read about semi-joins', 'Add the index']);
    const learnerNow = tenant.user('x-learner');
    expect(await learnerNow.bookings.notes(booking.id)).toEqual(notes);

    const [first, second] = notes.actionItems;
    const ticked = await learnerNow.actionItems.done(first!.id);
    expect(ticked).toMatchObject({ id: first!.id, done: true });
    expect(await failure(mentorSide.actionItems.done(second!.id))).toBeInstanceOf(PermissionError);
    const rewritten = await mentorSide.bookings.setNotes(booking.id, {
      summary: 'Rewrote the join as an EXISTS.',
      actionItems: [{ id: first!.id, text: 'Read about semi-joins' }],
    });
    expect(rewritten.actionItems).toMatchObject([{ id: first!.id, done: true }]);
    expect((await learnerNow.actionItems.undone(first!.id)).done).toBe(false);

    const feedback = await learnerNow.bookings.feedback(booking.id, {
      rating: 5,
      solved: 'yes',
      comment: 'Exactly what I needed.',
    });
    expect(feedback).toMatchObject({ bookingId: booking.id, mentorId: mentor.id, rating: 5, solved: 'yes' });
    expect(await mentorSide.bookings.getFeedback(booking.id)).toEqual(feedback);
    // The learner's list says so: no 404 to probe for each session.
    const mine = await learnerNow.bookings.list({ as: 'learner' }).toArray();
    expect(mine.map((b) => [b.id, b.feedbackGiven])).toEqual([[booking.id, true]]);
    const twice = await failure(learnerNow.bookings.feedback(booking.id, { rating: 1, solved: 'no' }));
    expect(twice).toMatchObject({ code: 'feedback_exists', status: 409 });

    clock.set(new Date(new Date(slot.start).getTime() + 60 * 60_000));
    expect(await tenant.user('x-mentor', ['mentor']).me.stats()).toEqual({
      sessions: 1,
      minutes: 30,
      rating: 5,
      ratingCount: 1,
      medianResponseMinutes: null,
      upcoming: 0,
    });

    const later = tenant.user('x-learner');
    const entry = await later.me.addToBoard(mentor.id, { label: 'SQL' });
    expect(entry).toMatchObject({ label: 'SQL', mentor: { id: mentor.id, stats: { rating: 5 } } });
    expect((await later.me.board()).data).toEqual([entry]);
    await expect(later.me.removeFromBoard(mentor.id)).resolves.toBeUndefined();
    expect((await later.me.board()).data).toEqual([]);
  });

  it('a user applies, reads and edits their own mentor profile', async () => {
    const me = tenant.user('x-applicant');
    const applied = await me.me.applyAsMentor({ skills: ['svg'], timeZone: 'Asia/Tokyo', formats: ['chat'] });
    expect(applied).toMatchObject({ externalId: 'x-applicant', status: 'pending', statusReason: null });
    expect(
      await failure(me.me.applyAsMentor({ skills: ['svg'], timeZone: 'UTC', formats: ['chat'] })),
    ).toMatchObject({
      code: 'already_applied',
    });
    const edited = await me.me.updateMentorProfile({ headline: 'SVG and D3' });
    expect(edited).toMatchObject({ id: applied.id, headline: 'SVG and D3', status: 'pending' });
    expect(await me.me.mentorProfile()).toEqual(edited);
  });
});
