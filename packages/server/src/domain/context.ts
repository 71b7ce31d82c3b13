import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';

/**
 * What every domain call runs with: the database (inside a route, the request's transaction)
 * and the clock, so tests can move time.
 */
export interface DomainCtx {
  db: Kysely<Database>;
  clock: Clock;
}
