// The learner's follow-up strings (its own bundle, loaded when "My help" needs it).
import type { CreateReportParams } from '@micromentor/sdk';
import { catalogue, panelWords } from './panel.js';
import { plural } from './plural.js';
import { reviewEn } from './review/en.js';
import { reviewEs } from './review/es.js';
import { reviewFr } from './review/fr.js';

const en = {
  ...panelWords.en,
  slotReview: reviewEn,
  /** A mentor's free times, as a group of buttons (the board, instant help's fallback). */
  slotsWith: (name: string) => `Free times with ${name}`,
  review: 'Sessions to review',
  reviewEmpty: 'Nothing to review.',
  zone: (zone: string) => `Times in ${zone}`,
  unread: (n: number) => plural('en', n, { one: '# unread message', other: '# unread messages' }),
  sessionWith: (name: string, when: string) => `${name}, ${when}`,
  feedback: {
    legendRating: 'How helpful was it?',
    star: (n: number) => plural('en', n, { one: '# star', other: '# stars' }),
    legendSolved: 'Is your problem solved?',
    solved: { yes: 'Yes', partly: 'Partly', no: 'No' } as Record<string, string>,
    comment: 'Anything to add? (optional)',
    submit: 'Send feedback',
    thanks: 'Thank you — your feedback helps other learners find the right mentor.',
    pickRating: 'Choose a rating from 1 to 5 stars.',
    pickSolved: 'Say whether your problem is solved.',
  },
  items: {
    heading: 'Action items',
    empty: 'Your mentors’ action items will appear here after your sessions.',
    summary: 'Summary',
    progress: (done: number, total: number) => `${done} of ${total} done`,
    notSaved: (text: string, why: string) => `“${text}” is unchanged: ${why}`,
  },
  board: {
    heading: 'Your board of advisors',
    empty: 'Add mentors who helped you, to ask them again in a few clicks.',
    add: 'Add to my board',
    added: 'Added to your board.',
    label: 'Label (e.g. SQL, career)',
    remove: (name: string) => `Remove ${name} from your board`,
    askAgain: 'Ask again',
    noSlots: 'No free times in the next two weeks.',
    booked: (when: string) => `Booked: ${when}. The confirmation is in your sessions.`,
  },
  instant: {
    heading: 'Help right now',
    asking: (n: number) =>
      n > 0
        ? `Asking ${plural('en', n, { one: '# mentor who is', other: '# mentors who are' })} online…`
        : 'Asking the mentors who are online…',
    waitHint: 'The first one to accept helps you. Keep this open; it updates by itself.',
    accepted: (name: string) => `${name} accepted and is helping you now.`,
    startsAt: (when: string) => `Your session starts ${when}.`,
    join: 'Join the call',
    chat: 'Chat',
    expired: 'Nobody could take it right now. Book one of these times instead:',
    expiredNone: 'Nobody could take it right now, and no mentor has a free time soon. Try again later.',
    nobodyOnline: 'No mentor who fits is online right now. Book one of the scheduled times instead.',
    booked: (when: string) => `Booked: ${when}. The confirmation is in your sessions.`,
  },
  report: {
    open: 'Report a problem',
    heading: 'Report this session or mentor',
    reason: 'What happened?',
    reasons: {
      no_show: 'The mentor did not show up',
      inappropriate: 'Inappropriate behaviour',
      harassment: 'Harassment',
      spam: 'Spam or selling',
      unqualified: 'Did not know the subject',
      other: 'Something else',
    } satisfies Record<CreateReportParams['reason'], string>,
    details: 'Tell the program what happened (optional)',
    submit: 'Send report',
    cancel: 'Cancel',
    pickReason: 'Choose what happened.',
    thanks: 'Thank you. The program will review your report.',
  },
};

export type FollowUpMessages = typeof en;

