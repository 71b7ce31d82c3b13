import { type Kysely, type RawBuilder, sql } from 'kysely';
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
  /**
   * Mentors nearest to the question by meaning (semantic search): read into the pool whatever
   * words they share with it, and kept among the `limit` best whatever their text rank.
   */
  semanticIds?: string[];
  /** Read only `semanticIds` (still scored on the words and skills): the rest was read before. */
  semanticOnly?: boolean;
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
  /** Sessions the mentor did not show up to (recorded by learners), and when the last was. */
  no_show_count: number;
  last_no_show_at: Date | null;
}

const SAFE_TERM = /^[\p{L}\p{N}]+$/u;

/** Plausible mentors read per signal before exact scoring: bounds the work on large tenants. */
export const POOL_PER_SIGNAL = 200;
/** Share of mentor profiles above which a lexeme is too common to drive the full-text pool read. */
export const COMMON_LEXEME = 0.1;

/** How long a process reuses the common-lexeme list: statistics change only when ANALYZE runs. */
export const COMMON_LEXEMES_TTL_MS = 60_000;
/**
 * Keyed by the executor's adapter: created once per `Kysely` instance and shared by its
 * transactions, so a request's transaction finds its database's entry.
 */
const commonLexemeCache = new WeakMap<object, { at: number; lexemes: Promise<string[]> }>();

/**
 * The lexemes the planner's statistics find in more than COMMON_LEXEME of mentor profiles, read
 * from pg_stats at most once a minute per process. Reading them inside every candidate query
 * cost ~0.6 ms to plan (pg_stats is a view over four catalogs) and as much to run.
 */
async function commonLexemes(db: Kysely<Database>): Promise<string[]> {
  const key = db.getExecutor().adapter;
  const now = Date.now();
  const cached = commonLexemeCache.get(key);
  if (cached && now - cached.at < COMMON_LEXEMES_TTL_MS) return cached.lexemes;
  const lexemes = sql<{ elem: string }>`
    select e.elem
    from pg_stats s
    cross join lateral unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as e(elem, freq)
    where s.schemaname = current_schema() and s.tablename = 'mentors' and s.attname = 'search_doc'
      and e.freq > ${COMMON_LEXEME}`
    .execute(db)
    .then((r) => r.rows.map((row) => row.elem));
  commonLexemeCache.set(key, { at: now, lexemes });
  // A failed read is not cached: the next request asks again.
  lexemes.catch(() => commonLexemeCache.delete(key));
  return lexemes;
}

/**
 * The first cut of matching, done where the data is. Three bounded reads, each index-driven or
 * stopping early — mentors holding a requested skill (GIN on skills), a related skill, and
 * mentors whose document matches the words (GIN full text, OR semantics) — form a pool of at most
 * 2.5 × POOL_PER_SIGNAL ids; hard constraints (approved, format, language, not the learner, not
 * excluded) apply inside each read, weekly capacity after. Only the pool is fetched (primary-key
 * lookups) and scored (text rank, requested and related skill overlap) and the best `limit` go to
 * Node. Below the pool bound the ranking is exact; above it (very broad asks on very large
 * tenants) the pool is the first matches in index order.
 *
 * Text relevance is `ts_rank` (term frequency by weight), not `ts_rank_cd`: with OR queries of
 * 10–40 terms cover density costs ~5× more per row (it dominated the query at 100k mentors) and
 * ranked the judged set slightly worse.
 */
