// The no-show control's words (<mm-no-show> on the mentor console's session cards), apart from
// the console's catalogue so the learner's bundles, which share that one, never carry them.
import { catalogue, panelWords } from './panel.js';

const en = {
  ...panelWords.en,
  someone: 'A learner',
  open: 'The learner didn’t come',
  confirm: (name: string) => `Record that ${name} did not come? The program sees it; it cannot be undone.`,
  record: 'Record the no-show',
  back: 'Keep the session',
  recorded: (name: string) => `Recorded: ${name} did not come.`,
  when: (name: string, date: string) => `${name} did not come (recorded ${date}).`,
  you: (date: string) => `The learner recorded that you did not come (${date}).`,
};

export type NoShowMessages = typeof en;

const es: NoShowMessages = {
  ...panelWords.es,
  someone: 'Una persona',
  open: 'La persona no se presentó',
  confirm: (name: string) =>
    `¿Registrar que ${name} no se presentó? El programa lo verá; no se puede deshacer.`,
  record: 'Registrar la ausencia',
  back: 'Mantener la sesión',
  recorded: (name: string) => `Registrado: ${name} no se presentó.`,
  when: (name: string, date: string) => `${name} no se presentó (registrado el ${date}).`,
  you: (date: string) => `La persona registró que no te presentaste (${date}).`,
};

const fr: NoShowMessages = {
  ...panelWords.fr,
  someone: 'Un apprenant',
  open: 'L’apprenant n’est pas venu',
  confirm: (name: string) =>
    `Enregistrer que ${name} n’est pas venu ? Le programme le verra ; c’est définitif.`,
  record: 'Enregistrer l’absence',
  back: 'Garder la séance',
  recorded: (name: string) => `Enregistré : ${name} n’est pas venu.`,
  when: (name: string, date: string) => `${name} n’est pas venu (enregistré le ${date}).`,
  you: (date: string) => `L’apprenant a enregistré votre absence (${date}).`,
};

export const noShowMessages = catalogue({ en, es, fr });