const es: FollowUpMessages = {
  ...panelWords.es,
  slotReview: reviewEs,
  /** A mentor's free times, as a group of buttons (the board, instant help's fallback). */
  slotsWith: (name: string) => `Huecos libres con ${name}`,
  review: 'Sesiones por valorar',
  reviewEmpty: 'No hay nada que valorar.',
  zone: (zone: string) => `Horas en ${zone}`,
  unread: (n: number) => plural('es', n, { one: '# mensaje sin leer', other: '# mensajes sin leer' }),
  sessionWith: (name: string, when: string) => `${name}, ${when}`,
  feedback: {
    legendRating: '¿Cuánto te ayudó?',
    star: (n: number) => plural('es', n, { one: '# estrella', other: '# estrellas' }),
    legendSolved: '¿Está resuelto tu problema?',
    solved: { yes: 'Sí', partly: 'En parte', no: 'No' },
    comment: '¿Algo más? (opcional)',
    submit: 'Enviar valoración',
    thanks: 'Gracias: tu valoración ayuda a otras personas a encontrar a quien mejor puede ayudarles.',
    pickRating: 'Elige una valoración de 1 a 5 estrellas.',
    pickSolved: 'Indica si tu problema está resuelto.',
  },
  items: {
    heading: 'Tareas',
    empty: 'Las tareas de tus mentores aparecerán aquí después de tus sesiones.',
    summary: 'Resumen',
    progress: (done: number, total: number) => `${done} de ${total} hechas`,
    notSaved: (text: string, why: string) => `«${text}» sigue como estaba: ${why}`,
  },
  board: {
    heading: 'Tu consejo asesor',
    empty: 'Añade a quienes te ayudaron para volver a preguntarles en pocos clics.',
    add: 'Añadir a mi consejo',
    added: 'Añadido a tu consejo.',
    label: 'Etiqueta (p. ej. SQL, carrera)',
    remove: (name: string) => `Quitar a ${name} de tu consejo`,
    askAgain: 'Volver a preguntar',
    noSlots: 'No hay huecos libres en las próximas dos semanas.',
    booked: (when: string) => `Reservado: ${when}. La confirmación está en tus sesiones.`,
  },
  instant: {
    heading: 'Ayuda ahora mismo',
    asking: (n: number) =>
      n > 0
        ? `Preguntando a ${plural('es', n, { one: '# mentor conectado', other: '# mentores conectados' })}…`
        : 'Preguntando a los mentores conectados…',
    waitHint: 'Te ayudará quien acepte primero. Deja esto abierto: se actualiza solo.',
    accepted: (name: string) => `${name} ha aceptado y te ayuda ahora.`,
    startsAt: (when: string) => `Tu sesión empieza ${when}.`,
    join: 'Unirse a la llamada',
    chat: 'Chat',
    expired: 'Nadie ha podido atenderte ahora. Reserva una de estas horas:',
    expiredNone: 'Nadie ha podido atenderte ahora y no hay huecos libres pronto. Inténtalo más tarde.',
    nobodyOnline: 'Ahora no hay ningún mentor adecuado conectado. Reserva una de las horas programadas.',
    booked: (when: string) => `Reservado: ${when}. La confirmación está en tus sesiones.`,
  },
  report: {
    open: 'Informar de un problema',
    heading: 'Informar sobre esta sesión o mentor',
    reason: '¿Qué ha pasado?',
    reasons: {
      no_show: 'El mentor no se presentó',
      inappropriate: 'Comportamiento inapropiado',
      harassment: 'Acoso',
      spam: 'Spam o venta',
      unqualified: 'No conocía el tema',
      other: 'Otra cosa',
    },
    details: 'Cuenta al programa qué pasó (opcional)',
    submit: 'Enviar informe',
    cancel: 'Cancelar',
    pickReason: 'Elige qué ha pasado.',
    thanks: 'Gracias. El programa revisará tu informe.',
  },
};

