// End to end, the automatic hand-over (issue #18, "Responsiveness") as the learner sees it, in the
// built widget on the example site, in English and then in Spanish (the host page's lang): the
// learner asks in the widget and writes to their best match, who stays silent; the server's clock
// (MM_TEST_CLOCK=1) moves past the program's reply window (1 hour here), the reply-window job hands
// the question to the next mentor, and the learner's open My help says so, live (`request.reassigned`
// on their event stream), naming both mentors. Checked through the API too: the request's
// `handover`, the next mentor's offer, the learner's email in the program's outbox.
// One clock move serves both languages: the host site signs its tokens by the system's clock for an
// hour, so the server may run at most that hour (and its minute of skew) ahead.
// Screenshots: test-results/e2e/handover-{en,es}-{desktop,phone}.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asProgram,
  asUser,
  type DemoUser,
  type ExampleStack,
  ensureWidgetBuilt,
  RESULTS_DIR,
  startExampleStack,
} from './support.js';

/** A port of its own (8787–8796 and 8798 are other e2e files'): they may run beside this one. */
const PORT = 8797;
const ORIGIN = `http://localhost:${PORT}`;
const LEARNER: DemoUser = { sub: 'demo-learner-1', name: 'Ada Learner', email: 'ada.learner@example.com' };
const STEP_TIMEOUT = 20_000;
const MIN = 60_000;
const WINDOW_HOURS = 1;

let stack: ExampleStack | undefined;
const contexts: BrowserContext[] = [];

interface ApiMentor {
  id: string;
  externalId: string;
  name: string;
}
interface Handover {
  reason: string;
  at: string;
  from: { mentorId: string; name: string }[];
  to: { mentorId: string; name: string }[];
  unanswered: boolean;
  windowMinutes: number | null;
}
interface ApiRequest {
  id: string;
  title: string;
  status: string;
  handover?: Handover;
}

const WORDS = {
  en: {
    browser: 'en-US',
    question: 'My SQL LEFT JOIN returns duplicate customer rows',
    stuck: 'What are you stuck on?',
    find: 'Find a mentor',
    open: 'Your open questions',
    line: (from: string, to: string) =>
      `${from} didn’t reply within 1 hour — we offered your question to ${to}.`,
  },
  es: {
    browser: 'es-ES',
    question: 'Mi consulta SQL con LEFT JOIN devuelve clientes duplicados',
    stuck: '¿En qué te has atascado?',
    find: 'Buscar mentor',
    open: 'Tus preguntas abiertas',
    line: (from: string, to: string) => `${from} no respondió en 1 hora: ofrecimos tu pregunta a ${to}.`,
  },
} as const;
type Lang = keyof typeof WORDS;

const asLearner = <T>(method: string, path: string, body?: unknown) =>
  asUser<T>(stack!.api.url, LEARNER, method, path, body);
const asMentor = <T>(mentor: ApiMentor, method: string, path: string, body?: unknown) =>
  asUser<T>(
    stack!.api.url,
    { sub: mentor.externalId, name: mentor.name, roles: ['mentor'] },
    method,
    path,
    body,
  );
const sk = <T>(method: string, path: string, body?: unknown) =>
  asProgram<T>(stack!.api.url, method, path, body);

async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** What each language's run leaves for the hand-over: its page (My help open), its request, the silent mentor. */
const asked = new Map<
  Lang,
  { page: Page; widget: Locator; request: ApiRequest; silent: ApiMentor; errors: string[] }
>();

beforeAll(async () => {
  mkdirSync(RESULTS_DIR, { recursive: true });
  ensureWidgetBuilt();
  stack = await startExampleStack({
    port: PORT,
    apiEnv: { MM_TEST_CLOCK: '1', MICROMENTOR_WORKER_POLL_MS: '200' },
  });
  // Matching by skills and words only (the demo's embeddings are computed in the background), and
  // the shortest reply window the program can have.
  await sk('PATCH', '/v1/admin/settings', { semanticMatching: false, mentorReplyWindowHours: WINDOW_HOURS });
}, 240_000);

afterAll(async () => {
  for (const c of contexts.splice(0)) await c.close().catch(() => {});
  await stack?.stop();
}, 60_000);

