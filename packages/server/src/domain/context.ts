import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import type { SemanticSearch } from './matching/semantic/semantic-search.js';

/**
 * What every domain call runs with: the database (inside a route, the request's transaction)
 * and the clock, so tests can move time.
 */
export interface DomainCtx {
  db: Kysely<Database>;
  clock: Clock;
  /** Matching by meaning, when MICROMENTOR_EMBEDDINGS names a provider; absent or null: keywords only. */
  semantic?: SemanticSearch | null;
}
