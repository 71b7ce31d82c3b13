import type { Kysely } from 'kysely';
import type { BookingRow, Database } from '../../db/database.js';
import { mentorNames } from '../../db/mentors.js';
import type { Booking } from '../../schemas/bookings.js';

/** The API's view of a booking row; `mentorName` from the mentor row (see `mentorNames`). */
export function toBooking(row: BookingRow, mentorName: string): Booking {
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
  };
}

/** Bookings with their mentors' names (one query for all of them). */
export async function toBookings(
  db: Kysely<Database>,
  tenantId: string,
  rows: readonly BookingRow[],
): Promise<Booking[]> {
  const names = await mentorNames(
    db,
    tenantId,
    rows.map((row) => row.mentor_id),
  );
  return rows.map((row) => toBooking(row, names.get(row.mentor_id) ?? ''));
}
