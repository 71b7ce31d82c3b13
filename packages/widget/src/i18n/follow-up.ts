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
  next: {
    heading: 'Next topics to ask about',
    empty: 'Suggestions appear here once you have asked a question or two.',
    nextAfter: (from: string, percent: number, learners: number) =>
      `People who asked about ${from} next asked about this (${percent}% of ${learners}).`,
    related: (from: string) => `Goes with ${from}, which you asked about.`,
    popular: (learners: number) =>
      `Popular in your program: ${plural('en', learners, { one: '# learner', other: '# learners' })} asked about it.`,
    knows: (skill: string) => `Knows ${skill}`,
    sessions: (n: number) => plural('en', n, { one: '# session', other: '# sessions' }),
    rated: (rating: number) => `rated ${rating}`,
    ask: 'Ask about this',
    askTitle: (label: string) => `${label}: `,
    dismiss: (label: string) => `Not interested in ${label}`,
    dismissed: (label: string) => `${label} will not be suggested again.`,
    added: (name: string) => `${name} is on your board.`,
    addMentor: (name: string) => `Add ${name} to my board`,
  },
  open: {
    heading: 'Your open questions',
    withMentor: 'With a mentor',
    waiting: 'Waiting for a mentor',
    queued: 'With the program: a mentor will take it and write to you',
    waitingMatch: 'We will tell you when a mentor who knows this is here',
    another: 'Request another mentor',
    reason: 'Why? (optional, for the program)',
    hint: 'Your mentor is told, and a session with them still ahead is cancelled.',
    confirm: 'Ask another mentor',
    keep: 'Keep this mentor',
    offered: (names: string) => `Offered to ${names}. The first to accept helps you.`,
    next: (names: string) => `Your question is open again. Mentors who can help next: ${names}.`,
    noMentor: 'No mentor is on this question yet: book or message one of its mentors first.',
    sessionStarted:
      'Your session with this mentor has taken place. If they did not come, say so under Past; or ask a new question.',
    /** How long the mentor had: "within 24 hours"; not known: "in time". */
    within: (duration: string) => `within ${duration}`,
    inTime: 'in time',
    silent: (from: string, within: string, to: string) =>
      `${from} didn’t reply ${within} — we offered your question to ${to}.`,
    noneInTime: (within: string, to: string) =>
      `No mentor answered ${within} — we offered your question to ${to}.`,
    noneLeft: 'No mentor replied in time — the program has your question.',
    askedOther: (from: string) => `You asked for another mentor instead of ${from}.`,
    waits:
      'Nobody else fits right now: your question waits for the program, and you will hear when a mentor can take it.',
  },
  advice: {
    heading: 'Advice side by side',
    empty: 'When two or more mentors advise on the same question, their advice shows here side by side.',
    items: 'Action items',
    notes: 'Notes',
    marks: { agree: 'Agrees', differs: 'Differs', only_one_mentor: 'One mentor' } as Record<string, string>,
    agree: (a: string, b: string, words: string) => `${a} and ${b} both advise on: ${words}.`,
    differs: (other: string, words: string, closest: string) =>
      `${other} also spoke of ${words} but advised: “${closest}”. Read both before deciding.`,
    only: (name: string) => `Only ${name} advised this.`,
    decision: 'What I decided',
    decide: 'Save my decision',
    decided: 'Your decision is saved.',
    share: 'Let my next mentor on this question see this advice',
    shared: 'Your next mentor will see this advice.',
    unshared: 'Your next mentor will not see this advice.',
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
  next: {
    heading: 'Próximos temas sobre los que preguntar',
    empty: 'Las sugerencias aparecerán aquí cuando hayas hecho una o dos preguntas.',
    nextAfter: (from: string, percent: number, learners: number) =>
      `Quienes preguntaron sobre ${from} preguntaron después sobre esto (${percent} % de ${learners}).`,
    related: (from: string) => `Va con ${from}, sobre lo que preguntaste.`,
    popular: (learners: number) =>
      `Popular en tu programa: ${plural('es', learners, { one: '# persona preguntó', other: '# personas preguntaron' })} sobre esto.`,
    knows: (skill: string) => `Sabe de ${skill}`,
    sessions: (n: number) => plural('es', n, { one: '# sesión', other: '# sesiones' }),
    rated: (rating: number) => `valoración ${rating}`,
    ask: 'Preguntar sobre esto',
    askTitle: (label: string) => `${label}: `,
    dismiss: (label: string) => `No me interesa ${label}`,
    dismissed: (label: string) => `No volveremos a sugerirte ${label}.`,
    added: (name: string) => `${name} está en tu consejo.`,
    addMentor: (name: string) => `Añadir a ${name} a mi consejo`,
  },
  open: {
    heading: 'Tus preguntas abiertas',
    withMentor: 'Con un mentor',
    waiting: 'Esperando mentor',
    queued: 'Con el programa: un mentor la tomará y te escribirá',
    waitingMatch: 'Te avisaremos cuando haya un mentor que sepa de esto',
    another: 'Pedir otro mentor',
    reason: '¿Por qué? (opcional, para el programa)',
    hint: 'Avisamos a tu mentor y se cancela la sesión pendiente con él.',
    confirm: 'Pedir otro mentor',
    keep: 'Seguir con este mentor',
    offered: (names: string) => `Ofrecida a ${names}. Te ayudará quien acepte primero.`,
    next: (names: string) => `Tu pregunta vuelve a estar abierta. Pueden ayudarte: ${names}.`,
    noMentor:
      'Todavía no hay ningún mentor en esta pregunta: reserva o escribe primero a uno de sus mentores.',
    sessionStarted:
      'Tu sesión con este mentor ya tuvo lugar. Si no se presentó, indícalo en Anteriores; o haz una pregunta nueva.',
    within: (duration: string) => `en ${duration}`,
    inTime: 'a tiempo',
    silent: (from: string, within: string, to: string) =>
      `${from} no respondió ${within}: ofrecimos tu pregunta a ${to}.`,
    noneInTime: (within: string, to: string) =>
      `Ningún mentor respondió ${within}: ofrecimos tu pregunta a ${to}.`,
    noneLeft: 'Ningún mentor respondió a tiempo: tu pregunta está en manos del programa.',
    askedOther: (from: string) => `Pediste otro mentor en lugar de ${from}.`,
    waits:
      'Ahora no encaja nadie más: tu pregunta queda en manos del programa y te avisaremos cuando un mentor pueda atenderla.',
  },
  advice: {
    heading: 'Consejos lado a lado',
    empty:
      'Cuando dos o más mentores te aconsejen sobre la misma pregunta, verás sus consejos aquí lado a lado.',
    items: 'Tareas',
    notes: 'Notas',
    marks: { agree: 'Coincide', differs: 'Difiere', only_one_mentor: 'Un solo mentor' },
    agree: (a: string, b: string, words: string) => `${a} y ${b} aconsejan sobre: ${words}.`,
    differs: (other: string, words: string, closest: string) =>
      `${other} también habló de ${words}, pero aconsejó: «${closest}». Lee ambos antes de decidir.`,
    only: (name: string) => `Solo ${name} aconsejó esto.`,
    decision: 'Lo que decidí',
    decide: 'Guardar mi decisión',
    decided: 'Tu decisión está guardada.',
    share: 'Que mi próximo mentor en esta pregunta vea estos consejos',
    shared: 'Tu próximo mentor verá estos consejos.',
    unshared: 'Tu próximo mentor no verá estos consejos.',
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
  next: {
    heading: 'Prochains sujets à aborder',
    empty: 'Des suggestions apparaîtront ici après une ou deux questions.',
    nextAfter: (from: string, percent: number, learners: number) =>
      `Les personnes qui ont posé une question sur ${from} ont ensuite demandé ceci (${percent} % de ${learners}).`,
    related: (from: string) => `Va avec ${from}, sur lequel vous avez posé une question.`,
    popular: (learners: number) =>
      `Populaire dans votre programme : ${plural('fr', learners, { one: '# personne a', other: '# personnes ont' })} posé une question à ce sujet.`,
    knows: (skill: string) => `Connaît ${skill}`,
    sessions: (n: number) => plural('fr', n, { one: '# séance', other: '# séances' }),
    rated: (rating: number) => `noté ${rating}`,
    ask: 'Poser une question à ce sujet',
    askTitle: (label: string) => `${label} : `,
    dismiss: (label: string) => `${label} ne m’intéresse pas`,
    dismissed: (label: string) => `${label} ne vous sera plus suggéré.`,
    added: (name: string) => `${name} fait partie de vos conseillers.`,
    addMentor: (name: string) => `Ajouter ${name} à mes conseillers`,
  },
  open: {
    heading: 'Vos questions en cours',
    withMentor: 'Avec un mentor',
    waiting: 'En attente d’un mentor',
    queued: 'Transmise au programme : un mentor la prendra et vous écrira',
    waitingMatch: 'Nous vous préviendrons quand un mentor qui connaît ce sujet sera là',
    another: 'Demander un autre mentor',
    reason: 'Pourquoi ? (facultatif, pour le programme)',
    hint: 'Votre mentor est prévenu, et une séance prévue avec lui est annulée.',
    confirm: 'Demander un autre mentor',
    keep: 'Garder ce mentor',
    offered: (names: string) => `Proposée à ${names}. Le premier qui accepte vous aide.`,
    next: (names: string) => `Votre question est de nouveau ouverte. Mentors qui peuvent aider : ${names}.`,
    noMentor:
      'Aucun mentor ne suit encore cette question : réservez ou écrivez d’abord à l’un de ses mentors.',
    sessionStarted:
      'Votre séance avec ce mentor a eu lieu. S’il n’est pas venu, signalez-le sous Passées ; ou posez une nouvelle question.',
    within: (duration: string) => `sous ${duration}`,
    inTime: 'à temps',
    silent: (from: string, within: string, to: string) =>
      `${from} n’a pas répondu ${within} : nous avons proposé votre question à ${to}.`,
    noneInTime: (within: string, to: string) =>
      `Aucun mentor n’a répondu ${within} : nous avons proposé votre question à ${to}.`,
    noneLeft: 'Aucun mentor n’a répondu à temps : le programme a votre question.',
    askedOther: (from: string) => `Vous avez demandé un autre mentor à la place de ${from}.`,
    waits:
      'Personne d’autre ne convient pour l’instant : votre question attend le programme, et vous serez prévenu quand un mentor pourra la prendre.',
  },
  advice: {
    heading: 'Conseils côte à côte',
    empty:
      'Quand plusieurs mentors vous conseillent sur une même question, leurs conseils apparaissent ici côte à côte.',
    items: 'Actions à mener',
    notes: 'Notes',
    marks: { agree: 'Concorde', differs: 'Diffère', only_one_mentor: 'Un seul mentor' },
    agree: (a: string, b: string, words: string) => `${a} et ${b} conseillent tous deux sur : ${words}.`,
    differs: (other: string, words: string, closest: string) =>
      `${other} a aussi parlé de ${words}, mais a conseillé : « ${closest} ». Lisez les deux avant de décider.`,
    only: (name: string) => `Seul ${name} a conseillé ceci.`,
    decision: 'Ce que j’ai décidé',
    decide: 'Enregistrer ma décision',
    decided: 'Votre décision est enregistrée.',
    share: 'Montrer ces conseils à mon prochain mentor sur cette question',
    shared: 'Votre prochain mentor verra ces conseils.',
    unshared: 'Votre prochain mentor ne verra pas ces conseils.',
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
