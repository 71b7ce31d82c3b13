import type { Kysely } from 'kysely';
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
