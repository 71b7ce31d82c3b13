import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiProcess,
  asProgram,
  type ExampleStack,
  ensureExampleBuilt,
  ensureWidgetBuilt,
  fetchRequest,
  type HostSite,
  RESULTS_DIR,
  startExampleStack,
} from './support.js';

/** Not 8788/8789: widget.e2e and instant-help.e2e may run beside this file; the demo tenant is told to allow it. */
const PORT = 8790;
const ORIGIN = `http://localhost:${PORT}`;
const STEP_TIMEOUT = 20_000;

let stack: ExampleStack | undefined;
let api: ApiProcess | undefined;
let host: HostSite | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;

const _sk = <T>(method: string, path: string, body?: unknown): Promise<T> =>
  asProgram<T>(api!.url, method, path, body);

beforeAll(async () => {
  mkdirSync(RESULTS_DIR, { recursive: true });
  ensureWidgetBuilt();
  ensureExampleBuilt('react');
  ensureExampleBuilt('vue');
  stack = await startExampleStack({ port: PORT });
  ({ api, host, browser } = stack);
}, 300_000);

async function stopAll(): Promise<void> {
  await context?.close().catch(() => {});
  await stack?.stop();
  context = browser = host = api = stack = undefined;
}

afterAll(stopAll, 60_000);

afterEach(async () => {
  await context?.close().catch(() => {});
  context = undefined;
});

interface Opened {
  page: Page;
  errors: string[];
  /** Ids of the help requests the page's elements announced (`mm-request-created`). */
  requests(): Promise<string[]>;
}

/** A fresh browser context (nothing cached, nothing stored) on a page of the host site. */
async function openCold(path: string): Promise<Opened> {
  context = await browser!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_TIMEOUT);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __mmRequests: string[] }).__mmRequests = seen;
    document.addEventListener('mm-request-created', (e) => {
      seen.push((e as CustomEvent<{ request: { id: string } }>).detail.request.id);
    });
  });
  const response = await page.goto(`${ORIGIN}${path}`, { waitUntil: 'load' });
  expect(response?.status()).toBe(200);
  return {
    page,
    errors,
    requests: () => page.evaluate(() => [...(window as unknown as { __mmRequests: string[] }).__mmRequests]),
  };
}

const EXAMPLES = [
  {
    framework: 'React',
    path: '/react/',
    courseId: 'react-101',
    lessons: [
      { id: 'use-state', topic: 'react-use-state', topicTitle: 'useState' },
      { id: 'use-effect', topic: 'react-use-effect', topicTitle: 'useEffect' },
    ],
    question: 'My React useEffect runs twice in development',
  },
  {
    framework: 'Vue',
    path: '/vue/',
    courseId: 'vue-101',
    lessons: [
      { id: 'ref-reactive', topic: 'vue-reactivity', topicTitle: 'Reactivity' },
      { id: 'composables', topic: 'vue-composables', topicTitle: 'Composables' },
    ],
    question: 'My computed property does not update when the array changes',
  },
] as const;

describe('framework examples, opened cold in Chromium', () => {
  for (const example of EXAMPLES) {
    it(`${example.framework}: the elements it rendered upgrade, ask, and their event reaches ${example.framework}'s handler`, async () => {
      const { page, errors, requests } = await openCold(example.path);
      const elements = page.locator('section mm-ask-expert');
      await expect.poll(() => elements.count()).toBe(example.lessons.length);

      // Every element the framework rendered shows a launcher at once: the loader's stand-in
      // (the learner flow is not loaded until someone reaches for one).
      const launchers = () =>
        page.evaluate(() =>
          [...document.querySelectorAll('section mm-ask-expert')].map((el) => {
            const defined = el instanceof (customElements.get('mm-ask-expert') ?? class {});
            const root = defined ? el.shadowRoot : el.querySelector('[slot="mm-stub"]')?.shadowRoot;
            return `${defined ? 'element' : 'stand-in'}:${Boolean(root?.querySelector('[part~="launcher"]'))}`;
          }),
        );
      await expect.poll(launchers).toEqual(example.lessons.map(() => 'stand-in:true'));
      for (const lesson of example.lessons) {
        const element = page.locator(`section[aria-labelledby="${lesson.id}"] mm-ask-expert`);
        expect(await element.getAttribute('topic')).toBe(lesson.topic);
        expect(await element.getAttribute('course-id')).toBe(example.courseId);
        expect(await element.getAttribute('lesson-id')).toBe(lesson.id);
      }
      await expect(page.locator('#asked').textContent()).resolves.toBe('Nothing asked yet.');

      // The learner asks from the second section.
      const lesson = example.lessons[1];
      const inline = page.locator(`section[aria-labelledby="${lesson.id}"] mm-ask-expert`);
      await inline.locator('[part~="launcher"]').click();
      await expect
        .poll(() => inline.locator('dialog[part~="panel"]').evaluate((d: HTMLDialogElement) => d.open))
        .toBe(true);
      // The click loaded the flow: every element the framework rendered is upgraded in place.
      await expect.poll(launchers).toEqual(example.lessons.map(() => 'element:true'));
      // The title, never the id.
      expect(await inline.locator('.topic').textContent()).toBe(`Topic: ${lesson.topicTitle}`);
      await inline.getByLabel('What are you stuck on?').fill(example.question);
      await inline.getByRole('button', { name: 'Find a mentor' }).click();
      const cards = inline.locator('mm-mentor-card article');
      await cards.first().waitFor({ state: 'visible' });
      await page.screenshot({
        path: join(RESULTS_DIR, `framework-${example.framework.toLowerCase()}-matches.png`),
      });

      // The element's event reached the framework's handler, which re-rendered the page.
      const matched = await cards.count();
      await expect
        .poll(() => page.locator('#asked').textContent())
        .toBe(`Asked “${example.question}”: ${matched} mentors matched.`);
      const [id, ...more] = await requests();
      expect(more).toEqual([]);
      const request = await fetchRequest(api!.url, id!);
      expect(request.title).toBe(example.question);
      expect(request.context).toMatchObject({
        topic: lesson.topic,
        courseId: example.courseId,
        lessonId: lesson.id,
        url: `${ORIGIN}${example.path}`,
      });
      expect(errors).toEqual([]);
    });
  }
});
