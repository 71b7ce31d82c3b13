import { isKnownSkill, normalizeSkill, relatedSkills, slugifySkill } from '../skills/normalize.js';
import { SKILL_AREAS, SKILLS } from '../skills/taxonomy.js';
import { likelyLanguage, stopWordsFor } from './stopwords.js';
import { trigrams } from './trigram.js';
import { MATCH_WEIGHTS } from './weights.js';

/** What the learner told us about their problem, as the widget sends it. */
export interface MatchQueryInput {
  title: string;
  details: string;
  /** Skills picked explicitly (free text allowed; normalised here). */
  skills?: string[];
  /** The widget's topic for the page the learner is on, e.g. `sql-joins`. */
  topic?: string;
  /** Text the learner had selected on the page (often a code or error snippet). */
  selection?: string;
  pageTitle?: string;
  /**
   * The LMS's course id, read as words when it has any (`machine-learning-with-scikit-learn`):
   * the course says which field the page is in when its topic is a skill no taxonomy knows
   * (`cross-validation`). An opaque id (`course-v1:42`) names nothing and changes nothing.
   */
  course?: string;
  /** The learner's languages (BCP 47), for their stopwords; English is always included. */
  languages?: string[];
}

export interface QuerySkill {
  slug: string;
  weight: number;
  source: 'explicit' | 'text' | 'fuzzy' | 'topic';
  /** What the learner wrote that produced this skill (the raw skill, topic, phrase or typo). */
  matchedAs: string;
}

export interface AnalyzedQuery {
  /** Lowercase alphanumeric words for an OR full-text query: stop words out, ≥ 2 chars, unique, ≤ 40. */
  terms: string[];
  /** Requested skills, strongest first. */
  skills: QuerySkill[];
  /** Taxonomy neighbours of the requested skills that were not requested themselves, strongest first. */
  related: { slug: string; weight: number; via: string }[];
  /**
   * The page the learner asked from (topic, page title), kept apart from the question so that it
   * cannot outvote it; absent when the page names no skill, or when the question says nothing
   * topical at all and the page stands in for it (then it is merged into the fields above).
   */
  context?: PageContext;
}

/** How much the page may weigh: see CONTEXT_ROLES on MATCH_WEIGHTS. */
export type ContextRole = 'boost' | 'blend';

export interface PageContext {
  role: ContextRole;
  skills: QuerySkill[];
  related: { slug: string; weight: number; via: string }[];
}

type Source = QuerySkill['source'];
const SOURCE_RANK: Readonly<Record<Source, number>> = { explicit: 0, topic: 1, text: 2, fuzzy: 3 };
const W = MATCH_WEIGHTS.query;

// ---------------------------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------------------------

/**
 * Words that carry no topic: English function words, contractions as slugified (`don't` → `dont`)
 * and the filler of help requests ("hi, I'm stuck, please help"). Also the platform's own words
 * (`mentor`, `session`): every mentor profile has them, so as OR terms they only add noise.
 */