const fr: FollowUpMessages = {
  ...panelWords.fr,
  slotReview: reviewFr,
  /** A mentor's free times, as a group of buttons (the board, instant help's fallback). */
  slotsWith: (name: string) => `Créneaux libres avec ${name}`,
  review: 'Séances à évaluer',
  reviewEmpty: 'Rien à évaluer.',
  zone: (zone: string) => `Fuseau horaire : ${zone}`,
  unread: (n: number) => plural('fr', n, { one: '# message non lu', other: '# messages non lus' }),
  sessionWith: (name: string, when: string) => `${name}, ${when}`,
  feedback: {
    legendRating: 'Était-ce utile ?',
    star: (n: number) => plural('fr', n, { one: '# étoile', other: '# étoiles' }),
    legendSolved: 'Votre problème est-il résolu ?',
    solved: { yes: 'Oui', partly: 'En partie', no: 'Non' },
    comment: 'Quelque chose à ajouter ? (facultatif)',
    submit: 'Envoyer mon avis',
    thanks: 'Merci : votre avis aide d’autres apprenants à trouver le bon mentor.',
    pickRating: 'Choisissez une note de 1 à 5 étoiles.',
    pickSolved: 'Indiquez si votre problème est résolu.',
  },
  items: {
    heading: 'Actions à mener',
    empty: 'Les actions proposées par vos mentors apparaîtront ici après vos séances.',
    summary: 'Résumé',
    progress: (done: number, total: number) => `Terminées : ${done} sur ${total}`,
    notSaved: (text: string, why: string) => `« ${text} » n’a pas changé : ${why}`,
  },
  board: {
    heading: 'Vos conseillers',
    empty: 'Ajoutez les mentors qui vous ont été utiles, pour les solliciter à nouveau en quelques clics.',
    add: 'Ajouter à mes conseillers',
    added: 'Ajouté à vos conseillers.',
    label: 'Libellé (p. ex. SQL, carrière)',
    remove: (name: string) => `Retirer ${name} de vos conseillers`,
    askAgain: 'Demander à nouveau',
    noSlots: 'Aucun créneau libre dans les deux prochaines semaines.',
    booked: (when: string) => `Réservé : ${when}. La confirmation est dans vos séances.`,
  },
  instant: {
    heading: 'De l’aide tout de suite',
    asking: (n: number) =>
      n > 0
        ? `Question posée à ${plural('fr', n, { one: '# mentor en ligne', other: '# mentors en ligne' })}…`
        : 'Question posée aux mentors en ligne…',
    waitHint: 'Le premier qui accepte vous aide. Gardez cette page ouverte : elle se met à jour toute seule.',
    accepted: (name: string) => `${name} a accepté et vous aide dès maintenant.`,
    startsAt: (when: string) => `Votre séance commence ${when}.`,
    join: 'Rejoindre l’appel',
    chat: 'Discussion',
    expired: 'Personne n’a pu répondre pour l’instant. Réservez plutôt l’un de ces créneaux :',
    expiredNone:
      'Personne n’a pu répondre pour l’instant, et aucun mentor n’a de créneau libre prochainement. Réessayez plus tard.',
    nobodyOnline:
      'Aucun mentor adapté n’est en ligne pour le moment. Réservez plutôt l’un des créneaux prévus.',
    booked: (when: string) => `Réservé : ${when}. La confirmation est dans vos séances.`,
  },
  report: {
    open: 'Signaler un problème',
    heading: 'Signaler cette séance ou ce mentor',
    reason: 'Que s’est-il passé ?',
    reasons: {
      no_show: 'Le mentor ne s’est pas présenté',
      inappropriate: 'Comportement inapproprié',
      harassment: 'Harcèlement',
      spam: 'Spam ou démarchage',
      unqualified: 'Ne connaissait pas le sujet',
      other: 'Autre chose',
    },
    details: 'Expliquez au programme ce qui s’est passé (facultatif)',
    submit: 'Envoyer le signalement',
    cancel: 'Annuler',
    pickReason: 'Choisissez ce qui s’est passé.',
    thanks: 'Merci. Le programme examinera votre signalement.',
  },
};

export const followUpMessages = catalogue({ en, es, fr });
