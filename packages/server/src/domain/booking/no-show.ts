import { findBooking, lockBookingStatus, updateBooking } from '../../db/bookings.js';
import { cancelJobs } from '../../db/jobs.js';
import { countMentorNoShow } from '../../db/mentors.js';
import type { Booking, NoShowInput } from '../../schemas/bookings.js';
import type { Actor } from '../actor.js';
import type { DomainCtx } from '../context.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.js';
import { awardBadges } from '../recognition/badges.js';
import { accessBooking, viewerAs } from './booking-access.js';
import { bookingView } from './booking-view.js';
import { bookingEvent, bookingSubject } from './lifecycle.js';

/** How long after a session's end a no-show can still be recorded. */
export const NO_SHOW_REPORT_DAYS = 7;
const DAY_MS = 86_400_000;

/**
 * The other party did not come: the learner records the mentor, the mentor the learner (the
 * program either). Once per booking, from the session's start until NO_SHOW_REPORT_DAYS after its
 * end, never for a cancelled one. The booking becomes `no_show` (it no longer counts as held: the
 * mentor's sessions are recounted), a mentor's `no_show_count` goes up in the same transaction
 * (ranking reads it), and both hear `booking.no_show`.
 */
export async function recordNoShow(
  ctx: DomainCtx,
  actor: Actor,
  id: string,
  input: NoShowInput,
): Promise<Booking> {
  const { role } = await accessBooking(ctx, actor, id);
  if (role === input.who) {
    throw new InvalidInputError(
      'A no-show is recorded by the other party: name who did not come.',
      [{ path: 'body.who', message: `must be ${role === 'learner' ? 'mentor' : 'learner'}` }],
      'not_the_other_party',
    );
  }
  // Under the booking's row lock: of two reports at once, the second sees the first.
  await lockBookingStatus(ctx.db, actor.tenantId, id);
  const row = await findBooking(ctx.db, actor.tenantId, id);
  if (!row) throw new NotFoundError('Booking');
  const now = ctx.clock.now();
  if (row.status === 'cancelled') {
    throw new ConflictError('booking_cancelled', 'This session was cancelled; nobody was expected.');
  }
  if (row.status === 'no_show') {
    throw new ConflictError('no_show_recorded', 'A no-show is already recorded for this session.');
  }
  if (now < row.start_at) {
    throw new ConflictError('session_not_started', 'A no-show can be recorded once the session has started.');
  }
  if (now.getTime() > row.end_at.getTime() + NO_SHOW_REPORT_DAYS * DAY_MS) {
    throw new ConflictError(
      'no_show_too_late',
      `A no-show is recorded within ${NO_SHOW_REPORT_DAYS} days of the session.`,
    );
  }
  const updated = await updateBooking(ctx.db, actor.tenantId, id, {
    status: 'no_show',
    no_show_party: input.who,
    no_show_recorded_at: now,
    call_phone: null,
    updated_at: now,
  });
  await cancelJobs(ctx.db, { tenantId: actor.tenantId, subject: bookingSubject(id) }, now);
  if (input.who === 'mentor') await countMentorNoShow(ctx.db, actor.tenantId, row.mentor_id, now);
  // A session counted as held (completed) no longer is: the mentor's count is recounted.
  if (row.status === 'completed') {
    await awardBadges(ctx.db, { tenantId: actor.tenantId, mentorId: row.mentor_id, now });
  }
  await bookingEvent(ctx.db, 'booking.no_show', updated, now, { who: input.who, recordedBy: role });
  return bookingView(ctx.db, actor.tenantId, updated, viewerAs(role, updated, now));
}
