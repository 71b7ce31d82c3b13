// Issue #18 in the consoles, end to end, in English and in Spanish (the host page's lang): a
// learner asked a question, one mentor advised on it in a thread, the learner decided and shared
// that advice; the same question asked again "right now" reaches another mentor's console, who sees
// what the earlier mentor advised (and the learner's decision) on the offer, accepts, finds it again
// on the session's card, and — the learner not showing up — records a no-show after the session has
// started. The program admin then sets how many times a session may be moved: a value the server
// refuses shows its message under the field; a good one is saved. Every step is read back through
// the API. Built bundles on the example site (examples/mentor-console, examples/admin-console).
// Screenshots go to test-results/e2e/mentor-admin-18-*.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asProgram,
  asUser,
  type ExampleStack,
  ensureWidgetBuilt,
  RESULTS_DIR,
  startExampleStack,
} from './support.js';

/** Not 8788–8791: the other e2e files may run beside this one; the demo tenant is told to allow it. */
const PORT = 8794;
const ORIGIN = `http://localhost:${PORT}`;
const STEP_TIMEOUT = 20_000;

let stack: ExampleStack | undefined;
const contexts: BrowserContext[] = [];

interface ApiMentor {
  id: string;
  externalId: string;
  name: string;
  skills: string[];
}
interface ApiBooking {
  id: string;
  mentorId: string;
  requestId: string | null;
  status: string;
  start: string;
  noShow: { who: string; recordedAt: string } | null;
}
interface User {
  sub: string;
  name: string;
  roles?: ('mentor' | 'admin')[];
}

/** What each locale's screens say, where the test finds something by its words. */
const WORDS = {
  en: {
    sessions: 'Sessions',
    accept: 'Accept',
    accepted: 'Accepted — the learner has been told.',
    advice: 'What earlier mentors advised on this question',
    advised: (name: string) => `${name} advised:`,
    decided: 'What the learner decided:',
    noShow: 'The learner didn’t come',
    record: 'Record the no-show',
    noShowStatus: 'No-show',
    settings: 'Settings',
    maxReschedules: 'Times a session may be moved, at most',
    invalid: 'Some settings are not valid (see below).',
    save: 'Save settings',
    saved: 'Settings saved.',
  },
  es: {
    sessions: 'Sesiones',
    accept: 'Aceptar',
    accepted: 'Aceptada — ya se lo hemos dicho.',
    advice: 'Lo que aconsejaron antes otros mentores sobre esta pregunta',
    advised: (name: string) => `${name} aconsejó:`,
    decided: 'Lo que decidió la persona:',
    noShow: 'La persona no se presentó',
    record: 'Registrar la ausencia',
    noShowStatus: 'No se presentó',
    settings: 'Ajustes',
    maxReschedules: 'Veces que se puede mover una sesión, como máximo',
    invalid: 'Algunos ajustes no son válidos (mira abajo).',
    save: 'Guardar ajustes',
    saved: 'Ajustes guardados.',
  },
} as const;
type Locale = keyof typeof WORDS;

/** Who plays which part in each locale: a learner and the console's mentor (the first advisor is their best other match). */
const CAST: Record<Locale, { learner: User; mentor: string; reschedules: number }> = {
  en: {
    learner: { sub: 'e2e-18-learner-en', name: 'Lena Learner' },
    mentor: 'demo-mentor-002',
    reschedules: 4,
  },
  es: {
    learner: { sub: 'e2e-18-learner-es', name: 'Lucía Aprendiz' },
    mentor: 'demo-mentor-003',
    reschedules: 5,
  },
};

/** A call as `user` (the secret key acting for their user token, as a host backend would). */
const as = <T>(user: User, method: string, path: string, body?: unknown): Promise<T> =>
  asUser<T>(stack!.api.url, user, method, path, body);

const asMentor = (mentor: ApiMentor): User => ({
  sub: mentor.externalId,
  name: mentor.name,
  roles: ['mentor'],
});

