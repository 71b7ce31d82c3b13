import type { Urgency } from '../../db/database.js';
import {
  isKnownSkill,
  normalizeSkill,
  relatedSkills,
  skillLabel,
  slugifySkill,
} from '../skills/normalize.js';
import { SKILLS } from '../skills/taxonomy.js';
import type { AnalyzedQuery } from './analyze.js';
import { type ReasonLocale, reasonWords } from './reason-words.js';
import { stopWordsFor } from './stopwords.js';
import { MATCH_WEIGHTS } from './weights.js';

export interface Candidate {
  id: string;
  name: string;
  headline: string;
  skills: string[];
  yearsExperience: number;
  languages: string[];
  /** PostgreSQL ts_rank of the mentor document against the OR query; 0 when not matched. */
  textRank: number;
  ratingSum: number;
  ratingCount: number;
  sessionsCount: number;
  approvedAt: Date | null;
  /** Live bookings this week. */
  weekBookings: number;
  maxPerWeek: number | null;
  /** undefined = not computed (no availability signal); null = no free slot in the horizon looked at. */
  nextSlot: Date | null | undefined;
  /** On this learner's board of advisors. */
  board: { label: string } | null;
  /** Sessions this mentor missed (recorded by the learner), and when the last one was. */
  noShows?: { count: number; lastAt: Date | null };
  /**
   * Closeness of the question to the profile by meaning: the cosine (-1..1), how many standard
   * deviations it stands above the question's mean cosine over the tenant's profiles (raw cosines
   * of unrelated texts run high with small models: only the standing says "closer than most"),
   * and the mentor's own sentence nearest to the question. Absent when semantic matching is off.
   */
  meaning?: { similarity: number; standing: number; sentence: string | null };
}

export interface RankContext {
  urgency: Urgency;
  now: Date;
  medianWeekBookings: number;
  /** Tenant mean rating, or MATCH_WEIGHTS.defaultPriorRating. */
  priorRating: number;
  learnerLanguages: string[];
  /**
   * Words in so many of the tenant's profiles that quoting them explains nothing (see
   * `commonProfileWords`): they never make a "Profile mentions …" reason on their own.
   */
  commonWords?: ReadonlySet<string>;
  /** The language of the reasons' texts the widget may not word itself (see reason-words.ts). */
  reasonLocale?: ReasonLocale;
}

const NONE: ReadonlySet<string> = new Set();

export interface Reason {
  /** Stable, for translation: skill_match, related_skill, wrote, page_context, experience, available_soon, rating, language, on_board, new_mentor, text_match. */
  code: string;
  text: string;
  params: Record<string, string | number>;
}

export interface RankedMatch {
  candidate: Candidate;
  /** 0..1 */
  score: number;
  /** Every signal in 0..1 (see MATCH_WEIGHTS for how they combine). */
  signals: Record<string, number>;
  reasons: Reason[];
  /**
   * The question itself gives evidence this mentor can help: a skill or a neighbour of one, a
   * real text match (not one stray word in a bio), or — with semantic matching — a close
   * meaning. Matches that do not fit are not shown: "no good match" is said, not hidden.
   */
  fits: boolean;
}

/**
 * Memoised slugifySkill / normalizeSkill: they are the hot spot of ranking (every candidate's
 * skills and headline words, twice per request). Bounded; clearing only costs recomputation.
 */
const CACHE_LIMIT = 20_000;
const slugCache = new Map<string, string>();
const normalCache = new Map<string, string>();
function cached(cache: Map<string, string>, key: string, compute: (k: string) => string): string {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    value = compute(key);
    cache.set(key, value);
  }
  return value;
}
const slugOf = (raw: string): string => cached(slugCache, raw, slugifySkill);
const normalOf = (raw: string): string => cached(normalCache, raw, normalizeSkill);
function skillSet(raw: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const skill of raw) {
    const s = normalOf(skill);
    if (s !== '') out.add(s);
  }
  return out;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Mean rating shrunk towards `prior` as if the mentor also had `priorWeight` ratings at the prior:
 * one 5★ rating (4.33 with the defaults) does not beat forty 4.8★ ratings (4.73).
 */
