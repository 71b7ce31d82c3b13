// The audit log's words (<mm-audit-log>, the admin console's "Audit log" tab), in the settings part
// with the panel, so the admin console's own bundle does not carry them.
import { catalogue, panelWords } from './panel.js';

const en = {
  ...panelWords.en,
  heading: 'Audit log',
  intro:
    'Every change an admin or your server made to the program, and every export: who, when, what and from where. Entries cannot be changed or deleted.',
  empty: 'Nothing recorded yet.',
  caption: 'Admin actions, newest first',
  when: 'When',
  who: 'Who',
  what: 'What',
  from: 'From',
  server: 'Your server (secret key)',
  cli: 'The CLI on your server',
  /** An admin whose name is no longer known (erased): their id's start. */
  someone: (id: string) => `Admin ${id.slice(0, 8)}`,
  fields: (list: string) => `Changed: ${list}`,
  more: 'Show older entries',
  csv: 'Download CSV',
  jsonl: 'Download JSON lines',
  downloaded: 'Downloaded.',
};

export type AuditLogMessages = typeof en;

const es: AuditLogMessages = {
  ...panelWords.es,
  heading: 'Registro de auditoría',
  intro:
    'Cada cambio que un administrador o tu servidor hizo en el programa, y cada exportación: quién, cuándo, qué y desde dónde. Las entradas no se pueden cambiar ni borrar.',
  empty: 'Aún no hay nada registrado.',
  caption: 'Acciones de administración, las más recientes primero',
  when: 'Cuándo',
  who: 'Quién',
  what: 'Qué',
  from: 'Desde',
  server: 'Tu servidor (clave secreta)',
  cli: 'La CLI en tu servidor',
  someone: (id: string) => `Administrador ${id.slice(0, 8)}`,
  fields: (list: string) => `Cambios: ${list}`,
  more: 'Ver entradas anteriores',
  csv: 'Descargar CSV',
  jsonl: 'Descargar líneas JSON',
  downloaded: 'Descargado.',
};

const fr: AuditLogMessages = {
  ...panelWords.fr,
  heading: 'Journal d’audit',
  intro:
    'Chaque modification apportée au programme par un administrateur ou votre serveur, et chaque export : qui, quand, quoi et d’où. Les entrées ne peuvent être ni modifiées ni supprimées.',
  empty: 'Rien d’enregistré pour l’instant.',
  caption: 'Actions d’administration, les plus récentes d’abord',
  when: 'Quand',
  who: 'Qui',
  what: 'Quoi',
  from: 'D’où',
  server: 'Votre serveur (clé secrète)',
  cli: 'La CLI sur votre serveur',
  someone: (id: string) => `Administrateur ${id.slice(0, 8)}`,
  fields: (list: string) => `Modifié : ${list}`,
  more: 'Afficher les entrées plus anciennes',
  csv: 'Télécharger en CSV',
  jsonl: 'Télécharger en lignes JSON',
  downloaded: 'Téléchargé.',
};

export const auditLogMessages = catalogue({ en, es, fr });
