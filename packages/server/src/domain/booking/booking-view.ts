import type { BookingRow } from '../../db/database.js';
import type { Booking } from '../../schemas/bookings.js';

/** The API's view of a booking row. */
export function toBooking(row: BookingRow): Booking {
  return {
    id: row.id,
    mentorId: row.mentor_id,
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
