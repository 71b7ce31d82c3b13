// The tour: every surface people meet, opened as they open it (the built bundles on the example
// site, cold), at desktop 1280×800 and phone 390×844, light and dark (the system's preference),
// English and Spanish (the host page's lang). Each screen is saved under test-results/tour/ and
// checked with axe-core (WCAG 2.1 A/AA, colour contrast included): no serious or critical
// violation may remain. Data comes from the API as the demo learner would make it.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asProgram,
  asUser,
  type ExampleStack,
  ensureWidgetBuilt,
  ROOT,
  startExampleStack,
} from './support.js';

/** Not 8788–8790: the other e2e files may run beside this one. */
const PORT = 8791;
const ORIGIN = `http://localhost:${PORT}`;
const LEARNER = { sub: 'demo-learner-1', name: 'Ada Learner', email: 'ada.learner@example.com' };
const OUT = join(ROOT, 'test-results', 'tour');
const STEP_TIMEOUT = 20_000;
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } } as const;
const SCHEMES = ['light', 'dark'] as const;
const LOCALES = ['en', 'es'] as const;
type Locale = (typeof LOCALES)[number];

/** What each locale's screens say, where the tour has to find something by its words. */
const WORDS: Record<Locale, { title: RegExp; find: RegExp; myHelp: RegExp; message: RegExp; now: RegExp }> = {
  en: {
    title: /What are you stuck on/,
    find: /Find a mentor/,
    myHelp: /My help/,
    message: /^Message /,
    now: /Right now/,
  },
  es: {
    title: /En qué te has atascado/,
    find: /Buscar mentor/,
    myHelp: /Mis sesiones/,
    message: /^Escribir a /,
    now: /Ahora mismo/,
  },
};

interface Violation {
  screen: string;
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

let stack: ExampleStack | undefined;
const violations: Violation[] = [];
const screens: string[] = [];
/** The mentor the demo learner booked and wrote to (the console "with data"), and one with nothing. */
let busyMentor: { externalId: string; name: string } | undefined;
let idleMentor: { externalId: string; name: string } | undefined;

interface ApiMentor {
  id: string;
  externalId: string;
  name: string;
  skills: string[];
  formats: string[];
}

const asLearner = <T>(method: string, path: string, body?: unknown): Promise<T> =>
  asUser<T>(stack!.api.url, LEARNER, method, path, body);

/** A booked session and a message thread between the demo learner and one demo mentor. */
async function seedLearnerHistory(): Promise<void> {
  const { request, matches } = await asLearner<{
    request: { id: string };
    matches: { mentor: ApiMentor; nextSlots: { start: string; end: string }[] }[];
  }>('POST', '/v1/requests', {
    title: 'My LEFT JOIN returns duplicate rows',
    details: 'Orders join customers and every order shows up twice when a customer has two addresses.',
    skills: ['sql'],
    context: { url: `${ORIGIN}/plain-html/`, pageTitle: 'Joining tables in SQL · Data Foundations' },
  });
  const mentor = matches[0]!.mentor;
  // The best match's own next free time, in a session length it offers (some offer only 30).
  const slot = matches[0]!.nextSlots[0]!;
  await asLearner('POST', '/v1/bookings', {
    mentorId: mentor.id,
    start: slot.start,
    durationMinutes: (Date.parse(slot.end) - Date.parse(slot.start)) / 60_000,
    format: mentor.formats[0],
    requestId: request.id,
  });
  const thread = await asLearner<{ id: string }>('POST', `/v1/requests/${request.id}/threads`, {
    mentorId: mentor.id,
  });
  await asLearner('POST', `/v1/threads/${thread.id}/messages`, {
    body: 'Hi! I put the query in the question. Could you look before our session?',
  });
  busyMentor = mentor;
  const all = await asProgram<{ data: ApiMentor[] }>(stack!.api.url, 'GET', '/v1/mentors?limit=100');
  const idle = all.data.at(-1)!;
  idleMentor = idle;
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  ensureWidgetBuilt();
  stack = await startExampleStack({ port: PORT });
  await seedLearnerHistory();
}, 240_000);

