import { kindName } from './en.js';
import type { EmailWords } from './types.js';

export const es: EmailWords = {
  locale: 'es',
  greeting: (name) => `Hola, ${name}:`,
  format: { video: 'videollamada', call: 'llamada', chat: 'chat de texto' },
  when: 'Cuándo',
  duration: (minutes) => `${minutes} minutos`,
  how: 'Cómo',
  join: 'Entrar en la sesión',
  dialIn: (number) => `Número de acceso: ${number}`,
  callsYou: 'Tu mentor te llama al número que diste.',
  callLearner: (number) => `Llama a la persona al ${number}.`,
  chatInPage: 'En el chat de texto, donde pediste ayuda.',
  question: 'La pregunta',
  note: 'Nota',
  invitationHint: 'La invitación adjunta la añade a tu calendario, en tu propia zona horaria.',
  booked: {
    learner: {
      subject: (mentor, when) => `Reservada: tu sesión con ${mentor}, ${when}`,
      heading: 'Tu sesión está reservada',
      intro: (mentor, format) => `Tienes una ${format} con ${mentor}.`,
    },
    mentor: {
      subject: (learner, when) => `Nueva sesión: ${learner}, ${when}`,
      heading: 'Alguien ha reservado contigo',
      intro: (learner, format) => `${learner} ha reservado una ${format} contigo.`,
    },
  },
  moved: {
    subject: (other, when) => `Cambio: tu sesión con ${other} es ahora ${when}`,
    heading: 'Tu sesión ha cambiado de hora',
    intro: (other, previous) => `Tu sesión con ${other} estaba prevista para ${previous}.`,
  },
  cancelled: {
    subject: (other, when) => `Cancelada: tu sesión con ${other}, ${when}`,
    heading: 'Tu sesión está cancelada',
    intro: (other, by) =>
      by === 'you' ? `Has cancelado tu sesión con ${other}.` : `${other} ha cancelado vuestra sesión.`,
    byProgram: (other) => `El programa ha cancelado tu sesión con ${other}.`,
    reason: 'Motivo',
  },
  reminder: {
    subject: (other, minutes) => `${inTime(minutes)}: tu sesión con ${other}`,
    heading: (minutes) => `Tu sesión empieza ${inTime(minutes).toLowerCase()}`,
    intro: (other) => `Te recordamos tu sesión con ${other}.`,
  },
  feedback: {
    subject: (mentor) => `¿Qué tal tu sesión con ${mentor}?`,
    heading: '¿Qué tal fue?',
    intro: (mentor) =>
      `Tu sesión con ${mentor} ha terminado. Con dos toques le dices —a tu mentor y al programa— si te ayudó; las tareas acordadas están en Mi ayuda.`,
  },
  requests: {
    subject: (title) => `Nueva solicitud: ${title}`,
    digestSubject: (count) => `${count} nuevas solicitudes para ti`,
    heading: (count) => (count === 1 ? 'Alguien te pide ayuda' : `${count} personas te piden ayuda`),
    intro: 'Abre tu consola de mentor para responder o pasar.',
    now: 'Quiere ayuda ahora',
  },
  messages: {
    subject: (from) => `Nuevo mensaje de ${from}`,
    digestSubject: (from, count) => `${count} mensajes nuevos de ${from}`,
    heading: (from) => `${from} te ha escrito`,
    replyHint: 'Responde a este correo para contestar en la conversación.',
    openHint: 'Abre la conversación donde pediste ayuda para contestar.',
  },
  reassigned: {
    subject: (title) => `Tu solicitud pasó a otro mentor: ${title}`,
    heading: 'Pasamos tu solicitud a otra persona',
    intro: 'El mentor que tenía tu solicitud no respondió a tiempo, así que no te dejamos esperando.',
    offered: (mentors) => `Ahora la tiene ${mentors}. Te avisaremos en cuanto responda.`,
    unanswered:
      'Ahora mismo no hay otro mentor que encaje. Sigue abierta, y el programa la ve y te ayudará a encontrar a alguien.',
    question: 'Tu solicitud',
  },
  nobodyFit: {
    takenSubject: (title) => `Un mentor tomó tu solicitud: ${title}`,
    takenHeading: 'Un mentor tomó tu pregunta',
    takenIntro: (mentor) =>
      `${mentor} tomó tu solicitud del programa y te escribirá. Responde en el hilo de la solicitud y reserva allí una hora.`,
    foundSubject: (title) => `Ya hay un mentor que sabe de esto: ${title}`,
    foundHeading: 'Ya hay un mentor',
    foundIntro: (mentors) =>
      `Nos pediste avisarte cuando llegara o quedara libre un mentor que sepa de esto. ${mentors} puede ayudarte ahora: abre tu solicitud para reservar una hora.`,
    question: 'Tu solicitud',
  },
  application: {
    approvedSubject: 'Tu perfil de mentor está aprobado',
    approvedHeading: 'Te damos la bienvenida',
    approvedIntro: 'Ya pueden encontrarte y reservar contigo. Indica tu horario en la consola de mentor.',
    rejectedSubject: 'Sobre tu solicitud de mentor',
    rejectedHeading: 'Tu solicitud no ha sido aprobada',
    rejectedIntro: 'El programa ha revisado tu solicitud y esta vez no la ha aprobado.',
    reason: 'Motivo',
  },
  report: {
    subject: 'Hemos revisado tu denuncia',
    heading: 'Hemos revisado tu denuncia',
    outcome: {
      dismiss: (mentor) => `El programa ha revisado tu denuncia sobre ${mentor} y no ha tomado medidas.`,
      pause: (mentor) => `El programa ha pausado a ${mentor} mientras revisa tu denuncia.`,
      suspend: (mentor) => `El programa ha suspendido a ${mentor} tras tu denuncia.`,
    },
    note: 'Del programa',
  },
  unsubscribePage: {
    title: 'Preferencias de correo',
    confirm: (kind, program) => `¿Dejar de recibir correos ${kindName.es[kind]} de ${program}?`,
    button: 'No quiero estos correos',
    done: (kind, program) => `Hecho: ${program} ya no te enviará correos ${kindName.es[kind]}.`,
    undo: '¿Has cambiado de idea? Vuelve a activarlos en tus preferencias de correo (Mi ayuda o tu consola de mentor).',
  },
  footer: {
    why: (program) => `Recibes este correo porque usas las mentorías de ${program}.`,
    unsubscribe: (kind) => `No quiero más correos ${kindName.es[kind]}`,
    noTracking: 'Este correo no lleva píxeles de seguimiento ni enlaces rastreados.',
  },
};

/** "En 10 minutos", "En 2 horas", "Mañana" (24 h), "En 3 días". */
function inTime(minutes: number): string {
  if (minutes === 24 * 60) return 'Mañana';
  if (minutes % (24 * 60) === 0) return `En ${minutes / (24 * 60)} días`;
  if (minutes % 60 === 0) return minutes === 60 ? 'En 1 hora' : `En ${minutes / 60} horas`;
  return `En ${minutes} minutos`;
}
