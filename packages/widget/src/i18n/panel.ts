// The words every console panel shares (the mentor and admin consoles, the learner's follow-up),
// and the one way their catalogues pick a language. Only the console bundles import this.
import { resolveLocale } from './index.js';

/** Loading and the failures nobody can fix by editing a form, per language. */
export const panelWords = {
  en: {
    loading: 'Loading…',
    /** A field past its limit (nothing is cut): how much too long. */
    over: (n: number) =>
      `${n.toLocaleString('en')} ${n === 1 ? 'character' : 'characters'} too many: nothing was cut, shorten it to send.`,
    errors: {
      generic: 'Something went wrong. Please try again.',
      network: 'You seem to be offline. Check your connection and try again.',
    },
  },
  es: {
    loading: 'Cargando…',
    over: (n: number) =>
      `${n.toLocaleString('es')} ${n === 1 ? 'carácter' : 'caracteres'} de más: no se ha cortado nada, acórtalo para enviarlo.`,
    errors: {
      generic: 'Algo ha fallado. Inténtalo de nuevo.',
      network: 'Parece que no hay conexión. Compruébala e inténtalo de nuevo.',
    },
  },
};

/** A catalogue's lookup: the Spanish words for an element in Spanish, the English ones otherwise. */
export function catalogue<M>(en: M, es: M): (explicit: string, element: Element) => M {
  return (explicit, element) => (resolveLocale(explicit, element) === 'es' ? es : en);
}
