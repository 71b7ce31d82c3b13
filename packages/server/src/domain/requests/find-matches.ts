import type { Kysely } from 'kysely';
import type { Database, HelpRequestRow, SessionFormat, Urgency } from '../../db/database.js';
import { type CandidateQuery, findCandidates } from '../../db/match-candidates.js';
import type { Match } from '../../schemas/requests.js';
import { DAY_MS } from '../availability/zoned-time.js';
import { analyzeQuery, type MatchQueryInput } from '../matching/analyze.js';
import { commonProfileWords } from '../matching/common-words.js';
import { type Candidate, diversify, type RankedMatch, scoreCandidates } from '../matching/rank.js';
import { reasonLocale } from '../matching/reason-words.js';
import type { SemanticSearch, TenantIndex } from '../matching/semantic/semantic-search.js';
import type { Spread } from '../matching/semantic/vector-index.js';
import { likelyLanguage } from '../matching/stopwords.js';
import { toMentor } from '../mentors/mentor-profile.js';
import type { TenantSettings } from '../tenants/settings.js';
import { loadShortlist, nextSlotsFor } from './next-slots.js';

/** How many candidates the database hands over, how many get real availability, how many are shown. */
export const CANDIDATE_POOL = 200;
export const AVAILABILITY_POOL = 12;
export const MATCHES_SHOWN = 5;
/** Mentors nearest to the question by meaning read into the candidate pool. */
export const SEMANTIC_POOL = 50;
const NEXT_SLOTS = 3;

export interface MatchInput {
  tenantId: string;
  settings: TenantSettings;
  learner: { id: string; externalId: string };
  query: MatchQueryInput;
  format: SessionFormat | null;
  urgency: Urgency;
  languages: string[];
  excludeMentorIds: string[];
  now: Date;
}

/** The fields of a help request that decide its matches. */
export type MatchedRequest = Pick<
  HelpRequestRow,
  | 'learner_id'
  | 'title'
  | 'details'
  | 'skills'
  | 'context'
  | 'format'
  | 'urgency'
  | 'languages'
  | 'declined_mentor_ids'
>;

/** What the matcher reads from a request: its words, skills and the page it was asked on. */
export function matchQueryOf(
  row: Pick<MatchedRequest, 'title' | 'details' | 'skills' | 'context' | 'languages'>,
): MatchQueryInput {
  return {
    title: row.title,
    details: row.details,
    skills: row.skills,
    topic: row.context.topic,
    selection: row.context.selection,
    pageTitle: row.context.pageTitle,
    course: row.context.courseId,
    languages: row.languages,
  };
}

/** The matcher's input for a request (its declined mentors left out). */
export function requestMatchInput(
  row: MatchedRequest,
  who: { tenantId: string; settings: TenantSettings; learnerExternalId: string; now: Date },
): MatchInput {
  return {
    tenantId: who.tenantId,
    settings: who.settings,
    learner: { id: row.learner_id, externalId: who.learnerExternalId },
    query: matchQueryOf(row),
    format: row.format,
    urgency: row.urgency,
    languages: row.languages,
    excludeMentorIds: row.declined_mentor_ids,
    now: who.now,
  };
}

/** What is embedded of a question: its own words (title, details, selection), never the page it was asked on. */
export function meaningTextOf(query: MatchQueryInput): string {
  return [query.title, query.details, query.selection]
    .map((part) => part?.trim())
    .filter((part): part is string => Boolean(part))
    .join('\n');
}

/** The tenant's index, checked fresh, when there is a question to embed and a profile to compare. */
async function semanticIndex(
  db: Kysely<Database>,
  semantic: SemanticSearch,
  input: MatchInput,
): Promise<TenantIndex | null> {
  if (meaningTextOf(input.query) === '') return null;
  const index = await semantic.tenantIndex(db, input.tenantId);
  return index.empty ? null : index;
}

