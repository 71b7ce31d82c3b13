// The words of the email preferences (My help and the mentor console both show them).
import type { EmailKind } from '@micromentor/sdk';
import type { Locale } from './locale.js';
import { catalogue, panelWords } from './panel.js';

const en = {
  heading: 'Email',
  to: (address: string) => `We write to ${address}.`,
  noAddress: 'We have no email address for you, so we send you none.',
  hint: 'Each email also has a link to stop its kind in one click.',
  saved: 'Saved.',
  kinds: {
    bookings: 'Bookings: confirmations, changes and cancellations, with a calendar invitation',
    reminders: 'Reminders before each session',
    requests: 'New requests for you (several at once come as one digest)',
    messages: 'Messages you have not read after 5 minutes',
    feedback: 'Asking how a session went',
    account: 'What happened to your reports',
  } satisfies Record<EmailKind, string>,
  /** `account` for a mentor. */
  application: 'Your mentor application',
};

export type EmailPreferenceWords = typeof en & (typeof panelWords)['en'];

const words: Record<Locale, typeof en> = {
  en,
  es: {
    heading: 'Correo',
    to: (address: string) => `Te escribimos a ${address}.`,
    noAddress: 'No tenemos tu correo, así que no te enviamos ninguno.',
    hint: 'Cada correo trae también un enlace para dejar de recibir los de su tipo con un clic.',
    saved: 'Guardado.',
    kinds: {
      bookings: 'Reservas: confirmaciones, cambios y cancelaciones, con invitación de calendario',
      reminders: 'Recordatorios antes de cada sesión',
      requests: 'Nuevas solicitudes para ti (varias a la vez llegan en un resumen)',
      messages: 'Mensajes que no has leído en 5 minutos',
      feedback: 'Preguntarte qué tal fue una sesión',
      account: 'Qué ha pasado con tus denuncias',
    },
    application: 'Tu solicitud de mentor',
  },
  fr: {
    heading: 'E-mail',
    to: (address: string) => `Nous vous écrivons à ${address}.`,
    noAddress: 'Nous n’avons pas votre adresse e-mail : nous ne vous en envoyons aucun.',
    hint: 'Chaque e-mail contient aussi un lien pour arrêter ceux de son type en un clic.',
    saved: 'Enregistré.',
    kinds: {
      bookings: 'Réservations : confirmations, changements et annulations, avec une invitation d’agenda',
      reminders: 'Rappels avant chaque séance',
      requests: 'Nouvelles demandes pour vous (plusieurs à la fois arrivent en un résumé)',
      messages: 'Messages non lus après 5 minutes',
      feedback: 'Vous demander comment s’est passée une séance',
      account: 'La suite donnée à vos signalements',
    },
    application: 'Votre candidature de mentor',
  },
};

export const emailPreferenceWords = catalogue(
  Object.fromEntries(
    (Object.keys(words) as Locale[]).map((locale) => [locale, { ...panelWords[locale], ...words[locale] }]),
  ) as Record<Locale, EmailPreferenceWords>,
);
