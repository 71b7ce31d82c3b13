import { type Kysely, sql } from 'kysely';
import type { Database, HelpRequestRow, RequestStatus } from './database.js';

type Db = Kysely<Database>;

export async function insertHelpRequest(
  db: Db,
  values: Omit<HelpRequestRow, 'id' | 'declined_mentor_ids' | 'matched_mentor_id' | 'context'> & {
    context: Record<string, string>;
  },
): Promise<HelpRequestRow> {
  return db
    .insertInto('help_requests')
    .values({ ...values, context: JSON.stringify(values.context) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function findHelpRequest(
  db: Db,
  tenantId: string,
  id: string,
): Promise<HelpRequestRow | undefined> {
  return db
    .selectFrom('help_requests')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertRequestMatches(
  db: Db,
  rows: {
    requestId: string;
    mentorId: string;
    tenantId: string;
    rank: number;
    score: number;
    reasons: unknown;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('request_matches')
    .values(
      rows.map((r) => ({
        request_id: r.requestId,
        mentor_id: r.mentorId,
        tenant_id: r.tenantId,
        rank: r.rank,
        score: r.score,
        reasons: JSON.stringify(r.reasons),
      })),
    )
    .execute();
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
    q = q.where(sql<boolean>`(created_at, id) < (${f.cursor.createdAt}::timestamptz, ${f.cursor.id}::uuid)`);
  }
  return q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}
