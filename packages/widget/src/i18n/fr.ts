import { badgeNames } from './badges.js';
import type { Messages } from './en.js';
import { LAUNCHER_LABEL } from './locale.js';
import { plural } from './plural.js';
import { reviewFr } from './review/fr.js';

// Every string the learner widget shows, in French (vouvoiement throughout).
export const fr: Messages = {
  launcher: LAUNCHER_LABEL.fr,
  intro:
    'Nous vous proposons des mentors qui connaissent le sujet ; vous choisissez l’un d’eux et un horaire.',
  topic: (topic) => `Sujet : ${topic}`,
  close: 'Fermer',
  offline: 'Vous êtes hors ligne. Reconnectez-vous pour poser une question ou réserver.',
  over: (n) =>
    `${plural('fr', n, { one: '# caractère', other: '# caractères' })} de trop : rien n’a été coupé, raccourcissez pour envoyer.`,
  guest: {
    heading: 'Qui pose la question ?',
    intro: 'Votre mentor verra votre nom et votre e-mail.',
    name: 'Votre nom',
    email: 'E-mail',
    nameRequired: 'Saisissez votre nom.',
    emailInvalid: 'Saisissez un e-mail valide.',
    submit: 'Continuer',
  },
  mine: {
    open: 'Mes séances',
    zone: (zone) => `Fuseau horaire : ${zone}`,
    unread: (n) => plural('fr', n, { one: '# message non lu', other: '# messages non lus' }),
    cancelAsk: (name, when) =>
      `Annuler votre séance avec ${name} le ${when} ? Nous prévenons ${name} et libérons le créneau ; c’est définitif.`,
    keepSession: 'Garder la séance',
  },
  form: {
    heading: 'Votre question',
    title: 'Qu’est-ce qui vous bloque ?',
    titleHint: 'Une phrase suffit.',
    titleRequired: 'Dites en quelques mots ce qui vous bloque.',
    details: 'Détails (facultatif)',
    detailsHint: 'Qu’avez-vous essayé ? Que s’est-il passé ?',
    format: 'Quel type d’aide préférez-vous ?',
    formats: reviewFr.formats,
    urgency: 'Pour quand ?',
    urgencies: {
      now: 'Tout de suite',
      today: 'Aujourd’hui',
      this_week: 'Cette semaine',
      flexible: 'Sans urgence',
    },
    selection: 'Extrait de la page, envoyé avec votre question :',
    selectionCut: (max) => `Seuls les ${max} premiers caractères de votre sélection sont envoyés.`,
    removeSelection: 'Retirer la sélection',
    context: 'Envoyé avec votre question',
    contextPage: (title) => `Page : ${title}`,
    contextCourse: (course) => `Cours : ${course}`,
    contextLesson: (lesson) => `Leçon : ${lesson}`,
    submit: 'Trouver un mentor',
    submitting: 'Recherche de mentors…',
  },
  matches: {
    heading: 'Des mentors qui peuvent vous aider',
    found: (n) => plural('fr', n, { one: '# mentor trouvé', other: '# mentors trouvés' }),
    noneHeading: 'Pas encore de correspondance',
    empty: 'Aucun mentor ici ne connaît encore bien ce sujet.',
    broaden: 'Chercher dans tous les formats, sans urgence',
    back: 'Modifier ma question',
    others: 'Voir d’autres mentors',
    booking: 'Réservation…',
    message: (name) => `Écrire plutôt à ${name}`,
    messaged: (name) => `Conversation ouverte avec ${name} : la réponse y arrivera.`,
    askProgram: 'Demander au programme',
    askedProgram: 'Votre question est transmise au programme : un mentor la prendra et vous écrira.',
    waitForMatch: 'Prévenez-moi quand un mentor sera là',
    waiting: 'Nous vous préviendrons quand un mentor qui connaît ce sujet sera là.',
    instantNow: 'Obtenir de l’aide immédiate',
  },
  slotReview: reviewFr,
  card: {
    rating: (rating, count) =>
      `Note : ${rating} sur 5 (${plural('fr', count, { one: '# avis', other: '# avis' })})`,
    slots: 'Prochains créneaux libres',
    slotsFor: (name) => `Créneaux libres avec ${name}`,
    noSlots: 'Aucun créneau libre dans les prochains jours',
    badges: badgeNames.fr,
  },
  reasons: {
    skill: (skills) => `Maîtrise ${skills}`,
    related: (skill, near) => `Travaille avec ${skill}, proche de ${near}`,
    mentions: (terms) => `Son profil mentionne ${terms}`,
    board: (label) => (label ? `Parmi vos conseillers pour ${label}` : 'Parmi vos conseillers'),
    speaks: (languages) => `Parle ${languages}`,
    newMentor: 'Nouveau mentor',
    years: (n) =>
      n < 1
        ? 'Moins d’un an d’expérience'
        : plural('fr', n, { one: '# an d’expérience', other: '# ans d’expérience' }),
    rated: (rating, n) =>
      `${rating} de moyenne sur ${plural('fr', n, { one: '# séance', other: '# séances' })}`,
    unrated: 'Pas encore de note',
    freeNow: 'Disponible maintenant',
    free: (when) => `Disponible ${when}`,
  },
  confirmation: {
    heading: 'C’est réservé',
    withMentor: reviewFr.withMentor,
    join: 'Rejoindre la séance',
    callYou: (phone) => `Votre mentor vous appellera au ${phone}.`,
    dialIn: 'Pour rejoindre l’appel :',
    thread: 'Une conversation est ouverte : votre mentor vous y écrira.',
    calendar: 'Ajouter à l’agenda',
    cancelReason: 'Motif de l’annulation',
    cancelReasonDefault: 'Je n’en ai plus besoin',
    cancel: 'Annuler la séance',
    cancelling: 'Annulation…',
    cancelled: 'Votre séance est annulée.',
    another: 'Poser une autre question',
  },
  errors: {
    connection: 'Connexion impossible. Vérifiez votre connexion et réessayez.',
    auth: 'Votre connexion a expiré. Rechargez la page et réessayez.',
    permission: 'Ce site ne peut pas utiliser le mentorat pour le moment.',
    validation: 'Certaines informations sont incorrectes. Vérifiez le formulaire.',
    notFound: 'Cet élément n’existe plus.',
    slotTaken: 'Ce créneau vient d’être pris. Choisissez-en un autre.',
    notChangeable:
      'Cette séance a déjà commencé ou n’est plus réservée : impossible de l’annuler ou de la déplacer.',
    rateLimited: 'Trop de tentatives. Patientez un instant et réessayez.',
    setup: 'Ce widget d’aide n’est pas encore configuré.',
    generic: 'Une erreur s’est produite. Réessayez.',
  },
};