export async function findCandidates(db: Kysely<Database>, q: CandidateQuery): Promise<CandidateRow[]> {
  const terms = [...new Set(q.terms.filter((t) => SAFE_TERM.test(t)))];
  const semanticIds = q.semanticIds ?? [];
  if (
    terms.length === 0 &&
    q.requestedSkills.length === 0 &&
    q.relatedSkills.length === 0 &&
    semanticIds.length === 0
  )
    return [];
  // The OR query: every distinct lexeme of the words, as-is (skills are indexed with 'simple')
  // and English-stemmed (headline, bio). Built in a subquery on purpose: the planner then cannot
  // estimate it from the column statistics, assumes a selective query and reads the GIN index.
  // With a constant it guessed ~9% of the tenant for most asks and chose a sequential scan that
  // evaluated the 20–40-term query on every row (~25 ms at 10k mentors for selective words).
  // The pool read leaves out lexemes the statistics call common (in > COMMON_LEXEME of profiles,
  // e.g. "design", "work"): through GIN they cost a bitmap of the whole tenant (~100k entries,
  // 30+ ms) and say little; they still count in the rank. When every lexeme is common, a
  // constant query lets the planner pick a scan that stops after the first matches.
  const text = terms.join(' ');
  const orQuery = terms.join(' | ');
  const tsquery = sql`(select query from words)`;
  const textRank = terms.length ? sql`ts_rank(m.search_doc, ${tsquery})` : sql`0::real`;
  const common = terms.length ? await commonLexemes(db) : [];
  const words = terms.length
    ? sql`words as materialized (
        select string_agg(quote_literal(l.lexeme), ' | ')::tsquery as query,
               (string_agg(quote_literal(l.lexeme), ' | ') filter (where c.elem is null))::tsquery as read_query
        from unnest(tsvector_to_array(to_tsvector('simple', ${text}) || to_tsvector('english', ${text}))) as l(lexeme)
        left join unnest(${common}::text[]) as c(elem) on c.elem = l.lexeme
      ),`
    : sql``;
  const eligible = sql`
        tenant_id = ${q.tenantId}
        and deleted_at is null
        and status = 'approved'
        and (${q.format}::text is null or ${q.format}::text = any(formats))
        and (cardinality(${q.languages}::text[]) = 0 or languages && ${q.languages}::text[])
        and (external_id is null or external_id <> ${q.learnerExternalId})
        and id <> all(${q.excludeMentorIds}::uuid[])`;
  // Each signal is a materialized CTE read lazily under a LIMIT: planned as "all matches" it takes
  // the GIN index when the words or skills are selective and a sequential scan (which stops after
  // the first rows) when they are common; a LIMIT inside the read made the planner bet on the scan
  // and walk the whole tenant for selective words.
  const signals: { name: string; where: RawBuilder<unknown>; limit: number }[] = [];
  const byWords = !q.semanticOnly;
  if (byWords && q.requestedSkills.length) {
    signals.push({
      name: 'by_skill',
      where: sql`skills && ${q.requestedSkills}::text[]`,
      limit: POOL_PER_SIGNAL,
    });
  }
  // Mentors who only hold a related skill ("React hooks" → a frontend generalist) can still help.
  if (byWords && q.relatedSkills.length) {
    signals.push({
      name: 'by_related',
      where: sql`skills && ${q.relatedSkills}::text[]`,
      limit: POOL_PER_SIGNAL / 2,
    });
  }
  if (byWords && terms.length) {
    signals.push({
      name: 'by_text',
      where: sql`search_doc @@ (select read_query from words)`,
      limit: POOL_PER_SIGNAL,
    });
    signals.push({
      name: 'by_common_text',
      where: sql`search_doc @@ (to_tsquery('simple', ${orQuery}) || to_tsquery('english', ${orQuery}))
                 and (select read_query is null from words)`,
      limit: POOL_PER_SIGNAL,
    });
  }
  if (semanticIds.length) {
    signals.push({
      name: 'by_meaning',
      where: sql`id = any(${semanticIds}::uuid[])`,
      limit: semanticIds.length,
    });
  }
  if (signals.length === 0) return [];
  // PostgreSQL refuses a constant in ORDER BY: without semantic ids, no such key at all.
  const semanticFirst = semanticIds.length ? sql`m.id = any(${semanticIds}::uuid[]) desc,` : sql``;
  const signalCtes = signals.map(
    (s) =>
      sql`${sql.ref(s.name)} as materialized (select id, ctid from mentors where ${eligible} and ${s.where}),`,
  );
  const reads = signals.map((s) => sql`(select id, ctid from ${sql.ref(s.name)} limit ${s.limit})`);
  const requested = q.requestedSkills.length ? q.requestedSkills : null;
  const related = q.relatedSkills.length ? q.relatedSkills : null;
  const hits = (skills: string[] | null) =>
    skills ? sql`(select count(*) from unnest(m.skills) s where s = any(${skills}::text[]))` : sql`0`;

  // The pool's rows are fetched again by their ctid (a TID scan: one heap page each, no index
  // descent; the ctids come from this statement's own snapshot). Weekly capacity is checked
  // only for pool mentors with bookings this week; the availability and board rows are read for
  // the `limit` best only.
  const result = await sql<CandidateRow>`
    with ${words} ${sql.join(signalCtes, sql` `)}
    pool as materialized (${sql.join(reads, sql` union `)}),
    week_load as materialized (
      select mentor_id, count(*)::int as n
      from bookings
      where tenant_id = ${q.tenantId} and status <> 'cancelled'
        and start_at >= ${q.weekStart} and start_at < ${q.weekEnd}
        and mentor_id = any(array(select id from pool))
      group by mentor_id
    ),
    scored as materialized (
      select m.id, m.name, m.headline, m.skills, m.years_experience, m.languages,
             m.rating_sum, m.rating_count, m.sessions_count, m.approved_at, m.no_show_count, m.last_no_show_at,
             coalesce(w.n, 0) as week_bookings, ${textRank}::float8 as text_rank,
             ${hits(requested)} as requested_hits, ${hits(related)} as related_hits
      from mentors m
      left join week_load w on w.mentor_id = m.id
      where m.ctid = any(array(select ctid from pool))
        and (w.n is null
             or w.n < coalesce((select a.max_per_week from availability a where a.mentor_id = m.id), w.n + 1))
    ),
    best as (
      select *, text_rank * 4 + requested_hits * 1.0 + related_hits * 0.4 as relevance
      from scored m
      order by ${semanticFirst} relevance desc, id
      limit ${q.limit + semanticIds.length}
    )
    select m.id, m.name, m.headline, m.skills, m.years_experience, m.languages,
           m.rating_sum, m.rating_count, m.sessions_count, m.approved_at, m.no_show_count, m.last_no_show_at,
           m.week_bookings, a.max_per_week, m.text_rank, b.label as board_label
    from best m
    left join availability a on a.mentor_id = m.id
    left join board_entries b on b.mentor_id = m.id and b.learner_id = ${q.learnerId}
    order by m.relevance desc, m.id`.execute(db);
  return result.rows;
}
