import type { Kysely } from 'kysely';
import type { BookingRow, Database } from '../../db/database.js';
import { cancelJobs, enqueueJob } from '../../db/jobs.js';
import type { EventType } from '../events/event-types.js';
import { recordEvent } from '../events/record-event.js';
import { mentorAudience } from '../events/record-mentor-events.js';
import { closeRequestOffers } from '../requests/request-state.js';

/** Job kinds of a booking's life. */
export const BOOKING_REMIND_JOB = 'booking.remind';
export const BOOKING_COMPLETE_JOB = 'booking.complete';

const MINUTE = 60_000;
/** Reminders this long before the start: the day before and just before. */
export const REMINDER_LEADS = [
  { lead: '24h', ms: 24 * 60 * MINUTE },
  { lead: '10m', ms: 10 * MINUTE },
] as const;
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

/** Reminders (those still ahead) and the completion job, all under the booking's subject. */
async function scheduleJobs(db: Kysely<Database>, row: BookingRow, now: Date): Promise<void> {
  const subject = bookingSubject(row.id);
  const startAt = row.start_at.toISOString();
  const job = { tenantId: row.tenant_id, subject };
  for (const { lead, ms } of REMINDER_LEADS) {
    const runAt = new Date(row.start_at.getTime() - ms);
    if (runAt <= now) continue;
    const payload = { bookingId: row.id, lead, startAt };
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
  options: { requestAlreadyMatched?: boolean } = {},
): Promise<void> {
  await scheduleJobs(db, row, now);
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
  now: Date,
): Promise<void> {
  await cancelJobs(db, { tenantId: row.tenant_id, subject: bookingSubject(row.id) }, now);
  await scheduleJobs(db, row, now);
  await bookingEvent(db, 'booking.rescheduled', row, now, {
    previousStart: previous.start.toISOString(),
    previousEnd: previous.end.toISOString(),
  });
}
