import type { Kysely } from 'kysely';
import type { BookingRow, Database } from '../../db/database.js';
import { bookingsWithFeedback } from '../../db/feedback.js';
import { mentorNames } from '../../db/mentors.js';
import { userNames } from '../../db/users.js';
import type { Booking } from '../../schemas/bookings.js';
import type { RequestBrief } from '../../schemas/requests.js';
import { earlierAdviceByRequest } from '../advice/earlier-advice.js';
import { requestBriefs } from '../requests/request-brief.js';
import { previousSessionsFor } from './previous-sessions.js';

/**
 * The mentor looking at their own sessions: those get `previousSessions` with this learner, and
 * a call session's `phone`.
 */
export interface MentorViewer {
  mentorId: string;
  now: Date;
}

/** The learner looking at their own sessions: those get the `phone` they gave for a call. */
export interface LearnerViewer {
  learnerId: string;
}

/** Who looks, when it is one of the session's two people; nobody else ever sees `phone`. */
export type BookingViewer = MentorViewer | LearnerViewer;

/** Whether this viewer is one of the two people of this session (the only ones who see its phone). */
function isParty(row: BookingRow, viewer: BookingViewer | undefined): boolean {
  if (!viewer) return false;
  return 'mentorId' in viewer ? row.mentor_id === viewer.mentorId : row.learner_id === viewer.learnerId;
}

interface BookingNames {
  mentorName: string;
  learnerName: string;
  request: RequestBrief | null;
  /** Whether the learner has rated the session (a booking just made or moved cannot be). */
  feedbackGiven: boolean;
}

/** The API's view of a booking row, with the names and request loaded beside it. */
function toBooking(row: BookingRow, names: BookingNames, party: boolean): Booking {
  const booking: Booking = {
    id: row.id,
    mentorId: row.mentor_id,
    mentorName: names.mentorName,
    learnerId: row.learner_id,
    learnerName: names.learnerName,
    requestId: row.request_id,
    request: names.request,
    start: row.start_at.toISOString(),
    end: row.end_at.toISOString(),
    format: row.format,
    status: row.status,
    joinUrl: row.join_url,
    dialIn: row.dial_in,
    threadId: row.thread_id,
    note: row.note,
    sequence: row.sequence,
    cancelReason: row.cancel_reason,
    cancelledBy: row.cancelled_by as Booking['cancelledBy'],
    rescheduleCount: row.reschedule_count,
    noShow:
      row.no_show_party && row.no_show_recorded_at
        ? { who: row.no_show_party, recordedAt: row.no_show_recorded_at.toISOString() }
        : null,
    feedbackGiven: names.feedbackGiven,
  };
  return party && row.call_phone !== null ? { ...booking, phone: row.call_phone } : booking;
}

/**
 * Bookings with their mentors' and learners' names, their requests and whether feedback was
 * given (one query each for all of them); with a `viewer`, that person's own call sessions carry
 * the learner's `phone`, and a mentor's own bookings also their earlier sessions with the same
 * learner (one more query). Without one (the program, webhooks, anyone else) there is no phone.
 */
export async function toBookings(
  db: Kysely<Database>,
  tenantId: string,
  rows: readonly BookingRow[],
  viewer?: BookingViewer,
): Promise<Booking[]> {
  const [mentors, learners, requests, rated] = await Promise.all([
    mentorNames(
      db,
      tenantId,
      rows.map((row) => row.mentor_id),
    ),
    userNames(
      db,
      tenantId,
      rows.map((row) => row.learner_id),
    ),
    requestBriefs(
      db,
      tenantId,
      rows.map((row) => row.request_id),
    ),
    bookingsWithFeedback(
      db,
      tenantId,
      rows.map((row) => row.id),
    ),
  ]);
  const bookings = rows.map((row) =>
    toBooking(
      row,
      {
        mentorName: mentors.get(row.mentor_id) ?? '',
        learnerName: learners.get(row.learner_id) ?? '',
        request: (row.request_id && requests.get(row.request_id)) || null,
        feedbackGiven: rated.has(row.id),
      },
      isParty(row, viewer),
    ),
  );
  if (!viewer || !('mentorId' in viewer)) return bookings;
  const own = rows.filter((row) => row.mentor_id === viewer.mentorId);
  const previous = await previousSessionsFor(
    db,
    tenantId,
    viewer.mentorId,
    own.map((row) => ({ learnerId: row.learner_id, before: row.start_at, exceptBookingId: row.id })),
    viewer.now,
  );
  const byId = new Map(own.map((row, i) => [row.id, previous[i] ?? []]));
  const earlier = await earlierAdviceByRequest(
    db,
    tenantId,
    own.map((row) => row.request_id),
    viewer.mentorId,
    viewer.now,
  );
  return bookings.map((b) => {
    if (!byId.has(b.id)) return b;
    const advice = b.request && earlier.get(b.request.id);
    const request = b.request && advice ? { ...b.request, ...advice } : b.request;
    return { ...b, request, previousSessions: byId.get(b.id) };
  });
}

/** One booking's view (see `toBookings`). */
export async function bookingView(
  db: Kysely<Database>,
  tenantId: string,
  row: BookingRow,
  viewer?: BookingViewer,
): Promise<Booking> {
  const [booking] = await toBookings(db, tenantId, [row], viewer);
  return booking as Booking;
}
