// Every catalogue, in every locale: the same keys as English, no empty words, and every phrase
// with values reads as words for sample values (counts 0, 1, 2, 5 and a name). Plurals go through
// `Intl.PluralRules`: French says "0 séance" where English says "0 sessions".
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { adminMessages } from './admin-console.js';
import { badgeNames } from './badges.js';
import { calendarFeedMessages } from './calendar-feed.js';
import { emailPreferenceWords } from './email-preferences.js';
import { en } from './en.js';
import { es } from './es.js';
import { followUpMessages } from './follow-up.js';
import { fr } from './fr.js';
import { hasMessages, loadMessages, messages } from './index.js';
import { leaderboardMessages } from './leaderboard.js';
import { LAUNCHER_LABEL, LOCALES, type Locale } from './locale.js';
import { consoleMessages } from './mentor-console.js';
import { myHelpWords } from './my-help.js';
import { noShowMessages } from './no-show.js';
import { panelWords } from './panel.js';
import { programQueueMessages } from './program-queue.js';
import { reviewEn } from './review/en.js';
import { reviewEs } from './review/es.js';
import { reviewFr } from './review/fr.js';

const learner: Record<Locale, unknown> = { en, es, fr };
const lookup = (pick: (explicit: string, element: Element) => unknown) =>
  Object.fromEntries(LOCALES.map((locale) => [locale, pick(locale, document.body)])) as Record<
    Locale,
    unknown
  >;

const catalogues: Record<string, Record<Locale, unknown>> = {
  learner,
  'mentor console': lookup(consoleMessages),
  'admin console': lookup(adminMessages),
  'follow-up': lookup(followUpMessages),
  leaderboard: lookup(leaderboardMessages),
  'program queue': lookup(programQueueMessages),
  'calendar feed': lookup(calendarFeedMessages),
  'no-show': lookup(noShowMessages),
  'My help': myHelpWords,
  'email preferences': lookup(emailPreferenceWords),
  'panel words': panelWords,
  'slot review': { en: reviewEn, es: reviewEs, fr: reviewFr },
  badges: badgeNames,
  'launcher label': LAUNCHER_LABEL,
};

/** Every leaf of a catalogue by its path ("matches.found"). */
function leaves(value: unknown, path = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) leaves(child, path ? `${path}.${key}` : key, out);
  } else out.set(path, value);
  return out;
}

const COUNTS = [0, 1, 2, 5];
const NAME = 'Ana';
/** Not words: a value the phrase did not expect, or one it did not get. */
const BROKEN = /undefined|NaN|\[object|null/;

/** What a phrase says for a count: every mix of that count and a name for its parameters. */
function readings(phrase: (...args: unknown[]) => unknown, count: number): unknown[] {
  const arity = phrase.length;
  return Array.from({ length: 2 ** arity }, (_, mix) =>
    phrase(...Array.from({ length: arity }, (_, i) => ((mix >> i) & 1 ? NAME : count))),
  );
}

describe('i18n catalogues', () => {
  it('has a catalogue for every locale, French among them', () => {
    expect(LOCALES).to.include('fr');
    for (const [name, catalogue] of Object.entries(catalogues))
      expect(Object.keys(catalogue).sort(), name).to.deep.equal([...LOCALES].sort());
  });

  for (const [name, catalogue] of Object.entries(catalogues)) {
    it(`${name}: every locale has every key English has, and no other`, () => {
      const english = [...leaves(catalogue.en).keys()].sort();
      expect(english.length, name).to.be.greaterThan(0);
      for (const locale of LOCALES) {
        const keys = [...leaves(catalogue[locale]).keys()].sort();
        expect(
          english.filter((key) => !keys.includes(key)),
          `${name} (${locale}) is missing`,
        ).to.deep.equal([]);
        expect(
          keys.filter((key) => !english.includes(key)),
          `${name} (${locale}) has extra`,
        ).to.deep.equal([]);
      }
    });

    it(`${name}: no empty words, and phrases read as words for 0, 1, 2, 5 and a name`, () => {
      for (const locale of LOCALES) {
        for (const [key, value] of leaves(catalogue[locale])) {
          const where = `${name} (${locale}) ${key}`;
          if (typeof value === 'function') {
            for (const count of COUNTS) {
              const said = readings(value as (...args: unknown[]) => unknown, count);
              for (const text of said) {
                expect(text, where).to.be.a('string');
                expect((text as string).trim(), where).not.to.equal('');
              }
              expect(
                said.some((text) => !BROKEN.test(text as string)),
                `${where}(${count}): ${said.join(' | ')}`,
              ).to.equal(true);
            }
          } else {
            expect(value, where).to.be.a('string');
            expect((value as string).trim(), where).not.to.equal('');
          }
        }
      }
    });
  }

  it("chooses plural forms by each language's rules: French 0 is singular, English 0 plural", () => {
    expect(en.matches.found(0)).to.equal('0 mentors found');
    expect(fr.matches.found(0)).to.equal('0 mentor trouvé');
    expect(fr.matches.found(1)).to.equal('1 mentor trouvé');
    expect(fr.matches.found(2)).to.equal('2 mentors trouvés');
    expect(es.matches.found(0)).to.equal('0 mentores encontrados');
    const admin = lookup(adminMessages) as Record<Locale, ReturnType<typeof adminMessages>>;
    expect(admin.en.mentors.sessions(0)).to.equal('0 sessions');
    expect(admin.fr.mentors.sessions(0)).to.equal('0 séance');
    expect(admin.en.mentors.sessions(1)).to.equal('1 session');
    expect(admin.fr.mentors.sessions(5)).to.equal('5 séances');
    const followUp = lookup(followUpMessages) as Record<Locale, ReturnType<typeof followUpMessages>>;
    expect(followUp.en.feedback.star(0)).to.equal('0 stars');
    expect(followUp.fr.feedback.star(0)).to.equal('0 étoile');
    // The count is written the language's way.
    expect(en.mine.unread(1200)).to.equal('1,200 unread messages');
    expect(fr.mine.unread(1200)).to.equal('1\u202f200 messages non lus');
  });

  it('loads the learner widget’s French as a chunk of its own', async () => {
    await loadMessages('fr');
    expect(hasMessages('fr')).to.equal(true);
    expect(messages('fr').launcher).to.equal('Demander à un expert');
  });

  it('writes no plural by hand: counts go through plural() and Intl.PluralRules', async () => {
    const sources = await executeServerCommand<{ path: string; text: string }[], undefined>('widget-sources');
    const i18n = sources.filter((source) => source.path.startsWith('src/i18n/'));
    expect(i18n.length).to.be.greaterThan(5);
    for (const { path, text } of i18n) expect(text, path).not.to.match(/[=!]==?\s*1\s*\?/);
  });
});