export function bayesianRating(
  sum: number,
  count: number,
  prior: number,
  priorWeight: number = MATCH_WEIGHTS.ratingPriorWeight,
): number {
  const m = Math.max(0, priorWeight);
  const n = Math.max(0, count);
  if (m + n === 0) return prior;
  return (prior * m + (n > 0 ? sum : 0)) / (m + n);
}

// ---------------------------------------------------------------------------------------------
// Query-side preparation (once per scoreCandidates call)
// ---------------------------------------------------------------------------------------------

/** slug → slugs whose taxonomy `related` lists it (the taxonomy is not always symmetric). */
const RELATED_BY: ReadonlyMap<string, readonly string[]> = (() => {
  const index = new Map<string, string[]>();
  for (const [slug, entry] of Object.entries(SKILLS)) {
    for (const rel of entry.related) {
      const list = index.get(rel);
      if (list) list.push(slug);
      else index.set(rel, [slug]);
    }
  }
  return index;
})();

interface PreparedQuery {
  requested: { slug: string; weight: number }[];
  totalWeight: number;
  /** Requested slug → its neighbours, closest first: taxonomy related, reverse related, query `related`. */
  neighbours: Map<string, string[]>;
  terms: ReadonlySet<string>;
  /** Stems of the terms, and the long ones for prefix matching ("postgres" ~ "postgresql"). */
  termStems: ReadonlySet<string>;
  longTerms: readonly string[];
  /** Words that name a requested skill, so a text reason can prefer what skills did not say. */
  skillWords: ReadonlySet<string>;
}

function prepare(query: AnalyzedQuery): PreparedQuery {
  const weights = new Map<string, number>();
  for (const skill of query.skills) {
    const key = normalOf(skill.slug);
    if (key === '' || !(skill.weight > 0)) continue;
    weights.set(key, Math.max(weights.get(key) ?? 0, skill.weight));
  }
  const requested = [...weights].map(([slug, weight]) => ({ slug, weight }));
  const neighbours = new Map<string, string[]>();
  for (const { slug } of requested) {
    const list = new Set<string>([
      ...relatedSkills(slug),
      ...(RELATED_BY.get(slug) ?? []),
      ...query.related.filter((r) => r.via === slug).map((r) => normalOf(r.slug)),
    ]);
    list.delete(slug);
    neighbours.set(slug, [...list]);
  }
  const terms = new Set(query.terms.map((t) => t.toLowerCase()));
  const skillWords = new Set<string>();
  for (const { slug } of requested) {
    for (const word of [...slug.split('-'), ...slugOf(skillLabel(slug)).split('-')]) skillWords.add(word);
  }
  return {
    requested,
    totalWeight: requested.reduce((sum, r) => sum + r.weight, 0),
    neighbours,
    terms,
    termStems: new Set([...terms].map(stem)),
    longTerms: [...terms].filter((t) => t.length >= 5),
    skillWords,
  };
}

// ---------------------------------------------------------------------------------------------
// Signals
// ---------------------------------------------------------------------------------------------

interface Topical {
  skill: number;
  related: number;
  held: string[];
  /** Best (candidate skill, requested skill) pair explaining the related credit. */
  nearest: { has: string; near: string } | null;
}

function topical(q: PreparedQuery, skills: ReadonlySet<string>): Topical {
  if (q.totalWeight <= 0) return { skill: 0, related: 0, held: [], nearest: null };
  let skill = 0;
  let related = 0;
  const held: string[] = [];
  let nearest: { has: string; near: string; weight: number } | null = null;
  for (const { slug, weight } of q.requested) {
    if (skills.has(slug)) {
      skill += weight;
      held.push(slug);
      continue;
    }
    const has = (q.neighbours.get(slug) ?? []).find((n) => skills.has(n));
    if (has === undefined) continue;
    related += weight;
    if (nearest === null || weight > nearest.weight) nearest = { has, near: slug, weight };
  }
  return {
    skill: clamp01(skill / q.totalWeight),
    related: clamp01(related / q.totalWeight),
    held,
    nearest: nearest && { has: nearest.has, near: nearest.near },
  };
}

