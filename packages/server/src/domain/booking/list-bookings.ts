import { listBookings } from '../../db/bookings.js';
import { findMentorByExternalId } from '../../db/mentors.js';
import type { Booking, ListBookingsQuery } from '../../schemas/bookings.js';
import type { Actor } from '../actor.js';
import type { DomainCtx } from '../context.js';
import { InvalidInputError } from '../errors.js';
import { type Page, pageOf } from '../page.js';
import { toBookings } from './booking-view.js';

export type BookingCursor = { start: string; id: string };

/** The caller's bookings as learner (default) or mentor; the program's, tenant-wide. */
export async function listBookingsFor(
  ctx: DomainCtx,
  actor: Actor,
  query: Omit<ListBookingsQuery, 'cursor'> & { cursor?: BookingCursor | undefined },
): Promise<Page<Booking, BookingCursor>> {
  let learnerId: string | undefined;
  let mentorId: string | undefined = query.mentorId;
  if (!actor.privileged || query.as) {
    if (!actor.user) throw new InvalidInputError('Listing your bookings needs a user token.');
    if (query.mentorId && !actor.privileged) {
      throw new InvalidInputError('Only the program (secret key) can filter by mentorId.', [
        { path: 'query.mentorId', message: 'may only be used with the secret key' },
      ]);
    }
    if (query.as === 'mentor') {
      const mentor = await findMentorByExternalId(ctx.db, actor.tenantId, actor.user.externalId);
      if (!mentor) return { data: [], next: null };
      mentorId = mentor.id;
    } else {
      learnerId = actor.user.id;
    }
  }
  const rows = await listBookings(ctx.db, {
    tenantId: actor.tenantId,
    learnerId,
    mentorId,
    status: query.status,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    limit: query.limit,
    cursor: query.cursor,
  });
  const page = pageOf(
    rows,
    query.limit,
    (row) => row,
    (last) => ({ start: last.start_at.toISOString(), id: last.id }),
  );
  // A mentor listing their own sessions also sees their earlier sessions with each learner; each
  // of the two sees a call's phone on their own sessions. The program's listing carries none.
  const viewer =
    query.as === 'mentor' && mentorId
      ? { mentorId, now: ctx.clock.now() }
      : learnerId
        ? { learnerId }
        : undefined;
  return { data: await toBookings(ctx.db, actor.tenantId, page.data, viewer), next: page.next };
}
