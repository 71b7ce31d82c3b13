// End to end, My help's guidance and responsiveness in the built widget on the example site,
// in English and then in Spanish (the host page's lang), against the real server:
// - next topics to ask about, explained, dismissed for good, and "Ask about this" opening the
//   question form with the topic written in;
// - two mentors' advice on one question side by side (one session's notes and action items, one
//   mentor's messages in the question's thread), marked where they agree or differ, the learner's
//   decision and their consent to show the advice to the next mentor;
// - "Request another mentor" on a question a mentor is on, then who can help next;
// - "They didn't come" on a session that took place.
// The sessions are booked in mentors' free times starting a minute from now; the server's clock
// (MM_TEST_CLOCK=1) and the browser's (Playwright's clock) then move past them, less than the
// user tokens' hour. Every step is checked through the API too. Screenshots: test-results/e2e/guidance-*.png.
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

/** Not 8788–8795 (the other e2e files, on main and on the other branches of issue 18, may run beside this one). */
const PORT = 8796;
const ORIGIN = `http://localhost:${PORT}`;
const LEARNER = { sub: 'demo-learner-1', name: 'Ada Learner', email: 'ada.learner@example.com' };
const STEP_TIMEOUT = 20_000;
const MIN = 60_000;

let stack: ExampleStack | undefined;
const contexts: BrowserContext[] = [];
/** Where the server's clock is now, ahead of the system's (ms). */
let offsetMs = 0;

interface ApiMentor {
  id: string;
  externalId: string;
  name: string;
  formats: string[];
}
interface ApiBooking {
  id: string;
  mentorId: string;
  status: string;
  start: string;
  end: string;
  noShow: { who: string } | null;
}

const sk = <T>(method: string, path: string, body?: unknown): Promise<T> =>
  asProgram<T>(stack!.api.url, method, path, body);

/** A call as a user of the demo program: the learner, or a mentor (their external id). */
const as = <T>(user: DemoUser, method: string, path: string, body?: unknown): Promise<T> =>
  asUser<T>(stack!.api.url, user, method, path, body);
const asLearner = <T>(method: string, path: string, body?: unknown) => as<T>(LEARNER, method, path, body);
const asMentor = <T>(mentor: ApiMentor, method: string, path: string, body?: unknown) =>
  as<T>({ sub: mentor.externalId, name: mentor.name, roles: ['mentor'] }, method, path, body);

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/**
 * The mentor is free from `start` (a whole minute) for the rest of that day, in 15-minute sessions
 * on the 15-minute grid from there, with no notice needed: in a time zone where that day has room.
 */
