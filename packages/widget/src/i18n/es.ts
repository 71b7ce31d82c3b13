import { badgeNames } from './badges.js';
import type { Messages } from './en.js';
import { LAUNCHER_LABEL } from './locale.js';
import { plural } from './plural.js';
import { reviewEs } from './review/es.js';

// Every string the learner widget shows, in Spanish.
export const es: Messages = {
  launcher: LAUNCHER_LABEL.es,
  intro: 'Te proponemos mentores que lo conocen; tú eliges a uno y la hora.',
  topic: (topic) => `Tema: ${topic}`,
  close: 'Cerrar',
  offline: 'Sin conexión. Vuelve a conectarte para preguntar o reservar.',
  over: (n) =>
    `${plural('es', n, { one: '# carácter', other: '# caracteres' })} de más: no se ha cortado nada, acórtalo para enviarlo.`,
  guest: {
    heading: '¿Quién pregunta?',
    intro: 'Tu mentor verá tu nombre y tu correo.',
    name: 'Tu nombre',
    email: 'Correo electrónico',
    nameRequired: 'Escribe tu nombre.',
    emailInvalid: 'Escribe un correo válido.',
    submit: 'Continuar',
  },
  mine: {
    open: 'Mis sesiones',
    zone: (zone) => `Horas en ${zone}`,
    unread: (n) => plural('es', n, { one: '# mensaje sin leer', other: '# mensajes sin leer' }),
    cancelAsk: (name, when) =>
      `¿Cancelar tu sesión con ${name} el ${when}? Se avisa a ${name} y la hora queda libre; no se puede deshacer.`,
    keepSession: 'Mantener la sesión',
  },
  form: {
    heading: 'Tu pregunta',
    title: '¿En qué te has atascado?',
    titleHint: 'Basta con una frase.',
    titleRequired: 'Di en pocas palabras en qué te has atascado.',
    details: 'Detalles (opcional)',
    detailsHint: '¿Qué has probado? ¿Qué ha pasado?',
    format: '¿Cómo quieres la ayuda?',
    formats: reviewEs.formats,
    urgency: '¿Para cuándo?',
    urgencies: { now: 'Ahora mismo', today: 'Hoy', this_week: 'Esta semana', flexible: 'Sin prisa' },
    selection: 'De la página, se envía con tu pregunta:',
    selectionCut: (max) => `Solo se envían los primeros ${max} caracteres de tu selección.`,
    removeSelection: 'Quitar la selección',
    context: 'Se envía con tu pregunta',
    contextPage: (title) => `Página: ${title}`,
    contextCourse: (course) => `Curso: ${course}`,
    contextLesson: (lesson) => `Lección: ${lesson}`,
    submit: 'Buscar mentor',
    submitting: 'Buscando mentores…',
  },
  matches: {
    heading: 'Mentores que pueden ayudarte',
    found: (n) => plural('es', n, { one: '# mentor encontrado', other: '# mentores encontrados' }),
    noneHeading: 'Aún sin coincidencias',
    empty: 'Aún no hay aquí ningún mentor que sepa bien de esto.',
    broaden: 'Buscar en cualquier formato, sin prisa',
    back: 'Cambiar mi pregunta',
    others: 'Ver otros mentores',
    booking: 'Reservando…',
    message: (name) => `Escribir a ${name}`,
    messaged: (name) => `Hilo de mensajes con ${name} abierto: te responderá allí.`,
    askProgram: 'Preguntar al programa',
    askedProgram: 'Tu pregunta está con el programa: un mentor la tomará y te escribirá.',
    waitForMatch: 'Avísame cuando haya un mentor',
    waiting: 'Te avisaremos cuando haya un mentor que sepa de esto.',
    instantNow: 'Obtener ayuda inmediata',
  },
  slotReview: reviewEs,
  card: {
    rating: (rating, count) =>
      `Valoración ${rating} de 5 (${plural('es', count, { one: '# opinión', other: '# opiniones' })})`,
    slots: 'Próximos huecos libres',
    slotsFor: (name) => `Huecos libres con ${name}`,
    noSlots: 'Sin huecos libres en los próximos días',
    badges: badgeNames.es,
  },
  reasons: {
    skill: (skills) => `Sabe de ${skills}`,
    related: (skill, near) => `Trabaja con ${skill}, cercano a ${near}`,
    mentions: (terms) => `Su perfil menciona ${terms}`,
    board: (label) => (label ? `En tu consejo para ${label}` : 'En tu consejo'),
    speaks: (languages) => `Habla ${languages}`,
    newMentor: 'Mentor nuevo',
    years: (n) =>
      n < 1
        ? 'Menos de un año de experiencia'
        : plural('es', n, { one: '# año de experiencia', other: '# años de experiencia' }),
    rated: (rating, n) =>
      `Valoración ${rating} en ${plural('es', n, { one: '# sesión', other: '# sesiones' })}`,
    unrated: 'Sin valoraciones aún',
    freeNow: 'Libre ahora',
    free: (when) => `Libre ${when}`,
  },
  confirmation: {
    heading: 'Reserva confirmada',
    withMentor: reviewEs.withMentor,
    join: 'Entrar en la sesión',
    callYou: (phone) => `Tu mentor te llamará al ${phone}.`,
    dialIn: 'Acceso a la llamada:',
    thread: 'Hay un hilo de mensajes abierto: tu mentor te escribirá allí.',
    calendar: 'Añadir al calendario',
    cancelReason: 'Motivo de la cancelación',
    cancelReasonDefault: 'Ya no la necesito',
    cancel: 'Cancelar sesión',
    cancelling: 'Cancelando…',
    cancelled: 'Tu sesión está cancelada.',
    another: 'Hacer otra pregunta',
  },
  errors: {
    connection: 'No se pudo conectar. Revisa tu conexión e inténtalo de nuevo.',
    auth: 'Tu sesión ha caducado. Recarga la página e inténtalo de nuevo.',
    permission: 'Este sitio no puede usar la mentoría ahora mismo.',
    validation: 'Algunos datos no son correctos. Revisa el formulario.',
    notFound: 'Ese elemento ya no existe.',
    slotTaken: 'Esa hora se acaba de ocupar. Elige otra, por favor.',
    notChangeable:
      'Esta sesión ya ha empezado o ya no está reservada, así que no se puede cancelar ni cambiar de hora.',
    rateLimited: 'Demasiados intentos. Espera un momento.',
    setup: 'Este widget de ayuda aún no está configurado.',
    generic: 'Algo ha salido mal. Inténtalo de nuevo.',
  },
};
