import { findBooking } from '../../db/bookings.js';
import type { BookingRow } from '../../db/database.js';
import { findMentor } from '../../db/mentors.js';
import type { Booking } from '../../schemas/bookings.js';
import type { Actor } from '../actor.js';
import type { DomainCtx } from '../context.js';
import { NotFoundError } from '../errors.js';
import { type BookingViewer, bookingView } from './booking-view.js';

export type BookingRole = 'learner' | 'mentor' | 'program';

/** The booking if the actor is its learner, its mentor or the program; otherwise not found. */
export async function accessBooking(
  ctx: DomainCtx,
  actor: Actor,
  id: string,
): Promise<{ row: BookingRow; role: BookingRole }> {
  const row = await findBooking(ctx.db, actor.tenantId, id);
  if (!row) throw new NotFoundError('Booking');
  if (actor.privileged) return { row, role: 'program' };
  if (actor.user && row.learner_id === actor.user.id) return { row, role: 'learner' };
  if (actor.user) {
    const mentor = await findMentor(ctx.db, actor.tenantId, row.mentor_id);
    if (mentor?.external_id && mentor.external_id === actor.user.externalId) return { row, role: 'mentor' };
  }
  throw new NotFoundError('Booking');
}

/**
 * The session's learner or mentor as a viewer (they see a call's phone; the mentor also their
 * earlier sessions with this learner); the program is none of them.
 */
export function viewerAs(role: BookingRole, row: BookingRow, now: Date): BookingViewer | undefined {
  if (role === 'mentor') return { mentorId: row.mentor_id, now };
  if (role === 'learner') return { learnerId: row.learner_id };
  return undefined;
}

export async function getBooking(ctx: DomainCtx, actor: Actor, id: string): Promise<Booking> {
  const { row, role } = await accessBooking(ctx, actor, id);
  return bookingView(ctx.db, actor.tenantId, row, viewerAs(role, row, ctx.clock.now()));
}
