import { type Kysely, sql } from 'kysely';
import type { Database } from './database.js';

export interface ProfileWordCounts {
  /** Approved, live mentor profiles counted: the tenant's newest, at most PROFILE_SAMPLE. */
  profiles: number;
  /** Lowercase word (PostgreSQL's 'simple' parser) → profiles whose headline or bio has it. */
  documents: Map<string, number>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Words below this many profiles are never common; leaving them out keeps the map small. */
const MIN_DOCUMENTS = 2;
/**
 * Profiles counted at most: a word's share among the newest 2,000 is within a few points of its
 * share among all (a 30% share: ±2 points at 95%), and the count stays one bounded index-ordered
 * read however large the tenant grows.
 */
export const PROFILE_SAMPLE = 2_000;

/**
 * In how many of the tenant's newest approved profiles (PROFILE_SAMPLE) each headline/bio word
 * occurs, by `ts_stat`. Still a pass over up to 2,000 profiles: run it rarely (see
 * `commonProfileWords`), not per request.
 */
export async function countProfileWords(
  db: Kysely<Database>,
  tenantId: string,
  sampleSize: number = PROFILE_SAMPLE,
): Promise<ProfileWordCounts> {
  // ts_stat takes its query as text: the tenant id goes in as a literal, so it must be a uuid.
  if (!UUID.test(tenantId)) throw new Error('countProfileWords: tenant id is not a uuid');
  const sample = sql`from mentors
    where tenant_id = ${sql.lit(tenantId)}::uuid and deleted_at is null and status = 'approved'
    order by created_at desc limit ${sql.lit(Math.max(1, Math.floor(sampleSize)))}`;
  const inner = sql`select to_tsvector('simple', headline || ' ' || bio) ${sample}`.compile(db).sql;
  const [stats, total] = await Promise.all([
    sql<{ word: string; ndoc: number }>`
      select word, ndoc from ts_stat(${inner}) where ndoc >= ${MIN_DOCUMENTS}`.execute(db),
    sql<{ n: string }>`select count(*) as n from (select 1 ${sample}) s`.execute(db),
  ]);
  return {
    profiles: Number(total.rows[0]?.n ?? 0),
    documents: new Map(stats.rows.map((r) => [r.word, Number(r.ndoc)])),
  };
}