/** How well the next free slot fits the urgency (see MATCH_WEIGHTS); 0 when unknown or none. */
function availabilitySignal(urgency: Urgency, now: Date, slot: Date | null | undefined): number {
  if (slot === undefined || slot === null) return 0;
  const wait = Math.max(0, slot.getTime() - now.getTime());
  const w = MATCH_WEIGHTS;
  switch (urgency) {
    case 'now':
      if (wait <= w.nowFullMinutes * MINUTE_MS) return 1;
      return wait <= w.nowPartialMinutes * MINUTE_MS ? w.nowPartial : 0;
    case 'today':
      if (wait <= w.todayFullHours * HOUR_MS) return 1;
      return wait <= w.todayPartialHours * HOUR_MS ? w.todayPartial : 0;
    case 'this_week':
      return wait <= w.weekDays * DAY_MS ? 1 : 0;
    case 'flexible':
      return clamp01(1 - wait / (w.flexibleHorizonDays * DAY_MS));
  }
}

/** 0 when the mentor has room; 0.5 at the threshold rising to 1 when full or far above the median. */
function overloadSignal(c: Candidate, median: number): number {
  const w = MATCH_WEIGHTS;
  let load = 0;
  if (c.maxPerWeek !== null && c.maxPerWeek > 0) {
    const share = c.weekBookings / c.maxPerWeek;
    if (share >= w.overloadCapShare) {
      load = 0.5 + 0.5 * clamp01((share - w.overloadCapShare) / (1 - w.overloadCapShare));
    }
  }
  const limit = w.overloadMedianFactor * Math.max(0, median) + w.overloadMedianSlack;
  if (c.weekBookings > limit) {
    load = Math.max(load, 0.5 + 0.5 * clamp01((c.weekBookings - limit) / Math.max(1, limit)));
  }
  return load;
}

/**
 * 0..1: the mentor missed sessions lately (each within MATCH_WEIGHTS.noShowDays counts, two or
 * more fully). Older ones are forgiven: a penalty should change behaviour, not brand a person.
 */
function noShowSignal(c: Candidate, now: Date): number {
  const missed = c.noShows;
  if (!missed || missed.count <= 0 || missed.lastAt === null) return 0;
  if (now.getTime() - missed.lastAt.getTime() > MATCH_WEIGHTS.noShowDays * DAY_MS) return 0;
  return clamp01(missed.count / MATCH_WEIGHTS.noShowFull);
}

function isNewMentor(c: Candidate, now: Date): boolean {
  if (c.approvedAt === null || c.sessionsCount >= MATCH_WEIGHTS.newMentorMaxSessions) return false;
  return now.getTime() - c.approvedAt.getTime() <= MATCH_WEIGHTS.newMentorDays * DAY_MS;
}

function seniority(years: number): number {
  const cap = MATCH_WEIGHTS.seniorityCapYears;
  return Math.log1p(Math.min(Math.max(0, years), cap)) / Math.log1p(cap);
}

function boardLabelMatches(label: string, q: PreparedQuery): boolean {
  const slug = normalOf(label);
  if (q.requested.some((r) => r.slug === slug)) return true;
  return slugOf(label)
    .split('-')
    .some((word) => word.length >= 3 && q.terms.has(word));
}

// ---------------------------------------------------------------------------------------------
// Reasons
// ---------------------------------------------------------------------------------------------

const REASON_ORDER = [
  'skill_match',
  'related_skill',
  'text_match',
  'wrote',
  'page_context',
  'available_soon',
  'on_board',
  'language',
  'rating',
  'new_mentor',
  'experience',
] as const;
type ReasonCode = (typeof REASON_ORDER)[number];

interface Candidacy {
  reason: Reason;
  /** The score points the reason explains: higher is more telling. */
  strength: number;
}

function reason(code: ReasonCode, text: string, params: Record<string, string | number> = {}): Reason {
  return { code, text, params };
}

