// End to end, in English and in Spanish, against the real server and the built bundles on the
// example site, two ways the program answers a learner quickly:
// A. "Get instant help now" from the EMPTY match list. The demo mentor knows about baroque
//    violin bows but has had their one session of the week (their weekly cap): no match for
//    the question, yet online (their console's "Available now") and free right now. The widget
//    says "No mentor here knows this well yet" and offers instant help; the learner takes it and
//    the offer reaches the mentor's console live (and the API's offers). With the mentor offline
//    the button is not offered.
// B. The reschedule limit. The program admin sets "Times a session may be moved, at most" to 1 in
//    the admin console; the learner moves a booked session once in My help (the new time shows),
//    tries again and is told the limit; the session keeps its time and is no longer offered to move.
// Every step is checked through the API too. Screenshots (1280×800 and 390×844) go to
// test-results/e2e/responsiveness-*.png.
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

/** A port of its own (8787–8794 and 8796–8798 are the other e2e files'): they may run beside this one. */
const PORT = 8795;
const ORIGIN = `http://localhost:${PORT}`;
const STEP_TIMEOUT = 20_000;
const MIN = 60_000;
const WIDE = { width: 1280, height: 800 };
const NARROW = { width: 390, height: 844 };
/** The learner of the host site's pages (examples/host-site signs their token). */
const LEARNER: DemoUser = { sub: 'demo-learner-1', name: 'Ada Learner', email: 'ada.learner@example.com' };

const WORDS = {
  en: {
    browser: 'en-US',
    question: 'How do I rehair a baroque violin bow with horsehair?',
    offlineQuestion: 'Who can rehair my baroque violin bow?',
    stuck: 'What are you stuck on?',
    find: 'Find a mentor',
    nobody: 'No mentor here knows this well yet.',
    askProgram: 'Ask the program',
    instantNow: 'Get instant help now',
    asking: 'Asking 1 mentor who is online…',
    live: 'Live updates on',
    decline: 'Decline',
    declined: 'Declined.',
    settings: 'Settings',
    maxReschedules: 'Times a session may be moved, at most',
    save: 'Save settings',
    saved: 'Settings saved.',
    reschedule: 'Reschedule',
    cancel: 'Cancel session',
    pick: 'Pick a new time',
    moved: 'Your session has moved.',
    limit:
      'This session has been moved as many times as the program allows. Cancel it and book a new time instead.',
  },
  es: {
    browser: 'es-ES',
    question: '¿Crin nueva para el arco de un violín barroco?',
    offlineQuestion: '¿Quién pone crin al arco de un violín barroco?',
    stuck: '¿En qué te has atascado?',
    find: 'Buscar mentor',
    nobody: 'Aún no hay aquí ningún mentor que sepa bien de esto.',
    askProgram: 'Preguntar al programa',
    instantNow: 'Obtener ayuda inmediata',
    asking: 'Preguntando a 1 mentor conectado…',
    live: 'Actualizaciones en directo',
    decline: 'Rechazar',
    declined: 'Rechazada.',
    settings: 'Ajustes',
    maxReschedules: 'Veces que se puede mover una sesión, como máximo',
    save: 'Guardar ajustes',
    saved: 'Ajustes guardados.',
    reschedule: 'Cambiar hora',
    cancel: 'Cancelar sesión',
    pick: 'Elige otra hora',
    moved: 'Tu sesión ha cambiado de hora.',
    limit:
      'Esta sesión ya se ha movido tantas veces como permite el programa. Cancélala y reserva otra hora.',
  },
} as const;
type Lang = keyof typeof WORDS;

interface ApiMentor {
  id: string;
  externalId: string;
  name: string;
  skills: string[];
  bio: string;
  formats: string[];
}
interface ApiRequest {
  id: string;
  title: string;
  status: string;
  urgency: string;
  instantHelpAvailable?: boolean;
  liveOffers?: number;
}
interface ApiBooking {
  id: string;
  mentorId: string;
  status: string;
  start: string;
  end: string;
  rescheduleCount: number;
}

