import type { ReviewWords } from './en.js';

export const reviewEs: ReviewWords = {
  review: 'Revisa tu sesión',
  withMentor: (name) => `Sesión con ${name}`,
  zone: (zone) => `Zona horaria: ${zone}`,
  formats: { video: 'Videollamada', call: 'Llamada', chat: 'Chat de texto' },
  book: 'Reservar',
  change: 'Cambiar hora',
  phone: 'Tu número de teléfono',
  phoneHint: 'Solo lo ve tu mentor. Empieza por + y el prefijo del país: +34 600 000 000',
  phoneBad: 'Escribe tu número con + y el prefijo del país, por ejemplo +34 600 000 000.',
};
