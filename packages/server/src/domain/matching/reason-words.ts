/**
 * The words of the reasons the widget of this release may not know yet (it shows a reason's
 * `text` for a code it cannot word itself), in the languages the widget speaks.
 */
export type ReasonLocale = 'en' | 'es' | 'fr';

interface Words {
  wrote(sentence: string): string;
  page(skill: string): string;
}

const WORDS: Record<ReasonLocale, Words> = {
  en: { wrote: (s) => `Wrote: “${s}”`, page: (skill) => `Also fits this page: ${skill}` },
  es: { wrote: (s) => `Escribió: «${s}»`, page: (skill) => `También encaja con esta página: ${skill}` },
  fr: { wrote: (s) => `A écrit : « ${s} »`, page: (skill) => `Correspond aussi à cette page : ${skill}` },
};

/** The first of the learner's languages (BCP 47 tags, most preferred first) we have words for. */
export function reasonLocale(languages: readonly string[]): ReasonLocale {
  for (const tag of languages) {
    const primary = tag.trim().toLowerCase().split(/[-_;]/)[0];
    if (primary === 'en' || primary === 'es' || primary === 'fr') return primary;
  }
  return 'en';
}

export function reasonWords(locale: ReasonLocale = 'en'): Words {
  return WORDS[locale];
}
