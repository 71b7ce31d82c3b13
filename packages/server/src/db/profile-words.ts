import { type Kysely, sql } from 'kysely';
import type { Database } from './database.js';

export interface ProfileWordCounts {
  /** Approved, live mentor profiles of the tenant. */
  profiles: number;
  /** Lowercase word (PostgreSQL's 'simple' parser) → profiles whose headline or bio has it. */
  documents: Map<string, number>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Words below this many profiles are never common; leaving them out keeps the map small. */
const MIN_DOCUMENTS = 2;

/**
 * In how many of the tenant's approved profiles each headline/bio word occurs, by `ts_stat`.
 * One pass over the tenant's profiles: run it rarely (see `commonProfileWords`), not per request.
 */
export async function countProfileWords(db: Kysely<Database>, tenantId: string): Promise<ProfileWordCounts> {
  // ts_stat takes its query as text: the tenant id goes in as a literal, so it must be a uuid.
  if (!UUID.test(tenantId)) throw new Error('countProfileWords: tenant id is not a uuid');
  const inner = sql`select to_tsvector('simple', headline || ' ' || bio) from mentors
    where tenant_id = ${sql.lit(tenantId)}::uuid and deleted_at is null and status = 'approved'`.compile(
    db,
  ).sql;
  const [stats, total] = await Promise.all([
    sql<{ word: string; ndoc: number }>`
      select word, ndoc from ts_stat(${inner}) where ndoc >= ${MIN_DOCUMENTS}`.execute(db),
    db
      .selectFrom('mentors')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('tenant_id', '=', tenantId)
      .where('deleted_at', 'is', null)
      .where('status', '=', 'approved')
      .executeTakeFirstOrThrow(),
  ]);
  return {
    profiles: Number(total.n),
    documents: new Map(stats.rows.map((r) => [r.word, Number(r.ndoc)])),
  };
}