const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above actually after again against all already also always am an and any anyone anything
  are aren around as asap at basically be because been before being below best better between big bit
  both but by call can cannot cant could couldn currently day days did didn do does doesn doing don dont
  down during each eg else etc even ever every everything few figure for from further get gets
  getting got gotten had hadn has hasn have haven having he hello help helping helps her here hers
  herself hey hi him himself his how however i id ie if ill im in into is isn issue issues it its itself
  ive just keep keeps kind know learn let lets like lot lots make makes many may maybe me mentor mentors
  mentoring mentorship might more most much must my myself need needed needs never new no nor not
  nothing now of off ok okay on once one only or other our ours out over own please pls problem problems
  question questions quick quickly quite rather re really same see seem seems session sessions she should
  shouldn since small so some somebody someone something somehow still stuck such sure than thank thanks
  that thats the their theirs them then there these they thing things this those though through thx time
  to today tomorrow too tried try trying understand under until up urgent us use used using very via
  vs want wanted wants was wasn way we week well were weren what whats when where which while who whom why
  will with within without won wont would wouldn yet you your yours yourself`.split(/\s+/),
);

/**
 * Words about the learning situation, not its topic ("the video goes too fast, can someone
 * explain this part slower?"): they neither search nor count as the learner naming a topic. As
 * OR terms they only found noise ("explain" → mentors who read EXPLAIN plans).
 */
const LEARNING_FILLER: ReadonlySet<string> = new Set(
  `chapter confused confusing course courses doing exercise exercises explanation goes lecture lesson lessons mean means meant module part says slide slides slower
  unclear video videos work works`.split(/\s+/),
);

/** Words that point at the page ("what does this mean", "mine says 0/1 Ready"). */
const DEICTIC: ReadonlySet<string> = new Set([
  'this',
  'these',
  'that',
  'here',
  'it',
  'mine',
  'above',
  'below',
]);

/**
 * A learner who points at the page in a few words ("why does this not work on my phone") asks
 * about the page: at most this many topical words of their own, and a word like "this".
 */
const POINTING_MAX_TERMS = 2;

/**
 * Ambiguous skill words, as they appear alone in free text. Explicit skills and the topic always
 * count; so does any multi-word or fused form (`golang`, `go lang`, `spring boot`, `express.js`,
 * `rest api`, `r language`). A lone word counts only as described per group:
 *
 * - LANGUAGE_WORDS (`go`, `r`, `c`, `rest`): only when followed by a technical noun ("Go service",
 *   "R script", "REST endpoint") or written capitalised after a lead-in ("in Go", "using R").
 *   So "I want to go" and "plan C" never become skills.
 * - PROPER_WORDS (everyday words that are also product names: `react`, `swift`, `rust`, `spring`,
 *   `express`, `rails`, `excel`, `node`…): also when capitalised ("Rust", "React"), after a
 *   lead-in ("with react", "learning rust"), or when the same request names another technical
 *   skill unambiguously ("react" next to "TypeScript"). "How do I react to feedback" stays clear.
 * - NEVER_ALONE (`lit`, `iam`, `stride`, `speaking`, `growth`, `coaching`…): never from a lone word.
 *
 * None of them, nor any alias of their skills, is ever a target of typo repair (`rusty` is not Rust,
 * `expressed` not express.js).
 */
const LANGUAGE_WORDS: ReadonlySet<string> = new Set(['go', 'r', 'c', 'rest']);
const PROPER_WORDS: ReadonlySet<string> = new Set([
  'react',
  'swift',
  'rust',
  'spring',
  'express',
  'rails',
  'ruby',
  'flask',
  'spark',
  'helm',
  'torch',
  'dart',
  'node',
  'excel',
  'snowflake',
  'pg',
  'dynamo',
  'mongoose',
]);
const NEVER_ALONE: ReadonlySet<string> = new Set([
  'lit',
  'dl',
  'fp',
  'iam',
  'stride',
  'speaking',
  'prompting',
  'coaching',
  'growth',
  'mentoring',
  'mentorship',
]);

/**
 * Design words that name the skill alone ("our UI looks dated") but not when engineering follows:
 * "the UI code", "the UI thread", "UI tests" are about building the interface, not designing it.
 */
const DESIGN_WORDS: ReadonlySet<string> = new Set(['ui']);
const ENGINEERING_NOUNS: ReadonlySet<string> = new Set(
  `bug bugs code codebase framework frameworks layer library libraries logic test tests thread threads
  toolkit`.split(/\s+/),
);

/** Right after an ambiguous skill word, these make it read as technology: "Go service", "React app". */
const TECH_NOUNS: ReadonlySet<string> = new Set(
  `api apis app apps application applications backend binary bug bugs cli code codebase coding compiler
  component components controller controllers course crate crates developer developers dev endpoint
  endpoints error errors framework frontend function functions generics goroutine goroutines interface
  interfaces lang language library libraries microservice microservices module modules package
  packages program programming programs project projects repo runtime script scripts sdk server
  servers service services struct structs syntax test tests toolchain tutorial version handler handlers
  middleware`.split(/\s+/),
);

/** Right before an ambiguous skill word, these make it read as technology: "in Go", "learning Rust". */
const LEAD_INS: ReadonlySet<string> = new Set([
  'in',
  'with',
  'using',
  'use',
  'learn',
  'learning',
  'about',
  'write',
  'writing',
  'code',
  'coding',
]);

/**
 * Everyday words one edit away from a skill alias, never "repaired": `scale` is not Scala, `query`
 * not jQuery, `threats` not threads, `catching` not caching. Found by running typo repair over the
 * ~7,500 most frequent words of English documentation and keeping the false friends.
 */
const FUZZY_STOP: ReadonlySet<string> = new Set(
  `catching clutter contained contains exiting fronts joints linus logging logic nesting nodes preventing
  profiting promoting query representation representations representing resting resumed scalar scale
  scaled scales starts stars state states status terminate texting threats treads vesting`.split(/\s+/),
);

// ---------------------------------------------------------------------------------------------
// Alias index built from the taxonomy
// ---------------------------------------------------------------------------------------------

/** Slugified alias (slug, label or synonym) → canonical slug; the same folding as normalizeSkill. */
const ALIASES: ReadonlyMap<string, string> = buildAliases();
/** Aliases with their dashes removed (`reacthooks`, `javascript`), ambiguous compact forms dropped. */
const COMPACT: ReadonlyMap<string, string> = buildCompact();
/** Longest alias in tokens: how far n-gram matching has to look. */
const MAX_ALIAS_TOKENS = Math.max(...[...ALIASES.keys()].map((k) => k.split('-').length));
/** Canonical slugs of technical areas, for the "another technical skill nearby" context rule. */
const TECH_SLUGS: ReadonlySet<string> = new Set(
  Object.entries(SKILL_AREAS)
    .filter(([area]) => !['Design', 'Product', 'Careers', 'Leadership', 'Writing'].includes(area))
    .flatMap(([, slugs]) => slugs),
);

function buildAliases(): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const slug of Object.keys(SKILLS)) aliases.set(slug, slug);
  for (const [slug, entry] of Object.entries(SKILLS)) {
    for (const alias of [entry.label, ...entry.synonyms]) {
      const key = slugifySkill(alias);
      if (key !== '' && !aliases.has(key)) aliases.set(key, slug);
    }
  }
  return aliases;
}

function buildCompact(): Map<string, string> {
  const compact = new Map<string, string | null>();
  for (const [key, slug] of ALIASES) {
    const fused = key.replaceAll('-', '');
    const seen = compact.get(fused);
    if (seen === undefined) compact.set(fused, slug);
    else if (seen !== slug) compact.set(fused, null);
  }
  const out = new Map<string, string>();
  for (const [fused, slug] of compact) if (slug !== null) out.set(fused, slug);
  return out;
}

/**
 * Everyday words that are also the stem of a gerund skill name, never read as that skill: a
 * "network error" is not networking, "my profile" not profiling, "the array index" not indexing.
 */
const INFLECTION_STOP: ReadonlySet<string> = new Set(
  `coach edit index mentor monitor network present profile speak test`.split(/\s+/),
);

/**
 * The other forms of a one-word gerund skill name ("hiring", "interviewing", "debugging"): the
 * learner writes "hire", "interviews", "debugged". Crude on purpose: -ing, -ed, -es/-s, a final e
 * and a doubled final consonant come off; a form shared by two skills, or an everyday word (see
 * INFLECTION_STOP), is left out.
 */
function stem(word: string): string {
  let w = word;
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('es')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 3 && /([b-df-hj-np-tv-z])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** Stem → skill, for gerund aliases of one word (the forms `stem` folds together). */
const INFLECTED: ReadonlyMap<string, string> = (() => {
  const byStem = new Map<string, string | null>();
  for (const [key, slug] of ALIASES) {
    if (key.includes('-') || !key.endsWith('ing') || key.length < 6 || isAmbiguousWord(key)) continue;
    const root = stem(key);
    if (INFLECTION_STOP.has(root) || STOP_WORDS.has(root)) continue;
    const seen = byStem.get(root);
    byStem.set(root, seen === undefined || seen === slug ? slug : null);
  }
  const out = new Map<string, string>();
  for (const [root, slug] of byStem) if (slug !== null) out.set(root, slug);
  return out;
})();

interface FuzzyTarget {
  key: string;
  slug: string;
  grams: ReadonlySet<string>;
}

/** One-word aliases that typo repair may land on (ambiguous words excluded), with a trigram index. */
const FUZZY_TARGETS: readonly FuzzyTarget[] = [...ALIASES]
  .filter(
    ([key, slug]) => !key.includes('-') && key.length >= 3 && !isAmbiguousWord(key) && !isAmbiguousWord(slug),
  )
  .map(([key, slug]) => ({ key, slug, grams: trigrams(key) }));
const FUZZY_INDEX: ReadonlyMap<string, readonly number[]> = (() => {
  const index = new Map<string, number[]>();
  FUZZY_TARGETS.forEach((target, i) => {
    for (const gram of target.grams) {
      const list = index.get(gram);
      if (list) list.push(i);
      else index.set(gram, [i]);
    }
  });
  return index;
})();

function isAmbiguousWord(word: string): boolean {
  return (
    LANGUAGE_WORDS.has(word) || PROPER_WORDS.has(word) || NEVER_ALONE.has(word) || DESIGN_WORDS.has(word)
  );
}

// ---------------------------------------------------------------------------------------------
// Tokenising
// ---------------------------------------------------------------------------------------------

interface Token {
  /** Lowercase alphanumeric piece as slugifySkill produces it (`C++` → `cpp`, `Node.js` → `nodejs`). */
  part: string;
  /** The written word was capitalised (`Go`, `React`), for the ambiguity rules. */
  capitalised: boolean;
}

/** Memoised slugifySkill per written word (the hot spot of analysis); bounded. */
const wordSlugs = new Map<string, string>();
function slugOfWord(word: string): string {
  let slug = wordSlugs.get(word);
  if (slug === undefined) {
    if (wordSlugs.size >= 20_000) wordSlugs.clear();
    slug = slugifySkill(word);
    wordSlugs.set(word, slug);
  }
  return slug;
}

const DOT_INSIDE = /(?<=[\p{L}\p{N}])\.(?=\p{L})/u;

/**
 * A word's pieces. A dot inside a word fuses it when that names a skill (`Node.js` → `nodejs`);
 * otherwise it separates words, as in code: `jest.mock` → `jest`, `mock`; `db.Query` → `db`, `query`.
 */
function dottedParts(word: string): string[] {
  const fused = slugOfWord(word).split('-');
  if (!DOT_INSIDE.test(word) || fused.some((part) => ALIASES.has(part) || COMPACT.has(part))) return fused;
  return word.split(DOT_INSIDE).flatMap((piece) => slugOfWord(piece).split('-'));
}

/** Sentence punctuation (before a space or the end), line breaks and brackets end a phrase. */
const SEGMENT_BREAK = /[.!?;:,]+(?=\s|$)|[\r\n()[\]{}<>"“”|]+/u;

/**
 * Splits text into phrase segments of tokens; n-grams never cross a segment boundary. `code`
 * splits dotted code words (`jest.mock`, `api.js`) for skill detection; search terms keep them
 * whole (their pieces are mostly everyday words: `Image.network`).
 */
function tokenize(text: string, code = false): Token[][] {
  const segments: Token[][] = [];
  for (const segment of text.split(SEGMENT_BREAK)) {
    const tokens: Token[] = [];
    for (const word of segment.split(/\s+/)) {
      if (word === '') continue;
      const capitalised = /^\P{L}*\p{Lu}/u.test(word);
      const stem = word.replace(/['’]s$/iu, '');
      for (const part of code ? dottedParts(stem) : slugOfWord(stem).split('-')) {
        if (part !== '') tokens.push({ part, capitalised });
      }
    }
    if (tokens.length > 0) segments.push(tokens);
  }
  return segments;
}

// ---------------------------------------------------------------------------------------------
// Skill detection
// ---------------------------------------------------------------------------------------------

interface Hit {
  slug: string;
  start: number;
  end: number;
  /** A lone word whose alias is ambiguous: needs the context rules. */
  ambiguousWord: string | null;
}

/** Every alias occurrence in a segment, single words and phrases, fused forms included. */
function findHits(tokens: readonly Token[]): Hit[] {
  const hits: Hit[] = [];
  for (let len = Math.min(MAX_ALIAS_TOKENS, tokens.length); len >= 1; len--) {
    for (let start = 0; start + len <= tokens.length; start++) {
      const parts = tokens.slice(start, start + len).map((t) => t.part);
      const key = parts.join('-');
      let slug = ALIASES.get(key);
      let fused = false;
      let inflected = false;
      if (slug === undefined) {
        const joined = parts.join('');
        // "java script" → javascript, "reacthooks" → react-hooks; but not "my sql" → mysql.
        const fusable = len === 1 ? joined.length >= 5 : parts.every((p) => !STOP_WORDS.has(p));
        if (fusable) {
          slug = COMPACT.get(joined);
          fused = slug !== undefined;
        }
      }
      if (slug === undefined && len === 1 && key.length >= 4 && !INFLECTION_STOP.has(key)) {
        slug = INFLECTED.get(stem(key));
        inflected = slug !== undefined;
      }
      if (slug === undefined) continue;
      const ambiguousWord = len === 1 && !fused && !inflected && isAmbiguousWord(key) ? key : null;
      hits.push({ slug, start, end: start + len, ambiguousWord });
    }
  }
  return hits;
}

/** Whether an ambiguous lone word at `i` reads as the technology (see the word lists above). */
function clearlyTech(tokens: readonly Token[], i: number, word: string, techContext: boolean): boolean {
  if (NEVER_ALONE.has(word)) return false;
  const token = tokens[i];
  const next = tokens[i + 1]?.part;
  if (DESIGN_WORDS.has(word)) return next === undefined || !ENGINEERING_NOUNS.has(next);
  const prev = tokens[i - 1]?.part;
  if (next !== undefined && TECH_NOUNS.has(next)) return true;
  const leadIn = prev !== undefined && LEAD_INS.has(prev);
  if (LANGUAGE_WORDS.has(word)) return leadIn && token?.capitalised === true;
  return leadIn || token?.capitalised === true || techContext;
}

interface Found {
  slug: string;
  weight: number;
  source: Source;
  matchedAs: string;
  order: number;
}

class SkillSet {
  private readonly bySlug = new Map<string, Found>();
  private order = 0;

  add(slug: string, weight: number, source: Source, matchedAs: string): void {
    if (slug === '') return;
    const prev = this.bySlug.get(slug);
    const better =
      prev === undefined ||
      weight > prev.weight ||
      (weight === prev.weight && SOURCE_RANK[source] < SOURCE_RANK[prev.source]);
    if (better)
      this.bySlug.set(slug, { slug, weight, source, matchedAs, order: prev?.order ?? this.order++ });
  }

  has(slug: string): boolean {
    return this.bySlug.has(slug);
  }

  slugs(): string[] {
    return [...this.bySlug.keys()];
  }

  sorted(): QuerySkill[] {
    return [...this.bySlug.values()]
      .sort(
        (a, b) => b.weight - a.weight || SOURCE_RANK[a.source] - SOURCE_RANK[b.source] || a.order - b.order,
      )
      .map(({ slug, weight, source, matchedAs }) => ({ slug, weight, source, matchedAs }));
  }
}

/**
 * Edits allowed between a word and the alias it is repaired to: one up to 7 letters, two beyond.
 * Trigram similarity finds the candidates; this rules out words that merely share a stem with a
 * skill name ("started" / startups, "working" / networking) rather than misspelling it.
 */
function maxEdits(length: number): number {
  return length <= 7 ? 1 : 2;
}

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), capped at limit + 1. */
function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let before: number[] = [];
  let prev: number[] = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
        d = Math.min(d, (before[j - 2] ?? 0) + 1);
      }
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    before = prev;
    prev = row;
  }
  return Math.min(prev[y.length] ?? 0, limit + 1);
}

/**
 * The one-word alias `word` is most likely a typo of: pg_trgm similarity ≥ the threshold, within
 * maxEdits, best similarity first (ties: slug, then alias, so the result is deterministic).
 */
function fuzzyMatch(word: string): { slug: string; similarity: number } | null {
  const grams = trigrams(word);
  const shared = new Map<number, number>();
  for (const gram of grams) {
    for (const i of FUZZY_INDEX.get(gram) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
  }
  const limit = maxEdits(Array.from(word).length);
  let best: { target: FuzzyTarget; similarity: number } | null = null;
  for (const [i, count] of shared) {
    const target = FUZZY_TARGETS[i];
    if (target === undefined) continue;
    const similarity = count / (grams.size + target.grams.size - count);
    if (similarity < W.fuzzyThreshold) continue;
    const better =
      best === null ||
      similarity > best.similarity ||
      (similarity === best.similarity &&
        (target.slug < best.target.slug ||
          (target.slug === best.target.slug && target.key < best.target.key)));
    if (better && editDistance(word, target.key, limit) <= limit) best = { target, similarity };
  }
  return best === null ? null : { slug: best.target.slug, similarity: best.similarity };
}

// ---------------------------------------------------------------------------------------------
// analyzeQuery
// ---------------------------------------------------------------------------------------------

interface SkillSources {
  explicit?: readonly string[];
  topic?: string;
  texts: readonly string[];
  /** A technical skill is asked for elsewhere (the page, for the question): "react" reads as React. */
  techElsewhere?: boolean;
}

interface DetectedSkills {
  skills: QuerySkill[];
  related: { slug: string; weight: number; via: string }[];
}

/**
 * Skills, strongest first, from the explicit `skills` (weight 1), the `topic` (1), aliases
 * written in the text (0.9; 0.6 for a word inside a longer matched phrase, e.g. "react" in
 * "React hooks"), then typo repair by trigram similarity for words of ≥ 5 letters nothing else
 * matched (0.7). Ambiguous words follow the rules documented on LANGUAGE_WORDS above.
 */
function detectSkills(sources: SkillSources): DetectedSkills {
  const found = new SkillSet();

  for (const raw of sources.explicit ?? []) {
    const slug = normalizeSkill(raw);
    if (slug !== '') found.add(slug, W.explicit, 'explicit', raw.trim());
  }

  const topic = sources.topic?.trim() ?? '';
  if (topic !== '') {
    const slug = normalizeSkill(topic);
    if (isKnownSkill(slug)) {
      found.add(slug, W.topic, 'topic', topic);
    } else {
      // A free-form topic ("Joins in Postgres"): take the skills it names, ambiguous words included.
      const inTopic = tokenize(topic).flatMap((tokens) => findHits(tokens));
      for (const hit of inTopic) found.add(hit.slug, W.topic, 'topic', topic);
      if (inTopic.length === 0 && slug !== '') found.add(slug, W.topic, 'topic', topic);
    }
  }

  const segments = sources.texts.flatMap((text) => tokenize(text, true));
  const segmentHits = segments.map((tokens) => findHits(tokens));

  // Technical context for proper-noun words: a technical skill asked for unambiguously.
  const techContext =
    sources.techElsewhere === true ||
    found.slugs().some((slug) => TECH_SLUGS.has(slug)) ||
    segmentHits.some((hits) => hits.some((h) => h.ambiguousWord === null && TECH_SLUGS.has(h.slug)));

  const covered = new Set<string>();
  segments.forEach((tokens, s) => {
    const hits = segmentHits[s] ?? [];
    for (const hit of hits) {
      for (let i = hit.start; i < hit.end; i++) covered.add(tokens[i]?.part ?? '');
      if (hit.ambiguousWord !== null && !clearlyTech(tokens, hit.start, hit.ambiguousWord, techContext)) {
        continue;
      }
      const subsumed = hits.some(
        (other) =>
          other.end - other.start > hit.end - hit.start && other.start <= hit.start && other.end >= hit.end,
      );
      const matchedAs = tokens
        .slice(hit.start, hit.end)
        .map((t) => t.part)
        .join(' ');
      found.add(hit.slug, subsumed ? W.textSubsumed : W.text, 'text', matchedAs);
    }
  });

  // Typo repair for the words nothing matched.
  const tried = new Set<string>();
  for (const tokens of segments) {
    for (const { part } of tokens) {
      if (tried.has(part) || covered.has(part)) continue;
      tried.add(part);
      if (Array.from(part).length < W.fuzzyMinLength || STOP_WORDS.has(part) || FUZZY_STOP.has(part))
        continue;
      if (!/^\p{L}/u.test(part)) continue;
      const match = fuzzyMatch(part);
      if (match && !found.has(match.slug)) found.add(match.slug, W.fuzzy, 'fuzzy', part);
    }
  }

  const skills = found.sorted().slice(0, W.maxSkills);
  return { skills, related: relatedOf(skills) };
}

/** Taxonomy neighbours of the skills that are not among them, strongest first. */
function relatedOf(skills: readonly QuerySkill[]): { slug: string; weight: number; via: string }[] {
  const requested = new Set(skills.map((s) => s.slug));
  const related = new Map<string, { slug: string; weight: number; via: string }>();
  for (const skill of skills) {
    for (const slug of relatedSkills(skill.slug)) {
      if (requested.has(slug)) continue;
      const weight = W.related * skill.weight;
      const prev = related.get(slug);
      if (prev === undefined || weight > prev.weight) related.set(slug, { slug, weight, via: skill.slug });
    }
  }
  const relatedList = [...related.values()];
  const relatedOrder = new Map(relatedList.map((r, i) => [r.slug, i]));
  relatedList.sort(
    (a, b) => b.weight - a.weight || (relatedOrder.get(a.slug) ?? 0) - (relatedOrder.get(b.slug) ?? 0),
  );
  return relatedList;
}

/**
 * Reads a learner's own description of their problem into what matching needs: words for full
 * text search, the skills they ask about (with how sure we are) and the skills next to those.
 *
 * The question (title, details, the text they selected, the skills they picked) decides; the
 * page they asked from (topic, page title) is read apart, as `context`, and may only add a small
 * boost to mentors the question already found (`boost`), or share the decision when the question
 * names no skill (`blend`). A question with no topical word at all ("Stuck here", "help") is all
 * page: the page then stands in for it, as the only evidence there is.
 */
export function analyzeQuery(input: MatchQueryInput): AnalyzedQuery {
  // The learner's languages, and the one the question is written in: "¿Cómo entreno a un dragón
  // para…" from a learner whose settings say English must not search for "un", "para", "el".
  const written = likelyLanguage([input.title, input.details].join('\n'));
  const stop = stopWordsFor([...(input.languages ?? []), written]);
  const pageTexts = [input.pageTitle ?? '', input.course ?? ''];
  const page = detectSkills({ topic: input.topic, texts: pageTexts });
  const question = detectSkills({
    explicit: input.skills,
    texts: [input.title, input.details, input.selection ?? ''],
    techElsewhere: page.skills.some((s) => TECH_SLUGS.has(s.slug)),
  });
  const questionTerms = buildTerms(
    [input.title, ...(input.skills ?? []), input.details, input.selection ?? ''],
    question.skills,
    stop,
  );

  if (question.skills.length === 0 && pointsAtPage(input, stop)) {
    // The learner's own words say nothing topical, or point at the page: the page (and the text
    // they selected on it) is the question.
    // Nothing in their words named a skill (explicit skills never point at the page), so the
    // page's own skills are all there is: no third pass over the same texts.
    const terms = buildTerms(
      [
        input.title,
        input.topic ?? '',
        ...(input.skills ?? []),
        input.details,
        input.selection ?? '',
        input.pageTitle ?? '',
      ],
      page.skills,
      stop,
    );
    return { terms, skills: page.skills, related: page.related };
  }

  const asked = new Set(question.skills.map((s) => s.slug));
  const pageSkills = page.skills.filter((s) => !asked.has(s.slug));
  const analyzed: AnalyzedQuery = {
    terms: questionTerms,
    skills: question.skills,
    related: question.related,
  };
  if (pageSkills.length > 0) {
    analyzed.context = {
      role: question.skills.length > 0 ? 'boost' : 'blend',
      skills: pageSkills,
      related: relatedOf(pageSkills).filter((r) => !asked.has(r.slug)),
    };
  }
  return analyzed;
}

/** The learner's own words (title, details) have no topical word, or a few and a "this". */
function pointsAtPage(input: MatchQueryInput, stop: ReadonlySet<string>): boolean {
  if ((input.skills ?? []).length > 0) return false;
  const own = buildTerms([input.title, input.details], [], stop);
  if (own.length === 0) return true;
  const words = [input.title, input.details].flatMap((text) =>
    tokenize(text)
      .flat()
      .map((t) => t.part),
  );
  return own.length <= POINTING_MAX_TERMS && words.some((word) => DEICTIC.has(word));
}

/**
 * OR terms, most important first so the cap keeps them: the texts in the order given, the
 * canonical words of every requested skill after the first (so "postgress" also searches
 * "postgresql"). Ambiguous words ("go", "react" in "react to feedback") are dropped unless they
 * were accepted as a skill: a word that is not the technology must not search for it.
 */
function buildTerms(
  texts: readonly string[],
  skills: readonly QuerySkill[],
  stop: ReadonlySet<string>,
): string[] {
  const [first = '', ...rest] = texts;
  const sources = [first, ...skills.map((s) => s.slug), ...rest];
  const accepted = new Set(skills.flatMap((s) => s.slug.split('-')));
  const terms = new Set<string>();
  for (const source of sources) {
    for (const segment of tokenize(source)) {
      for (const { part } of segment) {
        if (terms.size >= W.maxTerms) return [...terms];
        if (
          Array.from(part).length < 2 ||
          STOP_WORDS.has(part) ||
          stop.has(part) ||
          LEARNING_FILLER.has(part)
        )
          continue;
        if (isAmbiguousWord(part) && !accepted.has(part)) continue;
        terms.add(part);
      }
    }
  }
  return [...terms];
}
