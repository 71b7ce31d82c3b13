import type { Kysely } from 'kysely';
import type { BookingRow, Database } from '../../db/database.js';
import { cancelJobs, enqueueJob } from '../../db/jobs.js';
import type { EventType } from '../events/event-types.js';
import { recordEvent } from '../events/record-event.js';
import { mentorAudience } from '../events/record-mentor-events.js';
import { closeRequestOffers } from '../requests/request-state.js';
import { enqueueWaitingRematch } from '../requests/waiting-jobs.js';

/** Job kinds of a booking's life. */
export const BOOKING_REMIND_JOB = 'booking.remind';
export const BOOKING_COMPLETE_JOB = 'booking.complete';

const MINUTE = 60_000;

/** A reminder's name in its job and event: `24h`, `10m` (the program's `reminderMinutesBefore`). */
export const reminderLead = (minutes: number): string =>
  minutes % 60 === 0 ? `${minutes / 60}h` : `${minutes}m`;

/** Minutes before the start a lead names (`24h` → 1440), the reverse of `reminderLead`. */
export const leadMinutes = (lead: string): number =>
  lead.endsWith('h') ? Number.parseInt(lead, 10) * 60 : Number.parseInt(lead, 10);
/** A session counts as done this long after its end (overruns, a late no-show report). */
export const COMPLETION_GRACE_MS = 15 * MINUTE;

export const bookingSubject = (bookingId: string): string => `booking:${bookingId}`;

function bookingData(row: BookingRow): Record<string, unknown> {
  return {
    bookingId: row.id,
    mentorId: row.mentor_id,
    learnerId: row.learner_id,
    requestId: row.request_id,
    start: row.start_at.toISOString(),
    end: row.end_at.toISOString(),
    format: row.format,
    status: row.status,
  };
}

/** A `booking.*` event, delivered live to the learner and the mentor. */
export async function bookingEvent(
  db: Kysely<Database>,
  type: EventType,
  row: BookingRow,
  now: Date,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await recordEvent(db, {
    tenantId: row.tenant_id,
    type,
    data: { ...bookingData(row), ...extra },
    userIds: [row.learner_id, ...(await mentorAudience(db, row.tenant_id, row.mentor_id))],
    at: now,
  });
}

/**
 * Reminders (at the program's `reminderMinutesBefore`, those still ahead) and the completion
 * job, all under the booking's subject.
 */
async function scheduleJobs(
  db: Kysely<Database>,
  row: BookingRow,
  reminderMinutes: readonly number[],
  now: Date,
): Promise<void> {
  const subject = bookingSubject(row.id);
  const startAt = row.start_at.toISOString();
  const job = { tenantId: row.tenant_id, subject };
  for (const minutes of reminderMinutes) {
    const runAt = new Date(row.start_at.getTime() - minutes * MINUTE);
    if (runAt <= now) continue;
    const payload = { bookingId: row.id, lead: reminderLead(minutes), startAt };
    await enqueueJob(db, { ...job, kind: BOOKING_REMIND_JOB, payload, runAt }, now);
  }
  const completeAt = new Date(row.end_at.getTime() + COMPLETION_GRACE_MS);
  await enqueueJob(
    db,
    { ...job, kind: BOOKING_COMPLETE_JOB, payload: { bookingId: row.id }, runAt: completeAt },
    now,
  );
}

/**
 * In the booking's transaction: its jobs, `booking.created`, and `request.matched` for its
 * request (unless the caller matched it already: an accepted instant offer records its own).
 */
export async function onBookingCreated(
  db: Kysely<Database>,
  row: BookingRow,
  now: Date,
  options: { reminderMinutes: readonly number[]; requestAlreadyMatched?: boolean },
): Promise<void> {
  await scheduleJobs(db, row, options.reminderMinutes, now);
  await bookingEvent(db, 'booking.created', row, now, row.thread_id ? { threadId: row.thread_id } : {});
  if (row.request_id && !options.requestAlreadyMatched) {
    await recordEvent(db, {
      tenantId: row.tenant_id,
      type: 'request.matched',
      data: {
        requestId: row.request_id,
        mentorId: row.mentor_id,
        learnerId: row.learner_id,
        bookingId: row.id,
        via: 'booking',
      },
      at: now,
    });
    await closeRequestOffers(db, {
      tenantId: row.tenant_id,
      requestId: row.request_id,
      reason: 'booked',
      now,
    });
  }
}

/** A cancelled booking has no future jobs: no reminder can fire for it. */
export async function onBookingCancelled(db: Kysely<Database>, row: BookingRow, now: Date): Promise<void> {
  await cancelJobs(db, { tenantId: row.tenant_id, subject: bookingSubject(row.id) }, now);
  // The mentor's time is free again: requests waiting for a match may fit it.
  await enqueueWaitingRematch(db, row.tenant_id, now);
  await bookingEvent(db, 'booking.cancelled', row, now, {
    cancelledBy: row.cancelled_by,
    reason: row.cancel_reason,
  });
}

/** Reminders and completion follow the new time. */
export async function onBookingRescheduled(
  db: Kysely<Database>,
  row: BookingRow,
  previous: { start: Date; end: Date },
  reminderMinutes: readonly number[],
  now: Date,
): Promise<void> {
  await cancelJobs(db, { tenantId: row.tenant_id, subject: bookingSubject(row.id) }, now);
  await scheduleJobs(db, row, reminderMinutes, now);
  await bookingEvent(db, 'booking.rescheduled', row, now, {
    previousStart: previous.start.toISOString(),
    previousEnd: previous.end.toISOString(),
  });
}
