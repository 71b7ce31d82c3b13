import { skillLabel } from '../../skills/normalize.js';

/** The parts of a mentor profile that say what they know. */
export interface ProfileText {
  headline: string;
  bio: string;
  skills: readonly string[];
}

export interface ProfileSentences {
  /** The mentor's own words worth quoting back: the headline, then the bio's sentences. */
  quotable: string[];
  /** Their skills as one line of labels ("Skills: React hooks, TypeScript"): embedded, never quoted. */
  skills: string | null;
}

export const MAX_SENTENCE_CHARS = 200;
export const MAX_QUOTABLE_SENTENCES = 12;
/** Fewer words than this say too little alone ("Hi!", "Cheers."): merged into a neighbour or dropped. */
export const MIN_SENTENCE_WORDS = 3;

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

const wordCount = (text: string): number => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** One line, no list bullets, no repeated spaces. */
function clean(text: string): string {
  return text
    .replace(/^[\s\-–—•*·>]+/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cut at the last word boundary that fits, marked with an ellipsis. */
function cap(text: string): string {
  if (text.length <= MAX_SENTENCE_CHARS) return text;
  const cut = text.slice(0, MAX_SENTENCE_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX_SENTENCE_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

/** The bio's sentences (lines count as breaks), short fragments joined to the one before. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let pending = '';
  for (const line of text.split(/\n+/)) {
    for (const { segment } of segmenter.segment(line)) {
      const sentence = clean(segment);
      if (sentence === '') continue;
      if (wordCount(sentence) < MIN_SENTENCE_WORDS) {
        // A fragment: glued to the sentence before it if there is one, else carried forward.
        const last = out.at(-1);
        if (last !== undefined && last.length + sentence.length < MAX_SENTENCE_CHARS) {
          out[out.length - 1] = `${last} ${sentence}`;
        } else {
          pending = pending ? `${pending} ${sentence}` : sentence;
        }
        continue;
      }
      out.push(pending ? `${pending} ${sentence}` : sentence);
      pending = '';
    }
  }
  if (pending && wordCount(pending) >= MIN_SENTENCE_WORDS) out.push(pending);
  return out;
}

/**
 * A profile as the sentences worth embedding: the headline and the bio's sentences (trimmed,
 * capped at MAX_SENTENCE_CHARS, duplicates once, at most MAX_QUOTABLE_SENTENCES), and the skills
 * as one line of labels.
 */
export function profileSentences(profile: ProfileText): ProfileSentences {
  const seen = new Set<string>();
  const quotable: string[] = [];
  const headline = clean(profile.headline);
  for (const sentence of [...(headline ? [headline] : []), ...splitSentences(profile.bio)]) {
    const capped = cap(sentence);
    const key = capped.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    quotable.push(capped);
    if (quotable.length === MAX_QUOTABLE_SENTENCES) break;
  }
  const labels = [...new Set(profile.skills.map(skillLabel).filter((l) => l !== ''))];
  return { quotable, skills: labels.length ? cap(`Skills: ${labels.join(', ')}`) : null };
}
