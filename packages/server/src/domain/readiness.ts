import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.js';
import { pendingMigrations } from '../db/migrate.js';

export type Readiness =
  | { ready: true }
  | { ready: false; reason: 'database_unavailable' }
  | { ready: false; reason: 'migrations_pending'; pending: string[] };

/**
 * Whether this process can serve: its database answers and holds every migration this code
 * knows (a newer process may have added more: those do not make this one unready).
 */
export async function checkReadiness(db: Kysely<Database>): Promise<Readiness> {
  let pending: string[];
  try {
    await sql`select 1`.execute(db);
    pending = await pendingMigrations(db);
  } catch {
    return { ready: false, reason: 'database_unavailable' };
  }
  return pending.length > 0 ? { ready: false, reason: 'migrations_pending', pending } : { ready: true };
}
