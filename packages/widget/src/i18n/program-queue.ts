// The program queue's words (<mm-program-queue>, in the mentor console): requests nobody fitted.
import { catalogue, panelWords } from './panel.js';

const en = {
  ...panelWords.en,
  heading: 'Program queue',
  intro: 'Questions no mentor here fitted yet. Take one you can help with.',
  empty: 'Nothing is waiting for the program.',
  from: (name: string) => `From ${name}`,
  since: (when: string) => `Waiting since ${when}`,
  reason: { learner_asked: 'The learner asked the program', unanswered: 'No mentor answered' },
  take: 'Take',
  taken: 'It is yours: the learner has been told. Talk with them in Messages.',
  already: 'Another mentor took this request first.',
};

export type ProgramQueueMessages = typeof en;

const es: ProgramQueueMessages = {
  ...panelWords.es,
  heading: 'Cola del programa',
  intro: 'Preguntas para las que aún no encajaba ningún mentor. Toma una en la que puedas ayudar.',
  empty: 'No hay nada esperando al programa.',
  from: (name: string) => `De ${name}`,
  since: (when: string) => `Esperando desde ${when}`,
  reason: { learner_asked: 'La persona preguntó al programa', unanswered: 'Ningún mentor respondió' },
  take: 'Tomar',
  taken: 'Es tuya: ya se lo hemos dicho. Habla con la persona en Mensajes.',
  already: 'Otra persona mentora tomó esta solicitud antes.',
};

const fr: ProgramQueueMessages = {
  ...panelWords.fr,
  heading: 'File du programme',
  intro:
    'Des questions pour lesquelles aucun mentor ne convenait encore. Prenez-en une où vous pouvez aider.',
  empty: 'Rien n’attend le programme.',
  from: (name: string) => `De ${name}`,
  since: (when: string) => `En attente depuis le ${when}`,
  reason: { learner_asked: 'L’apprenant a demandé au programme', unanswered: 'Aucun mentor n’a répondu' },
  take: 'Prendre',
  taken: 'Elle est à vous : l’apprenant a été prévenu. Échangez avec lui dans Messages.',
  already: 'Un autre mentor a pris cette demande avant vous.',
};

export const programQueueMessages = catalogue({ en, es, fr });
