// The words every console panel shares (the mentor and admin consoles, the learner's follow-up),
// and the one way their catalogues pick a language. Only the console bundles import this.
import { type Locale, resolveLocale } from './index.js';
import { plural } from './plural.js';

const en = {
  loading: 'Loading…',
  retry: 'Try again',
  /** A field past its limit (nothing is cut): how much too long. */
  over: (n: number) =>
    `${plural('en', n, { one: '# character', other: '# characters' })} too many: nothing was cut, shorten it to send.`,
  errors: {
    generic: 'Something went wrong. Please try again.',
    network: 'You seem to be offline. Check your connection and try again.',
  },
};

/** Loading and the failures nobody can fix by editing a form, per language. */
export const panelWords: Record<Locale, typeof en> = {
  en,
  es: {
    loading: 'Cargando…',
    retry: 'Reintentar',
    over: (n: number) =>
      `${plural('es', n, { one: '# carácter', other: '# caracteres' })} de más: no se ha cortado nada, acórtalo para enviarlo.`,
    errors: {
      generic: 'Algo ha fallado. Inténtalo de nuevo.',
      network: 'Parece que no hay conexión. Compruébala e inténtalo de nuevo.',
    },
  },
  fr: {
    loading: 'Chargement…',
    retry: 'Réessayer',
    over: (n: number) =>
      `${plural('fr', n, { one: '# caractère', other: '# caractères' })} de trop : rien n’a été coupé, raccourcissez pour envoyer.`,
    errors: {
      generic: 'Une erreur s’est produite. Veuillez réessayer.',
      network: 'Vous semblez hors ligne. Vérifiez votre connexion et réessayez.',
    },
  },
};

/** A catalogue's lookup: the words in the element's language (every language has them all). */
export function catalogue<M>(catalogues: Record<Locale, M>): (explicit: string, element: Element) => M {
  return (explicit, element) => catalogues[resolveLocale(explicit, element)];
}
