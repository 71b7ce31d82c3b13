// End to end: the React 19 and Vue 3 example pages (examples/react, examples/vue), each built
// here with its own `vite build` when its page is missing or older than its sources, served by
// the stand-in customer site and opened cold in Chromium (a fresh browser profile, as a first
// visit). The `<mm-ask-expert>` elements the framework rendered must upgrade from the BUILT
// widget (dist/widget.js through the real API), take the framework's attributes, let the
// learner ask, and the element's `mm-request-created` must reach the framework's own handler
// (React's `onmm-request-created` prop, Vue's `@mm-request-created`), which re-renders the page.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type ApiProcess,
  CHROMIUM_ARGS,
  chromiumPath,
  DEMO_SECRET_KEY,
  ensureWidgetBuilt,
  fetchRequest,
  type HostSite,
  RESULTS_DIR,
  ROOT,
  startApiProcess,
  startHostSite,
} from './support.js';

/** Not 8788/8789: widget.e2e and instant-help.e2e may run beside this file; the demo tenant is told to allow it. */
const PORT = 8790;
const ORIGIN = `http://localhost:${PORT}`;
const STEP_TIMEOUT = 20_000;

/** The newest modification time under `path` (files and folders), skipping node_modules. */
function newest(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let latest = info.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules') continue;
    latest = Math.max(latest, newest(join(path, name)));
  }
  return latest;
}

/**
 * Builds examples/<name> (vite build: app/ → index.html + assets/) unless its built page is
 * newer than everything it is built from: the e2e suite opens what the sources say today.
 */
function ensureExampleBuilt(name: 'react' | 'vue'): void {
  const dir = join(ROOT, 'examples', name);
  const page = join(dir, 'index.html');
  const sources = ['app', 'vite.config.ts', 'package.json'].map((f) => join(dir, f));
  if (existsSync(page) && statSync(page).mtimeMs >= Math.max(...sources.map(newest))) return;
  const vite = join(dir, 'node_modules', 'vite', 'bin', 'vite.js');
  try {
    execFileSync(process.execPath, [vite, 'build'], { cwd: dir, stdio: 'pipe', timeout: 120_000 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`vite build of examples/${name} failed:\n${stdout ?? ''}\n${stderr ?? ''}`);
  }
  if (!existsSync(page)) throw new Error(`vite build did not produce ${page}`);
}

let api: ApiProcess | undefined;
let host: HostSite | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;

async function sk<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${api!.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${DEMO_SECRET_KEY}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

beforeAll(async () => {
  mkdirSync(RESULTS_DIR, { recursive: true });
  ensureWidgetBuilt();
  ensureExampleBuilt('react');
  ensureExampleBuilt('vue');
  try {
    api = await startApiProcess();
    const settings = await sk<{ allowedOrigins: string[] }>('GET', '/v1/admin/settings');
    await sk('PATCH', '/v1/admin/settings', {
      allowedOrigins: [...new Set([...settings.allowedOrigins, ORIGIN])],
    });
    host = await startHostSite(api.url, PORT);
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, timeout: 60_000 });
  } catch (error) {
    await stopAll();
    throw error;
  }
}, 300_000);

async function stopAll(): Promise<void> {
  await context?.close().catch(() => {});
  await browser?.close().catch(() => {});
  await host?.stop().catch(() => {});
  await api?.stop().catch(() => {});
  context = browser = host = api = undefined;
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
      { id: 'use-state', topic: 'react-use-state' },
      { id: 'use-effect', topic: 'react-use-effect' },
    ],
    question: 'My effect runs twice in development',
  },
  {
    framework: 'Vue',
    path: '/vue/',
    courseId: 'vue-101',
    lessons: [
      { id: 'ref-reactive', topic: 'vue-reactivity' },
      { id: 'composables', topic: 'vue-composables' },
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

      // Every element the framework rendered was upgraded by the widget's script: a defined
      // element with its shadow root rendered, and the framework's attributes on it.
      await expect
        .poll(() =>
          page.evaluate(() =>
            [...document.querySelectorAll('section mm-ask-expert')].map(
              (el) =>
                el instanceof (customElements.get('mm-ask-expert') ?? class {}) &&
                Boolean(el.shadowRoot?.querySelector('[part~="launcher"]')),
            ),
          ),
        )
        .toEqual(example.lessons.map(() => true));
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
      expect(await inline.locator('.topic').textContent()).toBe(`Topic: ${lesson.topic}`);
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