async function freeFrom(mentor: ApiMentor, start: Date): Promise<void> {
  const timeZone = start.getUTCHours() >= 21 ? 'Etc/GMT+6' : 'UTC';
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(start);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  const day = DAYS[['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(part('weekday'))]!;
  await sk('PUT', `/v1/mentors/${mentor.id}/availability`, {
    timeZone,
    weekly: [{ day, start: `${part('hour')}:${part('minute')}`, end: '24:00' }],
    minNoticeMinutes: 0,
    sessionLengths: [15],
  });
}

async function book(mentor: ApiMentor, start: Date, requestId?: string): Promise<ApiBooking> {
  const { data } = await sk<{ data: { start: string }[] }>(
    'GET',
    `/v1/mentors/${mentor.id}/slots?from=${encodeURIComponent(start.toISOString())}&to=${encodeURIComponent(new Date(start.getTime() + 2 * 3_600_000).toISOString())}&duration=15`,
  );
  expect(Date.parse(data[0]!.start)).toBe(start.getTime());
  return asLearner<ApiBooking>('POST', '/v1/bookings', {
    mentorId: mentor.id,
    start: start.toISOString(),
    durationMinutes: 15,
    format: mentor.formats.includes('video') ? 'video' : mentor.formats[0],
    ...(requestId ? { requestId } : {}),
  });
}

/** A question the learner wrote to its best match about (so that mentor is "on" it). */
async function askAndWrite(title: string): Promise<{ id: string; mentor: ApiMentor }> {
  const { request, matches } = await asLearner<{ request: { id: string }; matches: { mentor: ApiMentor }[] }>(
    'POST',
    '/v1/requests',
    { title, details: 'I tried a few things; none worked.', skills: ['sql'], urgency: 'this_week' },
  );
  const mentor = matches[0]!.mentor;
  const thread = await asLearner<{ id: string }>('POST', `/v1/requests/${request.id}/threads`, {
    mentorId: mentor.id,
  });
  await asLearner('POST', `/v1/threads/${thread.id}/messages`, { body: 'Could you help me with this?' });
  return { id: request.id, mentor };
}

const seeded: {
  sessions: ApiBooking[];
  advised: string;
  open: { id: string; mentor: ApiMentor }[];
  mentors: ApiMentor[];
} = { sessions: [], advised: '', open: [], mentors: [] };

const QUESTION = 'My LEFT JOIN returns duplicate customer rows';

beforeAll(async () => {
  mkdirSync(RESULTS_DIR, { recursive: true });
  ensureWidgetBuilt();
  stack = await startExampleStack({
    port: PORT,
    apiEnv: { MM_TEST_CLOCK: '1', MICROMENTOR_WORKER_POLL_MS: '200' },
  });
  // Advice on one question from two of its matches: m1 in a session (notes, action items), m2 in
  // its thread (written before anything else changes the matches); m3, any other mentor, for a
  // second session.
  const { request, matches } = await asLearner<{
    request: { id: string };
    matches: { mentor: ApiMentor }[];
  }>('POST', '/v1/requests', {
    title: QUESTION,
    details: 'Orders join customers and every order shows up twice when a customer has two addresses.',
    skills: ['sql'],
    urgency: 'this_week',
  });
  seeded.advised = request.id;
  const [m1, m2] = [matches[0]!.mentor, matches[1]!.mentor];
  const all = await sk<{ data: ApiMentor[] }>('GET', '/v1/mentors?limit=100');
  const m3 = all.data.find((m) => m.id !== m1.id && m.id !== m2.id)!;
  seeded.mentors = [m1, m2, m3];
  const thread = await asLearner<{ id: string }>('POST', `/v1/requests/${request.id}/threads`, {
    mentorId: m2.id,
  });
  await asLearner('POST', `/v1/threads/${thread.id}/messages`, { body: 'Could you also look at my join?' });
  await asMentor(m2, 'POST', `/v1/threads/${thread.id}/messages`, {
    body: 'Aggregate the addresses per customer before the join. Then add an index on the customer id.',
  });
  // Three sessions back to back from the next whole minute: m1's on the question, m2's and m3's
  // (on nothing) for "They didn't come" in each language.
  const t0 = new Date(Math.ceil((Date.now() + MIN) / MIN) * MIN);
  for (const m of [m1, m2, m3]) await freeFrom(m, t0);
  seeded.sessions = [
    await book(m1, t0, request.id),
    await book(m2, new Date(t0.getTime() + 15 * MIN)),
    await book(m3, new Date(t0.getTime() + 30 * MIN)),
  ];
  // Questions with a mentor on them, one per language, for "Request another mentor".
  seeded.open = [
    await askAndWrite('How do I index a JSON column?'),
    await askAndWrite('¿Cómo particiono una tabla enorme?'),
  ];

  // The sessions pass: the server's clock moves past the last one's end.
  const lastEnd = Date.parse(seeded.sessions[2]!.end);
  const moved = await fetch(`${stack.api.url}/_test/clock`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ advanceMs: lastEnd - Date.now() + MIN }),
  });
  expect(moved.status).toBe(200);
  offsetMs = ((await moved.json()) as { offsetMs: number }).offsetMs;
  // The token the host page signs lives an hour (by the system's clock): the move stays inside it.
  expect(offsetMs).toBeLessThan(50 * MIN);
  await asMentor(m1, 'PUT', `/v1/bookings/${seeded.sessions[0]!.id}/notes`, {
    summary: 'The duplicates come from the addresses join.',
    actionItems: [
      { text: 'Aggregate the addresses per customer before joining' },
      { text: 'Write a test query that counts orders per customer' },
    ],
  });
}, 240_000);

afterAll(async () => {
  for (const c of contexts.splice(0)) await c.close().catch(() => {});
  await stack?.stop();
}, 60_000);

/** Polls until the value matches, as long as a step may take. */
const poll = <T>(value: () => Promise<T>) => expect.poll(value, { timeout: STEP_TIMEOUT });

