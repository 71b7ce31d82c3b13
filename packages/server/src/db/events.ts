import { type Kysely, sql } from 'kysely';
import type { Database, EventRow } from './database.js';

export async function findEvent(
  db: Kysely<Database>,
  tenantId: string,
  id: number,
): Promise<EventRow | undefined> {
  return db
    .selectFrom('events')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * The newest event of one type about each of these requests (`data.requestId`) that reached one
 * of these users (the requests' learners: `user_ids` is indexed), in the tenant.
 */
export async function latestRequestEvents(
  db: Kysely<Database>,
  tenantId: string,
  type: string,
  requestIds: readonly string[],
  userIds: readonly string[],
): Promise<EventRow[]> {
  if (!requestIds.length || !userIds.length) return [];
  const requestId = sql<string>`data->>'requestId'`;
  return db
    .selectFrom('events')
    .selectAll()
    .distinctOn(requestId)
    .where('tenant_id', '=', tenantId)
    .where('type', '=', type)
    .where(sql<boolean>`user_ids && ${sql.val([...new Set(userIds)])}::uuid[]`)
    .where(requestId, 'in', [...requestIds])
    .orderBy(requestId)
    .orderBy('id', 'desc')
    .execute();
}
