import { type Kysely, sql } from 'kysely';
import type { Database, MentorRow, MentorStatus, MentorUpdate, NewMentor } from './database.js';

type Db = Kysely<Database>;

export async function insertMentor(db: Db, mentor: NewMentor): Promise<MentorRow> {
  return db.insertInto('mentors').values(mentor).returningAll().executeTakeFirstOrThrow();
}

export async function findMentor(db: Db, tenantId: string, id: string): Promise<MentorRow | undefined> {
  return db
    .selectFrom('mentors')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function findMentorByExternalId(
  db: Db,
  tenantId: string,
  externalId: string,
): Promise<MentorRow | undefined> {
  return db
    .selectFrom('mentors')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('external_id', '=', externalId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
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

  let query = db
    .selectFrom('mentors')
    .selectAll()
    .select(rank.as('rank'))
    .where('tenant_id', '=', f.tenantId)
    .where('deleted_at', 'is', null);
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
