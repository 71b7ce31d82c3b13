// The words only "My help" shows (its lazy chunk brings them, so the learner flow's entry does
// not carry them); the rest of the learner's words are the flow's catalogue (en.ts, es.ts, fr.ts).
import type { Locale } from './locale.js';

const en = {
  loading: 'Loading your sessions…',
  upcoming: 'Upcoming',
  past: 'Past',
  now: 'Happening now',
  none: 'Nothing here yet.',
  statuses: { confirmed: 'Booked', cancelled: 'Cancelled', completed: 'Completed', no_show: 'Missed' },
  /** A confirmed session whose time has passed (before the server marks it completed). */
  held: 'Held',
  chat: 'Chat',
  reschedule: 'Reschedule',
  pick: 'Pick a new time',
  keep: 'Keep this time',
  moved: 'Your session has moved.',
  retry: 'Try again',
};

export type MyHelpWords = typeof en;

export const myHelpWords: Record<Locale, MyHelpWords> = {
  en,
  es: {
    loading: 'Cargando tus sesiones…',
    upcoming: 'Próximas',
    past: 'Anteriores',
    now: 'En curso',
    none: 'Aún no hay nada.',
    statuses: {
      confirmed: 'Reservada',
      cancelled: 'Cancelada',
      completed: 'Completada',
      no_show: 'No asististe',
    },
    held: 'Realizada',
    chat: 'Chat',
    reschedule: 'Cambiar hora',
    pick: 'Elige otra hora',
    keep: 'Mantener esta hora',
    moved: 'Tu sesión ha cambiado de hora.',
    retry: 'Reintentar',
  },
  fr: {
    loading: 'Chargement de vos séances…',
    upcoming: 'À venir',
    past: 'Passées',
    now: 'En cours',
    none: 'Rien pour l’instant.',
    statuses: {
      confirmed: 'Réservée',
      cancelled: 'Annulée',
      completed: 'Terminée',
      no_show: 'Manquée',
    },
    held: 'Effectuée',
    chat: 'Discussion',
    reschedule: 'Changer d’horaire',
    pick: 'Choisissez un nouvel horaire',
    keep: 'Garder cet horaire',
    moved: 'Votre séance a été déplacée.',
    retry: 'Réessayer',
  },
};
