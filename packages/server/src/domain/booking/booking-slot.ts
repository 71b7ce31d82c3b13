import { findAvailability } from '../../db/availability.js';
import { lockMentor, type Range, rangeLiteral } from '../../db/bookings.js';
import type { MentorRow } from '../../db/database.js';
import type { Actor } from '../actor.js';
import { busyWindow, loadBusy } from '../availability/busy.js';
import { policyFrom } from '../availability/mentor-availability.js';
import type { AvailabilityPolicy } from '../availability/policy.js';
import { isSlotOffered } from '../availability/slots.js';
import type { DomainCtx } from '../context.js';
import { ConflictError } from '../errors.js';

export const MINUTE = 60_000;

export function overlaps(a: Range, b: Range): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Locks the mentor row, so one mentor's bookings are decided one at a time (exact caps), and
 * reads their availability under that lock.
 */
export async function lockMentorPolicy(
  ctx: DomainCtx,
  tenantId: string,
  mentor: MentorRow,
  settings: Actor['settings'],
): Promise<{ policy: AvailabilityPolicy; meetingUrl: string | null }> {
  await lockMentor(ctx.db, tenantId, mentor.id);
  const availability = await findAvailability(ctx.db, tenantId, mentor.id);
  return {
    policy: policyFrom(mentor, availability, settings),
    meetingUrl: availability?.meeting_url ?? null,
  };
}

/** The range a booking keeps the mentor from others: the session with their buffers. */
export function blockedRange(policy: AvailabilityPolicy, start: Date, end: Date): string {
  return rangeLiteral(
    new Date(start.getTime() - policy.bufferBeforeMinutes * MINUTE),
    new Date(end.getTime() + policy.bufferAfterMinutes * MINUTE),
  );
}

export interface SlotCheck {
  mentor: MentorRow;
  policy: AvailabilityPolicy;
  learnerId: string;
  start: Date;
  durationMinutes: number;
  exceptBookingId?: string;
}

/**
 * Decides, under the mentor's row lock, whether the range is one availability offers and is
 * free; returns its end. The exclusion constraints are the final word; this gives the precise
 * reason first.
 */
export async function assertSlotFree(ctx: DomainCtx, tenantId: string, check: SlotCheck): Promise<Date> {
  const { mentor, policy, start, durationMinutes } = check;
  if (!policy.sessionLengths.includes(durationMinutes)) {
    throw new ConflictError(
      'slot_unavailable',
      `${mentor.name} offers ${policy.sessionLengths.join(' or ')}-minute sessions, not ${durationMinutes}.`,
    );
  }
  const end = new Date(start.getTime() + durationMinutes * MINUTE);
  const { mentorBusy, learnerBusy } = await loadBusy(ctx.db, {
    tenantId,
    mentorId: mentor.id,
    learnerId: check.learnerId,
    window: busyWindow(start, end),
    exceptBookingId: check.exceptBookingId,
  });
  if (learnerBusy.some((b) => overlaps(b, { start, end }))) {
    throw new ConflictError('slot_unavailable', 'The learner already has a session at that time.');
  }
  const offered = isSlotOffered(
    { policy, durationMinutes, now: ctx.clock.now(), mentorBusy, learnerBusy },
    start,
  );
  if (!offered) {
    throw new ConflictError(
      'slot_unavailable',
      `That time is not available with ${mentor.name}; pick one of the offered slots.`,
    );
  }
  return end;
}
