import { type Kysely, sql } from 'kysely';
import type { Database, MentorRow, MentorStatus, MentorUpdate, NewMentor } from './database.js';
import { pastCursor } from './keyset.js';

type Db = Kysely<Database>;

export async function insertMentor(db: Db, mentor: NewMentor): Promise<MentorRow> {
  return db.insertInto('mentors').values(mentor).returningAll().executeTakeFirstOrThrow();
}

/** The tenant's mentors that are not deleted: every lookup by id or external id starts here. */
function liveMentors(db: Db, tenantId: string) {
  return db
    .selectFrom('mentors')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null);
}

export async function findMentor(db: Db, tenantId: string, id: string): Promise<MentorRow | undefined> {
  return liveMentors(db, tenantId).where('id', '=', id).executeTakeFirst();
}

/** A mentor row by id, deleted ones included (erasure reaches those too). */
export async function findMentorRow(db: Db, tenantId: string, id: string): Promise<MentorRow | undefined> {
  return db
    .selectFrom('mentors')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Gives a profile that has none the external id its person is known by. */
export async function setMentorExternalId(
  db: Db,
  tenantId: string,
  id: string,
  externalId: string,
): Promise<void> {
  await db
    .updateTable('mentors')
    .set({ external_id: externalId })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export async function findMentorByExternalId(
  db: Db,
  tenantId: string,
  externalId: string,
): Promise<MentorRow | undefined> {
  return liveMentors(db, tenantId).where('external_id', '=', externalId).executeTakeFirst();
}

export async function updateMentor(
  db: Db,
  tenantId: string,
  id: string,
  changes: MentorUpdate,
): Promise<MentorRow | undefined> {
  return db
    .updateTable('mentors')
    .set(changes)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
}

export async function softDeleteMentor(db: Db, tenantId: string, id: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('mentors')
    .set({ deleted_at: now, updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export type MentorCursor = { k: 'name'; name: string; id: string } | { k: 'rank'; rank: string; id: string };

export interface MentorFilter {
  tenantId: string;
  statuses: MentorStatus[] | null;
  q?: string | undefined;
  skills?: string[] | undefined;
  language?: string | undefined;
  format?: string | undefined;
  limit: number;
  cursor?: MentorCursor | undefined;
}

export interface MentorPageRow {
  rows: (MentorRow & { rank: string | null })[];
}

/**
 * One page of mentors by keyset pagination: by (name, id) normally, by (relevance, id) when
 * searching. Full-text matches either the skill tokens as written or stemmed English words.
 */
export async function listMentors(db: Db, f: MentorFilter): Promise<(MentorRow & { rank: string | null })[]> {
  const tsquery = f.q
    ? sql`(websearch_to_tsquery('simple', ${f.q}) || websearch_to_tsquery('english', ${f.q}))`
    : null;
  const rank = tsquery
    ? sql<string | null>`round(ts_rank_cd(search_doc, ${tsquery})::numeric, 6)`
    : sql<string | null>`null::numeric`;

  let query = liveMentors(db, f.tenantId).select(rank.as('rank'));
  if (f.statuses) query = query.where('status', 'in', f.statuses);
  if (tsquery) query = query.where(sql<boolean>`search_doc @@ ${tsquery}`);
  if (f.skills?.length) query = query.where('skills', '@>', sql<string[]>`${f.skills}::text[]`);
  if (f.language) query = query.where(sql<boolean>`${f.language} = any(languages)`);
  if (f.format) query = query.where(sql<boolean>`${f.format} = any(formats)`);

  const cursor = f.cursor;
  if (cursor?.k === 'name') {
    query = query.where(sql<boolean>`(name, id) > (${cursor.name}, ${cursor.id}::uuid)`);
  } else if (cursor?.k === 'rank' && tsquery) {
    query = query.where(
      sql<boolean>`(${rank} < ${cursor.rank}::numeric or (${rank} = ${cursor.rank}::numeric and id > ${cursor.id}::uuid))`,
    );
  }
  query = tsquery ? query.orderBy(sql`rank`, 'desc').orderBy('id') : query.orderBy('name').orderBy('id');
  return query.limit(f.limit + 1).execute();
}

/**
 * The mentors' names by id, in one query: a booking names its mentor (a mentor removed since
 * keeps their name on past sessions).
 */
export async function mentorNames(
  db: Db,
  tenantId: string,
  mentorIds: readonly string[],
): Promise<Map<string, string>> {
  const ids = [...new Set(mentorIds)];
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('mentors')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** The mentor row locked for a status change (`SELECT … FOR UPDATE`). */
export async function lockMentor(db: Db, tenantId: string, id: string): Promise<MentorRow | undefined> {
  return liveMentors(db, tenantId).where('id', '=', id).forUpdate().executeTakeFirst();
}

export type MentorWithReports = MentorRow & { open_reports: number };

/**
 * Mentors in one status (or any, `status: null`), oldest first, by keyset on (created_at, id),
 * with open report counts; `q` matches a part of the name, headline or a skill
 * (case-insensitive, `%` and `_` taken literally), `skill` one skill exactly.
 */
export async function listMentorsByStatus(
  db: Db,
  f: {
    tenantId: string;
    status: MentorStatus | null;
    q?: string | undefined;
    skill?: string | undefined;
    limit: number;
    cursor?: { createdAt: string; id: string } | undefined;
  },
): Promise<MentorWithReports[]> {
  let query = db
    .selectFrom('mentors as m')
    .selectAll('m')
    .select((eb) =>
      eb
        .selectFrom('reports as r')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('r.mentor_id', '=', 'm.id')
        .where('r.status', '=', 'open')
        .as('open_reports'),
    )
    .where('m.tenant_id', '=', f.tenantId)
    .where('m.deleted_at', 'is', null);
  if (f.status) query = query.where('m.status', '=', f.status);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(
      sql<boolean>`(m.name ilike ${like} or m.headline ilike ${like} or exists (select 1 from unnest(m.skills) as s(skill) where s.skill ilike ${like}))`,
    );
  }
  if (f.skill) query = query.where('m.skills', '@>', sql<string[]>`array[${f.skill}]::text[]`);
  if (f.cursor) {
    query = query.where(pastCursor('m.created_at', 'm.id', '>', { at: f.cursor.createdAt, id: f.cursor.id }));
  }
  const rows = await query
    .orderBy('m.created_at')
    .orderBy('m.id')
    .limit(f.limit + 1)
    .execute();
  return rows.map((r) => ({ ...r, open_reports: r.open_reports ?? 0 }));
}

/** Internal user ids of mentors (a mentor's user shares the mentor's external id), by mentor id. */
export async function mentorUserIds(
  db: Db,
  tenantId: string,
  mentorIds: readonly string[],
): Promise<Map<string, string>> {
  if (mentorIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('mentors as m')
    .innerJoin('users as u', (j) =>
      j.onRef('u.external_id', '=', 'm.external_id').on('u.tenant_id', '=', tenantId),
    )
    .select(['m.id as mentor_id', 'u.id as user_id'])
    .where('m.tenant_id', '=', tenantId)
    .where('m.id', 'in', [...mentorIds])
    .execute();
  return new Map(rows.map((r) => [r.mentor_id, r.user_id]));
}

/** The mentor profile of a user (same external id in the tenant), if they have one. */
export async function mentorOfUser(db: Db, tenantId: string, userId: string): Promise<MentorRow | undefined> {
  return db
    .selectFrom('mentors as m')
    .innerJoin('users as u', 'u.external_id', 'm.external_id')
    .selectAll('m')
    .where('u.id', '=', userId)
    .where('u.tenant_id', '=', tenantId)
    .where('m.tenant_id', '=', tenantId)
    .where('m.deleted_at', 'is', null)
    .executeTakeFirst();
}

/**
 * The mentor answered an offer: their streak of unanswered offers starts again, and a pause
 * for `pausedReason` (the system's, never an admin's) is lifted.
 */
export async function resetUnansweredOffers(
  db: Db,
  mentor: Pick<MentorRow, 'tenant_id' | 'id' | 'status' | 'paused_reason'>,
  pausedReason: string,
  now: Date,
): Promise<void> {
  const reinstate = mentor.status === 'paused' && mentor.paused_reason === pausedReason;
  await db
    .updateTable('mentors')
    .set({
      unanswered_offers: 0,
      ...(reinstate ? { status: 'approved' as const, paused_reason: null, updated_at: now } : {}),
    })
    .where('tenant_id', '=', mentor.tenant_id)
    .where('id', '=', mentor.id)
    .execute();
}

/** One more unanswered offer for each of these mentors; returns their new streaks. */
export async function countUnansweredOffer(
  db: Db,
  tenantId: string,
  mentorIds: string[],
): Promise<Pick<MentorRow, 'id' | 'status' | 'unanswered_offers'>[]> {
  if (mentorIds.length === 0) return [];
  return db
    .updateTable('mentors')
    .set({ unanswered_offers: sql`unanswered_offers + 1` })
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', mentorIds)
    .returning(['id', 'status', 'unanswered_offers'])
    .execute();
}

/** Pauses those of these mentors still approved, offline at once; returns the ones it paused. */
export async function pauseApprovedMentors(
  db: Db,
  tenantId: string,
  mentorIds: string[],
  pausedReason: string,
  now: Date,
): Promise<Pick<MentorRow, 'id' | 'unanswered_offers'>[]> {
  if (mentorIds.length === 0) return [];
  return db
    .updateTable('mentors')
    .set({ status: 'paused', paused_reason: pausedReason, online_until: null, updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', mentorIds)
    .where('status', '=', 'approved')
    .returning(['id', 'unanswered_offers'])
    .execute();
}

/** One more session the mentor did not come to (their maintained `no_show_count`). */
export async function countMentorNoShow(
  db: Db,
  tenantId: string,
  mentorId: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('mentors')
    .set((eb) => ({ no_show_count: eb('no_show_count', '+', 1), last_no_show_at: now }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', mentorId)
    .execute();
}
