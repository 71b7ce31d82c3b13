import { type Kysely, sql } from 'kysely';
import type { Database, HelpRequestRow, RequestStatus } from './database.js';
import { pastCursor } from './keyset.js';

type Db = Kysely<Database>;

type NewHelpRequest = Omit<
  HelpRequestRow,
  | 'id'
  | 'declined_mentor_ids'
  | 'matched_mentor_id'
  | 'context'
  | 'redacted_at'
  | 'handovers'
  | 'unanswered_at'
  | 'queued_at'
  | 'waiting_since'
  | 'match_found_at'
> & {
  context: Record<string, string>;
};

function requestById(db: Db, tenantId: string, id: string) {
  return db.selectFrom('help_requests').selectAll().where('tenant_id', '=', tenantId).where('id', '=', id);
}

export async function findHelpRequest(
  db: Db,
  tenantId: string,
  id: string,
): Promise<HelpRequestRow | undefined> {
  return requestById(db, tenantId, id).executeTakeFirst();
}

/**
 * The request, locked: accepting, declining and the expiry jobs decide about one request one at
 * a time (lock order everywhere: the request row, then offer and mentor rows).
 */
export async function lockHelpRequest(
  db: Db,
  tenantId: string,
  id: string,
): Promise<HelpRequestRow | undefined> {
  return requestById(db, tenantId, id).forUpdate().executeTakeFirst();
}

/**
 * Matches a still-open request to the mentor in one conditional update, which takes the row
 * lock: of concurrent callers exactly one gets the row back; the others get undefined.
 */
export async function matchOpenRequest(
  db: Db,
  tenantId: string,
  id: string,
  mentorId: string,
  now: Date,
): Promise<HelpRequestRow | undefined> {
  return db
    .updateTable('help_requests')
    .set({ status: 'matched', matched_mentor_id: mentorId, updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst();
}

/** Leaves the mentor out of the request's matches from now on (once, however often it is called). */
export async function addDeclinedMentor(
  db: Db,
  tenantId: string,
  id: string,
  mentorId: string,
  now: Date,
): Promise<void> {
  await db
    .updateTable('help_requests')
    .set({ declined_mentor_ids: sql`array_append(declined_mentor_ids, ${mentorId}::uuid)`, updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where(sql<boolean>`not (${mentorId}::uuid = any(declined_mentor_ids))`)
    .execute();
}

export interface RequestMatchInput {
  mentorId: string;
  rank: number;
  score: number;
  reasons: unknown;
}

/**
 * The request and the ranked matches shown for it, in one statement (one round trip): the
 * matches are inserted from the new row's id by a data-modifying CTE.
 */
export async function insertHelpRequestWithMatches(
  db: Db,
  values: NewHelpRequest,
  matches: RequestMatchInput[],
): Promise<HelpRequestRow> {
  const rows = JSON.stringify(
    matches.map((m) => ({ mentor_id: m.mentorId, rank: m.rank, score: m.score, reasons: m.reasons })),
  );
  return db
    .with('r', (qb) =>
      qb
        .insertInto('help_requests')
        .values({ ...values, context: JSON.stringify(values.context) })
        .returningAll(),
    )
    .with(
      'm',
      () => sql`(
        insert into request_matches (request_id, mentor_id, tenant_id, rank, score, reasons)
        select r.id, x.mentor_id, r.tenant_id, x.rank, x.score, x.reasons
        from r cross join jsonb_to_recordset(${rows}::jsonb)
          as x(mentor_id uuid, rank integer, score real, reasons jsonb))`,
    )
    .selectFrom('r')
    .selectAll()
    .executeTakeFirstOrThrow();
}

export async function setRequestStatus(
  db: Db,
  tenantId: string,
  id: string,
  changes: { status: RequestStatus; matched_mentor_id?: string | null; updated_at: Date },
): Promise<HelpRequestRow> {
  return db
    .updateTable('help_requests')
    .set(changes)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listHelpRequests(
  db: Db,
  f: {
    tenantId: string;
    learnerId?: string | undefined;
    status?: RequestStatus | undefined;
    limit: number;
    cursor?: { createdAt: string; id: string } | undefined;
  },
): Promise<HelpRequestRow[]> {
  let q = db.selectFrom('help_requests').selectAll().where('tenant_id', '=', f.tenantId);
  if (f.learnerId) q = q.where('learner_id', '=', f.learnerId);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.cursor) {
    q = q.where(pastCursor('created_at', 'id', '<', { at: f.cursor.createdAt, id: f.cursor.id }));
  }
  return q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

/** The tenant's requests among these ids (any missing or another tenant's are left out). */
export async function findHelpRequests(
  db: Db,
  tenantId: string,
  ids: readonly string[],
): Promise<HelpRequestRow[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return db
    .selectFrom('help_requests')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', unique)
    .execute();
}

/**
 * One hand-over of the request: the released mentors join its declined list (left out of its
 * matches from now on), the count goes up, and a request matched to one of them is open again.
 */
export async function recordHandover(
  db: Db,
  tenantId: string,
  id: string,
  releasedMentorIds: readonly string[],
  now: Date,
): Promise<HelpRequestRow> {
  const released = sql`${sql.val([...releasedMentorIds])}::uuid[]`;
  return db
    .updateTable('help_requests')
    .set({
      declined_mentor_ids: sql`array(select distinct unnest(declined_mentor_ids || ${released}))`,
      handovers: sql`handovers + 1`,
      status: sql`case when status = 'matched' and matched_mentor_id = any(${released}) then 'open' else status end`,
      matched_mentor_id: sql`case when matched_mentor_id = any(${released}) then null else matched_mentor_id end`,
      updated_at: now,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Nobody is left to hand the request to: it waits for the program (and counts as unmet). */
export async function markUnanswered(db: Db, tenantId: string, id: string, now: Date): Promise<void> {
  await db
    .updateTable('help_requests')
    .set({ unanswered_at: now, updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('unanswered_at', 'is', null)
    .execute();
}
