import type { Kysely } from 'kysely';
import type { BookingStatus, Database, SessionFormat } from './database.js';

type Db = Kysely<Database>;

/** A user's calendar feed as stored: the sealed secret and when it was made; null when off. */
export interface StoredCalendarFeed {
  sealed: string;
  createdAt: Date;
}

export async function findCalendarFeed(
  db: Db,
  tenantId: string,
  userId: string,
): Promise<StoredCalendarFeed | null> {
  const row = await db
    .selectFrom('users')
    .select(['calendar_feed_sealed', 'calendar_feed_created_at'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!row?.calendar_feed_sealed || !row.calendar_feed_created_at) return null;
  return { sealed: row.calendar_feed_sealed, createdAt: row.calendar_feed_created_at };
}

/** Replaces the user's feed secret (one statement: the old hash stops matching as this commits). */
export async function saveCalendarFeed(
  db: Db,
  tenantId: string,
  userId: string,
  feed: { hash: string; sealed: string; createdAt: Date },
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({
      calendar_feed_hash: feed.hash,
      calendar_feed_sealed: feed.sealed,
      calendar_feed_created_at: feed.createdAt,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function clearCalendarFeed(db: Db, tenantId: string, userId: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ calendar_feed_hash: null, calendar_feed_sealed: null, calendar_feed_created_at: null })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .execute();
}

/** Whose feed a secret's hash opens: the user and their tenant (the only scope of what follows). */
export interface CalendarFeedOwner {
  tenantId: string;
  tenantName: string;
  tenantSettings: Record<string, unknown>;
  userId: string;
  externalId: string;
}

export async function findCalendarFeedOwner(db: Db, hash: string): Promise<CalendarFeedOwner | undefined> {
  return db
    .selectFrom('users as u')
    .innerJoin('tenants as t', 't.id', 'u.tenant_id')
    .select([
      't.id as tenantId',
      't.name as tenantName',
      't.settings as tenantSettings',
      'u.id as userId',
      'u.external_id as externalId',
    ])
    .where('u.calendar_feed_hash', '=', hash)
    .executeTakeFirst();
}

/** A session as the feed shows it: the booking's public parts and both parties' names. */
export interface FeedSessionRow {
  id: string;
  start_at: Date;
  end_at: Date;
  format: SessionFormat;
  status: BookingStatus;
  join_url: string | null;
  dial_in: string | null;
  sequence: number;
  updated_at: Date;
  learner_id: string;
  learner_name: string;
  mentor_name: string;
}

/**
 * The user's sessions starting at `from` or later, as learner and as mentor (the live mentor
 * profile with their external id), oldest first. Selects no phone number: a learner's
 * `call_phone` never leaves for a calendar service.
 */
export async function feedSessions(
  db: Db,
  owner: Pick<CalendarFeedOwner, 'tenantId' | 'userId' | 'externalId'>,
  from: Date,
  limit: number,
): Promise<FeedSessionRow[]> {
  return db
    .selectFrom('bookings as b')
    .innerJoin('users as l', (join) =>
      join.onRef('l.id', '=', 'b.learner_id').onRef('l.tenant_id', '=', 'b.tenant_id'),
    )
    .innerJoin('mentors as m', (join) =>
      join.onRef('m.id', '=', 'b.mentor_id').onRef('m.tenant_id', '=', 'b.tenant_id'),
    )
    .select([
      'b.id',
      'b.start_at',
      'b.end_at',
      'b.format',
      'b.status',
      'b.join_url',
      'b.dial_in',
      'b.sequence',
      'b.updated_at',
      'b.learner_id',
      'l.name as learner_name',
      'm.name as mentor_name',
    ])
    .where('b.tenant_id', '=', owner.tenantId)
    .where('b.start_at', '>=', from)
    .where((eb) =>
      eb.or([
        eb('b.learner_id', '=', owner.userId),
        eb(
          'b.mentor_id',
          'in',
          eb
            .selectFrom('mentors as own')
            .select('own.id')
            .where('own.tenant_id', '=', owner.tenantId)
            .where('own.external_id', '=', owner.externalId)
            .where('own.deleted_at', 'is', null),
        ),
      ]),
    )
    .orderBy('b.start_at')
    .orderBy('b.id')
    .limit(limit)
    .execute();
}