let stack: ExampleStack | undefined;
const contexts: BrowserContext[] = [];
/** The console's mentor (demo-mentor-001): knows about violin bows, at their weekly cap. */
let violinist: ApiMentor | undefined;

const sk = <T>(method: string, path: string, body?: unknown): Promise<T> =>
  asProgram<T>(stack!.api.url, method, path, body);
const as = <T>(user: DemoUser, method: string, path: string, body?: unknown): Promise<T> =>
  asUser<T>(stack!.api.url, user, method, path, body);
const mentorUser = (m: ApiMentor): DemoUser => ({ sub: m.externalId, name: m.name, roles: ['mentor'] });

const ALL_WEEK = (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => ({
  day,
  start: '00:00',
  end: '24:00',
}));

/** How far the server's clock is ahead of this machine's (ms): 0 unless a week was about to end. */
let offsetMs = 0;
const serverNow = (): number => Date.now() + offsetMs;

/** The next whole quarter hour at least `minutes` from now (by the server's clock). */
const quarterAfter = (minutes: number): Date =>
  new Date(Math.ceil((serverNow() + minutes * MIN) / (15 * MIN)) * 15 * MIN);

/** The end of the current ISO week (next Monday 00:00 UTC): weekly caps count bookings before it. */
function weekEnd(now = new Date()): Date {
  const day = (now.getUTCDay() + 6) % 7;
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - day + 7));
}

/** The mentor's free 15-minute times for a week from `from`, as the learner sees them (their own sessions left out). */
async function freeSlots(mentor: ApiMentor, from: Date): Promise<string[]> {
  const to = new Date(from.getTime() + 7 * 24 * 60 * MIN);
  const { data } = await as<{ data: { start: string }[] }>(
    LEARNER,
    'GET',
    `/v1/mentors/${mentor.id}/slots?from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}&duration=15`,
  );
  return data.map((s) => s.start);
}

