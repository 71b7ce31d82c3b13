import { en, type Messages } from './en.js';
import type { Locale } from './locale.js';

export { type Locale, resolveLocale, supportedLocale } from './locale.js';
export type { Messages };

// English is in the learner flow itself (and is what shows until another catalogue arrives);
// every other language is a chunk of its own, loaded the first time an element speaks it.
const catalogs: Partial<Record<Locale, Messages>> = { en };
const loading = new Map<Locale, Promise<void>>();
const importers: Record<Exclude<Locale, 'en'>, () => Promise<Messages>> = {
  es: async () => (await import('./es.js')).es,
  fr: async () => (await import('./fr.js')).fr,
};

/** Fired on `window` when a catalogue has arrived: elements speaking it render again. */
export const MESSAGES_LOADED = 'mm-messages-loaded';

/** Starts loading a locale's catalogue; resolves when it is there (at once for one already loaded). */
export function loadMessages(locale: Locale): Promise<void> {
  if (catalogs[locale] || locale === 'en') return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    pending = importers[locale]().then(
      (catalog) => {
        catalogs[locale] = catalog;
        dispatchEvent(new Event(MESSAGES_LOADED));
      },
      (error: unknown) => {
        loading.delete(locale); // a later render tries again
        throw error;
      },
    );
    loading.set(locale, pending);
  }
  return pending;
}

/** Whether the locale's own words are here yet (else `messages()` answers in English). */
export function hasMessages(locale: Locale): boolean {
  return Boolean(catalogs[locale]);
}

/** The locale's words; English while its catalogue is on its way (loading it starts here). */
export function messages(locale: Locale): Messages {
  const catalog = catalogs[locale];
  if (!catalog) void loadMessages(locale).catch(() => {});
  return catalog ?? en;
}
