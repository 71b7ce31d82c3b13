import type { Kysely } from 'kysely';
import { findBooking } from '../../db/bookings.js';
import type { BookingRow, Database, JobRow } from '../../db/database.js';
import { mentorUserIds } from '../../db/request-offers.js';
import { cancelJobs, enqueueJob } from '../../jobs/queue.js';
import type { JobHandler } from '../../jobs/worker.js';
import type { EventType } from '../events/event-types.js';
import { recordEvent } from '../events/record-event.js';
import { awardBadges } from '../recognition/badges.js';
import { closeRequestOffers } from '../requests/offers.js';

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

/** The learner's and the mentor's user ids (the mentor's only once they have used the API). */
async function partiesOf(db: Kysely<Database>, row: BookingRow): Promise<string[]> {
  const mentorUser = (await mentorUserIds(db, row.tenant_id, [row.mentor_id])).get(row.mentor_id);
  return [row.learner_id, ...(mentorUser ? [mentorUser] : [])];
}

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

async function bookingEvent(
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
    userIds: await partiesOf(db, row),
    at: now,
  });
}

/** Reminders (those still ahead) and the completion job, all under the booking's subject. */
async function scheduleJobs(db: Kysely<Database>, row: BookingRow, now: Date): Promise<void> {
  const subject = bookingSubject(row.id);
  const startAt = row.start_at.toISOString();
  for (const { lead, ms } of REMINDER_LEADS) {
    const runAt = new Date(row.start_at.getTime() - ms);
    if (runAt <= now) continue;
    await enqueueJob(
      db,
      {
        tenantId: row.tenant_id,
        kind: BOOKING_REMIND_JOB,
        subject,
        payload: { bookingId: row.id, lead, startAt },
        runAt,
      },
      now,
    );
  }
  await enqueueJob(
    db,
    {
      tenantId: row.tenant_id,
      kind: BOOKING_COMPLETE_JOB,
      subject,
      payload: { bookingId: row.id },
      runAt: new Date(row.end_at.getTime() + COMPLETION_GRACE_MS),
    },
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

function bookingIdOf(job: JobRow): string {
  const id = job.payload.bookingId;
  if (typeof id !== 'string' || !job.tenant_id) throw new Error(`job ${job.id} has no bookingId`);
  return id;
}

/**
 * `booking.remind`: re-checks the booking before telling anyone — never for a cancelled
 * booking, nor for a time it was moved away from, nor once it has started.
 */
export const bookingReminderJob: JobHandler = {
  async run(job, { db, clock }) {
    const tenantId = job.tenant_id!;
    const row = await findBooking(db, tenantId, bookingIdOf(job));
    const now = clock.now();
    if (row?.status !== 'confirmed') return;
    if (row.start_at.toISOString() !== job.payload.startAt || row.start_at <= now) return;
    await db.transaction().execute(async (trx) => {
      // Under the row lock, so a cancel committing meanwhile wins.
      const locked = await trx
        .selectFrom('bookings')
        .select('status')
        .where('tenant_id', '=', tenantId)
        .where('id', '=', row.id)
        .forUpdate()
        .executeTakeFirst();
      if (locked?.status !== 'confirmed') return;
      await bookingEvent(trx, 'booking.reminder', row, now, { lead: job.payload.lead });
    });
  },
};

/**
 * `booking.complete`: a confirmed session that has ended becomes `completed`; the mentor's count
 * (`sessions_count`, recounted from the completed bookings by `awardBadges`) and any badge it
 * earns follow, all in one transaction.
 */
export const bookingCompletionJob: JobHandler = {
  async run(job, { db, clock }) {
    const tenantId = job.tenant_id!;
    const id = bookingIdOf(job);
    await db.transaction().execute(async (trx) => {
      const now = clock.now();
      const row = await trx
        .updateTable('bookings')
        .set({ status: 'completed', updated_at: now })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .where('status', '=', 'confirmed')
        .where('end_at', '<=', now)
        .returningAll()
        .executeTakeFirst();
      if (!row) return;
      await awardBadges(trx, { tenantId, mentorId: row.mentor_id, now });
      await bookingEvent(trx, 'booking.completed', row, now);
    });
  },
};
