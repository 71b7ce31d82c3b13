import type { Kysely } from 'kysely';
import type { Database, HelpRequestRow } from './database.js';
import { pastCursor } from './keyset.js';

type Db = Kysely<Database>;

/**
 * The learner asks the program: an open request joins the program queue (`unanswered_at`, kept if
 * it was there already) and says the learner asked (`queued_at`). Undefined when it is not open.
 */
export async function queueForProgram(
  db: Db,
  tenantId: string,
  id: string,
  now: Date,
): Promise<HelpRequestRow | undefined> {
  return db
    .updateTable('help_requests')
    .set((eb) => ({
      queued_at: eb.fn.coalesce('queued_at', eb.val(now)),
      unanswered_at: eb.fn.coalesce('unanswered_at', eb.val(now)),
      updated_at: now,
    }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst();
}

/** The learner waits for a match (since the first time they said so). Undefined when not open. */
export async function markWaitingForMatch(
  db: Db,
  tenantId: string,
  id: string,
  now: Date,
): Promise<HelpRequestRow | undefined> {
  return db
    .updateTable('help_requests')
    .set((eb) => ({ waiting_since: eb.fn.coalesce('waiting_since', eb.val(now)), updated_at: now }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst();
}

export interface QueueRow extends HelpRequestRow {
  learner_name: string;
}

export interface QueueCursor {
  at: string;
  id: string;
}

/** The tenant's program queue (open requests waiting for the program), oldest first. */
export async function listProgramQueue(
  db: Db,
  q: { tenantId: string; limit: number; cursor?: QueueCursor | undefined },
): Promise<QueueRow[]> {
  let query = db
    .selectFrom('help_requests as r')
    .innerJoin('users as u', (j) =>
      j.onRef('u.id', '=', 'r.learner_id').onRef('u.tenant_id', '=', 'r.tenant_id'),
    )
    .selectAll('r')
    .select('u.name as learner_name')
    .where('r.tenant_id', '=', q.tenantId)
    .where('r.status', '=', 'open')
    .where('r.unanswered_at', 'is not', null);
  if (q.cursor) query = query.where(pastCursor('r.unanswered_at', 'r.id', '>', q.cursor));
  return query
    .orderBy('r.unanswered_at', 'asc')
    .orderBy('r.id', 'asc')
    .limit(q.limit + 1)
    .execute();
}

/** Open requests still waiting for a match, oldest first, after `after` (a keyset), at most `limit`. */
export async function listWaitingRequests(
  db: Db,
  q: { tenantId: string; limit: number; after?: QueueCursor | undefined },
): Promise<HelpRequestRow[]> {
  let query = db
    .selectFrom('help_requests')
    .selectAll()
    .where('tenant_id', '=', q.tenantId)
    .where('status', '=', 'open')
    .where('waiting_since', 'is not', null)
    .where('match_found_at', 'is', null);
  if (q.after) query = query.where(pastCursor('waiting_since', 'id', '>', q.after));
  return query.orderBy('waiting_since', 'asc').orderBy('id', 'asc').limit(q.limit).execute();
}

/** A mentor who fits was found for a waiting request: marked once (false when it was already). */
export async function markMatchFound(db: Db, tenantId: string, id: string, now: Date): Promise<boolean> {
  const row = await db
    .updateTable('help_requests')
    .set({ match_found_at: now, updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .where('match_found_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** Does any open request of the tenant still wait for a match? */
export async function hasWaitingRequests(db: Db, tenantId: string): Promise<boolean> {
  const row = await db
    .selectFrom('help_requests')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'open')
    .where('waiting_since', 'is not', null)
    .where('match_found_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
