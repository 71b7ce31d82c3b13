import { type Kysely, sql } from 'kysely';
import type { BookingRow, BookingStatus, Database, NewBooking } from './database.js';

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

/** Live (not cancelled) bookings of a mentor starting in [from, to), optionally minus one. */
export async function mentorLiveBookings(
  db: Db,
  tenantId: string,
  mentorId: string,
  window: Range,
  exceptId?: string,
): Promise<Range[]> {
  let q = db
    .selectFrom('bookings')
    .select(['start_at', 'end_at'])
    .where('tenant_id', '=', tenantId)
    .where('mentor_id', '=', mentorId)
    .where('status', '<>', 'cancelled')
    .where('end_at', '>', window.start)
    .where('start_at', '<', window.end);
  if (exceptId) q = q.where('id', '<>', exceptId);
  const rows = await q.orderBy('start_at').execute();
  return rows.map((r) => ({ start: r.start_at, end: r.end_at }));
}

export async function learnerLiveBookings(
  db: Db,
  tenantId: string,
  learnerId: string,
  window: Range,
  exceptId?: string,
): Promise<Range[]> {
  let q = db
    .selectFrom('bookings')
    .select(['start_at', 'end_at'])
    .where('tenant_id', '=', tenantId)
    .where('learner_id', '=', learnerId)
    .where('status', '<>', 'cancelled')
    .where('end_at', '>', window.start)
    .where('start_at', '<', window.end);
  if (exceptId) q = q.where('id', '<>', exceptId);
  const rows = await q.orderBy('start_at').execute();
  return rows.map((r) => ({ start: r.start_at, end: r.end_at }));
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
    q = q.where(sql<boolean>`(start_at, id) > (${f.cursor.start}::timestamptz, ${f.cursor.id}::uuid)`);
  }
  return q
    .orderBy('start_at')
    .orderBy('id')
    .limit(f.limit + 1)
    .execute();
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