/** The question's vector and its nearest mentors (declined ones left out); null when the model is unavailable. */
async function nearestByMeaning(
  semantic: SemanticSearch,
  index: TenantIndex,
  input: MatchInput,
): Promise<{ vector: Float32Array; nearest: string[]; spread: Spread } | null> {
  // Let the database query just started go out before the model holds the thread.
  await new Promise((resolve) => setImmediate(resolve));
  const vector = await semantic.embedQuery(meaningTextOf(input.query));
  if (!vector) return null;
  const found = await index.search(vector, SEMANTIC_POOL, new Set(input.excludeMentorIds));
  return { vector, nearest: found.nearest.map((n) => n.mentorId), spread: found };
}

/**
 * The model reads the learner's language (no `languages`: the question is taken as English) and
 * the question is written in one it reads: an English-only model compares a Spanish question
 * with the profiles by the look of its letters, and quotes a Spanish bio as if it meant the same.
 */
function understands(
  semantic: SemanticSearch,
  languages: readonly string[],
  query: MatchInput['query'],
): boolean {
  if (semantic.languages.length === 0) return true;
  const asked = languages.length > 0 ? languages : ['en'];
  return (
    asked.some((tag) => semantic.languages.includes(tag.trim().toLowerCase().split(/[-_]/)[0] ?? '')) &&
    semantic.languages.includes(likelyLanguage(meaningTextOf(query)))
  );
}

/** A profile's similarity to the question, and how far above the tenant's crowd it stands. */
function standing(similarity: number | undefined, spread: Spread): NonNullable<Candidate['meaning']> {
  if (similarity === undefined) return { similarity: 0, standing: 0, sentence: null };
  const standing = spread.sd > 0 ? (similarity - spread.mean) / spread.sd : 0;
  return { similarity, standing, sentence: null };
}

/** The current ISO week (Monday 00:00 UTC onwards), for load and weekly caps. */
function isoWeek(now: Date): { start: Date; end: Date } {
  const day = (now.getUTCDay() + 6) % 7;
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - day));
  return { start, end: new Date(start.getTime() + 7 * DAY_MS) };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Ranks mentors for one learner's problem: the database narrows to plausible candidates,
 * the ranking scores them on every signal, the best few get their real next free slots
 * and are scored again, and the final list is diversified.
 */
