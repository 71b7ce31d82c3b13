import { type Kysely, sql } from 'kysely';
import type { Database } from './database.js';

export interface CandidateQuery {
  tenantId: string;
  learnerId: string;
  learnerExternalId: string;
  format: string | null;
  languages: string[];
  /** Sanitised words, combined with OR for full-text search. */
  terms: string[];
  requestedSkills: string[];
  relatedSkills: string[];
  excludeMentorIds: string[];
  weekStart: Date;
  weekEnd: Date;
  limit: number;
}

export interface CandidateRow {
  id: string;
  name: string;
  headline: string;
  skills: string[];
  years_experience: number;
  languages: string[];
  rating_sum: number;
  rating_count: number;
  sessions_count: number;
  approved_at: Date | null;
  week_bookings: number;
  max_per_week: number | null;
  text_rank: number;
  board_label: string | null;
}

const SAFE_TERM = /^[\p{L}\p{N}]+$/u;

/** Plausible mentors read per signal before exact scoring: bounds the work on large tenants. */
export const POOL_PER_SIGNAL = 400;

/**
 * The first cut of matching, done where the data is. Two index-driven reads, each bounded —
 * mentors holding a requested skill (GIN on skills), a related skill, and mentors whose document matches the
 * words (GIN full text, OR semantics) — form a pool of at most 2.5 × POOL_PER_SIGNAL; hard
 * constraints (approved, format, language, weekly capacity, not the learner, not excluded)
 * apply; only the pool is scored (text rank, requested and related skill overlap) and the best
 * `limit` go to Node. Below the pool bound the ranking is exact; above it (very broad asks on
 * very large tenants) the pool is the first matches in index order.
 */
export async function findCandidates(db: Kysely<Database>, q: CandidateQuery): Promise<CandidateRow[]> {
  const terms = q.terms.filter((t) => SAFE_TERM.test(t));
  if (terms.length === 0 && q.requestedSkills.length === 0 && q.relatedSkills.length === 0) return [];
  const orQuery = terms.join(' | ');
  const tsquery = terms.length
    ? sql`(to_tsquery('simple', ${orQuery}) || to_tsquery('english', ${orQuery}))`
    : sql`null::tsquery`;
  const textRank = terms.length ? sql`ts_rank_cd(m.search_doc, ${tsquery})` : sql`0::real`;
  const eligible = sql`
        tenant_id = ${q.tenantId}
        and deleted_at is null
        and status = 'approved'
        and (${q.format}::text is null or ${q.format}::text = any(formats))
        and (cardinality(${q.languages}::text[]) = 0 or languages && ${q.languages}::text[])
        and (external_id is null or external_id <> ${q.learnerExternalId})
        and id <> all(${q.excludeMentorIds}::uuid[])`;
  const bySkill = q.requestedSkills.length
    ? sql`(select id from mentors where ${eligible} and skills && ${q.requestedSkills}::text[] limit ${POOL_PER_SIGNAL})`
    : sql`(select null::uuid as id where false)`;
  // Mentors who only hold a related skill ("React hooks" → a frontend generalist) can still help.
  const byRelated = q.relatedSkills.length
    ? sql`(select id from mentors where ${eligible} and skills && ${q.relatedSkills}::text[] limit ${POOL_PER_SIGNAL / 2})`
    : sql`(select null::uuid as id where false)`;
  const byText = terms.length
    ? sql`(select id from mentors where ${eligible} and search_doc @@ ${tsquery} limit ${POOL_PER_SIGNAL})`
    : sql`(select null::uuid as id where false)`;

  const result = await sql<CandidateRow>`
    with pool as (${bySkill} union ${byRelated} union ${byText}),
    week_load as (
      select mentor_id, count(*)::int as n
      from bookings
      where tenant_id = ${q.tenantId} and status <> 'cancelled'
        and start_at >= ${q.weekStart} and start_at < ${q.weekEnd}
        and mentor_id in (select id from pool)
      group by mentor_id
    )
    select m.id, m.name, m.headline, m.skills, m.years_experience, m.languages,
           m.rating_sum, m.rating_count, m.sessions_count, m.approved_at,
           coalesce(w.n, 0) as week_bookings, a.max_per_week,
           m.text_rank::float8 as text_rank,
           b.label as board_label
    from (
      select m.*, ${textRank} as text_rank,
             (select count(*) from unnest(m.skills) s where s = any(${q.requestedSkills}::text[])) as requested_hits,
             (select count(*) from unnest(m.skills) s where s = any(${q.relatedSkills}::text[])) as related_hits
      from pool p join mentors m on m.id = p.id
    ) m
    left join availability a on a.mentor_id = m.id
    left join week_load w on w.mentor_id = m.id
    left join board_entries b on b.mentor_id = m.id and b.learner_id = ${q.learnerId}
    where (a.max_per_week is null or coalesce(w.n, 0) < a.max_per_week)
    order by (m.text_rank * 4 + m.requested_hits * 1.0 + m.related_hits * 0.4) desc, m.id
    limit ${q.limit}`.execute(db);
  return result.rows;
}
