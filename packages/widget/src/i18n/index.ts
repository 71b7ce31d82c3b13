import { en, type Messages } from './en.js';
import { es } from './es.js';

export type { Messages };
export type Locale = 'en' | 'es';

const catalogs: Record<Locale, Messages> = { en, es };

/** The supported locale for a BCP 47 tag (`es-MX` → `es`); English for anything else. */
export function supportedLocale(tag: string | null | undefined): Locale | null {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return primary && primary in catalogs ? (primary as Locale) : null;
}

/** The element's `locale`, else the nearest `lang` on the page, else the browser's languages. */
export function resolveLocale(explicit: string, element: Element): Locale {
  const fromAttribute = supportedLocale(explicit);
  if (explicit && fromAttribute) return fromAttribute;
  const lang = element.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang;
  if (lang) return supportedLocale(lang) ?? 'en';
  for (const tag of navigator.languages ?? [navigator.language]) {
    const locale = supportedLocale(tag);
    if (locale) return locale;
  }
  return 'en';
}

export function messages(locale: Locale): Messages {
  return catalogs[locale];
}
