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

/**
 * The first cut of matching, done where the data is: approved mentors of the tenant who
 * offer the format, speak one of the languages, have weekly capacity left and are not the
 * learner or excluded — and who match the words (GIN full text, OR semantics) or the skills
 * (GIN array overlap). Ordered by a cheap relevance estimate; Node ranks the rest.
 */
export async function findCandidates(db: Kysely<Database>, q: CandidateQuery): Promise<CandidateRow[]> {
  const terms = q.terms.filter((t) => SAFE_TERM.test(t));
  const anySkills = [...q.requestedSkills, ...q.relatedSkills];
  if (terms.length === 0 && anySkills.length === 0) return [];
  const orQuery = terms.join(' | ');
  const tsquery = terms.length
    ? sql`(to_tsquery('simple', ${orQuery}) || to_tsquery('english', ${orQuery}))`
    : sql`null::tsquery`;
  const textRank = terms.length ? sql`ts_rank_cd(m.search_doc, ${tsquery})` : sql`0::real`;
  const textMatch = terms.length ? sql`m.search_doc @@ ${tsquery}` : sql`false`;

  const result = await sql<CandidateRow>`
    with week_load as (
      select mentor_id, count(*)::int as n
      from bookings
      where tenant_id = ${q.tenantId} and status <> 'cancelled'
        and start_at >= ${q.weekStart} and start_at < ${q.weekEnd}
      group by mentor_id
    )
    select m.id, m.name, m.headline, m.skills, m.years_experience, m.languages,
           m.rating_sum, m.rating_count, m.sessions_count, m.approved_at,
           coalesce(w.n, 0) as week_bookings, a.max_per_week,
           ${textRank}::float8 as text_rank,
           b.label as board_label
    from mentors m
    left join availability a on a.mentor_id = m.id
    left join week_load w on w.mentor_id = m.id
    left join board_entries b on b.mentor_id = m.id and b.learner_id = ${q.learnerId}
    where m.tenant_id = ${q.tenantId}
      and m.deleted_at is null
      and m.status = 'approved'
      and (${q.format}::text is null or ${q.format}::text = any(m.formats))
      and (cardinality(${q.languages}::text[]) = 0 or m.languages && ${q.languages}::text[])
      and (m.external_id is null or m.external_id <> ${q.learnerExternalId})
      and m.id <> all(${q.excludeMentorIds}::uuid[])
      and (a.max_per_week is null or coalesce(w.n, 0) < a.max_per_week)
      and (${textMatch} or m.skills && ${anySkills}::text[])
    order by (
      ${textRank} * 4
      + cardinality(array(select unnest(m.skills) intersect select unnest(${q.requestedSkills}::text[]))) * 1.0
      + cardinality(array(select unnest(m.skills) intersect select unnest(${q.relatedSkills}::text[]))) * 0.4
    ) desc, m.id
    limit ${q.limit}`.execute(db);
  return result.rows;
}
