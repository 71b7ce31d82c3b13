import { findBooking, updateBooking } from '../../db/bookings.js';
import { findMentor } from '../../db/mentors.js';
import type { Booking } from '../../schemas/bookings.js';
import type { Actor } from '../actor.js';
import type { DomainCtx } from '../context.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { accessBooking, viewerAs } from './booking-access.js';
import { assertSlotFree, blockedRange, lockMentorPolicy, MINUTE } from './booking-slot.js';
import { bookingView } from './booking-view.js';
import { onBookingCancelled, onBookingRescheduled } from './lifecycle.js';

export async function cancelBooking(
  ctx: DomainCtx,
  actor: Actor,
  id: string,
  reason: string,
): Promise<Booking> {
  const { row, role } = await accessBooking(ctx, actor, id);
  if (row.status !== 'confirmed') {
    throw new ConflictError(
      'booking_not_cancellable',
      `This booking is ${row.status}; only confirmed bookings can be cancelled.`,
    );
  }
  const now = ctx.clock.now();
  if (row.start_at <= now) {
    throw new ConflictError('booking_not_cancellable', 'This session has already started.');
  }
  const updated = await updateBooking(ctx.db, actor.tenantId, id, {
    status: 'cancelled',
    cancel_reason: reason,
    cancelled_by: role,
    cancelled_at: now,
    // The call will not happen: the learner's number goes now.
    call_phone: null,
    sequence: row.sequence + 1,
    updated_at: now,
  });
  await onBookingCancelled(ctx.db, updated, now);
  return bookingView(ctx.db, actor.tenantId, updated, viewerAs(role, updated, now));
}

export async function rescheduleBooking(
  ctx: DomainCtx,
  actor: Actor,
  id: string,
  input: { start: string; durationMinutes?: number | undefined },
): Promise<Booking> {
  const { row, role } = await accessBooking(ctx, actor, id);
  const now = ctx.clock.now();
  if (row.status !== 'confirmed' || row.start_at <= now) {
    throw new ConflictError(
      'booking_not_reschedulable',
      'Only confirmed sessions that have not started can be moved.',
    );
  }
  const mentor = await findMentor(ctx.db, actor.tenantId, row.mentor_id);
  if (!mentor) throw new NotFoundError('Mentor');
  const { policy } = await lockMentorPolicy(ctx, actor.tenantId, mentor, actor.settings);
  // Read again under the mentor's lock: a reschedule of this booking that committed meanwhile counts.
  const current = (await findBooking(ctx.db, actor.tenantId, id)) ?? row;
  if (current.reschedule_count >= actor.settings.maxReschedules) {
    throw new ConflictError(
      'reschedule_limit',
      `This session was moved ${current.reschedule_count} times, the program's limit; cancel it and book again.`,
    );
  }
  const start = new Date(input.start);
  const duration =
    input.durationMinutes ?? Math.round((row.end_at.getTime() - row.start_at.getTime()) / MINUTE);
  // The booking's own old range does not count against the new one: one row, one update.
  const end = await assertSlotFree(ctx, actor.tenantId, {
    mentor,
    policy,
    learnerId: row.learner_id,
    start,
    durationMinutes: duration,
    exceptBookingId: row.id,
  });
  const updated = await updateBooking(ctx.db, actor.tenantId, id, {
    start_at: start,
    end_at: end,
    blocked_range: blockedRange(policy, start, end),
    sequence: current.sequence + 1,
    reschedule_count: current.reschedule_count + 1,
    updated_at: now,
  });
  // The call's number or dial-in stays with the moved session (the row keeps them).
  await onBookingRescheduled(
    ctx.db,
    updated,
    { start: row.start_at, end: row.end_at },
    actor.settings.reminderMinutesBefore,
    now,
  );
  return bookingView(ctx.db, actor.tenantId, updated, viewerAs(role, updated, now));
}