beforeAll(async () => {
  mkdirSync(RESULTS_DIR, { recursive: true });
  ensureWidgetBuilt();
  stack = await startExampleStack({
    port: PORT,
    apiEnv: { MM_TEST_CLOCK: '1', MICROMENTOR_WORKER_POLL_MS: '200' },
  });
  // Matching by skills and words only: the demo's embeddings are computed in the background after
  // seeding, so what "nobody fits" means must not depend on how far that job got.
  await sk('PATCH', '/v1/admin/settings', { semanticMatching: false });

  // The console's mentor also rehairs baroque violin bows (English and Spanish words)…
  const mentors = await sk<{ data: ApiMentor[] }>('GET', '/v1/mentors?limit=100');
  const demo = mentors.data.find((m) => m.externalId === 'demo-mentor-001')!;
  violinist = await sk<ApiMentor>('PATCH', `/v1/mentors/${demo.id}`, {
    skills: [...new Set([...demo.skills, 'violin'])],
    bio: `${demo.bio}\nOn weekends I rehair baroque violin bows with horsehair. Pongo crin nueva al arco de un violín barroco.`,
  });
  // …and has had the one session a week they take: booked by another learner, 20 minutes or more
  // from now (so they are free right now, for the program's shortest session of 15), before this
  // week ends (so it counts for this week). In a week's last 50 minutes (UTC) the server's clock
  // first moves into the next week (MM_TEST_CLOCK=1; less than the user tokens' hour).
  await sk('PUT', `/v1/mentors/${violinist.id}/availability`, {
    timeZone: 'UTC',
    weekly: ALL_WEEK,
    minNoticeMinutes: 0,
    sessionLengths: [15, 30],
  });
  const left = weekEnd().getTime() - Date.now();
  if (left < 50 * MIN) {
    const moved = await fetch(`${stack.api.url}/_test/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ advanceMs: left + MIN / 2 }),
    });
    expect(moved.status).toBe(200);
    offsetMs = ((await moved.json()) as { offsetMs: number }).offsetMs;
  }
  const start = quarterAfter(20);
  expect(start.getTime() + 15 * MIN).toBeLessThanOrEqual(weekEnd(new Date(serverNow())).getTime());
  await as({ sub: 'e2e-responsiveness-booker', name: 'Bea Booker' }, 'POST', '/v1/bookings', {
    mentorId: violinist.id,
    start: start.toISOString(),
    durationMinutes: 15,
    format: violinist.formats.includes('video') ? 'video' : violinist.formats[0],
  });
  await sk('PUT', `/v1/mentors/${violinist.id}/availability`, {
    timeZone: 'UTC',
    weekly: ALL_WEEK,
    minNoticeMinutes: 0,
    sessionLengths: [15, 30],
    maxPerWeek: 1,
  });
}, 240_000);

afterAll(async () => {
  for (const c of contexts.splice(0)) await c.close().catch(() => {});
  await stack?.stop();
}, 60_000);

async function open(path: string, lang: Lang, errors: string[]): Promise<Page> {
  const context = await stack!.browser.newContext({ viewport: WIDE, locale: WORDS[lang].browser });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  const response = await page.goto(`${ORIGIN}${path}?lang=${lang}`, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  return page;
}

/** Polls until the value matches, as long as a step may take. */
const poll = <T>(value: () => Promise<T>) => expect.poll(value, { timeout: STEP_TIMEOUT });

async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Screenshots at 1280×800 and at 390×844 (a phone), `target` scrolled into view in each. */
async function shots(page: Page, target: Locator, name: string): Promise<void> {
  for (const [size, viewport] of [
    ['wide', WIDE],
    ['narrow', NARROW],
  ] as const) {
    await page.setViewportSize(viewport);
    await target.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(RESULTS_DIR, `responsiveness-${name}-${size}.png`) });
  }
  await page.setViewportSize(WIDE);
}

/** The learner's floating widget, their question asked; the match list once it has answered. */
async function ask(page: Page, lang: Lang, question: string): Promise<{ widget: Locator; list: Locator }> {
  const widget = page.locator('mm-ask-expert[floating]');
  await widget.locator('[part~="launcher"]').click();
  await widget.getByLabel(WORDS[lang].stuck).fill(question);
  await widget.getByRole('button', { name: WORDS[lang].find }).click();
  const list = widget.locator('mm-match-list');
  await poll(() => list.getAttribute('loading')).toBe(null);
  return { widget, list };
}

/** The learner's requests with this title, newest first (the program's view). */
async function requestsTitled(title: string): Promise<ApiRequest[]> {
  const { data } = await sk<{ data: ApiRequest[] }>('GET', '/v1/requests?limit=100');
  return data.filter((r) => r.title === title);
}

describe('A. "Get instant help now" when nobody fits', () => {
  for (const lang of ['en', 'es'] as const) {
    it(`in ${lang}: the empty list offers instant help while a fitting mentor is online; the offer reaches them; offline, it is not offered`, {
      timeout: 180_000,
    }, async () => {
      const w = WORDS[lang];
      const errors: string[] = [];
      const mentor = violinist!;

      // The mentor opens their console and turns "Available now" on.
      const mentorPage = await open('/mentor-console/', lang, errors);
      const console_ = mentorPage.locator('mm-mentor-console');
      await poll(() => textOf(console_.locator('.live'))).toBe(w.live);
      await console_.getByRole('switch').check();
      await poll(() => console_.getByRole('switch').isChecked()).toBe(true);

      // The learner asks; nobody fits, but instant help can reach someone now.
      const learnerPage = await open('/plain-html/', lang, errors);
      const { widget, list } = await ask(learnerPage, lang, w.question);
      await poll(() => textOf(list.locator('.status'))).toBe(w.nobody);
      const instantButton = list.getByRole('button', { name: w.instantNow });
      await instantButton.waitFor({ state: 'visible' });
      expect(await list.getByRole('button', { name: w.askProgram }).isVisible()).toBe(true);
      expect(await list.locator('mm-mentor-card').count()).toBe(0);
      const [asked] = await requestsTitled(w.question);
      expect(asked).toMatchObject({ status: 'open', urgency: expect.not.stringMatching(/^now$/) });
      const seen = await as<ApiRequest>(LEARNER, 'GET', `/v1/requests/${asked!.id}`);
      expect(seen.instantHelpAvailable).toBe(true);
      const matches = await as<{ data: unknown[] }>(LEARNER, 'GET', `/v1/requests/${asked!.id}/matches`);
      expect(matches.data).toEqual([]);
      await shots(learnerPage, instantButton, `${lang}-1-no-match-instant`);

      // "Get instant help now": the question goes to the mentors online, the widget follows it live.
      await instantButton.click();
      const instant = widget.locator('mm-instant-help');
      await poll(() => textOf(instant.locator('[role=status]').first())).toBe(w.asking);
      await shots(learnerPage, instant, `${lang}-2-asking`);
      const now = (await requestsTitled(w.question)).find((r) => r.urgency === 'now');
      expect(now).toBeDefined();
      expect(await as<ApiRequest>(LEARNER, 'GET', `/v1/requests/${now!.id}`)).toMatchObject({
        status: 'open',
        urgency: 'now',
        liveOffers: 1,
      });
      const inbox = await as<{ data: { requestId: string; status: string }[] }>(
        mentorUser(mentor),
        'GET',
        '/v1/me/offers',
      );
      expect(inbox.data.find((o) => o.requestId === now!.id)).toMatchObject({ status: 'offered' });

      // The offer shows in the mentor's console, live; they cannot take it this time.
      const card = console_.locator('mm-offer-inbox li.card', { hasText: w.question });
      await card.waitFor({ state: 'visible' });
      await mentorPage.screenshot({ path: join(RESULTS_DIR, `responsiveness-${lang}-3-mentor-offer.png`) });
      await card.getByRole('button', { name: w.decline }).click();
      await poll(() => textOf(console_.locator('mm-offer-inbox [role=status]').first())).toBe(w.declined);
      const after = await as<{ data: { requestId: string; status: string }[] }>(
        mentorUser(mentor),
        'GET',
        '/v1/me/offers',
      );
      expect(after.data.find((o) => o.requestId === now!.id)).toMatchObject({ status: 'declined' });

      // The mentor goes offline: the next learner who asks is not offered instant help.
      await console_.getByRole('switch').uncheck();
      await poll(() => console_.getByRole('switch').isChecked()).toBe(false);
      const laterPage = await open('/plain-html/', lang, errors);
      const later = await ask(laterPage, lang, w.offlineQuestion);
      await poll(() => textOf(later.list.locator('.status'))).toBe(w.nobody);
      await later.list.getByRole('button', { name: w.askProgram }).waitFor({ state: 'visible' });
      expect(await later.list.locator('[part~="instant-button"]').count()).toBe(0);
      const [offline] = await requestsTitled(w.offlineQuestion);
      expect((await as<ApiRequest>(LEARNER, 'GET', `/v1/requests/${offline!.id}`)).instantHelpAvailable).toBe(
        false,
      );
      await laterPage.screenshot({ path: join(RESULTS_DIR, `responsiveness-${lang}-4-offline.png`) });
      expect(errors).toEqual([]);
    });
  }
});

describe('B. the reschedule limit', () => {
  for (const [lang, index] of [
    ['en', 0],
    ['es', 1],
  ] as const) {
    it(`in ${lang}: the admin allows one move; the learner moves a session once, then is told the limit and it keeps its time`, {
      timeout: 180_000,
    }, async () => {
      const w = WORDS[lang];
      const errors: string[] = [];

      // A session booked with a mentor free from a quarter hour an hour or more from now (the
      // rest of that day by an override, every other day all day): their free times do not move
      // with the clock while the test runs.
      const all = await sk<{ data: ApiMentor[] }>('GET', '/v1/mentors?limit=100');
      const mentor = all.data.filter(
        (m) => m.externalId !== 'demo-mentor-001' && m.formats.includes('video'),
      )[index]!;
      const from = quarterAfter(60);
      const today = new Date(serverNow()).toISOString().slice(0, 10);
      await sk('PUT', `/v1/mentors/${mentor.id}/availability`, {
        timeZone: 'UTC',
        weekly: ALL_WEEK,
        overrides: [
          // Today, when that time is already tomorrow (UTC): a day off.
          ...(today === from.toISOString().slice(0, 10) ? [] : [{ date: today, intervals: [] }]),
          {
            date: from.toISOString().slice(0, 10),
            intervals: [{ start: from.toISOString().slice(11, 16), end: '24:00' }],
          },
        ],
        minNoticeMinutes: 0,
        sessionLengths: [15],
      });
      const [first] = await freeSlots(mentor, new Date(serverNow()));
      expect(first).toBe(from.toISOString());
      const booking = await as<ApiBooking>(LEARNER, 'POST', '/v1/bookings', {
        mentorId: mentor.id,
        start: first,
        durationMinutes: 15,
        format: 'video',
      });
      expect(booking).toMatchObject({ status: 'confirmed', start: first, rescheduleCount: 0 });

      // The program's default allows two moves; the admin sets one in the admin console.
      await sk('PATCH', '/v1/admin/settings', { maxReschedules: 2 });
      const adminPage = await open('/admin-console/', lang, errors);
      const admin = adminPage.locator('mm-admin-console');
      await admin.getByRole('tab', { name: w.settings }).click();
      const settings = admin.locator('mm-program-settings');
      const field = settings.getByLabel(w.maxReschedules);
      await poll(() => field.inputValue()).toBe('2');
      await field.fill('1');
      await settings.getByRole('button', { name: w.save }).click();
      await poll(() => textOf(settings.locator('p.ok[role=status]'))).toBe(w.saved);
      expect((await sk<{ maxReschedules: number }>('GET', '/v1/admin/settings')).maxReschedules).toBe(1);

      // My help: the session moves once, to the first other free time.
      const page = await open('/plain-html/', lang, errors);
      const widget = page.locator('mm-ask-expert[floating]');
      await widget.locator('[part~="launcher"]').click();
      await widget.locator('[part~="my-help-button"]').click();
      const myHelp = widget.locator('mm-my-help');
      const session = (start: string) =>
        myHelp.locator('li', { has: page.locator(`time[datetime="${start}"]`), hasText: mentor.name });
      await session(first!).getByRole('button', { name: w.reschedule }).click();
      const times = session(first!).getByRole('group', { name: w.pick });
      await times.waitFor({ state: 'visible' });
      const moveTo = (await freeSlots(mentor, new Date(serverNow()))).filter((s) => s !== first)[0]!;
      await times.locator('[part~="slot-button"]').first().click();
      await poll(() => textOf(myHelp.locator('[role=status]'))).toBe(w.moved);
      await session(moveTo).waitFor({ state: 'visible' });
      expect(await session(first!).count()).toBe(0);
      expect(await sk<ApiBooking>('GET', `/v1/bookings/${booking.id}`)).toMatchObject({
        status: 'confirmed',
        start: moveTo,
        rescheduleCount: 1,
      });

      // A second move: refused with the program's limit, said plainly; the session keeps its time.
      await session(moveTo).getByRole('button', { name: w.reschedule }).click();
      const again = session(moveTo).getByRole('group', { name: w.pick });
      await again.locator('[part~="slot-button"]').first().click();
      const alert = myHelp.locator('[role=alert]');
      await poll(() => textOf(alert)).toBe(w.limit);
      await session(moveTo).waitFor({ state: 'visible' });
      // As the message says: the session is no longer offered to move, and can still be cancelled.
      await poll(() => session(moveTo).getByRole('button', { name: w.reschedule }).count()).toBe(0);
      expect(await session(moveTo).getByRole('button', { name: w.cancel }).isVisible()).toBe(true);
      await shots(page, alert, `${lang}-5-reschedule-limit`);
      expect(await sk<ApiBooking>('GET', `/v1/bookings/${booking.id}`)).toMatchObject({
        status: 'confirmed',
        start: moveTo,
        rescheduleCount: 1,
      });
      // The server's answer to the same move, through the API: 409 `reschedule_limit`.
      const refused = await as(LEARNER, 'POST', `/v1/bookings/${booking.id}/reschedule`, {
        start: first,
      }).then(
        () => 'moved',
        (error: Error) => error.message,
      );
      expect(refused).toMatch(/: 409 .*"code":"reschedule_limit"/);
      expect(errors).toEqual([]);
    });
  }
});