async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** My help in the floating widget, the page in `lang`, its clock where the server's is. */
async function openMyHelp(lang: 'en' | 'es', errors: string[]): Promise<{ page: Page; widget: Locator }> {
  const context = await stack!.browser.newContext({
    viewport: { width: 1280, height: 1000 },
    locale: lang === 'es' ? 'es-ES' : 'en-US',
  });
  contexts.push(context);
  await context.clock.install({ time: new Date(Date.now() + offsetMs) });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  const response = await page.goto(`${ORIGIN}/plain-html/?lang=${lang}`, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  const widget = page.locator('mm-ask-expert[floating]');
  await widget.locator('[part~="launcher"]').click();
  await widget.locator('[part~="my-help-button"]').click();
  return { page, widget };
}

const WORDS = {
  en: {
    topics: 'Next topics to ask about',
    reason:
      /^(People who asked about .+ next asked about this \(\d+% of \d+\)|Goes with .+, which you asked about|Popular in your program: \d+ learners? asked about it)\.$/,
    dismissed: (label: string) => `${label} will not be suggested again.`,
    notInterested: (label: string) => `Not interested in ${label}`,
    askAbout: 'Ask about this',
    titleField: 'What are you stuck on?',
    advice: 'Advice side by side',
    agrees: 'Agrees:',
    decision: 'What I decided',
    decide: 'Save my decision',
    decided: 'Your decision is saved.',
    share: 'Let my next mentor on this question see this advice',
    shared: 'Your next mentor will see this advice.',
    another: 'Request another mentor',
    confirmAnother: 'Ask another mentor',
    next: /^(Your question is open again\. Mentors who can help next: .+\.|Nobody else fits right now: .+)$/,
    noShow: 'They didn’t come',
    noShowAsk: /^Record that .+ did not come to your session on .+\?/,
    record: 'Record it',
    noShowDone: 'Recorded: your mentor did not come. Ask again to find another mentor.',
    mentorNoShow: 'Your mentor did not come',
  },
  es: {
    topics: 'Próximos temas sobre los que preguntar',
    reason:
      /^(Quienes preguntaron sobre .+ preguntaron después sobre esto \(\d+ % de \d+\)|Va con .+, sobre lo que preguntaste|Popular en tu programa: \d+ personas? pregunt(ó|aron) sobre esto)\.$/,
    dismissed: (label: string) => `No volveremos a sugerirte ${label}.`,
    notInterested: (label: string) => `No me interesa ${label}`,
    askAbout: 'Preguntar sobre esto',
    titleField: '¿En qué te has atascado?',
    advice: 'Consejos lado a lado',
    agrees: 'Coincide:',
    decision: 'Lo que decidí',
    decide: 'Guardar mi decisión',
    decided: 'Tu decisión está guardada.',
    share: 'Que mi próximo mentor en esta pregunta vea estos consejos',
    shared: 'Tu próximo mentor no verá estos consejos.',
    another: 'Pedir otro mentor',
    confirmAnother: 'Pedir otro mentor',
    next: /^(Tu pregunta vuelve a estar abierta\. Pueden ayudarte: .+\.|Ahora no encaja nadie más: .+)$/,
    noShow: 'No se presentó',
    noShowAsk: /^¿Registrar que .+ no se presentó a tu sesión del .+\?/,
    record: 'Registrarlo',
    noShowDone: 'Registrado: tu mentor no se presentó. Vuelve a preguntar para encontrar a otro.',
    mentorNoShow: 'Tu mentor no se presentó',
  },
} as const;

describe('My help: guidance beyond one session, and responsiveness (en, es)', () => {
  for (const [lang, index] of [
    ['en', 0],
    ['es', 1],
  ] as const) {
    it(`in ${lang}: next topics, advice side by side, another mentor, they didn't come`, {
      timeout: 240_000,
    }, async () => {
      const w = WORDS[lang];
      const errors: string[] = [];
      const { page, widget } = await openMyHelp(lang, errors);
      const followUp = widget.locator('mm-follow-up[slot=mine]');
      const shot = (name: string) =>
        page.screenshot({ path: join(RESULTS_DIR, `guidance-${lang}-${name}.png`), fullPage: true });

      // Next topics: each explained in the learner's language; one dismissed for good.
      const topics = followUp.locator('mm-next-topics');
      await topics.getByRole('heading', { name: w.topics }).waitFor({ state: 'visible' });
      const cards = topics.locator('ul.cards > li');
      await cards.first().waitFor({ state: 'visible' });
      const before = await asLearner<{ topics: { skill: string; label: string }[] }>(
        'GET',
        '/v1/me/recommendations',
      );
      expect(before.topics.length).toBeGreaterThan(0);
      expect(await cards.count()).toBe(before.topics.length);
      expect(await textOf(cards.first().locator('p.meta').first())).toMatch(w.reason);
      await cards.first().scrollIntoViewIfNeeded();
      await shot('1-topics');
      const first = before.topics[0]!;
      await topics.getByRole('button', { name: w.notInterested(first.label) }).click();
      await poll(() => textOf(topics.locator('[role=status]'))).toBe(w.dismissed(first.label));
      const after = await asLearner<{ topics: { skill: string; label: string }[] }>(
        'GET',
        '/v1/me/recommendations',
      );
      expect(after.topics.map((t) => t.skill)).not.toContain(first.skill);

      // Advice side by side: both mentors, marks, the decision and the consent.
      const [m1, m2] = seeded.mentors as [ApiMentor, ApiMentor];
      const advice = followUp.locator('mm-my-questions');
      await advice.getByRole('heading', { name: w.advice }).waitFor({ state: 'visible' });
      const question = advice.locator('section[aria-labelledby=advice] ul.cards > li', { hasText: QUESTION });
      await question.waitFor({ state: 'visible' });
      const columns = question.locator('.side > div');
      expect(await columns.locator('h5').allTextContents()).toEqual([m1.name, m2.name]);
      const [left, right] = [await columns.nth(0).boundingBox(), await columns.nth(1).boundingBox()];
      expect(left!.y).toBe(right!.y);
      expect(left!.x).toBeLessThan(right!.x);
      expect(await textOf(columns.nth(0))).toContain('Aggregate the addresses per customer before joining');
      expect(await textOf(columns.nth(1))).toContain('Aggregate the addresses per customer before the join.');
      expect(await textOf(question)).toContain(w.agrees);
      const decision =
        lang === 'en' ? 'Aggregate first, then index customer id.' : 'Agregar primero y luego indexar.';
      await question.getByLabel(w.decision).fill(decision);
      await question.getByRole('button', { name: w.decide }).click();
      await poll(() => textOf(advice.locator('[role=status]').first())).toBe(w.decided);
      const share = question.getByLabel(w.share);
      // English turns the consent on; Spanish turns it off again.
      if (lang === 'en') await share.check();
      else await share.uncheck();
      await poll(() => textOf(advice.locator('[role=status]').first())).toBe(
        lang === 'en' ? WORDS.en.shared : WORDS.es.shared,
      );
      const recorded = await asLearner<{ decision: { text: string }; shareEarlierAdvice: boolean }>(
        'GET',
        `/v1/me/questions/${seeded.advised}/advice`,
      );
      expect(recorded.decision.text).toBe(decision);
      expect(recorded.shareEarlierAdvice).toBe(lang === 'en');
      await question.scrollIntoViewIfNeeded();
      await shot('2-advice');

      // Request another mentor on the question a mentor is on.
      const { id: openId, mentor: mentorOn } = seeded.open[index]!;
      const openCard = advice.locator('section[aria-labelledby=open] ul.cards > li', {
        hasText: lang === 'en' ? 'How do I index a JSON column?' : '¿Cómo particiono una tabla enorme?',
      });
      await openCard.getByRole('button', { name: w.another }).click();
      await openCard.getByRole('button', { name: w.confirmAnother }).click();
      await poll(() => textOf(advice.locator('[role=status]').first())).toMatch(w.next);
      await shot('3-another-mentor');
      const reopened = await sk<{ status: string; declinedMentorIds?: string[] }>(
        'GET',
        `/v1/requests/${openId}`,
      );
      expect(reopened.status).toBe('open');
      const matches = await asLearner<{ data: { mentor: { id: string } }[] }>(
        'GET',
        `/v1/requests/${openId}/matches`,
      );
      expect(matches.data.map((m) => m.mentor.id)).not.toContain(mentorOn.id);

      // "They didn't come" on the session with m2 (en) or m3 (es), after the confirm step.
      const session = seeded.sessions[index + 1]!;
      const myHelp = widget.locator('mm-my-help');
      const item = myHelp.locator('li', { has: page.locator(`time[datetime="${session.start}"]`) });
      await item.getByRole('button', { name: w.noShow }).click();
      const dialog = myHelp.locator('dialog.confirm');
      expect(await textOf(dialog.locator('p'))).toMatch(w.noShowAsk);
      await dialog.getByRole('button', { name: w.record }).click();
      await poll(() => textOf(myHelp.locator('[role=status]'))).toBe(w.noShowDone);
      expect(await textOf(item)).toContain(w.mentorNoShow);
      const booking = await sk<ApiBooking>('GET', `/v1/bookings/${session.id}`);
      expect(booking).toMatchObject({ status: 'no_show', noShow: { who: 'mentor' } });
      await item.scrollIntoViewIfNeeded();
      await shot('4-no-show');

      // "Ask about this": the question form opens with the topic written in.
      const next = after.topics[0];
      if (next) {
        await topics.locator('ul.cards > li').first().getByRole('button', { name: w.askAbout }).click();
        const title = widget.getByLabel(w.titleField);
        await expect
          .poll(() => title.inputValue())
          .toMatch(new RegExp(`^${next.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} ?: $`));
        await shot('5-ask-about');
      }
      expect(errors).toEqual([]);
    });
  }
});
