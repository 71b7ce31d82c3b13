import { en, type Messages } from './en.js';
import { es } from './es.js';
import type { Locale } from './locale.js';

export { type Locale, resolveLocale, supportedLocale } from './locale.js';
export type { Messages };

const catalogs: Record<Locale, Messages> = { en, es };

export function messages(locale: Locale): Messages {
  return catalogs[locale];
}
