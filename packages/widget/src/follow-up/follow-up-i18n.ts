// The learner's follow-up strings (its own bundle, loaded when "My help" needs it).
import { resolveLocale } from '../i18n/index.js';

const en = {
  loading: 'Loading…',
  review: 'Sessions to review',
  reviewEmpty: 'Nothing to review.',
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
  errors: {
    generic: 'Something went wrong. Please try again.',
    network: 'You seem to be offline. Check your connection and try again.',
  },
};

export type FollowUpMessages = typeof en;

const es: FollowUpMessages = {
  loading: 'Cargando…',
  review: 'Sesiones por valorar',
  reviewEmpty: 'No hay nada que valorar.',
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
  errors: {
    generic: 'Algo ha fallado. Inténtalo de nuevo.',
    network: 'Parece que no hay conexión. Compruébala e inténtalo de nuevo.',
  },
};

export function followUpMessages(explicit: string, element: Element): FollowUpMessages {
  return resolveLocale(explicit, element) === 'es' ? es : en;
}