export async function findMatches(
  db: Kysely<Database>,
  input: MatchInput,
  semantic: SemanticSearch | null = null,
): Promise<{ matches: Match[]; ranked: RankedMatch[] }> {
  // The program may match by skills and words only (settings.semanticMatching).
  const byMeaningOn =
    semantic && input.settings.semanticMatching && understands(semantic, input.languages, input.query)
      ? semantic
      : null;
  const analyzed = analyzeQuery(input.query);
  const pageShares = analyzed.context?.role === 'blend';
  const index = byMeaningOn ? await semanticIndex(db, byMeaningOn, input) : null;
  const week = isoWeek(input.now);
  const commonWords = commonProfileWords(db, input.tenantId);
  const query: CandidateQuery = {
    tenantId: input.tenantId,
    learnerId: input.learner.id,
    learnerExternalId: input.learner.externalId,
    format: input.format,
    languages: input.languages,
    terms: analyzed.terms,
    // A page that shares the decision (see analyzeQuery) also brings its mentors into the pool.
    requestedSkills: [...analyzed.skills, ...(pageShares ? (analyzed.context?.skills ?? []) : [])].map(
      (s) => s.slug,
    ),
    relatedSkills: [...analyzed.related, ...(pageShares ? (analyzed.context?.related ?? []) : [])].map(
      (s) => s.slug,
    ),
    excludeMentorIds: input.excludeMentorIds,
    weekStart: week.start,
    weekEnd: week.end,
    limit: CANDIDATE_POOL,
  };
  // The database reads the candidates by words and skills while this process embeds the
  // question and scans the tenant's vectors; the nearest not read yet are read after.
  const [rows, byMeaning] = await Promise.all([
    findCandidates(db, query),
    byMeaningOn && index ? nearestByMeaning(byMeaningOn, index, input) : null,
  ]);
  const read = new Set(rows.map((r) => r.id));
  const unread = byMeaning?.nearest.filter((id) => !read.has(id)) ?? [];
  if (unread.length) {
    rows.push(
      ...(await findCandidates(db, {
        ...query,
        semanticIds: unread,
        semanticOnly: true,
        limit: unread.length,
      })),
    );
  }
  if (rows.length === 0) return { matches: [], ranked: [] };
  const similarities =
    index && byMeaning
      ? await index.similarities(
          rows.map((r) => r.id),
          byMeaning.vector,
        )
      : null;

  const candidates: Candidate[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    headline: r.headline,
    skills: r.skills,
    yearsExperience: r.years_experience,
    languages: r.languages,
    textRank: Number(r.text_rank),
    ratingSum: r.rating_sum,
    ratingCount: r.rating_count,
    sessionsCount: r.sessions_count,
    approvedAt: r.approved_at,
    weekBookings: r.week_bookings,
    maxPerWeek: r.max_per_week,
    nextSlot: undefined,
    board: r.board_label !== null ? { label: r.board_label } : null,
    noShows: { count: r.no_show_count, lastAt: r.last_no_show_at },
    ...(similarities && byMeaning ? { meaning: standing(similarities.get(r.id), byMeaning.spread) } : {}),
  }));
  const rated = candidates.filter((c) => c.ratingCount > 0);
  const ctx = {
    urgency: input.urgency,
    now: input.now,
    medianWeekBookings: median(candidates.map((c) => c.weekBookings)),
    priorRating: rated.length
      ? rated.reduce((s, c) => s + c.ratingSum, 0) / rated.reduce((s, c) => s + c.ratingCount, 0)
      : 4.2,
    learnerLanguages: input.languages,
    reasonLocale: reasonLocale(input.languages),
    commonWords: await commonWords,
  };

  const firstPass = scoreCandidates(analyzed, candidates, ctx, { explain: false });
  // Only mentors the question gives evidence for are shown: below that, "no good match" is said.
  const shortlistIds = firstPass
    .filter((m) => m.fits)
    .slice(0, AVAILABILITY_POOL)
    .map((m) => m.candidate.id);
  if (shortlistIds.length === 0) return { matches: [], ranked: [] };
  const shortlist = await loadShortlist(db, {
    tenantId: input.tenantId,
    ids: shortlistIds,
    learnerId: input.learner.id,
    now: input.now,
  });
  if (byMeaningOn && byMeaning) {
    // The shortlist's reasons may quote the mentor's own sentence nearest to the question.
    const explained = await byMeaningOn.explain(db, input.tenantId, shortlistIds, byMeaning.vector);
    for (const c of candidates) {
      const why = explained.get(c.id);
      if (why && c.meaning) c.meaning.sentence = why.sentence;
    }
  }
  const slots = nextSlotsFor({ settings: input.settings, shortlist, now: input.now, count: NEXT_SLOTS });
  for (const c of candidates) {
    if (slots.has(c.id)) c.nextSlot = slots.get(c.id)?.[0]?.start ?? null;
  }
  const ranked = diversify(
    scoreCandidates(
      analyzed,
      candidates.filter((c) => slots.has(c.id)),
      ctx,
    ).filter((m) => m.fits),
    MATCHES_SHOWN,
  );
  const byId = new Map(shortlist.mentors.map(({ mentor }) => [mentor.id, mentor]));
  const matches = ranked.flatMap((r) => {
    const mentor = byId.get(r.candidate.id);
    if (!mentor) return [];
    return [
      {
        mentor: toMentor(mentor),
        score: Math.round(r.score * 1000) / 1000,
        reasons: r.reasons,
        nextSlots: (slots.get(mentor.id) ?? []).map((s) => ({
          start: s.start.toISOString(),
          end: s.end.toISOString(),
        })),
      },
    ];
  });
  return { matches, ranked };
}