async function open(path: string, locale: Locale, errors: string[], query: Record<string, string> = {}) {
  const context = await stack!.browser.newContext({
    viewport: { width: 1280, height: 1000 },
    locale: locale === 'es' ? 'es-ES' : 'en-US',
  });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  const response = await page.goto(`${ORIGIN}${path}?${new URLSearchParams({ lang: locale, ...query })}`, {
    waitUntil: 'load',
  });
  expect(response?.status()).toBe(200);
  return page;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(RESULTS_DIR, `mentor-admin-18-${name}.png`), fullPage: true });

async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

beforeAll(async () => {
  mkdirSync(RESULTS_DIR, { recursive: true });
  ensureWidgetBuilt();
  stack = await startExampleStack({ port: PORT, apiEnv: { MICROMENTOR_WORKER_POLL_MS: '200' } });
}, 240_000);

afterAll(async () => {
  for (const c of contexts.splice(0)) await c.close().catch(() => {});
  await stack?.stop();
}, 60_000);

describe.each(['en', 'es'] as const)('the consoles for #18 (%s)', (locale) => {
  const w = WORDS[locale];
  const cast = CAST[locale];

  it('the mentor sees what an earlier mentor advised, accepts, and records that the learner did not come', {
    timeout: 180_000,
  }, async () => {
    const errors: string[] = [];
    const all = await asProgram<{ data: ApiMentor[] }>(stack!.api.url, 'GET', '/v1/mentors?limit=100');
    const mentor = all.data.find((m) => m.externalId === cast.mentor)!;
    expect(mentor).toBeTruthy();
    const skill = mentor.skills[0]!;
    const title = `Stuck with ${skill.replace(/-/g, ' ')} in my project`;
    const learner = cast.learner;

    // The first ask: an earlier mentor advises in its thread; the learner decides and shares it.
    const first = await as<{ request: { id: string }; matches: { mentor: ApiMentor }[] }>(
      learner,
      'POST',
      '/v1/requests',
      { title, skills: [skill] },
    );
    const advisor = first.matches.map((m) => m.mentor).find((m) => m.id !== mentor.id)!;
    expect(advisor).toBeTruthy();
    const thread = await as<{ id: string }>(learner, 'POST', `/v1/requests/${first.request.id}/threads`, {
      mentorId: advisor.id,
    });
    const advice = `Start from a <b>small</b> example and check the ${skill} docs first.`;
    await as(asMentor(advisor), 'POST', `/v1/threads/${thread.id}/messages`, { body: advice });
    const decision = 'Rewrite the small example first.';
    await as(learner, 'POST', `/v1/me/questions/${first.request.id}/decision`, { text: decision });
    await as(learner, 'POST', `/v1/me/questions/${first.request.id}/share`, { shareEarlierAdvice: true });

    // The console's mentor is online; the learner asks the same question again, right now.
    const mentorPage = await open('/mentor-console/', locale, errors, { mentor: cast.mentor });
    const console_ = mentorPage.locator('mm-mentor-console');
    // Its inbox has loaded (empty) before the request comes, so the offer arrives live.
    await console_.locator('mm-offer-inbox h3').waitFor({ state: 'visible' });
    await as(asMentor(mentor), 'PUT', '/v1/me/presence', { availableNow: true });
    const again = await as<{ request: { id: string }; offers?: { mentorId: string }[] }>(
      learner,
      'POST',
      '/v1/requests',
      { title, skills: [skill], urgency: 'now' },
    );
    expect(again.offers?.map((o) => o.mentorId)).toEqual([mentor.id]);

    // The offer, live in the console, with the earlier mentor's advice and the learner's decision, as text.
    const card = console_.locator('mm-offer-inbox li.card', { hasText: title });
    await card.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    const block = card.locator('.advice');
    expect(await textOf(block.locator('.advice-head'))).toBe(w.advice);
    expect(await textOf(block.locator('li .meta'))).toBe(w.advised(advisor.name));
    expect(await textOf(block.locator('li p.pre'))).toBe(advice);
    expect(await block.locator('b').count()).toBe(0);
    expect(await textOf(block.locator('.advice-decision'))).toBe(decision);
    expect(await textOf(block.locator('p.meta').last())).toBe(w.decided);
    await shot(mentorPage, `${locale}-1-offer-with-earlier-advice`);
    await card.getByRole('button', { name: w.accept }).click();
    await expect
      .poll(() => textOf(console_.locator('mm-offer-inbox [role=status]').first()))
      .toBe(w.accepted);

    // The session the accept created starts now (or at the next minute): once it has started, the
    // learner has not come.
    const booking = (await as<{ data: ApiBooking[] }>(learner, 'GET', '/v1/bookings?limit=100')).data.find(
      (b) => b.requestId === again.request.id && b.mentorId === mentor.id,
    )!;
    expect(booking.status).toBe('confirmed');
    const wait = Date.parse(booking.start) - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait + 1000));

    await console_.getByRole('tab', { name: w.sessions }).click();
    const session = console_.locator('mm-session-list li.card', { hasText: title });
    await session.waitFor({ state: 'visible' });
    expect(await textOf(session.locator('.advice li p.pre'))).toBe(advice);
    const noShow = session.locator('mm-no-show');
    await noShow.getByRole('button', { name: w.noShow }).click();
    const dialog = noShow.locator('dialog.confirm');
    await dialog.waitFor({ state: 'visible' });
    expect(await textOf(dialog.locator('p'))).toContain(learner.name);
    await shot(mentorPage, `${locale}-2-no-show-confirm`);
    await dialog.getByRole('button', { name: w.record }).click();

    // Recorded: the API has it, and the card says so (status, who, when), with no button left.
    await expect
      .poll(async () => (await as<ApiBooking>(learner, 'GET', `/v1/bookings/${booking.id}`)).status)
      .toBe('no_show');
    const stored = await as<ApiBooking>(learner, 'GET', `/v1/bookings/${booking.id}`);
    expect(stored.noShow?.who).toBe('learner');
    const pastCard = console_.locator('mm-session-list li.card', { hasText: title });
    await expect.poll(() => textOf(pastCard.locator('p.meta').first())).toContain(w.noShowStatus);
    expect(await pastCard.locator('mm-no-show').getByRole('button').count()).toBe(0);
    expect(await textOf(pastCard.locator('mm-no-show p:not([role])'))).toContain(learner.name);
    await shot(mentorPage, `${locale}-3-no-show-recorded`);
    await as(asMentor(mentor), 'PUT', '/v1/me/presence', { availableNow: false });
    expect(errors).toEqual([]);
  });

  it('the admin sets how many times a session may be moved; the server’s message shows under a refused value', {
    timeout: 120_000,
  }, async () => {
    const errors: string[] = [];
    const page = await open('/admin-console/', locale, errors);
    const admin = page.locator('mm-admin-console');
    await admin.getByRole('tab', { name: w.settings }).click();
    const settings = admin.locator('mm-program-settings');
    const field = settings.getByLabel(w.maxReschedules);
    await field.waitFor({ state: 'visible' });

    await field.fill('50');
    await settings.getByRole('button', { name: w.save }).click();
    await expect.poll(() => textOf(settings.getByRole('alert'))).toBe(w.invalid);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const message = settings.locator(`#${await field.getAttribute('aria-describedby')}`);
    expect(await textOf(message)).toMatch(/20/);
    await shot(page, `${locale}-4-settings-refused`);
    expect(
      (await asProgram<{ maxReschedules: number }>(stack!.api.url, 'GET', '/v1/admin/settings'))
        .maxReschedules,
    ).not.toBe(50);

    await field.fill(String(cast.reschedules));
    await settings.getByRole('button', { name: w.save }).click();
    await expect.poll(() => textOf(settings.locator('p.ok[role=status]'))).toBe(w.saved);
    expect(await field.getAttribute('aria-invalid')).toBe('false');
    const stored = await asProgram<{ maxReschedules: number }>(stack!.api.url, 'GET', '/v1/admin/settings');
    expect(stored.maxReschedules).toBe(cast.reschedules);
    await shot(page, `${locale}-5-settings-saved`);
    expect(errors).toEqual([]);
  });
});
