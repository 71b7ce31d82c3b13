import { findBooking } from '../../db/bookings.js';
import type { BookingRow, MentorRow } from '../../db/database.js';
import { findMentor } from '../../db/mentors.js';
import type { Actor } from '../actor.js';
import type { DomainCtx } from '../context.js';
import { NotFoundError } from '../errors.js';

export interface SessionParties {
  booking: BookingRow;
  /** Undefined when the mentor has been deleted since. */
  mentor: MentorRow | undefined;
  /** The caller is the booking's learner. */
  isLearner: boolean;
  /** The caller is the booking's mentor (their user token's `sub` is the profile's externalId). */
  isMentor: boolean;
  /** Secret key or admin. */
  privileged: boolean;
}

/**
 * Who the caller is to one session. Anyone who is neither party nor the program gets the same
 * 404 as for a missing booking, so ids of other people's sessions reveal nothing.
 */
export async function sessionParties(
  ctx: DomainCtx,
  actor: Actor,
  bookingId: string,
): Promise<SessionParties> {
  const booking = await findBooking(ctx.db, actor.tenantId, bookingId);
  if (!booking) throw new NotFoundError('Booking');
  const mentor = await findMentor(ctx.db, actor.tenantId, booking.mentor_id);
  const isLearner = actor.user !== null && booking.learner_id === actor.user.id;
  const isMentor =
    actor.user !== null && mentor?.external_id != null && mentor.external_id === actor.user.externalId;
  if (!isLearner && !isMentor && !actor.privileged) throw new NotFoundError('Booking');
  return { booking, mentor, isLearner, isMentor, privileged: actor.privileged };
}