afterAll(async () => {
  writeFileSync(join(OUT, 'axe.json'), `${JSON.stringify({ screens, violations }, null, 2)}\n`);
  await stack?.stop();
}, 60_000);

/**
 * A cold visit: a new browser context (no storage), the system's colour scheme, and the host
 * page served in the given language (`?lang=`: its `<html lang>`), the mentor console signed in
 * as the given demo mentor (`?mentor=`).
 */
async function visit(
  path: string,
  combo: Combo,
  options: { mentor?: string } = {},
): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await stack!.browser.newContext({
    viewport: VIEWPORTS[combo.viewport],
    colorScheme: combo.scheme,
    locale: combo.locale === 'es' ? 'es-ES' : 'en-US',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  const query = new URLSearchParams({
    lang: combo.locale,
    ...(options.mentor ? { mentor: options.mentor } : {}),
  });
  const response = await page.goto(`${ORIGIN}${path}?${query}`, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  return { page, context, errors };
}

interface Combo {
  viewport: keyof typeof VIEWPORTS;
  scheme: (typeof SCHEMES)[number];
  locale: Locale;
}

const label = (combo: Combo) => `${combo.locale}-${combo.scheme}-${combo.viewport}`;

/** Screenshot and axe on what our element shows (its shadow trees included), then record. */
async function check(page: Page, combo: Combo, name: string, scope: string): Promise<void> {
  const screen = `${label(combo)}-${name}`;
  await page.waitForTimeout(150); // let transitions settle before the picture
  await page.screenshot({ path: join(OUT, `${screen}.png`), fullPage: combo.viewport === 'desktop' });
  screens.push(screen);
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  const found = await page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: AxeApi }).axe;
    const result = await axe.run(
      { include: [[selector]] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } },
    );
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  }, scope);
  for (const v of found) {
    if (v.impact === 'serious' || v.impact === 'critical') violations.push({ screen, ...v });
  }
}

interface AxeApi {
  run(
    context: unknown,
    options: unknown,
  ): Promise<{
    violations: { id: string; impact?: string; help: string; nodes: { target: unknown }[] }[];
  }>;
}

async function tabs(root: Locator): Promise<Locator[]> {
  await root.locator('[role="tab"]').first().waitFor({ state: 'visible' });
  return root.locator('[role="tab"]').all();
}

const COMBOS: Combo[] = LOCALES.flatMap((locale) =>
  SCHEMES.flatMap((scheme) =>
    (Object.keys(VIEWPORTS) as Combo['viewport'][]).map((viewport) => ({ viewport, scheme, locale })),
  ),
);

