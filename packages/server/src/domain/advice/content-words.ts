import { stopWordsFor } from '../matching/stopwords.js';
import { slugifySkill } from '../skills/normalize.js';

/**
 * The content words of a piece of advice, for comparing two mentors' words: folded like skills
 * ("Índice" → "indice"), without the function words of English and the given languages, and with
 * the English plural and -ing/-ed endings cut so "indexes", "indexing" and "index" meet. Words of
 * one letter carry nothing. A set: saying a word twice does not make two pieces of advice closer.
 */
export function contentWords(text: string, languages: readonly string[] = []): ReadonlySet<string> {
  const stop = stopWordsFor(languages);
  const words = new Set<string>();
  // A dot, slash or underscore joins two words here ("orders.customer_id"), not one name.
  for (const token of slugifySkill(text.replace(/[._/]+/g, ' ')).split('-')) {
    if (token.length < 2 || stop.has(token)) continue;
    const stem = stemOf(token);
    if (!stop.has(stem)) words.add(stem);
  }
  return words;
}

/** A light English stemmer: enough to meet plurals and verb forms, never below 3 letters. */
export function stemOf(word: string): string {
  if (/^\d+$/.test(word)) return word;
  for (const [suffix, keep] of ENDINGS) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3)
      return word.slice(0, -suffix.length) + keep;
  }
  return word;
}

// Longest first; "ies" → "y" (queries → query), "es" only after s/x/z/ch/sh (indexes → index).
const ENDINGS: readonly (readonly [string, string])[] = [
  ['ing', ''],
  ['ies', 'y'],
  ['xes', 'x'],
  ['ses', 's'],
  ['zes', 'z'],
  ['ches', 'ch'],
  ['shes', 'sh'],
  ['ed', ''],
  ['s', ''],
];
