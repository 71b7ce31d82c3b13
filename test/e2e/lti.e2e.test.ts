// End to end, issue 19: the example LMS (examples/lms, an LTI 1.3 platform) launches Micromentor
// as a tool in an iframe in Chromium — OIDC login initiation, the platform's authorization, the
// id_token posted to /lti/launch and checked — and a learner books a session from inside it,
// known by the LMS's identity (no API key, no cookie for the API). An instructor's launch lands
// on the mentor console; in Spanish (launch_presentation.locale) the page and widget speak it.
// Every step is checked through the API too. Screenshots: test-results/e2e/lti-*.png.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  asProgram,
  type ExampleStack,
  ensureWidgetBuilt,
  RESULTS_DIR,
  startExampleStack,
} from './support.js';

/** Not 8788–8791, 8794–8798 (the other e2e files may run beside this one). */
const PORT = 8793;
const LMS = `http://localhost:${PORT}/lms`;
const STEP_TIMEOUT = 20_000;
const QUESTION = 'My LEFT JOIN returns duplicate customer rows';

let stack: ExampleStack | undefined;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  ensureWidgetBuilt();
  mkdirSync(RESULTS_DIR, { recursive: true });
  // The API lets the local LMS's key set URL through its outbound guard, as `pnpm start` does.
  stack = await startExampleStack({ port: PORT, apiEnv: { MICROMENTOR_WEBHOOKS_ALLOW_PRIVATE: 'true' } });
  // The LMS registers itself with the demo program when it starts.
  const deadline = Date.now() + STEP_TIMEOUT;
  for (;;) {
    const { data } = await asProgram<{ data: { issuer: string }[] }>(
      stack.api.url,
      'GET',
      '/v1/admin/lti/platforms',
    );
    if (data.some((p) => p.issuer === LMS)) break;
    if (Date.now() > deadline)
      throw new Error(`the example LMS did not register itself (${JSON.stringify(data)})`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await stack?.stop();
});

async function open(
  path: string,
  viewport = { width: 1280, height: 900 },
  colorScheme: 'light' | 'dark' = 'light',
) {
  const context = await stack!.browser.newContext({ viewport, colorScheme });
  contexts.push(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  await page.goto(`${LMS}${path}`, { waitUntil: 'load' });
  return { page, problems };
}

const tool = (page: Page): FrameLocator => page.frameLocator('iframe.tool');

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(RESULTS_DIR, `lti-${name}.png`) });
}

interface ApiBooking {
  id: string;
  status: string;
  learner?: { name: string };
}

describe('Micromentor launched from the LMS', () => {
  it('lets a learner ask and book a session from inside the course, known by the LMS', async () => {
    const { page, problems } = await open('/lesson/joins-3?as=learner');
    const frame = tool(page);
    const ask = frame.locator('mm-ask-expert');
    await ask.locator('[part~="launcher"]').waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    await shot(page, 'learner-launched');
    await ask.locator('[part~="launcher"]').click();
    await ask.getByLabel('What are you stuck on?').fill(QUESTION);
    await ask.getByRole('button', { name: 'Find a mentor' }).click();
    const cards = ask.locator('mm-mentor-card article');
    await cards.first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    await shot(page, 'learner-matches');
    await cards.first().locator('[part~="slot-button"]').last().click();
    await ask.locator('mm-match-list .review').waitFor({ state: 'visible' });
    await ask.locator('[part~="book-button"]').click();
    await expect
      .poll(() => ask.locator('mm-confirmation h3').textContent(), { timeout: STEP_TIMEOUT })
      .toBe('You are booked');
    await shot(page, 'learner-booked');
    expect(problems).toEqual([]);

    // The API: the request was asked in this course and lesson, by the LMS's user.
    const requests = await asProgram<{
      data: { title: string; courseId?: string; lessonId?: string; learnerId: string }[];
    }>(stack!.api.url, 'GET', '/v1/requests?limit=5');
    const asked = requests.data.find((r) => r.title === QUESTION);
    expect(asked).toBeDefined();
    const users = await asProgram<{ data: { id: string; name: string; externalId: string }[] }>(
      stack!.api.url,
      'GET',
      '/v1/admin/users?q=Mei%20Chen',
    );
    const mei = users.data.find((u) => u.name === 'Mei Chen');
    expect(mei?.externalId).toMatch(/^lti:[\w-]{12}:lms-u-2001$/);
    const bookings = await asProgram<{ data: ApiBooking[] }>(stack!.api.url, 'GET', '/v1/bookings?limit=20');
    expect(bookings.data.filter((b) => b.status === 'confirmed').length).toBeGreaterThanOrEqual(1);
  }, 120_000);

  it('shows an instructor the mentor console (as a mentor), on a phone and in dark mode too', async () => {
    const { page, problems } = await open(
      '/lesson/joins-3?as=instructor',
      { width: 390, height: 844 },
      'dark',
    );
    const frame = tool(page);
    // Not a mentor yet: the console opens on the mentor profile form (they apply in one step).
    const form = frame.locator('mm-mentor-console mm-mentor-profile-form');
    await form.locator('input, textarea').first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    const users = await asProgram<{ data: { name: string; roles: string[]; externalId: string }[] }>(
      stack!.api.url,
      'GET',
      '/v1/admin/users?q=Amara',
    );
    expect(users.data.find((u) => u.name === 'Amara Okafor')).toMatchObject({ roles: ['mentor'] });
    await page.locator('iframe.tool').scrollIntoViewIfNeeded();
    await shot(page, 'instructor-console-phone-dark');
    expect(problems).toEqual([]);
  }, 60_000);

  it('launches without a cookie where the LMS keeps the state (lti_storage_target, as Canvas does)', async () => {
    const context = await stack!.browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    const logins: { status: number; cookie: string | null }[] = [];
    page.on('response', async (response) => {
      if (new URL(response.url()).pathname === '/lti/login') {
        logins.push({
          status: response.status(),
          cookie: (await response.allHeaders())['set-cookie'] ?? null,
        });
      }
    });
    await page.goto(`${LMS}/lesson/joins-3?as=learner&storage=1`, { waitUntil: 'load' });
    const ask = tool(page).locator('mm-ask-expert');
    await ask.locator('[part~="launcher"]').waitFor({ state: 'visible', timeout: STEP_TIMEOUT });
    // The login answered with the page that stores the state in the LMS's frame: no redirect, no cookie.
    expect(logins).toEqual([{ status: 200, cookie: null }]);
    expect(await context.cookies(stack!.api.url)).toEqual([]);
    await shot(page, 'learner-storage-launch');
  }, 60_000);

  it('refuses a launch whose state did not start in this browser, with a page saying why', async () => {
    const context = await stack!.browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    // A launch posted straight to the tool, with no login before it: no state of ours.
    await page.setContent(
      `<form method="post" action="${stack!.api.url}/lti/launch"><input name="id_token" value="x.y.z"><input name="state" value="forged"></form>`,
    );
    await Promise.all([
      page.waitForNavigation(),
      page.locator('form').evaluate((f: HTMLFormElement) => f.submit()),
    ]);
    expect(await page.locator('[role="alert"]').textContent()).toContain('Launch the tool again');
    expect(await page.locator('code').textContent()).toBe('lti_state_unknown');
  }, 30_000);
});
