import type { SessionFormat } from '../../db/database.js';
import { findMentor } from '../../db/mentors.js';
import type { Booking, CreateBookingInput } from '../../schemas/bookings.js';
import type { Actor } from '../actor.js';
import type { DomainCtx } from '../context.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.js';
import { markRequestMatched } from '../requests/request-state.js';
import { assertSlotFree, lockMentorPolicy } from './booking-slot.js';
import { bookingView } from './booking-view.js';
import type { CallDetails } from './join-details.js';
import { insertSession } from './session-insert.js';

/**
 * A learner books one of a mentor's offered slots, optionally for their open request (which
 * becomes matched).
 */
export async function createBooking(
  ctx: DomainCtx,
  actor: Actor,
  input: CreateBookingInput,
): Promise<Booking> {
  const user = actor.user;
  if (!user) throw new InvalidInputError('A booking is made for a user: send their token.');
  const mentor = await findMentor(ctx.db, actor.tenantId, input.mentorId);
  if (mentor?.status !== 'approved') throw new NotFoundError('Mentor');
  if (mentor.external_id !== null && mentor.external_id === user.externalId) {
    throw new ConflictError('cannot_book_yourself', 'You cannot book a session with yourself.');
  }
  const format = input.format as SessionFormat;
  if (!mentor.formats.includes(format) || !actor.settings.formats.includes(format)) {
    throw new ConflictError('slot_unavailable', `${mentor.name} does not offer ${format} sessions.`);
  }
  const call = callDetails(format, mentor.call_bridge, input.phone);
  // Lock order everywhere: the request row, then the mentor row (as accepting an offer does).
  if (input.requestId) {
    await markRequestMatched(ctx.db, {
      tenantId: actor.tenantId,
      requestId: input.requestId,
      learnerId: user.id,
      mentorId: mentor.id,
      now: ctx.clock.now(),
    });
  }
  const { policy, meetingUrl } = await lockMentorPolicy(ctx, actor.tenantId, mentor, actor.settings);
  const start = new Date(input.start);
  const end = await assertSlotFree(ctx, actor.tenantId, {
    mentor,
    policy,
    learnerId: user.id,
    start,
    durationMinutes: input.durationMinutes,
  });
  const row = await insertSession(ctx, {
    tenantId: actor.tenantId,
    settings: actor.settings,
    mentor,
    learnerId: user.id,
    requestId: input.requestId ?? null,
    start,
    end,
    policy,
    meetingUrl,
    format,
    note: input.note ?? null,
    call,
  });
  return bookingView(ctx.db, actor.tenantId, row, { learnerId: user.id });
}

/**
 * How a booked call happens: through the mentor's call bridge when they have one (the learner's
 * number is then not needed, so not kept), else the number the learner gave, which a call needs.
 */
function callDetails(format: SessionFormat, bridge: string | null, phone: string | undefined): CallDetails {
  if (format !== 'call') {
    if (phone !== undefined) {
      throw new InvalidInputError('A phone number is only asked for call sessions.', [
        { path: 'body.phone', message: `is only for call sessions, not ${format}` },
      ]);
    }
    return { phone: null, dialIn: null };
  }
  if (bridge !== null) return { phone: null, dialIn: bridge };
  if (phone === undefined) {
    throw new InvalidInputError(
      'A call needs the number your mentor should call: send `phone`, e.g. +34 600 000 000.',
      [{ path: 'body.phone', message: 'is required for a call with this mentor' }],
      'phone_required',
    );
  }
  return { phone, dialIn: null };
}
