import { en } from './en.js';
import { es } from './es.js';
import type { EmailWords } from './types.js';

export type { EmailWords } from './types.js';

/** The words for a language tag (`es-MX` → Spanish); English for anything else. */
export function emailWords(locale: string | null | undefined): EmailWords {
  return locale?.toLowerCase().split('-')[0] === 'es' ? es : en;
}
