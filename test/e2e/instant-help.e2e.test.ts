// End to end, two browsers: a learner on a customer page asks for help "Right now" in the built
// widget; the demo mentor's console (examples/mentor-console) gets the offer live and accepts;
// both chat live in the session's thread; the server's clock is moved past the session
// (MM_TEST_CLOCK=1, the test-only `/_test/clock` of packages/server/src/test-clock.ts); the
// learner gives feedback (examples/follow-up), the mentor writes notes, the learner ticks an
// action item off and adds the mentor to the board; the mentor's first badge shows in their
// console and on their card. Every step is checked through the API too.
// Screenshots go to test-results/e2e/instant-*.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiProcess,
  asProgram,
  asUser,
  type ExampleStack,
  ensureWidgetBuilt,
  type HostSite,
  RESULTS_DIR,
  startExampleStack,
} from './support.js';

/** Not 8788: widget.e2e.test.ts may run beside this file; the demo tenant is told to allow it. */
const PORT = 8789;
const ORIGIN = `http://localhost:${PORT}`;
const LEARNER = { sub: 'demo-learner-1', name: 'Ada Learner' };
const STEP_TIMEOUT = 20_000;

let stack: ExampleStack | undefined;
let api: ApiProcess | undefined;
let host: HostSite | undefined;
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];

const sk = <T>(method: string, path: string, body?: unknown): Promise<T> =>
  asProgram<T>(api!.url, method, path, body);

/** A call as the demo learner (the secret key acting for their user token). */
const asLearner = <T>(path: string): Promise<T> => asUser<T>(api!.url, LEARNER, 'GET', path);

beforeAll(async () => {
  mkdirSync(RESULTS_DIR, { recursive: true });
  ensureWidgetBuilt();
  stack = await startExampleStack({
    port: PORT,
    apiEnv: { MM_TEST_CLOCK: '1', MICROMENTOR_WORKER_POLL_MS: '200' },
  });
  ({ api, host, browser } = stack);
}, 240_000);

async function stopAll(): Promise<void> {
  for (const c of contexts.splice(0)) await c.close().catch(() => {});
  await stack?.stop();
  browser = host = api = stack = undefined;
}

afterAll(stopAll, 60_000);

async function open(path: string, errors: string[]): Promise<Page> {
  const context = await browser!.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'en-US' });
  contexts.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  const response = await page.goto(`${ORIGIN}${path}`, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  return page;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(RESULTS_DIR, `instant-${name}.png`) });

async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

interface ApiMentor {
  id: string;
  externalId: string;
  name: string;
  skills: string[];
  formats: string[];
  stats: { ratingCount: number };
}
interface ApiBooking {
  id: string;
  mentorId: string;
  requestId: string | null;
  status: string;
  threadId: string | null;
  start: string;
  end: string;
}

