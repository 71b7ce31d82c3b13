// The words of data rights: a user's own export and erasure (My help, the mentor console) and an
// admin's, for a user, in the admin console. Only the settings part imports this.
import type { Locale } from './locale.js';
import { catalogue, panelWords } from './panel.js';

const en = {
  heading: 'Your data',
  intro: 'Download a copy of everything this program holds about you, or erase your account.',
  download: 'Download my data',
  downloaded: 'Your data was saved as a file.',
  erase: 'Erase my account',
  eraseAsk: 'Erase your account for good?',
  erased: [
    'Your name, email and profile, and your mentor profile if you have one',
    'What you wrote: requests, messages, notes, feedback comments, reports, your board',
    'Email to you, and your sessions still ahead (the other person is told)',
  ],
  kept: 'What stays: the other people’s own messages and notes (your name shows as “Erased user”), and the program’s counts. This cannot be undone.',
  erasedHeading: 'What is erased',
  eraseYes: 'Erase my account for good',
  keep: 'Keep my account',
  done: 'Your account is erased. Signing in again starts a new, empty account.',
  // The admin's panel.
  adminHeading: 'A user’s data',
  adminIntro: 'Find a user to download their data or erase their account on their behalf.',
  find: 'Name, email or user id',
  search: 'Find',
  none: 'No user found.',
  erasedUser: 'erased',
  exportFor: (name: string) => `Download data of ${name}`,
  eraseFor: (name: string) => `Erase ${name}`,
  adminAsk: (name: string) =>
    `Erase ${name}? Their name, email, profile and everything they wrote go, everywhere; their sessions ahead are cancelled. This cannot be undone.`,
  adminYes: 'Erase this user',
  adminKeep: 'Keep the user',
  adminDone: (name: string) => `${name} was erased.`,
};

export type DataRightsWords = typeof en & (typeof panelWords)['en'];

const words: Record<Locale, typeof en> = {
  en,
  es: {
    heading: 'Tus datos',
    intro: 'Descarga una copia de todo lo que este programa guarda sobre ti, o borra tu cuenta.',
    download: 'Descargar mis datos',
    downloaded: 'Tus datos se han guardado en un archivo.',
    erase: 'Borrar mi cuenta',
    eraseAsk: '¿Borrar tu cuenta para siempre?',
    erased: [
      'Tu nombre, tu correo y tu perfil, y tu perfil de mentor si lo tienes',
      'Lo que escribiste: solicitudes, mensajes, notas, comentarios, denuncias, tu consejo',
      'Los correos para ti y tus sesiones futuras (se avisa a la otra persona)',
    ],
    kept: 'Lo que queda: los mensajes y notas de las otras personas (tu nombre aparece como «Erased user») y los recuentos del programa. No se puede deshacer.',
    erasedHeading: 'Qué se borra',
    eraseYes: 'Borrar mi cuenta para siempre',
    keep: 'Conservar mi cuenta',
    done: 'Tu cuenta está borrada. Si vuelves a entrar, empiezas con una cuenta nueva y vacía.',
    adminHeading: 'Datos de un usuario',
    adminIntro: 'Busca a un usuario para descargar sus datos o borrar su cuenta en su nombre.',
    find: 'Nombre, correo o id de usuario',
    search: 'Buscar',
    none: 'No se ha encontrado a nadie.',
    erasedUser: 'borrado',
    exportFor: (name: string) => `Descargar los datos de ${name}`,
    eraseFor: (name: string) => `Borrar a ${name}`,
    adminAsk: (name: string) =>
      `¿Borrar a ${name}? Su nombre, correo, perfil y todo lo que escribió desaparecen de todas partes; sus sesiones futuras se cancelan. No se puede deshacer.`,
    adminYes: 'Borrar a este usuario',
    adminKeep: 'Conservar al usuario',
    adminDone: (name: string) => `${name} ha sido borrado.`,
  },
  fr: {
    heading: 'Vos données',
    intro: 'Téléchargez une copie de tout ce que ce programme détient sur vous, ou effacez votre compte.',
    download: 'Télécharger mes données',
    downloaded: 'Vos données ont été enregistrées dans un fichier.',
    erase: 'Effacer mon compte',
    eraseAsk: 'Effacer votre compte définitivement ?',
    erased: [
      'Votre nom, votre e-mail et votre profil, et votre profil de mentor si vous en avez un',
      'Ce que vous avez écrit : demandes, messages, notes, commentaires, signalements, votre conseil',
      'Les e-mails qui vous sont adressés et vos séances à venir (l’autre personne est prévenue)',
    ],
    kept: 'Ce qui reste : les messages et notes des autres personnes (votre nom y devient « Erased user ») et les comptes du programme. C’est irréversible.',
    erasedHeading: 'Ce qui est effacé',
    eraseYes: 'Effacer mon compte définitivement',
    keep: 'Garder mon compte',
    done: 'Votre compte est effacé. Vous reconnecter crée un nouveau compte, vide.',
    adminHeading: 'Les données d’un utilisateur',
    adminIntro: 'Trouvez un utilisateur pour télécharger ses données ou effacer son compte à sa demande.',
    find: 'Nom, e-mail ou identifiant',
    search: 'Chercher',
    none: 'Aucun utilisateur trouvé.',
    erasedUser: 'effacé',
    exportFor: (name: string) => `Télécharger les données de ${name}`,
    eraseFor: (name: string) => `Effacer ${name}`,
    adminAsk: (name: string) =>
      `Effacer ${name} ? Son nom, son e-mail, son profil et tout ce qu’il a écrit disparaissent partout ; ses séances à venir sont annulées. C’est irréversible.`,
    adminYes: 'Effacer cet utilisateur',
    adminKeep: 'Garder l’utilisateur',
    adminDone: (name: string) => `${name} a été effacé.`,
  },
};

export const dataRightsWords = catalogue(
  Object.fromEntries(
    (Object.keys(words) as Locale[]).map((locale) => [locale, { ...panelWords[locale], ...words[locale] }]),
  ) as Record<Locale, DataRightsWords>,
);
