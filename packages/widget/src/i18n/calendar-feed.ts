// The calendar feed's words (<mm-calendar-feed>: the mentor console and the learner's follow-up),
// apart from both so each bundle carries them once. Menu names are each app's own, in its language.
import { catalogue, panelWords } from './panel.js';

const en = {
  ...panelWords.en,
  heading: 'Your calendar',
  intro: 'See your sessions in the calendar you use. It keeps itself up to date.',
  turnOn: 'Add my sessions to my calendar',
  link: 'Your private calendar link',
  secret: 'Anyone with this link sees your sessions: keep it to yourself.',
  copy: 'Copy',
  copied: 'Link copied.',
  paste: 'Add it to your calendar:',
  apps: [
    'Google Calendar: Other calendars → + → From URL',
    'Outlook: Add calendar → Subscribe from web',
    'Apple Calendar: File → New Calendar Subscription',
  ],
  unreadable: 'Your link is on but cannot be shown here. Get a new link.',
  renew: 'Get a new link',
  renewAsk: 'Your current link will stop working, and calendars using it will stop updating. Get a new link?',
  renewed: 'Here is your new link. The old one no longer works.',
  off: 'Turn off',
  offAsk: 'Your link will stop working, and calendars using it will stop updating. Turn it off?',
  turnedOff: 'Your calendar link is off.',
  keep: 'Keep my link',
};

export type CalendarFeedMessages = typeof en;

const es: CalendarFeedMessages = {
  ...panelWords.es,
  heading: 'Tu calendario',
  intro: 'Ve tus sesiones en el calendario que usas. Se mantiene al día solo.',
  turnOn: 'Añadir mis sesiones a mi calendario',
  link: 'Tu enlace privado de calendario',
  secret: 'Quien tenga este enlace ve tus sesiones: no lo compartas.',
  copy: 'Copiar',
  copied: 'Enlace copiado.',
  paste: 'Añádelo a tu calendario:',
  apps: [
    'Google Calendar: Otros calendarios → + → Desde URL',
    'Outlook: Agregar calendario → Suscribirse desde la web',
    'Calendario de Apple: Archivo → Nueva suscripción a calendario',
  ],
  unreadable: 'Tu enlace está activo pero no se puede mostrar aquí. Pide uno nuevo.',
  renew: 'Pedir un enlace nuevo',
  renewAsk:
    'Tu enlace actual dejará de funcionar y los calendarios que lo usan dejarán de actualizarse. ¿Pedir uno nuevo?',
  renewed: 'Aquí tienes tu enlace nuevo. El anterior ya no funciona.',
  off: 'Desactivar',
  offAsk:
    'Tu enlace dejará de funcionar y los calendarios que lo usan dejarán de actualizarse. ¿Desactivarlo?',
  turnedOff: 'Tu enlace de calendario está desactivado.',
  keep: 'Conservar mi enlace',
};

const fr: CalendarFeedMessages = {
  ...panelWords.fr,
  heading: 'Votre agenda',
  intro: 'Retrouvez vos séances dans l’agenda que vous utilisez. Il se met à jour tout seul.',
  turnOn: 'Ajouter mes séances à mon agenda',
  link: 'Votre lien d’agenda privé',
  secret: 'Toute personne ayant ce lien voit vos séances : gardez-le pour vous.',
  copy: 'Copier',
  copied: 'Lien copié.',
  paste: 'Ajoutez-le à votre agenda :',
  apps: [
    'Google Agenda : Autres agendas → + → À partir de l’URL',
    'Outlook : Ajouter un calendrier → S’abonner à partir du web',
    'Calendrier d’Apple : Fichier → Nouvel abonnement à un calendrier',
  ],
  unreadable: 'Votre lien est actif mais ne peut pas être affiché ici. Demandez-en un nouveau.',
  renew: 'Obtenir un nouveau lien',
  renewAsk:
    'Votre lien actuel cessera de fonctionner et les agendas qui l’utilisent ne seront plus mis à jour. Obtenir un nouveau lien ?',
  renewed: 'Voici votre nouveau lien. L’ancien ne fonctionne plus.',
  off: 'Désactiver',
  offAsk:
    'Votre lien cessera de fonctionner et les agendas qui l’utilisent ne seront plus mis à jour. Le désactiver ?',
  turnedOff: 'Votre lien d’agenda est désactivé.',
  keep: 'Garder mon lien',
};

export const calendarFeedMessages = catalogue({ en, es, fr });
