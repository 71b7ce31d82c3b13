import type { BadgeCode } from '@micromentor/sdk';
import type { Locale } from './locale.js';

/** Badge names, one list for the learner's mentor card and the mentor console. */
export const badgeNames: Record<Locale, Record<BadgeCode, string>> = {
  en: {
    first_session: 'First session',
    sessions_10: '10 sessions',
    sessions_50: '50 sessions',
    five_star_streak: 'Five 5-star sessions in a row',
    fast_responder: 'Fast responder',
  },
  es: {
    first_session: 'Primera sesión',
    sessions_10: '10 sesiones',
    sessions_50: '50 sesiones',
    five_star_streak: 'Cinco sesiones seguidas de 5 estrellas',
    fast_responder: 'Respuesta rápida',
  },
  fr: {
    first_session: 'Première séance',
    sessions_10: '10 séances',
    sessions_50: '50 séances',
    five_star_streak: 'Cinq séances 5 étoiles d’affilée',
    fast_responder: 'Réponse rapide',
  },
};
