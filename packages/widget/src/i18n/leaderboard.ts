// The leaderboard's words (<mm-leaderboard>: the follow-up bundle and the mentor console), apart
// from the follow-up's so the console carries only these.
import { catalogue, panelWords } from './panel.js';
import { plural } from './plural.js';

const en = {
  ...panelWords.en,
  heading: 'Top mentors',
  period: (month: string, by: 'sessions' | 'minutes') =>
    `${month}, by ${by === 'minutes' ? 'minutes mentored' : 'sessions held'}`,
  rank: (rank: number) => `Rank ${rank}`,
  sessions: (n: number) => plural('en', n, { one: '# session', other: '# sessions' }),
  minutes: (n: number) => plural('en', n, { one: '# minute', other: '# minutes' }),
  empty: 'No sessions yet this month.',
  you: 'you',
};

export type LeaderboardMessages = typeof en;

const es: LeaderboardMessages = {
  ...panelWords.es,
  heading: 'Mentores destacados',
  period: (month: string, by: 'sessions' | 'minutes') =>
    `${month}, por ${by === 'minutes' ? 'minutos de mentoría' : 'sesiones realizadas'}`,
  rank: (rank: number) => `Puesto ${rank}`,
  sessions: (n: number) => plural('es', n, { one: '# sesión', other: '# sesiones' }),
  minutes: (n: number) => plural('es', n, { one: '# minuto', other: '# minutos' }),
  empty: 'Aún no hay sesiones este mes.',
  you: 'tú',
};

const fr: LeaderboardMessages = {
  ...panelWords.fr,
  heading: 'Meilleurs mentors',
  period: (month: string, by: 'sessions' | 'minutes') =>
    `${month}, par ${by === 'minutes' ? 'minutes de mentorat' : 'séances effectuées'}`,
  rank: (rank: number) => `Rang ${rank}`,
  sessions: (n: number) => plural('fr', n, { one: '# séance', other: '# séances' }),
  minutes: (n: number) => plural('fr', n, { one: '# minute', other: '# minutes' }),
  empty: 'Aucune séance ce mois-ci pour l’instant.',
  you: 'vous',
};

export const leaderboardMessages = catalogue({ en, es, fr });
