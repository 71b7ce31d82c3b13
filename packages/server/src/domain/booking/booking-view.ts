import type { Kysely } from 'kysely';
import type { BookingRow, Database } from '../../db/database.js';
import { bookingsWithFeedback } from '../../db/feedback.js';
import { mentorNames } from '../../db/mentors.js';
import type { Booking } from '../../schemas/bookings.js';

/**
 * The API's view of a booking row; `mentorName` from the mentor row (see `mentorNames`).
 * `feedbackGiven` defaults to false: a booking just made or moved cannot have feedback yet
 * (feedback opens at the start, and started sessions can be neither moved nor cancelled).
 */
export function toBooking(row: BookingRow, mentorName: string, feedbackGiven = false): Booking {
  return {
    id: row.id,
    mentorId: row.mentor_id,
    mentorName,
    learnerId: row.learner_id,
    requestId: row.request_id,
    start: row.start_at.toISOString(),
    end: row.end_at.toISOString(),
    format: row.format,
    status: row.status,
    joinUrl: row.join_url,
    threadId: row.thread_id,
    note: row.note,
    sequence: row.sequence,
    cancelReason: row.cancel_reason,
    cancelledBy: row.cancelled_by as Booking['cancelledBy'],
    feedbackGiven,
  };
}

/** Bookings with their mentors' names and whether feedback was given (one query each for all of them). */
export async function toBookings(
  db: Kysely<Database>,
  tenantId: string,
  rows: readonly BookingRow[],
): Promise<Booking[]> {
  const [names, rated] = await Promise.all([
    mentorNames(
      db,
      tenantId,
      rows.map((row) => row.mentor_id),
    ),
    bookingsWithFeedback(
      db,
      tenantId,
      rows.map((row) => row.id),
    ),
  ]);
  return rows.map((row) => toBooking(row, names.get(row.mentor_id) ?? '', rated.has(row.id)));
}