function joinAnd(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function experienceReason(years: number): Reason {
  const y = Math.max(0, Math.floor(years));
  const text =
    y === 0 ? 'Less than a year of experience' : `${y} ${y === 1 ? 'year' : 'years'} of experience`;
  return reason('experience', text, { years: y });
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number): string => String(n).padStart(2, '0');

function availableReason(slot: Date, now: Date): Reason {
  const minutes = Math.max(0, Math.round((slot.getTime() - now.getTime()) / MINUTE_MS));
  const params = { minutes, at: slot.toISOString() };
  if (minutes < 1) return reason('available_soon', 'Free now', params);
  if (minutes < 60) return reason('available_soon', `Free in ${minutes} min`, params);
  const clock = `${pad2(slot.getUTCHours())}:${pad2(slot.getUTCMinutes())} UTC`;
  const dayOf = (d: Date): number => Math.floor(d.getTime() / DAY_MS);
  const days = dayOf(slot) - dayOf(now);
  let when: string;
  if (days <= 0) when = 'today';
  else if (days === 1) when = 'tomorrow';
  else if (days < 7) when = `on ${WEEKDAYS[slot.getUTCDay()]}`;
  else when = `on ${slot.getUTCDate()} ${MONTHS[slot.getUTCMonth()]}`;
  return reason('available_soon', `Free ${when} at ${clock}`, params);
}

const languageNames = new Intl.DisplayNames('en', { type: 'language' });

function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

const primaryTag = (code: string): string => code.trim().toLowerCase().split(/[-_]/)[0] ?? '';

/** Learner languages (non-English unless `includeEnglish`) that the mentor speaks, in learner order. */
function sharedLanguages(c: Candidate, learner: readonly string[], includeEnglish: boolean): string[] {
  const spoken = new Set(c.languages.map(primaryTag));
  const out: string[] = [];
  for (const code of learner) {
    const tag = primaryTag(code);
    if (tag === '' || (!includeEnglish && tag === 'en') || !spoken.has(tag)) continue;
    if (!out.some((o) => primaryTag(o) === tag)) out.push(code.trim());
  }
  return out;
}

function languageReason(codes: readonly string[]): Reason {
  const names = codes.map(languageName);
  return reason('language', `Speaks ${joinAnd(names)}`, {
    language: codes.join(','),
    name: names.join(', '),
  });
}

/** Simple English stem for comparing a headline word with a query term ("plans" ~ "plan"). */
function stem(word: string): string {
  return word.replace(/(ies|es|s|ing|ed)$/u, (m) => (m === 'ies' ? 'y' : '')).replace(/e$/u, '');
}

function termMatches(word: string, q: PreparedQuery): boolean {
  if (word.length < 2) return false;
  if (q.terms.has(word)) return true;
  const s = stem(word);
  if (q.termStems.has(s)) return true;
  return s.length >= 5 && q.longTerms.some((term) => s.startsWith(term) || term.startsWith(s));
}

/**
 * Profile words too broad to explain a match on their own: "Profile mentions data" or "…mentions
 * engineer" says nothing the learner can weigh. They still join a run that has a telling word
 * ("data pipelines", "slow query plans") but never make one, nor make it novel.
 */
const GENERIC_MENTION: ReadonlySet<string> = new Set(
  `ability advice app apps based build building builds business career code coding company consultant
  consulting data dev developer developers development digital engineer engineering engineers
  experience experienced expert expertise first freelance full good great hands journey job jobs junior
  lead leader leading life love online passionate people person principal professional project projects
  remote senior software solution solutions specialist staff startup step steps stuff team teams tech
  technical technology things tool tools work worked working world year years`.split(/\s+/),
);

/** Function words of every language the product speaks: never quoted, whatever the learner's. */
const QUOTE_STOP = stopWordsFor(['en', 'es', 'fr', 'pt', 'de']);

/**
 * The longest run of consecutive headline words that the query's terms match, as written
 * ("slow Postgres query plans"); a run must hold at least one telling (non-generic) word; runs
 * that add something skills did not say come first, then runs with more telling words; with
 * `requireNovel` (a skill reason already exists) a run that only repeats skill names is dropped.
 */
function headlineMention(
  headline: string,
  q: PreparedQuery,
  requireNovel: boolean,
  common: ReadonlySet<string>,
): string | null {
  const words = headline.split(/\s+/).filter((w) => w !== '');
  const runs: { text: string; novel: boolean; telling: number; length: number }[] = [];
  let current: string[] = [];
  let novel = false;
  let telling = 0;
  const flush = (): void => {
    if (current.length > 0 && telling > 0)
      runs.push({ text: current.join(' '), novel, telling, length: current.length });
    current = [];
    novel = false;
    telling = 0;
  };
  for (const raw of words) {
    const parts = slugOf(raw)
      .split('-')
      .filter((p) => p !== '');
    // A function word of any language we speak, or a word most of the tenant's profiles have,
    // is never quoted: it ends the run ("Su perfil menciona de", "…mentions foundation").
    const matched = parts.some((p) => !QUOTE_STOP.has(p) && !common.has(p) && termMatches(p, q));
    if (!matched) {
      flush();
      continue;
    }
    current.push(raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}+#]+$/gu, ''));
    const specific = parts.filter((p) => !GENERIC_MENTION.has(p));
    if (specific.length > 0) telling += 1;
    if (specific.some((p) => !q.skillWords.has(p))) novel = true;
    if (/[.!?;:,]$/u.test(raw)) flush();
  }
  flush();
  runs.sort((a, b) => Number(b.novel) - Number(a.novel) || b.telling - a.telling || b.length - a.length);
  const best = runs[0];
  if (!best || (!best.novel && requireNovel)) return null;
  return best.text.split(' ').slice(0, 5).join(' ');
}

// ---------------------------------------------------------------------------------------------
// scoreCandidates
// ---------------------------------------------------------------------------------------------

/**
 * Scores every candidate on relevance (text, skills, related skills), seniority, quality,
 * availability for the urgency, fairness (overload damping, new-mentor lift) and the learner's
 * board, combines them as documented on MATCH_WEIGHTS, and explains each with 2–4 reasons.
 * Sorted by score, best first, ties by id. Deterministic; no diversity (see `diversify`).
 * `explain: false` leaves the reasons empty (same scores and order), for a first pass.
 */
export function scoreCandidates(
  query: AnalyzedQuery,
  candidates: Candidate[],
  ctx: RankContext,
  opts: { explain?: boolean } = {},
): RankedMatch[] {
  const explain = opts.explain ?? true;
  const w = MATCH_WEIGHTS;
  const words = reasonWords(ctx.reasonLocale);
  const q = prepare(query);
  const maxText = candidates.reduce((m, c) => (Number.isFinite(c.textRank) ? Math.max(m, c.textRank) : m), 0);
  const held = candidates.map((c) => skillSet(c.skills));
  const topicals = held.map((skills) => topical(q, skills));
  const page = query.context;
  // A page topic no taxonomy knows and no candidate lists (`cnn-fine-tuning`) says nothing about
  // who fits the page: left in, it would only dilute the skills the page does name.
  const pageSkills = page?.skills.filter(
    (s) => isKnownSkill(normalOf(s.slug)) || held.some((skills) => skills.has(normalOf(s.slug))),
  );
  const pq = page && pageSkills ? prepare({ terms: [], skills: pageSkills, related: page.related }) : null;
  const pageTopicals = pq ? held.map((skills) => topical(pq, skills)) : [];

  // Relevance parts with no evidence for anyone are left out rather than counted as 0 for all.
  const textPart = maxText > 0 ? w.relevance.text : 0;
  const skillsPresent = topicals.some((t) => t.skill > 0 || t.related > 0);
  const skillPart = skillsPresent ? w.relevance.skill : 0;
  const relatedPart = skillsPresent ? w.relevance.related : 0;
  // Meaning (sentence embeddings) is a part of its own, present when semantic matching is on.
  const semanticOn = candidates.some((c) => c.meaning !== undefined);
  // Meaning matters most where words and skills say little (a paraphrase); where they are
  // strong for someone, it yields to them and only orders what they found.
  const textOf = (c: Candidate): number => {
    const text = maxText > 0 ? clamp01(c.textRank / Math.max(maxText, w.relevance.textFull)) : 0;
    // A word match whose profile means something else ("screen" for a redraw loop, to the
    // screen-reader specialist) is a false friend: with meaning known, it counts less.
    if (c.meaning === undefined) return text;
    return text * clamp01(w.meaning.textTrustBase + w.meaning.textTrustPerSd * c.meaning.standing);
  };
  const texts = candidates.map(textOf);
  const keywordStrength = candidates.reduce(
    (m, _c, i) => Math.max(m, topicals[i]?.skill ?? 0, texts[i] ?? 0),
    0,
  );
  const meaningPart = semanticOn
    ? w.relevance.meaning * (1 - w.meaning.yieldToKeywords * keywordStrength)
    : 0;
  const parts = textPart + skillPart + relatedPart + meaningPart;
  const pagePresent = pageTopicals.some((t) => t.skill > 0 || t.related > 0);
  const pageParts = w.relevance.skill + w.relevance.related;

  const availabilityWeight = w.availability[ctx.urgency];
  const secondaryMax = w.seniority + w.quality + availabilityWeight + w.newMentor + w.board;
  const maxRaw = w.relevance.weight + secondaryMax;
  const prior = Number.isFinite(ctx.priorRating) ? ctx.priorRating : w.defaultPriorRating;

  const ranked = candidates.map((c, index): RankedMatch => {
    const t = topicals[index] ?? { skill: 0, related: 0, held: [], nearest: null };
    // Relative to the best candidate, but a best that is itself one stray word stays weak.
    const text = texts[index] ?? 0;
    const standing = c.meaning?.standing ?? 0;
    const meaning = clamp01((standing - w.meaning.floor) / (w.meaning.full - w.meaning.floor));
    const asked =
      parts > 0
        ? clamp01(
            (textPart * text + skillPart * t.skill + relatedPart * t.related + meaningPart * meaning) / parts,
          )
        : 0;
    const pt = pageTopicals[index];
    const onPage = pt
      ? clamp01((w.relevance.skill * pt.skill + w.relevance.related * pt.related) / pageParts)
      : 0;
    // Evidence from the question itself. Without meaning, one stray word is all keywords can
    // say: any evidence counts. With it, a stray word must be backed by a skill or enough
    // meaning to count ("train a dragon" → not the ML mentor who "trains models").
    // Meaning is evidence only when the profile is close in absolute terms too: standing is
    // relative, and for a question nobody can answer the least unrelated profile still stands
    // out ("train a dragon" → the data analyst, 2.5 sd above a crowd of even less related ones).
    const solidMeaning =
      meaning > 0 && c.meaning !== undefined && c.meaning.similarity >= w.fit.minSimilarity;
    // A word the profile shares while its meaning is far from the question is a false friend
    // ("fetch the newspaper" → the developer who works at an online newspaper).
    const wordsCount =
      text > 0 && (c.meaning === undefined || c.meaning.similarity >= w.fit.minSimilarityForWords);
    const questionFits = semanticOn
      ? t.skill > 0 ||
        t.related > 0 ||
        (asked >= w.fit.minRelevance && (solidMeaning || (wordsCount && text >= w.fit.minText)))
      : t.skill > 0 || t.related > 0 || c.textRank > 0;
    // The question decides; the page boosts what the question found, or shares a wordy question
    // (keywords alone: when no one matches its words, the page stands in for it).
    let pageShare = 0;
    if (page?.role === 'boost' && (semanticOn ? questionFits : asked > 0))
      pageShare = w.context.boost * onPage;
    else if (page?.role === 'blend') pageShare = parts > 0 ? w.context.blend * onPage : onPage;
    const relevance =
      page?.role === 'blend' && parts > 0
        ? clamp01((1 - w.context.blend) * asked + pageShare)
        : clamp01(asked + pageShare);
    // No topical evidence in the whole set: nothing to gate on, rank on the rest.
    const gate = parts > 0 || pagePresent ? Math.min(1, relevance / w.relevance.gate) : 1;

    const senior = seniority(c.yearsExperience);
    const rating = bayesianRating(c.ratingSum, c.ratingCount, prior);
    const quality = clamp01((rating - 1) / 4);
    const availability = availabilitySignal(ctx.urgency, ctx.now, c.nextSlot);
    const overload = overloadSignal(c, ctx.medianWeekBookings);
    const missed = noShowSignal(c, ctx.now);
    const newMentor = isNewMentor(c, ctx.now) ? 1 : 0;
    const onBoard = c.board !== null && (t.skill > 0 || boardLabelMatches(c.board.label, q)) ? 1 : 0;

    const secondary =
      w.seniority * senior +
      w.quality * quality +
      availabilityWeight * availability +
      w.newMentor * newMentor +
      w.board * onBoard -
      w.overload * overload -
      w.noShow * missed;
    const raw = w.relevance.weight * relevance + gate * secondary;
    const score = clamp01(raw / maxRaw);

    const signals: Record<string, number> = {
      relevance,
      page: onPage,
      meaning,
      text,
      skill: t.skill,
      related: t.related,
      seniority: senior,
      quality,
      availability,
      overload,
      noShow: missed,
      newMentor,
      board: onBoard,
    };

    // A first pass that only orders a shortlist skips the reasons: most of the per-candidate work.
    // A wordy question without a skill shares the decision with its page: a mentor who fits the
    // page and has some evidence from the question fits too.
    const fits =
      questionFits ||
      (page?.role === 'blend' &&
        onPage > 0 &&
        asked > 0 &&
        (!semanticOn ||
          wordsCount ||
          (meaning > 0 && (c.meaning?.similarity ?? 0) >= w.fit.minSimilarityOnPage)));

    if (!explain) return { candidate: c, score, signals, reasons: [], fits };

    // Reasons, each with the score points it explains.
    const share = (part: number): number => (parts > 0 ? (w.relevance.weight * part) / parts : 0);
    const options: Candidacy[] = [];
    if (t.held.length > 0) {
      const labels = t.held.slice(0, 3).map(skillLabel);
      options.push({
        reason: reason('skill_match', `Knows ${joinAnd(labels)}`, { skills: labels.join(', ') }),
        strength: share(skillPart) * t.skill,
      });
    }
    if (t.nearest !== null) {
      const has = skillLabel(t.nearest.has);
      const near = skillLabel(t.nearest.near);
      options.push({
        reason: reason('related_skill', `Works with ${has}, close to ${near}`, { skill: has, near }),
        strength: share(relatedPart) * t.related,
      });
    }
    if (pageShare > 0 && pt && pq) {
      const fit = pt.held[0] ?? pt.nearest?.has;
      if (fit !== undefined) {
        const label = skillLabel(fit);
        options.push({
          reason: reason('page_context', words.page(label), { skill: label }),
          strength: w.relevance.weight * pageShare,
        });
      }
    }
    const sentence = c.meaning?.sentence;
    if (sentence && standing >= w.fit.quoteStanding) {
      options.push({
        reason: reason('wrote', words.wrote(sentence), { sentence }),
        strength: share(meaningPart) * meaning,
      });
    }
    const mention =
      text > 0 ? headlineMention(c.headline, q, t.held.length > 0, ctx.commonWords ?? NONE) : null;
    if (mention !== null) {
      options.push({
        reason: reason('text_match', `Profile mentions ${mention}`, { terms: mention }),
        strength: share(textPart) * text,
      });
    }
    if (c.nextSlot instanceof Date && availability > 0) {
      options.push({
        reason: availableReason(c.nextSlot, ctx.now),
        strength: gate * availabilityWeight * availability,
      });
    }
    if (onBoard > 0 && c.board !== null) {
      options.push({
        reason: reason('on_board', c.board.label ? `On your board for ${c.board.label}` : 'On your board', {
          label: c.board.label,
        }),
        strength: gate * w.board,
      });
    }
    const languages = sharedLanguages(c, ctx.learnerLanguages, false);
    if (languages.length > 0) options.push({ reason: languageReason(languages), strength: w.languageReason });
    if (c.ratingCount >= w.ratingReasonMinCount) {
      const mean = Math.round((c.ratingSum / c.ratingCount) * 10) / 10;
      options.push({
        reason: reason('rating', `Rated ${mean.toFixed(1)} from ${c.ratingCount} sessions`, {
          rating: mean,
          count: c.ratingCount,
        }),
        strength: gate * w.quality * quality,
      });
    }
    if (newMentor > 0)
      options.push({ reason: reason('new_mentor', 'New mentor'), strength: gate * w.newMentor });
    if (c.yearsExperience >= 1) {
      options.push({ reason: experienceReason(c.yearsExperience), strength: gate * w.seniority * senior });
    }

    return { candidate: c, score, signals, reasons: pickReasons(options, c, ctx), fits };
  });

  ranked.sort((a, b) => b.score - a.score || byId(a.candidate.id, b.candidate.id));
  return ranked;
}

/**
 * The most telling 2–4 reasons. Below 2, plain facts fill in: experience, the next slot, a shared
 * language (English included), and as a last resort the rating however few ratings there are.
 */
function pickReasons(options: Candidacy[], c: Candidate, ctx: RankContext): Reason[] {
  const order = (code: string): number => REASON_ORDER.indexOf(code as ReasonCode);
  const picked = [...options]
    .sort((a, b) => b.strength - a.strength || order(a.reason.code) - order(b.reason.code))
    .slice(0, MATCH_WEIGHTS.maxReasons)
    .map((o) => o.reason);
  const fallbacks: (() => Reason | null)[] = [
    () => experienceReason(c.yearsExperience),
    () => (c.nextSlot instanceof Date ? availableReason(c.nextSlot, ctx.now) : null),
    () => {
      const shared = sharedLanguages(c, ctx.learnerLanguages, true);
      const spoken = shared.length > 0 ? shared : c.languages.slice(0, 1);
      return spoken.length > 0 ? languageReason(spoken) : null;
    },
    // Always available, so the guarantee holds even for a profile with nothing else to say.
    () => {
      if (c.ratingCount <= 0) return reason('rating', 'Not rated yet', { rating: 0, count: 0 });
      const mean = Math.round((c.ratingSum / c.ratingCount) * 10) / 10;
      const noun = c.ratingCount === 1 ? 'session' : 'sessions';
      return reason('rating', `Rated ${mean.toFixed(1)} from ${c.ratingCount} ${noun}`, {
        rating: mean,
        count: c.ratingCount,
      });
    },
  ];
  for (const next of fallbacks) {
    if (picked.length >= MATCH_WEIGHTS.minReasons) break;
    const fallback = next();
    if (fallback !== null && !picked.some((r) => r.code === fallback.code)) picked.push(fallback);
  }
  return picked;
}

// ---------------------------------------------------------------------------------------------
// diversify
// ---------------------------------------------------------------------------------------------

const HEADLINE_STOP: ReadonlySet<string> = new Set(
  'and the with for who from into your you our are that this has have was not but all any can'.split(' '),
);

function headlineWords(headline: string): Set<string> {
  return new Set(
    slugOf(headline)
      .split('-')
      .filter((w) => w.length >= 3 && !HEADLINE_STOP.has(w)),
  );
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Maximal marginal relevance: picks `k` matches one by one, each maximising
 * λ·(score / best score) − (1 − λ)·(similarity to the closest one already picked), where the
 * similarity of two mentors is the Jaccard index of their skills (85 %) and of their headline
 * words (15 %). A near-clone of a picked mentor thus gives way only to a comparably good
 * alternative. Deterministic: ties go to the higher score, then the lower id.
 */
export function diversify(
  ranked: RankedMatch[],
  k: number,
  lambda: number = MATCH_WEIGHTS.mmrLambda,
): RankedMatch[] {
  const count = Math.min(Math.max(0, Math.floor(k)), ranked.length);
  if (count === 0) return [];
  const lam = clamp01(lambda);
  const top = ranked.reduce((m, r) => Math.max(m, r.score), 0);
  const profiles = ranked.map((r) => ({
    match: r,
    relevance: top > 0 ? r.score / top : 0,
    skills: skillSet(r.candidate.skills),
    words: headlineWords(r.candidate.headline),
    closest: 0,
  }));
  const similarity = (a: (typeof profiles)[number], b: (typeof profiles)[number]): number =>
    MATCH_WEIGHTS.mmrSkillShare * jaccard(a.skills, b.skills) +
    MATCH_WEIGHTS.mmrHeadlineShare * jaccard(a.words, b.words);

  const remaining = [...profiles];
  const picked: RankedMatch[] = [];
  while (picked.length < count && remaining.length > 0) {
    let bestIndex = 0;
    let bestValue = Number.NEGATIVE_INFINITY;
    remaining.forEach((p, i) => {
      const value = lam * p.relevance - (1 - lam) * p.closest;
      const best = remaining[bestIndex];
      const better =
        value > bestValue ||
        (value === bestValue &&
          best !== undefined &&
          (p.match.score > best.match.score ||
            (p.match.score === best.match.score && byId(p.match.candidate.id, best.match.candidate.id) < 0)));
      if (better) {
        bestIndex = i;
        bestValue = value;
      }
    });
    const [chosen] = remaining.splice(bestIndex, 1);
    if (!chosen) break;
    picked.push(chosen.match);
    for (const p of remaining) p.closest = Math.max(p.closest, similarity(p, chosen));
  }
  return picked;
}
