/// <reference path="./stopword-lists.d.ts" />
import * as stopwordLists from 'stopword';
import { slugifySkill } from '../skills/normalize.js';

/**
 * Function words of the learner's languages, from the maintained `stopword` lists: "de", "en",
 * "la" carry no topic in Spanish and must neither search nor be quoted as a reason. English is
 * always included (profiles and most questions are in English); other languages only when the
 * learner speaks them, since their function words are content words elsewhere ("die", "once").
 */
const BY_LANGUAGE: Readonly<Record<string, readonly string[]>> = {
  en: stopwordLists.eng,
  es: stopwordLists.spa,
  fr: stopwordLists.fra,
  pt: stopwordLists.por,
  de: stopwordLists.deu,
  it: stopwordLists.ita,
  nl: stopwordLists.nld,
  pl: stopwordLists.pol,
  ca: stopwordLists.cat,
  sv: stopwordLists.swe,
  da: stopwordLists.dan,
  tr: stopwordLists.tur,
  ro: stopwordLists.ron,
  id: stopwordLists.ind,
};

const cache = new Map<string, ReadonlySet<string>>();

const listFor = (tag: string): readonly string[] => BY_LANGUAGE[tag] ?? [];

/** The stopwords of English and of `languages` (BCP 47 tags), lowercased and accent-folded. */
export function stopWordsFor(languages: readonly string[] = []): ReadonlySet<string> {
  const tags = [...new Set(['en', ...languages.map((l) => l.trim().toLowerCase().split(/[-_]/)[0] ?? '')])]
    .filter((t) => t !== '')
    .sort();
  const key = tags.join(',');
  let set = cache.get(key);
  if (set === undefined) {
    // Tokens reach matching folded by slugifySkill ("qué" → "que", "l'on" → "lon"): so are these.
    const words = new Set(
      tags.flatMap((tag) => listFor(tag).flatMap((word) => slugifySkill(word).split('-'))),
    );
    words.delete('');
    set = words;
    if (cache.size > 64) cache.clear();
    cache.set(key, set);
  }
  return set;
}

/** Each language's own stopwords, folded as above (for telling which language a text is in). */
const ownWords = new Map<string, ReadonlySet<string>>();
function ownStopWords(tag: string): ReadonlySet<string> {
  let set = ownWords.get(tag);
  if (set === undefined) {
    set = new Set(listFor(tag).flatMap((word) => slugifySkill(word).split('-')));
    ownWords.set(tag, set);
  }
  return set;
}

/**
 * The language a question is most likely written in, by its function words ("¿Cómo entreno a un
 * dragón para…" has five Spanish ones and one English): the language with the most, when it has
 * at least two and more than English; otherwise English (too short to tell, or English). What the
 * learner's settings say is a preference, not the language of this text.
 */
export function likelyLanguage(text: string): string {
  const tokens = slugifySkill(text)
    .split('-')
    .filter((t) => t !== '');
  let best = 'en';
  let bestHits = 0;
  const hitsOf = (tag: string) => {
    const words = ownStopWords(tag);
    return tokens.reduce((n, t) => n + (words.has(t) ? 1 : 0), 0);
  };
  const english = hitsOf('en');
  for (const tag of Object.keys(BY_LANGUAGE)) {
    if (tag === 'en') continue;
    const hits = hitsOf(tag);
    if (hits > bestHits) {
      best = tag;
      bestHits = hits;
    }
  }
  return bestHits >= 2 && bestHits > english ? best : 'en';
}