describe('instant help across two browsers (learner and mentor)', () => {
  it('asks now → the mentor accepts live → both chat → the session passes → feedback, notes, action item, board', {
    timeout: 300_000,
  }, async () => {
    const errors: string[] = [];
    const mentors = await sk<{ data: ApiMentor[] }>('GET', '/v1/mentors?limit=100');
    const mentor = mentors.data.find((m) => m.externalId === 'demo-mentor-001')!;
    expect(mentor).toBeDefined();
    const skill = mentor.skills[0]!.replace(/-/g, ' ');
    const question = `Stuck with ${skill} in my project`;

    // The mentor opens their console and turns "Available now" on.
    const mentorPage = await open('/mentor-console/', errors);
    const console_ = mentorPage.locator('mm-mentor-console');
    await expect.poll(() => textOf(console_.locator('.live'))).toBe('Live updates on');
    await console_.getByRole('switch').check();
    await expect.poll(() => console_.getByRole('switch').isChecked()).toBe(true);
    await shot(mentorPage, '1-mentor-available');

    // The learner asks "Right now" in the floating widget.
    const learnerPage = await open('/plain-html/', errors);
    const w = learnerPage.locator('mm-ask-expert[floating]');
    await w.locator('[part~="launcher"]').click();
    await w.getByLabel('What are you stuck on?').fill(question);
    await w
      .getByLabel('Details (optional)')
      .fill('My query returns the wrong rows; I need someone to look now.');
    const format = mentor.formats.includes('chat')
      ? 'Text chat'
      : mentor.formats.includes('video')
        ? 'Video call'
        : 'Phone call';
    await w.getByLabel(format, { exact: true }).check();
    await w.getByLabel('Right now', { exact: true }).check();
    await w.getByRole('button', { name: 'Find a mentor' }).click();
    const instant = learnerPage.locator('mm-instant-help');
    await expect
      .poll(() => textOf(instant.locator('[role=status]').first()), { timeout: STEP_TIMEOUT })
      .toBe('Asking 1 mentor who is online…');
    await shot(learnerPage, '2-learner-waiting');

    // The offer reaches the mentor's console live; they accept it.
    const card = console_.locator('mm-offer-inbox li.card', { hasText: question });
    await card.waitFor({ state: 'visible' });
    await shot(mentorPage, '3-mentor-offer');
    await card.getByRole('button', { name: 'Accept' }).click();
    await expect
      .poll(() => textOf(console_.locator('mm-offer-inbox [role=status]').first()))
      .toBe('Accepted — the learner has been told.');

    // The learner sees the winner live, with the session's chat.
    await expect
      .poll(() => textOf(instant.locator('.ok')), { timeout: STEP_TIMEOUT })
      .toBe(`${mentor.name} accepted and is helping you now.`);
    const sessions = await asLearner<{ data: ApiBooking[] }>('/v1/bookings?limit=100');
    const booking = sessions.data.find((b) => b.mentorId === mentor.id && b.status === 'confirmed')!;
    expect(booking.threadId).toEqual(expect.any(String));
    const request = await sk<{ status: string; matchedMentorId: string }>(
      'GET',
      `/v1/requests/${booking.requestId}`,
    );
    expect(request).toMatchObject({ status: 'matched', matchedMentorId: mentor.id });
    await shot(learnerPage, '4-learner-matched');

    // Both chat live: the mentor opens the conversation and writes; the learner answers.
    await console_.getByRole('tab', { name: 'Messages' }).click();
    await console_.locator('mm-thread-view button.thread', { hasText: LEARNER.name }).click();
    const mentorThread = console_.locator('mm-thread-view');
    await mentorThread.getByLabel('Message').fill('Hi! I am here. Can you paste the query?');
    await mentorThread.getByRole('button', { name: 'Send' }).click();
    const learnerThread = instant.locator('mm-thread-view');
    await learnerThread
      .locator('.messages li', { hasText: 'Can you paste the query?' })
      .waitFor({ state: 'visible' });
    await learnerThread.getByLabel('Message').fill('SELECT * FROM orders LEFT JOIN customers USING (id)');
    await learnerThread.getByRole('button', { name: 'Send' }).click();
    await mentorThread
      .locator('.messages li', { hasText: 'LEFT JOIN customers' })
      .waitFor({ state: 'visible' });
    await shot(learnerPage, '5-learner-chat');
    await shot(mentorPage, '6-mentor-chat');
    const messages = await asLearner<{ data: { body: string }[] }>(
      `/v1/threads/${booking.threadId}/messages`,
    );
    expect(messages.data.map((m) => m.body)).toEqual([
      'Hi! I am here. Can you paste the query?',
      'SELECT * FROM orders LEFT JOIN customers USING (id)',
    ]);

    // The session passes: the server's clock moves past its end and the completion job runs.
    const moved = await fetch(`${api!.url}/_test/clock`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ advanceMs: Date.parse(booking.end) - Date.now() + 20 * 60_000 }),
    });
    expect(moved.status).toBe(200);
    await expect
      .poll(async () => (await sk<ApiBooking>('GET', `/v1/bookings/${booking.id}`)).status, {
        timeout: 30_000,
      })
      .toBe('completed');

    // The learner gives feedback on the follow-up page.
    const followPage = await learnerPage.context().newPage();
    followPage.setDefaultTimeout(STEP_TIMEOUT);
    followPage.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    await followPage.goto(`${ORIGIN}/follow-up/`, { waitUntil: 'load' });
    const follow = followPage.locator('mm-follow-up');
    const feedback = follow.locator('mm-session-feedback');
    await feedback.waitFor({ state: 'visible' });
    await feedback.getByLabel('4 stars').check({ force: true });
    await feedback.getByLabel('Yes', { exact: true }).check();
    await feedback.getByLabel('Anything to add? (optional)').fill('Found the fan-out in minutes.');
    await feedback.getByRole('button', { name: 'Send feedback' }).click();
    await feedback.locator('.ok').waitFor({ state: 'visible' });
    await shot(followPage, '7-learner-feedback');
    const given = await sk<{ rating: number; solved: string }>('GET', `/v1/bookings/${booking.id}/feedback`);
    expect(given).toMatchObject({ rating: 4, solved: 'yes' });

    // The mentor writes notes with an action item.
    await console_.getByRole('tab', { name: 'Sessions' }).click();
    const sessionList = console_.locator('mm-session-list');
    await sessionList.getByRole('button', { name: 'Notes and action items' }).first().click();
    await sessionList
      .getByLabel('Summary')
      .fill('The LEFT JOIN fanned out over several orders per customer.');
    const addItem = sessionList.getByRole('button', { name: 'Add action item' });
    if ((await sessionList.getByLabel('Action item 1', { exact: true }).count()) === 0) await addItem.click();
    await sessionList.getByLabel('Action item 1', { exact: true }).fill('Aggregate orders before joining');
    await sessionList.getByRole('button', { name: 'Save notes' }).click();
    await expect
      .poll(() => textOf(sessionList.locator('[role=status]').first()))
      .toBe('Notes saved — the learner can see them.');
    await shot(mentorPage, '8-mentor-notes');

    // The learner ticks the action item off and adds the mentor to the board.
    await followPage.reload({ waitUntil: 'load' });
    const items = follow.locator('mm-action-items');
    await items.getByText('Aggregate orders before joining').waitFor({ state: 'visible' });
    await items.getByRole('checkbox').first().check();
    await expect.poll(() => textOf(items.locator('[aria-live]'))).toBe('1 of 1 done');
    await follow.getByRole('button', { name: 'Add to my board' }).click();
    await follow.locator('mm-advisor-board li h4', { hasText: mentor.name }).waitFor({ state: 'visible' });
    expect(await textOf(items.locator('[aria-live]'))).toBe('1 of 1 done');
    await shot(followPage, '9-learner-board');

    // Asking again from the board: the mentor's next free times, the one picked reviewed, booked.
    const boardEl = follow.locator('mm-advisor-board');
    await boardEl.getByRole('button', { name: 'Ask again' }).click();
    const firstTime = boardEl.locator('[role=group] button').first();
    await firstTime.waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    await firstTime.click();
    await boardEl.getByRole('heading', { name: 'Check your session' }).waitFor({ state: 'visible' });
    await shot(followPage, '9a-learner-board-review');
    if (await boardEl.locator('#phone').count()) await boardEl.locator('#phone').fill('+34 600 111 222');
    await boardEl.getByRole('button', { name: 'Book', exact: true }).click();
    await expect.poll(() => textOf(boardEl.locator('.ok')), { timeout: STEP_TIMEOUT }).toMatch(/^Booked: /);

    const notes = await sk<{ actionItems: { text: string; done: boolean }[] }>(
      'GET',
      `/v1/bookings/${booking.id}/notes`,
    );
    expect(notes.actionItems).toEqual([
      expect.objectContaining({ text: 'Aggregate orders before joining', done: true }),
    ]);
    const board = await asLearner<{ data: { mentor: { id: string } }[] }>('/v1/me/board');
    expect(board.data.map((e) => e.mentor.id)).toContain(mentor.id);
    const after = await sk<ApiMentor>('GET', `/v1/mentors/${mentor.id}`);
    expect(after.stats.ratingCount).toBe(mentor.stats.ratingCount + 1);

    // The same follow-up inside the widget: "My help" shows the ticked action item and the board.
    await learnerPage.reload({ waitUntil: 'load' });
    const widget = learnerPage.locator('mm-ask-expert[floating]');
    await widget.locator('[part~="launcher"]').click();
    await widget.getByRole('button', { name: 'My help' }).click();
    const inWidget = widget.locator('mm-follow-up[slot=mine]');
    await inWidget.locator('mm-advisor-board li h4', { hasText: mentor.name }).waitFor({ state: 'visible' });
    await expect.poll(() => textOf(inWidget.locator('mm-action-items [aria-live]'))).toBe('1 of 1 done');
    await shot(learnerPage, '9b-learner-my-help');

    // Recognition: the completed session earned the mentor their first badge. It shows in
    // their console, and on their card when the learner asks again (the board ranks them).
    await console_.getByRole('tab', { name: 'Profile' }).click();
    await expect
      .poll(() => textOf(console_.locator('mm-mentor-record .badges')), { timeout: STEP_TIMEOUT })
      .toContain('First session');
    await learnerPage.reload({ waitUntil: 'load' });
    const again = learnerPage.locator('mm-ask-expert[floating]');
    await again.locator('[part~="launcher"]').click();
    await again.getByLabel('What are you stuck on?').fill(`${question}, again`);
    await again.getByLabel('This week', { exact: true }).check();
    await again.getByRole('button', { name: 'Find a mentor' }).click();
    const mentorCard = again.locator('mm-mentor-card', { hasText: mentor.name });
    await expect
      .poll(() => textOf(mentorCard.locator('.badges')), { timeout: STEP_TIMEOUT })
      .toContain('First session');
    await shot(learnerPage, '10-learner-badge-on-card');
    expect(errors).toEqual([]);
  });

  it('a guest (no user token) asks now, the mentor (whose token is renewed) accepts, and they chat', {
    timeout: 240_000,
  }, async () => {
    const errors: string[] = [];
    const mentors = await sk<{ data: ApiMentor[] }>('GET', '/v1/mentors?limit=100');
    const mentor = mentors.data.find((m) => m.externalId === 'demo-mentor-001')!;
    const question = `Guest stuck with ${mentor.skills[0]!.replace(/-/g, ' ')}`;

    const mentorPage = await open('/mentor-console/', errors);
    const console_ = mentorPage.locator('mm-mentor-console');
    await expect.poll(() => textOf(console_.locator('.live'))).toBe('Live updates on');
    // The console's token goes bad (as it would after an hour): the page's token provider renews
    // it from the host site's backend, and the call goes through.
    const renewals: string[] = [];
    mentorPage.on('request', (r) => {
      if (new URL(r.url()).pathname === '/mm-token') renewals.push(r.url());
    });
    await mentorPage.evaluate(() =>
      (window as unknown as { Micromentor: (...args: unknown[]) => void }).Micromentor(
        'identify',
        'expired.token.x',
      ),
    );
    await console_.getByRole('tab', { name: 'Sessions' }).click();
    await console_.locator('mm-session-list h3').first().waitFor({ state: 'visible' });
    await expect.poll(() => renewals).toEqual([`${ORIGIN}/mm-token?as=mentor`]);
    expect(await console_.locator('mm-session-list [role=alert]').count()).toBe(0);
    await console_.getByRole('tab', { name: 'Requests' }).click();
    await console_.getByRole('switch').check();
    await expect.poll(() => console_.getByRole('switch').isChecked()).toBe(true);

    // A visitor who is not logged in: the widget asks who they are first.
    const guestPage = await open('/plain-html/?guest', errors);
    const w = guestPage.locator('mm-ask-expert[floating]');
    await w.locator('[part~="launcher"]').click();
    await w.getByLabel('Your name').fill('Grace Guest');
    await w.getByLabel('Email').fill('grace.guest@example.com');
    await w.getByRole('button', { name: 'Continue' }).click();
    await w.getByLabel('What are you stuck on?').fill(question);
    const format = mentor.formats.includes('chat') ? 'Text chat' : 'Video call';
    await w.getByLabel(format, { exact: true }).check();
    await w.getByLabel('Right now', { exact: true }).check();
    await w.getByRole('button', { name: 'Find a mentor' }).click();
    const instant = guestPage.locator('mm-instant-help');
    await expect
      .poll(() => textOf(instant.locator('[role=status]').first()), { timeout: STEP_TIMEOUT })
      .toBe('Asking 1 mentor who is online…');

    const card = console_.locator('mm-offer-inbox li.card', { hasText: question });
    await card.getByRole('button', { name: 'Accept' }).click();
    await expect
      .poll(() => textOf(instant.locator('.ok')), { timeout: STEP_TIMEOUT })
      .toBe(`${mentor.name} accepted and is helping you now.`);

    const guestThread = instant.locator('mm-thread-view');
    await guestThread.getByLabel('Message').fill('Thanks! Here is my query.');
    await guestThread.getByRole('button', { name: 'Send' }).click();
    await console_.getByRole('tab', { name: 'Messages' }).click();
    await console_.locator('mm-thread-view button.thread', { hasText: 'Grace Guest' }).click();
    await console_
      .locator('mm-thread-view .messages li', { hasText: 'Here is my query' })
      .waitFor({ state: 'visible' });
    await shot(guestPage, '11-guest-chat');
    expect(errors).toEqual([]);
  });
});
