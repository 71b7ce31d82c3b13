import { createRequire } from 'node:module';

// `stopword` ships no type declarations; reading its lists through require keeps a local
// `declare module` from clashing with one the server's own code may declare.
const stopwordLists = createRequire(import.meta.url)('stopword') as Record<
  'eng' | 'spa' | 'fra' | 'por' | 'deu',
  string[]
>;

/** Words a learner puts in any request that say nothing about the topic. */
const REQUEST_FILLER = [
  'help',
  'helps',
  'stuck',
  'please',
  'issue',
  'issues',
  'problem',
  'problems',
  'question',
  'questions',
  'mentor',
  'mentors',
  'someone',
  'anyone',
  'thanks',
  'hello',
  'want',
  'need',
  'know',
  'doesn',
  'don',
  'isn',
  'didn',
  'won',
];

const STOPWORDS = new Set([
  ...stopwordLists.eng,
  ...stopwordLists.spa,
  ...stopwordLists.fra,
  ...stopwordLists.por,
  ...stopwordLists.deu,
  ...REQUEST_FILLER,
]);

/** A crude stem: one trailing ing/ed/es/s/ly, then a trailing e. */
export function crudeStem(word: string): string {
  return word.replace(/(ing|ed|es|s|ly)$/u, '').replace(/e$/u, '');
}

/** Lowercased words of 3+ characters that are not stopwords or request filler. */
export function contentWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 3 && !STOPWORDS.has(w));
}

/** Same stem, or one stem a prefix of the other when the shorter has at least 5 letters. */
export function wordsMatch(a: string, b: string): boolean {
  const [x, y] = [crudeStem(a), crudeStem(b)];
  if (x === y) return true;
  const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
  return shorter.length >= 5 && longer.startsWith(shorter);
}

/** Each content word of `text` that matches some content word of `other`, with what it matched. */
export function sharedContentWords(text: string, other: string): string[] {
  const theirs = contentWords(other);
  const shared: string[] = [];
  for (const w of new Set(contentWords(text))) {
    const hit = theirs.find((t) => wordsMatch(w, t));
    if (hit !== undefined) shared.push(w === hit ? w : `${w}~${hit}`);
  }
  return shared;
}
