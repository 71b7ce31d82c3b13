import type { ReviewWords } from './en.js';

export const reviewFr: ReviewWords = {
  review: 'Vérifiez votre séance',
  withMentor: (name) => `Séance avec ${name}`,
  zone: (zone) => `Fuseau horaire : ${zone}`,
  formats: { video: 'Appel vidéo', call: 'Appel téléphonique', chat: 'Discussion écrite' },
  book: 'Réserver',
  change: 'Changer d’horaire',
  phone: 'Votre numéro de téléphone',
  phoneHint: 'Seul votre mentor le voit. Commencez par + et l’indicatif du pays : +33 6 12 34 56 78',
  phoneBad: 'Saisissez votre numéro avec + et l’indicatif du pays, par exemple +33 6 12 34 56 78.',
};
