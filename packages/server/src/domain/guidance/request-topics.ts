import { normalizeSkill, slugifySkill } from '../skills/normalize.js';
import { SKILLS } from '../skills/taxonomy.js';

/** What one stored help request says about its topic. */
export interface RequestTopicSource {
  /** The skills stored on the request (normalized when it was made). */
  skills: readonly string[];
  title: string;
  /** The page's topic the widget sent (`context.topic`), if any. */
  pageTopic?: string | null | undefined;
}

/** At most this many topics per request: a request about five things says little about each. */
export const MAX_TOPICS_PER_REQUEST = 3;

/**
 * Single words that name a skill but mean something else in a sentence ("how do I *go* about…",
 * "*express* my concerns"); they count as topics only when picked as skills.
 */
const AMBIGUOUS_WORDS: ReadonlySet<string> = new Set([
  'go',
  'c',
  'r',
  'express',
  'spring',
  'swift',
  'rest',
  'growth',
  'feedback',
  'editing',
  'testing',
  'debugging',
  'communication',
  'coaching',
  'mentoring',
  'hiring',
  'privacy',
  'analytics',
  'networking',
  'documentation',
  'prioritization',
  'interviewing',
  'blogging',
  'freelancing',
]);

/** Slugified label or synonym (one to three words) → canonical slug, for reading titles. */
const PHRASES: ReadonlyMap<string, string> = buildPhrases();

function buildPhrases(): Map<string, string> {
  const phrases = new Map<string, string>();
  for (const [slug, entry] of Object.entries(SKILLS)) {
    for (const alias of [slug, entry.label, ...entry.synonyms]) {
      const key = slugifySkill(alias);
      const words = key.split('-').length;
      if (key === '' || words > 3 || (words === 1 && AMBIGUOUS_WORDS.has(key))) continue;
      if (!phrases.has(key)) phrases.set(key, slug);
    }
  }
  return phrases;
}

/** Taxonomy skills a title names outright (longest phrase first, left to right). */
export function titleSkills(title: string): string[] {
  const words = slugifySkill(title).split('-');
  const found: string[] = [];
  for (let i = 0; i < words.length; ) {
    let step = 1;
    for (let n = 3; n >= 1; n--) {
      const slug = PHRASES.get(words.slice(i, i + n).join('-'));
      if (slug !== undefined) {
        if (!found.includes(slug)) found.push(slug);
        step = n;
        break;
      }
    }
    i += step;
  }
  return found;
}

/**
 * The taxonomy topics of one request, in order of confidence: the skills the learner picked; else
 * the skills the question's title names; else the page's topic (the question outranks the page).
 * Free tags are left out. At most `MAX_TOPICS_PER_REQUEST`.
 */
export function requestTopics(request: RequestTopicSource): string[] {
  const known = (slugs: readonly string[]) => slugs.filter((s) => Object.hasOwn(SKILLS, s));
  let topics = known(request.skills);
  if (!topics.length) topics = titleSkills(request.title);
  if (!topics.length && request.pageTopic) topics = known([normalizeSkill(request.pageTopic)]);
  return [...new Set(topics)].slice(0, MAX_TOPICS_PER_REQUEST);
}
