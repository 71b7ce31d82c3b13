import type { Kysely } from 'kysely';
import type { BookingRow, BookingStatus, Database, NewBooking } from './database.js';
import { pastCursor } from './keyset.js';

type Db = Kysely<Database>;

export interface Range {
  start: Date;
  end: Date;
}

/** A `[start, end)` tstzrange literal. */
export function rangeLiteral(start: Date, end: Date): string {
  return `[${start.toISOString()},${end.toISOString()})`;
}

export async function insertBooking(db: Db, booking: NewBooking): Promise<BookingRow> {
  return db.insertInto('bookings').values(booking).returningAll().executeTakeFirstOrThrow();
}

export async function findBooking(db: Db, tenantId: string, id: string): Promise<BookingRow | undefined> {
  return db
    .selectFrom('bookings')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Whose bookings: a mentor's or a learner's. */
export type BookingParty = { mentorId: string } | { learnerId: string };

/**
 * Live (not cancelled) bookings of a mentor or a learner overlapping the window, earliest
 * first, optionally minus one (a booking being moved does not count against its new time).
 */
export async function liveBookings(
  db: Db,
  tenantId: string,
  party: BookingParty,
  window: Range,
  exceptId?: string,
): Promise<Range[]> {
  let q = db
    .selectFrom('bookings')
    .select(['start_at', 'end_at'])
    .where('tenant_id', '=', tenantId)
    .where('status', '<>', 'cancelled')
    .where('end_at', '>', window.start)
    .where('start_at', '<', window.end);
  q =
    'mentorId' in party
      ? q.where('mentor_id', '=', party.mentorId)
      : q.where('learner_id', '=', party.learnerId);
  if (exceptId) q = q.where('id', '<>', exceptId);
  const rows = await q.orderBy('start_at').execute();
  return rows.map((r) => ({ start: r.start_at, end: r.end_at }));
}

/** The session an accepted instant offer made: the request's first booking with that mentor. */
export async function findRequestBooking(
  db: Db,
  tenantId: string,
  requestId: string,
  mentorId: string,
): Promise<BookingRow | undefined> {
  return db
    .selectFrom('bookings')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('request_id', '=', requestId)
    .where('mentor_id', '=', mentorId)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
}

export async function updateBooking(
  db: Db,
  tenantId: string,
  id: string,
  changes: Partial<Omit<NewBooking, 'id' | 'tenant_id'>>,
): Promise<BookingRow> {
  return db
    .updateTable('bookings')
    .set(changes)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface BookingFilter {
  tenantId: string;
  learnerId?: string | undefined;
  mentorId?: string | undefined;
  status?: BookingStatus | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
  cursor?: { start: string; id: string } | undefined;
}

/** A page of bookings by (start, id), keyset-paginated. */
export async function listBookings(db: Db, f: BookingFilter): Promise<BookingRow[]> {
  let q = db.selectFrom('bookings').selectAll().where('tenant_id', '=', f.tenantId);
  if (f.learnerId) q = q.where('learner_id', '=', f.learnerId);
  if (f.mentorId) q = q.where('mentor_id', '=', f.mentorId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.from) q = q.where('start_at', '>=', f.from);
  if (f.to) q = q.where('start_at', '<', f.to);
  if (f.cursor) {
    q = q.where(pastCursor('start_at', 'id', '>', { at: f.cursor.start, id: f.cursor.id }));
  }
  return q
    .orderBy('start_at')
    .orderBy('id')
    .limit(f.limit + 1)
    .execute();
}

/** The booking's status under its row lock (a job re-checks it before acting). */
export async function lockBookingStatus(
  db: Db,
  tenantId: string,
  id: string,
): Promise<BookingStatus | undefined> {
  const row = await db
    .selectFrom('bookings')
    .select('status')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row?.status;
}

/** A confirmed session that has ended becomes `completed`; undefined when it was not due. */
export async function completeEndedBooking(
  db: Db,
  tenantId: string,
  id: string,
  now: Date,
): Promise<BookingRow | undefined> {
  return (
    db
      .updateTable('bookings')
      // The call is over: the learner's number is not kept past it.
      .set({ status: 'completed', call_phone: null, updated_at: now })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .where('status', '=', 'confirmed')
      .where('end_at', '<=', now)
      .returningAll()
      .executeTakeFirst()
  );
}

/** Locks the mentor row so one mentor's bookings are decided one at a time (exact caps). */
export async function lockMentor(db: Db, tenantId: string, mentorId: string): Promise<void> {
  await db
    .selectFrom('mentors')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', mentorId)
    .forUpdate()
    .execute();
}

/** The request each of these bookings was made for (bookings without one are left out). */
export async function bookingRequestIds(
  db: Db,
  tenantId: string,
  bookingIds: readonly string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(bookingIds)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('bookings')
    .select(['id', 'request_id'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', unique)
    .where('request_id', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.id, r.request_id as string]));
}

export interface PastSessionRow {
  id: string;
  learner_id: string;
  start_at: Date;
  end_at: Date;
  format: BookingRow['format'];
  status: BookingStatus;
  request_title: string | null;
  summary: string | null;
}

/**
 * One mentor's sessions with these learners that ended by `endedBy` and started before
 * `startedBefore` (not cancelled), newest first, with the request's title and the mentor's
 * notes. At most `limit` rows in all.
 */
export async function pastSessionsWith(
  db: Db,
  f: {
    tenantId: string;
    mentorId: string;
    learnerIds: readonly string[];
    endedBy: Date;
    startedBefore: Date;
    limit: number;
  },
): Promise<PastSessionRow[]> {
  const learners = [...new Set(f.learnerIds)];
  if (learners.length === 0) return [];
  return db
    .selectFrom('bookings as b')
    .leftJoin('session_notes as n', (join) =>
      join.onRef('n.booking_id', '=', 'b.id').onRef('n.tenant_id', '=', 'b.tenant_id'),
    )
    .leftJoin('help_requests as r', (join) =>
      join.onRef('r.id', '=', 'b.request_id').onRef('r.tenant_id', '=', 'b.tenant_id'),
    )
    .select([
      'b.id',
      'b.learner_id',
      'b.start_at',
      'b.end_at',
      'b.format',
      'b.status',
      'r.title as request_title',
      'n.summary',
    ])
    .where('b.tenant_id', '=', f.tenantId)
    .where('b.mentor_id', '=', f.mentorId)
    .where('b.learner_id', 'in', learners)
    .where('b.status', '<>', 'cancelled')
    .where('b.end_at', '<=', f.endedBy)
    .where('b.start_at', '<', f.startedBefore)
    .orderBy('b.start_at', 'desc')
    .orderBy('b.id', 'desc')
    .limit(f.limit)
    .execute();
}

/** The request's bookings with these mentors that are not cancelled, earliest first. */
export async function requestBookingsWith(
  db: Db,
  tenantId: string,
  requestId: string,
  mentorIds: readonly string[],
): Promise<BookingRow[]> {
  if (mentorIds.length === 0) return [];
  return db
    .selectFrom('bookings')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('request_id', '=', requestId)
    .where('mentor_id', 'in', [...mentorIds])
    .where('status', '!=', 'cancelled')
    .orderBy('start_at')
    .execute();
}
