import { findMentor } from '../../db/mentors.js';
import { findUser, findUserByExternalId } from '../../db/users.js';
import type { Actor } from '../actor.js';
import type { DomainCtx } from '../context.js';
import { NotFoundError } from '../errors.js';
import { accessBooking } from './booking-access.js';
import { bookingCalendar } from './ics.js';

/** The booking's calendar file (RFC 5545) for whoever may see the booking. */
export async function bookingCalendarFile(
  ctx: DomainCtx,
  actor: Actor,
  id: string,
): Promise<{ bookingId: string; ics: string }> {
  const { row } = await accessBooking(ctx, actor, id);
  const mentor = await findMentor(ctx.db, actor.tenantId, row.mentor_id);
  const mentorUser = mentor?.external_id
    ? await findUserByExternalId(ctx.db, actor.tenantId, mentor.external_id)
    : undefined;
  const learner = await findUser(ctx.db, actor.tenantId, row.learner_id);
  if (!learner) throw new NotFoundError('Booking');
  const ics = bookingCalendar(
    row,
    {
      mentor: { name: mentor?.name ?? 'Mentor', email: mentor?.contact_email ?? mentorUser?.email ?? null },
      learner: { name: learner.name, email: learner.email },
    },
    ctx.clock.now(),
  );
  return { bookingId: row.id, ics };
}
