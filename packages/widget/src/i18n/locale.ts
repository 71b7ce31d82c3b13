// Which locale a surface speaks, without any catalogue: the embed loader (widget.js) needs this
// and the launcher's label before the flow and its catalogues are loaded.

export const LOCALES = ['en', 'es', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/** The launcher's label in every locale: the loader's stub and the real launcher show the same. */
export const LAUNCHER_LABEL: Record<Locale, string> = {
  en: 'Ask an expert',
  es: 'Pregunta a un experto',
  fr: 'Demander à un expert',
};

/** The supported locale for a BCP 47 tag (`es-MX` → `es`); null for anything else. */
export function supportedLocale(tag: string | null | undefined): Locale | null {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (LOCALES as readonly string[]).includes(primary ?? '') ? (primary as Locale) : null;
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
