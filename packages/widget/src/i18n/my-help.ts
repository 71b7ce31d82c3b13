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
  noShow: 'They didn’t come',
  noShowAsk: (name: string, when: string) =>
    `Record that ${name} did not come to your session on ${when}? The program is told; this cannot be undone.`,
  noShowConfirm: 'Record it',
  noShowKeep: 'Go back',
  noShowDone: 'Recorded: your mentor did not come. Ask again to find another mentor.',
  mentorNoShow: 'Your mentor did not come',
  rescheduleLimit:
    'This session has been moved as many times as the program allows. Cancel it and book a new time instead.',
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
    noShow: 'No se presentó',
    noShowAsk: (name: string, when: string) =>
      `¿Registrar que ${name} no se presentó a tu sesión del ${when}? Se avisa al programa; no se puede deshacer.`,
    noShowConfirm: 'Registrarlo',
    noShowKeep: 'Volver',
    noShowDone: 'Registrado: tu mentor no se presentó. Vuelve a preguntar para encontrar a otro.',
    mentorNoShow: 'Tu mentor no se presentó',
    rescheduleLimit:
      'Esta sesión ya se ha movido tantas veces como permite el programa. Cancélala y reserva otra hora.',
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
    noShow: 'Personne n’est venu',
    noShowAsk: (name: string, when: string) =>
      `Signaler que ${name} n’est pas venu à votre séance du ${when} ? Le programme est prévenu ; c’est définitif.`,
    noShowConfirm: 'Le signaler',
    noShowKeep: 'Revenir',
    noShowDone:
      'C’est noté : votre mentor n’est pas venu. Posez à nouveau votre question pour trouver un autre mentor.',
    mentorNoShow: 'Votre mentor n’est pas venu',
    rescheduleLimit:
      'Cette séance a déjà été déplacée autant de fois que le programme le permet. Annulez-la et réservez un nouveau créneau.',
  },
};
