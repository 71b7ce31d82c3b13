// End to end, two browsers, in English and in Spanish: a learner asks something no mentor of the
// demo program knows; the widget says so honestly ("No mentor here knows this well yet") and
// offers ways forward; the learner asks the program; the demo mentor sees the question in their
// console's program queue and takes it; the request is theirs (checked through the API too).
// Then "Tell me when a mentor is here": a mentor who knows it joins, and the learner is told (the
// rematch job, the request's matchFoundAt, the email in the program's outbox).
// Screenshots go to test-results/e2e/no-match-*.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asProgram,
  type ExampleStack,
  ensureWidgetBuilt,
  RESULTS_DIR,
  startExampleStack,
} from './support.js';

/** A port of its own (8788–8796 are other e2e files'): they may run beside this one. */
const PORT = 8798;
const ORIGIN = `http://localhost:${PORT}`;
const STEP_TIMEOUT = 20_000;

const WORDS = {
  en: {
    browser: 'en-US',
    question: 'How do I rehair a baroque violin bow with horsehair?',
    stuck: 'What are you stuck on?',
    find: 'Find a mentor',
    nobody: 'No mentor here knows this well yet.',
    askProgram: 'Ask the program',
    wait: 'Tell me when a mentor is here',
    asked: 'Your question is with the program: a mentor will take it and write to you.',
    take: 'Take',
    taken: 'It is yours: the learner has been told. Talk with them in Messages.',
    waitQuestion: 'How do I restring a medieval lute?',
    waiting: 'We will tell you when a mentor who knows this is here.',
    newMentor: {
      name: 'Lena Lute',
      headline: 'Luthier of early instruments',
      bio: 'I restring and repair medieval lutes. Bring your lute.',
    },
  },
  es: {
    browser: 'es-ES',
    question: '¿Cómo herrar caballos percherones?',
    stuck: '¿En qué te has atascado?',
    find: 'Buscar mentor',
    nobody: 'Aún no hay aquí ningún mentor que sepa bien de esto.',
    askProgram: 'Preguntar al programa',
    wait: 'Avísame cuando haya un mentor',
    asked: 'Tu pregunta está con el programa: un mentor la tomará y te escribirá.',
    take: 'Tomar',
    taken: 'Es tuya: ya se lo hemos dicho. Habla con la persona en Mensajes.',
    waitQuestion: '¿Cómo encordar una mandolina?',
    waiting: 'Te avisaremos cuando haya un mentor que sepa de esto.',
    newMentor: {
      name: 'Marta Mandolina',
      headline: 'Luthier de instrumentos de cuerda',
      bio: 'Sé encordar una mandolina y ajustar su puente.',
    },
  },
} as const;

let stack: ExampleStack | undefined;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  mkdirSync(RESULTS_DIR, { recursive: true });
  ensureWidgetBuilt();
  stack = await startExampleStack({ port: PORT, apiEnv: { MICROMENTOR_WORKER_POLL_MS: '200' } });
  // Matching by skills and words only: the demo's embeddings are computed in the background after
  // seeding, so what "nobody fits" means must not depend on how far that job got.
  await asProgram(stack.api.url, 'PATCH', '/v1/admin/settings', { semanticMatching: false });
}, 240_000);

afterAll(async () => {
  for (const c of contexts.splice(0)) await c.close().catch(() => {});
  await stack?.stop();
}, 60_000);

