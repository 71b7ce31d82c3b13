// The learner's follow-up strings (its own bundle, loaded when "My help" needs it).
import type { CreateReportParams } from '@micromentor/sdk';
import { catalogue, panelWords } from './panel.js';
import { plural } from './plural.js';

const en = {
  ...panelWords.en,
  review: 'Sessions to review',
  reviewEmpty: 'Nothing to review.',
  zone: (zone: string) => `Times in ${zone}`,
  unread: (n: number) => plural('en', n, { one: '# unread message', other: '# unread messages' }),
  sessionWith: (name: string, when: string) => `${name}, ${when}`,
  feedback: {
    legendRating: 'How helpful was it?',
    star: (n: number) => (n === 1 ? '1 star' : `${n} stars`),
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
    empty: 'Add mentors who helped you, to ask them again in one click.',
    add: 'Add to my board',
    added: 'Added to your board.',
    label: 'Label (e.g. SQL, career)',
    remove: (name: string) => `Remove ${name} from your board`,
    askAgain: 'Ask again',
    slotsFor: (name: string) => `Next free times with ${name}`,
    noSlots: 'No free times in the next two weeks.',
    book: (when: string) => `Book ${when}`,
    booked: (when: string) => `Booked: ${when}. The confirmation is in your sessions.`,
  },
  instant: {
    heading: 'Help right now',
    asking: (n: number) =>
      n > 0
        ? `Asking ${n} ${n === 1 ? 'mentor who is' : 'mentors who are'} online…`
        : 'Asking the mentors who are online…',
    waitHint: 'The first one to accept helps you. Keep this open; it updates by itself.',
    accepted: (name: string) => `${name} accepted and is helping you now.`,
    startsAt: (when: string) => `Your session starts ${when}.`,
    join: 'Join the call',
    chat: 'Chat',
    expired: 'Nobody could take it right now. Book one of these times instead:',
    expiredNone: 'Nobody could take it right now, and no mentor has a free time soon. Try again later.',
    nobodyOnline: 'No mentor who fits is online right now. Book one of the scheduled times instead.',
    slotsWith: (name: string) => `Free times with ${name}`,
    book: (when: string) => `Book ${when}`,
    booked: (when: string) => `Booked: ${when}. The confirmation is in your sessions.`,
  },
  leaderboard: {
    heading: 'Top mentors',
    period: (month: string, by: 'sessions' | 'minutes') =>
      `${month}, by ${by === 'minutes' ? 'minutes mentored' : 'sessions held'}`,
    rank: (rank: number) => `Rank ${rank}`,
    sessions: (n: number) => plural('en', n, { one: '# session', other: '# sessions' }),
    minutes: (n: number) => plural('en', n, { one: '# minute', other: '# minutes' }),
    empty: 'No sessions yet this month.',
    retry: 'Try again',
    you: 'you',
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
  review: 'Sesiones por valorar',
  reviewEmpty: 'No hay nada que valorar.',
  zone: (zone: string) => `Horas en ${zone}`,
  unread: (n: number) => plural('es', n, { one: '# mensaje sin leer', other: '# mensajes sin leer' }),
  sessionWith: (name: string, when: string) => `${name}, ${when}`,
  feedback: {
    legendRating: '¿Cuánto te ayudó?',
    star: (n: number) => (n === 1 ? '1 estrella' : `${n} estrellas`),
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
    empty: 'Añade a quienes te ayudaron para volver a preguntarles con un clic.',
    add: 'Añadir a mi consejo',
    added: 'Añadido a tu consejo.',
    label: 'Etiqueta (p. ej. SQL, carrera)',
    remove: (name: string) => `Quitar a ${name} de tu consejo`,
    askAgain: 'Volver a preguntar',
    slotsFor: (name: string) => `Próximos huecos con ${name}`,
    noSlots: 'No hay huecos libres en las próximas dos semanas.',
    book: (when: string) => `Reservar ${when}`,
    booked: (when: string) => `Reservado: ${when}. La confirmación está en tus sesiones.`,
  },
  instant: {
    heading: 'Ayuda ahora mismo',
    asking: (n: number) =>
      n > 0
        ? `Preguntando a ${n} ${n === 1 ? 'mentor conectado' : 'mentores conectados'}…`
        : 'Preguntando a los mentores conectados…',
    waitHint: 'Te ayudará quien acepte primero. Deja esto abierto: se actualiza solo.',
    accepted: (name: string) => `${name} ha aceptado y te ayuda ahora.`,
    startsAt: (when: string) => `Tu sesión empieza ${when}.`,
    join: 'Unirse a la llamada',
    chat: 'Chat',
    expired: 'Nadie ha podido atenderte ahora. Reserva una de estas horas:',
    expiredNone: 'Nadie ha podido atenderte ahora y no hay huecos libres pronto. Inténtalo más tarde.',
    nobodyOnline: 'Ahora no hay ningún mentor adecuado conectado. Reserva una de las horas programadas.',
    slotsWith: (name: string) => `Huecos libres con ${name}`,
    book: (when: string) => `Reservar ${when}`,
    booked: (when: string) => `Reservado: ${when}. La confirmación está en tus sesiones.`,
  },
  leaderboard: {
    heading: 'Mentores destacados',
    period: (month: string, by: 'sessions' | 'minutes') =>
      `${month}, por ${by === 'minutes' ? 'minutos de mentoría' : 'sesiones realizadas'}`,
    rank: (rank: number) => `Puesto ${rank}`,
    sessions: (n: number) => plural('es', n, { one: '# sesión', other: '# sesiones' }),
    minutes: (n: number) => plural('es', n, { one: '# minuto', other: '# minutos' }),
    empty: 'Aún no hay sesiones este mes.',
    retry: 'Reintentar',
    you: 'tú',
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

export const followUpMessages = catalogue(en, es);