describe('the tour: every surface, two sizes, two themes, two languages', () => {
  for (const combo of COMBOS) {
    it(`learner widget (${label(combo)}): ask, matches, book, confirmation, My help, messages, help now`, {
      timeout: 180_000,
    }, async () => {
      const words = WORDS[combo.locale];
      const { page, context, errors } = await visit('/plain-html/', combo);
      const w = page.locator('mm-ask-expert[floating]');
      await w.locator('[part~="launcher"]').waitFor({ state: 'visible' });
      await check(page, combo, 'learner-0-page', 'mm-ask-expert');
      await w.locator('[part~="launcher"]').click();
      await w.getByLabel(words.title).waitFor({ state: 'visible' });
      await check(page, combo, 'learner-1-ask', 'mm-ask-expert');
      await w.getByLabel(words.title).fill('My LEFT JOIN returns duplicate rows');
      await w.getByRole('button', { name: words.find }).click();
      const cards = w.locator('mm-mentor-card article');
      await cards.first().waitFor({ state: 'visible' });
      await check(page, combo, 'learner-2-matches', 'mm-ask-expert');
      await w.locator('[part~="slot-button"]').first().click();
      // The review step: nothing is booked until "Book".
      await w.locator('[part~="book-button"]').waitFor({ state: 'visible' });
      await check(page, combo, 'learner-3-review', 'mm-ask-expert');
      await w.locator('[part~="book-button"]').click();
      await w.locator('mm-confirmation').waitFor({ state: 'visible' });
      await check(page, combo, 'learner-4-confirmation', 'mm-ask-expert');
      await w.getByRole('button', { name: words.myHelp }).first().click();
      await w.locator('mm-my-help').waitFor({ state: 'visible' });
      await page.waitForTimeout(500);
      await check(page, combo, 'learner-5-my-help', 'mm-ask-expert');
      expect(errors).toEqual([]);
      await context.close();

      // Messages instead of a booking, and help right now, each from a fresh visit.
      const again = await visit('/plain-html/', combo);
      const w2 = again.page.locator('mm-ask-expert[floating]');
      await w2.locator('[part~="launcher"]').click();
      await w2.getByLabel(words.title).fill('Window functions: running total resets');
      await w2.getByRole('button', { name: words.find }).click();
      await w2.locator('mm-mentor-card article').first().waitFor({ state: 'visible' });
      await w2.locator('[part~="message-button"]').first().click();
      await again.page.waitForTimeout(800);
      await check(again.page, combo, 'learner-6-message', 'mm-ask-expert');
      await again.context.close();

      const now = await visit('/plain-html/', combo);
      const w3 = now.page.locator('mm-ask-expert[floating]');
      await w3.locator('[part~="launcher"]').click();
      await w3.getByLabel(words.title).fill('Deploy fails: permission denied on the bucket');
      await w3.getByText(words.now).first().click();
      await w3.getByRole('button', { name: words.find }).click();
      await w3.locator('mm-follow-up, mm-mentor-card').first().waitFor({ state: 'visible' });
      await now.page.waitForTimeout(800);
      await check(now.page, combo, 'learner-7-help-now', 'mm-ask-expert');
      await now.context.close();
    });

    it(`mentor console (${label(combo)}): every tab, with data and empty`, { timeout: 180_000 }, async () => {
      for (const [who, mentor] of [
        ['data', busyMentor!],
        ['empty', idleMentor!],
      ] as const) {
        const { page, context, errors } = await visit('/mentor-console/', combo, {
          mentor: mentor.externalId,
        });
        const root = page.locator('mm-mentor-console');
        const all = await tabs(root);
        for (const [i, tab] of all.entries()) {
          await tab.click();
          await page.waitForTimeout(600);
          await check(page, combo, `mentor-${who}-${i}`, 'mm-mentor-console');
        }
        expect(errors).toEqual([]);
        await context.close();
      }
    });

    it(`admin console and follow-up (${label(combo)}): every tab`, { timeout: 180_000 }, async () => {
      const { page, context, errors } = await visit('/admin-console/', combo);
      const root = page.locator('mm-admin-console');
      const all = await tabs(root);
      for (const [i, tab] of all.entries()) {
        await tab.click();
        await page.waitForTimeout(600);
        await check(page, combo, `admin-${i}`, 'mm-admin-console');
      }
      expect(errors).toEqual([]);
      await context.close();

      const followUp = await visit('/follow-up/', combo);
      await followUp.page.locator('mm-follow-up').waitFor({ state: 'attached' });
      await followUp.page.waitForTimeout(1000);
      await check(followUp.page, combo, 'follow-up', 'mm-follow-up');
      await followUp.context.close();
    });
  }

  it('leaves no serious or critical accessibility violation on any screen', () => {
    expect(screens.length).toBeGreaterThan(COMBOS.length * 10);
    const summary = violations.map((v) => `${v.screen}: ${v.id} (${v.impact}) ${v.help} ${v.targets[0]}`);
    expect(summary).toEqual([]);
  });
});