describe('the learner sees the automatic hand-over (en, es)', () => {
  for (const lang of ['en', 'es'] as const) {
    it(`in ${lang}: asks in the widget, writes to the best match, who stays silent; My help shows the question waiting`, {
      timeout: 120_000,
    }, async () => {
      const w = WORDS[lang];
      const errors: string[] = [];
      const context = await stack!.browser.newContext({
        viewport: { width: 1280, height: 800 },
        locale: w.browser,
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(STEP_TIMEOUT);
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      const response = await page.goto(`${ORIGIN}/plain-html/?lang=${lang}`, { waitUntil: 'load' });
      expect(response?.status()).toBe(200);

      // The learner asks in the widget.
      const widget = page.locator('mm-ask-expert[floating]');
      await widget.locator('[part~="launcher"]').click();
      await widget.getByLabel(w.stuck).fill(w.question);
      await widget.getByRole('button', { name: w.find }).click();
      const list = widget.locator('mm-match-list');
      await expect.poll(() => list.getAttribute('loading'), { timeout: STEP_TIMEOUT }).toBe(null);
      const mine = await asLearner<{ data: ApiRequest[] }>('GET', '/v1/requests?limit=20');
      const request = mine.data.find((r) => r.title === w.question)!;
      expect(request).toMatchObject({ status: 'open' });
      expect(request.handover).toBeUndefined();

      // They write to their best match about it; that mentor never answers.
      const matches = await asLearner<{ data: { mentor: ApiMentor }[] }>(
        'GET',
        `/v1/requests/${request.id}/matches`,
      );
      expect(matches.data.length).toBeGreaterThan(1);
      const silent = matches.data[0]!.mentor;
      await asLearner('POST', `/v1/requests/${request.id}/threads`, {
        mentorId: silent.id,
        message: lang === 'en' ? 'Could you look at my query?' : '¿Puedes mirar mi consulta?',
      });

      // My help lists the question, not handed over (yet).
      await widget.locator('[part~="my-help-button"]').click();
      const questions = widget.locator('mm-follow-up[slot=mine] mm-my-questions');
      await questions.getByRole('heading', { name: w.open }).waitFor({ state: 'visible' });
      const card = questions.locator('section[aria-labelledby=open] ul.cards > li', { hasText: w.question });
      await card.waitFor({ state: 'visible' });
      expect(await card.locator('.handover').count()).toBe(0);
      asked.set(lang, { page, widget, request, silent, errors });
    });
  }

  it('the window passes: each question goes to the next mentor, and My help says so live, in its language', {
    timeout: 180_000,
  }, async () => {
    expect([...asked.keys()]).toEqual(['en', 'es']);
    // The server's clock moves past the window of the last question written about (one move).
    const moved = await fetch(`${stack!.api.url}/_test/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ advanceMs: WINDOW_HOURS * 60 * MIN + 15_000 }),
    });
    expect(moved.status).toBe(200);
    const { offsetMs } = (await moved.json()) as { offsetMs: number };
    expect(offsetMs).toBeLessThan(61 * MIN);

    for (const lang of ['en', 'es'] as const) {
      const w = WORDS[lang];
      const { page, widget, request, silent, errors } = asked.get(lang)!;

      // The API: handed over from the silent mentor to the next one, who has the offer.
      const current = async () => (await asLearner<ApiRequest>('GET', `/v1/requests/${request.id}`)).handover;
      await expect.poll(current, { timeout: 30_000, interval: 500 }).toMatchObject({
        reason: 'no_reply',
        from: [{ mentorId: silent.id, name: silent.name }],
        unanswered: false,
      });
      const handover = (await current())!;
      expect(handover.windowMinutes).toBe(WINDOW_HOURS * 60);
      expect(handover.to).toHaveLength(1);
      const next = handover.to[0]!;
      expect(next.mentorId).not.toBe(silent.id);
      const all = await sk<{ data: ApiMentor[] }>('GET', '/v1/mentors?limit=100');
      const nextMentor = all.data.find((m) => m.id === next.mentorId)!;
      expect(next.name).toBe(nextMentor.name);
      const offers = await asMentor<{ data: { requestId: string; status: string }[] }>(
        nextMentor,
        'GET',
        '/v1/me/offers',
      );
      expect(offers.data).toContainEqual(
        expect.objectContaining({ requestId: request.id, status: 'offered' }),
      );
      const listed = await asLearner<{ data: ApiRequest[] }>('GET', '/v1/requests?limit=20');
      expect(listed.data.find((r) => r.id === request.id)?.handover).toEqual(handover);

      // My help, open all along, says it (live: the learner's stream brought request.reassigned).
      const card = widget.locator(
        'mm-follow-up[slot=mine] mm-my-questions section[aria-labelledby=open] ul.cards > li',
        {
          hasText: w.question,
        },
      );
      const line = card.locator('.handover');
      await expect.poll(() => line.count(), { timeout: STEP_TIMEOUT }).toBe(1);
      expect(await textOf(line)).toBe(w.line(silent.name, next.name));
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(RESULTS_DIR, `handover-${lang}-desktop.png`) });
      await page.setViewportSize({ width: 390, height: 844 });
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(RESULTS_DIR, `handover-${lang}-phone.png`) });
      // On a phone the line wraps inside its card: nothing runs off the screen.
      const box = await line.boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);

      // The learner's email is in the program's outbox, naming the next mentor.
      const emails = async () =>
        (
          await sk<{ data: { id: string; subject: string }[] }>(
            'GET',
            '/v1/admin/emails?kind=requests&limit=100',
          )
        ).data.filter((m) => m.subject.includes(w.question));
      await expect.poll(emails, { timeout: 30_000, interval: 500 }).toHaveLength(1);
      const [mail] = await emails();
      const email = await sk<Record<string, unknown>>('GET', `/v1/admin/emails/${mail!.id}`);
      expect(JSON.stringify(email)).toContain(next.name);
      expect(errors).toEqual([]);
    }
  });
});