async function open(path: string, lang: keyof typeof WORDS, errors: string[]): Promise<Page> {
  const context = await stack!.browser.newContext({
    viewport: { width: 1280, height: 1000 },
    locale: WORDS[lang].browser,
  });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  const response = await page.goto(`${ORIGIN}${path}?lang=${lang}`, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  return page;
}

async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

interface ApiRequest {
  id: string;
  title: string;
  status: string;
  matchedMentorId: string | null;
  queuedAt?: string;
  waitingSince?: string;
  matchFoundAt?: string;
}

/** The learner's widget on a page about something else, its question asked; the match list. */
async function ask(page: Page, lang: keyof typeof WORDS, question: string): Promise<Locator> {
  const widget = page.locator('mm-ask-expert[floating]');
  await widget.locator('[part~="launcher"]').click();
  // (A single-page app's navigation: the widget reads the page's title again when it draws.)
  await page.waitForFunction(() => customElements.get('mm-ask-expert') !== undefined);
  await page.evaluate(async () => {
    document.title = 'Early music workshop';
    const widget = document.querySelector('mm-ask-expert[floating]') as HTMLElement & {
      requestUpdate(): void;
      updateComplete: Promise<unknown>;
    };
    widget.requestUpdate();
    await widget.updateComplete;
  });
  await widget.getByLabel(WORDS[lang].stuck).fill(question);
  await widget.getByRole('button', { name: WORDS[lang].find }).click();
  const list = widget.locator('mm-match-list');
  await expect.poll(() => list.getAttribute('loading'), { timeout: STEP_TIMEOUT }).toBe(null);
  return list;
}

describe('honest when nobody fits: ask the program, a mentor takes it', () => {
  for (const lang of ['en', 'es'] as const) {
    it(`in ${lang}: no match → "Ask the program" → the mentor takes it in the console`, {
      timeout: 120_000,
    }, async () => {
      const w = WORDS[lang];
      const errors: string[] = [];
      const api = stack!.api.url;

      // The learner asks something no demo mentor knows.
      const learnerPage = await open('/plain-html/', lang, errors);
      const list = await ask(learnerPage, lang, w.question);
      const sent = await asProgram<{ data: (ApiRequest & { context: unknown })[] }>(
        api,
        'GET',
        '/v1/requests?limit=100',
      );
      expect(sent.data.find((r) => r.title === w.question)?.context).toMatchObject({
        pageTitle: 'Early music workshop',
      });
      await expect.poll(() => textOf(list.locator('.status')), { timeout: STEP_TIMEOUT }).toBe(w.nobody);
      await expect(list.getByRole('button', { name: w.wait }).isVisible()).resolves.toBe(true);
      await learnerPage.screenshot({ path: join(RESULTS_DIR, `no-match-${lang}-1-nobody.png`) });

      await list.getByRole('button', { name: w.askProgram }).click();
      await expect.poll(() => textOf(list.locator('.ways [role=status]'))).toBe(w.asked);
      await learnerPage.screenshot({ path: join(RESULTS_DIR, `no-match-${lang}-2-asked.png`) });

      const requests = await asProgram<{ data: ApiRequest[] }>(api, 'GET', '/v1/requests?limit=100');
      const request = requests.data.find((r) => r.title === w.question)!;
      expect(request).toMatchObject({ status: 'open', queuedAt: expect.any(String) });

      // The demo mentor sees it in the program queue of their console, and takes it.
      const mentorPage = await open('/mentor-console/', lang, errors);
      const queue = mentorPage.locator('mm-mentor-console mm-program-queue');
      const card = queue.locator('li.card', { hasText: w.question });
      await card.waitFor({ state: 'visible' });
      await mentorPage.screenshot({ path: join(RESULTS_DIR, `no-match-${lang}-3-queue.png`) });
      await card.getByRole('button', { name: w.take }).click();
      await expect.poll(() => textOf(queue.locator('[role=status]').first())).toBe(w.taken);
      await mentorPage.screenshot({ path: join(RESULTS_DIR, `no-match-${lang}-4-taken.png`) });

      const mentors = await asProgram<{ data: { id: string; externalId: string }[] }>(
        api,
        'GET',
        '/v1/mentors?limit=100',
      );
      const mentor = mentors.data.find((m) => m.externalId === 'demo-mentor-001')!;
      const after = await asProgram<ApiRequest>(api, 'GET', `/v1/requests/${request.id}`);
      expect(after).toMatchObject({ status: 'matched', matchedMentorId: mentor.id });
      const left = await asProgram<{ data: { request: { id: string } }[] }>(api, 'GET', '/v1/program-queue');
      expect(left.data.map((d) => d.request.id)).not.toContain(request.id);
      expect(errors).toEqual([]);
    });
  }
});

describe('honest when nobody fits: tell me when a mentor is here', () => {
  for (const lang of ['en', 'es'] as const) {
    it(`in ${lang}: no match → "Tell me when a mentor is here" → a mentor who knows it joins → the learner is told`, {
      timeout: 120_000,
    }, async () => {
      const w = WORDS[lang];
      const errors: string[] = [];
      const api = stack!.api.url;

      const learnerPage = await open('/plain-html/', lang, errors);
      const list = await ask(learnerPage, lang, w.waitQuestion);
      await expect.poll(() => textOf(list.locator('.status')), { timeout: STEP_TIMEOUT }).toBe(w.nobody);
      await list.getByRole('button', { name: w.wait }).click();
      await expect.poll(() => textOf(list.locator('.ways [role=status]'))).toBe(w.waiting);
      await learnerPage.screenshot({ path: join(RESULTS_DIR, `no-match-${lang}-5-waiting.png`) });

      const requests = await asProgram<{ data: ApiRequest[] }>(api, 'GET', '/v1/requests?limit=100');
      const request = requests.data.find((r) => r.title === w.waitQuestion)!;
      expect(request).toMatchObject({ status: 'open', waitingSince: expect.any(String) });
      expect(request.matchFoundAt).toBeUndefined();

      // A mentor who knows it joins the program (approved, with hours).
      const mentor = await asProgram<{ id: string }>(api, 'POST', '/v1/mentors', {
        ...w.newMentor,
        skills: ['luthiery'],
        languages: ['en', 'es'],
        timeZone: 'UTC',
        formats: ['video', 'chat'],
        status: 'approved',
      });
      await asProgram(api, 'PUT', `/v1/mentors/${mentor.id}/availability`, {
        timeZone: 'UTC',
        weekly: (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => ({
          day,
          start: '00:00',
          end: '24:00',
        })),
        minNoticeMinutes: 0,
        sessionLengths: [15, 30],
      });

      // The waiting request is matched again in the background, and the learner told, once.
      await expect
        .poll(
          async () => (await asProgram<ApiRequest>(api, 'GET', `/v1/requests/${request.id}`)).matchFoundAt,
          {
            timeout: 30_000,
            interval: 500,
          },
        )
        .toEqual(expect.any(String));
      await expect
        .poll(
          async () =>
            (
              await asProgram<{ data: { subject: string; kind: string }[] }>(
                api,
                'GET',
                '/v1/admin/emails?kind=requests',
              )
            ).data.filter((m) => m.subject.includes(w.waitQuestion)),
          { timeout: 30_000, interval: 500 },
        )
        .toHaveLength(1);
      expect(errors).toEqual([]);
    });
  }
});
