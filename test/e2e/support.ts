import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { signUserToken } from '@micromentor/sdk/node';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type ServeProcess, startServe } from '../../packages/server/test/support/cli-process.js';
import { scratchDatabase } from '../../packages/server/test/support/postgres-url.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WIDGET_DIR = join(ROOT, 'packages', 'widget');
export const WIDGET_FILE = join(WIDGET_DIR, 'dist', 'widget.js');
export const RESULTS_DIR = join(ROOT, 'test-results', 'e2e');

/** The demo tenant (packages/server/src/demo/seed.ts) only allows these origins: the host site must be on 8788. */
export const HOST_PORT = 8788;
export const HOST_ORIGIN = `http://localhost:${HOST_PORT}`;
export const DEMO_SECRET_KEY = 'sk_demo_LocalOnlySecretKeyNeverInProd';
export const DEMO_PUBLISHABLE_KEY = 'pk_demo_LocalOnlyPublishableKey2026';
/** The demo tenant's identity secret (examples/host-site signs its learner's tokens with it). */
const DEMO_IDENTITY_SECRET = 'ids_demo_LocalOnlyIdentitySecret2026';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export const chromiumPath = (): string => process.env.CHROME_PATH || '/usr/bin/chromium';

/** Builds the widget bundle (vite build) when dist/widget.js is missing. */
export function ensureWidgetBuilt(): void {
  if (existsSync(WIDGET_FILE)) return;
  const vite = join(WIDGET_DIR, 'node_modules', 'vite', 'bin', 'vite.js');
  execFileSync(process.execPath, [vite, 'build'], { cwd: WIDGET_DIR, stdio: 'pipe', timeout: 120_000 });
  if (!existsSync(WIDGET_FILE)) throw new Error(`vite build did not produce ${WIDGET_FILE}`);
}

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
export function ensureExampleBuilt(name: 'react' | 'vue'): void {
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

export interface ApiProcess {
  serve: ServeProcess;
  url: string;
  stop(): Promise<void>;
}

/**
 * `micromentor serve --seed-demo` on a free port: on a fresh PostgreSQL database when
 * DATABASE_URL is set (created here, dropped in stop()), otherwise on a temp PGlite data folder.
 */
export async function startApiProcess(extraEnv: NodeJS.ProcessEnv = {}): Promise<ApiProcess> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    MICROMENTOR_LOG: 'off',
    NODE_ENV: 'test',
    MICROMENTOR_WIDGET_FILE: WIDGET_FILE,
    ...extraEnv,
  };
  delete env.DATABASE_URL;
  delete env.MICROMENTOR_DATA_DIR;
  delete env.PORT;
  let cleanup = async (): Promise<void> => {};
  const url = process.env.DATABASE_URL;
  if (url) {
    const scratch = await scratchDatabase(url, 'mm_e2e');
    env.DATABASE_URL = scratch.url;
    cleanup = scratch.drop;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'mm-e2e-'));
    env.MICROMENTOR_DATA_DIR = join(dir, 'data');
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  let serve: ServeProcess;
  try {
    serve = await startServe(['--seed-demo'], env);
  } catch (error) {
    await cleanup();
    throw error;
  }
  const stop = async (): Promise<void> => {
    if (serve.child.exitCode === null && serve.child.signalCode === null) {
      serve.child.kill('SIGTERM');
      const timer = setTimeout(() => serve.kill(), 10_000);
      await serve.exited;
      clearTimeout(timer);
    }
    await cleanup();
  };
  try {
    await serve.ready(90_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { serve, url: serve.baseUrl, stop };
}

/** Rejects with a clear message when something already listens on the port. */
export function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `Port ${port} is already in use. The e2e tests need it for examples/host-site: the demo ` +
                `tenant only allows http://localhost:${port}. Stop whatever listens there (pnpm start?) and rerun.`
            : `Cannot listen on port ${port}: ${error.message}`,
        ),
      );
    });
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

export interface HostSite {
  child: ChildProcess;
  stop(): Promise<void>;
}

/**
 * examples/host-site/server.mjs on 8788 (or `port`, whose origin the tenant must then allow),
 * pointing pages at the API.
 */
export async function startHostSite(apiUrl: string, port = HOST_PORT): Promise<HostSite> {
  const origin = `http://localhost:${port}`;
  await assertPortFree(port);
  const child = spawn(process.execPath, [join(ROOT, 'examples', 'host-site', 'server.mjs')], {
    cwd: ROOT,
    env: { ...process.env, EXAMPLE_PORT: String(port), MICROMENTOR_API: apiUrl },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (s: string) => {
    stderr += s;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the host site exited early:\n${stderr}`);
    try {
      const res = await fetch(`${origin}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return { child, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stop();
  throw new Error(`the host site did not answer on ${origin} within 15 s:\n${stderr}`);
}

export interface ApiBooking {
  id: string;
  mentorId: string;
  mentorName: string;
  start: string;
  status: string;
  joinUrl: string | null;
  cancelReason: string | null;
  cancelledBy: string | null;
  format: string;
}

/** Reads a booking back from the real API with the demo tenant's secret key. */
export async function fetchBooking(apiUrl: string, id: string): Promise<ApiBooking> {
  const res = await fetch(`${apiUrl}/v1/bookings/${id}`, {
    headers: { Authorization: `Bearer ${DEMO_SECRET_KEY}` },
  });
  if (res.status !== 200) throw new Error(`GET /v1/bookings/${id}: ${res.status} ${await res.text()}`);
  return (await res.json()) as ApiBooking;
}

export interface ApiThread {
  id: string;
  requestId: string | null;
  bookingId: string | null;
  learner: { id: string; name: string };
  mentor: { id: string; name: string };
  lastMessage: { body: string; authorRole: 'learner' | 'mentor' } | null;
}

/**
 * Reads a thread back from the real API as the demo learner of the host site (only a thread's
 * learner and mentor may read it): publishable key, the host's origin and a user token signed
 * with the demo tenant's identity secret, as the host site's backend signs it.
 */
export async function fetchThread(apiUrl: string, id: string): Promise<ApiThread> {
  const token = signUserToken({
    identitySecret: DEMO_IDENTITY_SECRET,
    sub: 'demo-learner-1',
    name: 'Ada Learner',
  });
  const res = await fetch(`${apiUrl}/v1/threads/${id}`, {
    headers: { Authorization: `Bearer ${DEMO_PUBLISHABLE_KEY}`, 'X-User-Token': token, Origin: HOST_ORIGIN },
  });
  if (res.status !== 200) throw new Error(`GET /v1/threads/${id}: ${res.status} ${await res.text()}`);
  return (await res.json()) as ApiThread;
}

export interface ApiRequest {
  id: string;
  title: string;
  context: Record<string, unknown>;
}

/** Reads a help request back from the real API with the demo tenant's secret key. */
export async function fetchRequest(apiUrl: string, id: string): Promise<ApiRequest> {
  const res = await fetch(`${apiUrl}/v1/requests/${id}`, {
    headers: { Authorization: `Bearer ${DEMO_SECRET_KEY}` },
  });
  if (res.status !== 200) throw new Error(`GET /v1/requests/${id}: ${res.status} ${await res.text()}`);
  return (await res.json()) as ApiRequest;
}

export interface Focused {
  tag: string;
  id: string;
  part: string;
  text: string;
  type: string;
  value: string;
  checked: boolean;
  start: string | null;
  href: string | null;
}

/** The element that really has focus, through open shadow roots. */
export function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return null;
    const input = el as HTMLInputElement;
    return {
      tag: el.localName,
      id: el.id,
      part: el.getAttribute('part') ?? '',
      text: (el.textContent ?? '').trim().replace(/\s+/g, ' '),
      type: el.getAttribute('type') ?? '',
      value: typeof input.value === 'string' ? input.value : '',
      checked: Boolean(input.checked),
      start: el.getAttribute('data-start'),
      href: el.getAttribute('href'),
    };
  });
}

/** Presses `key` (Tab or Shift+Tab) until the focused element matches; fails after `max` presses. */
export async function pressUntil(
  page: Page,
  key: 'Tab' | 'Shift+Tab',
  matches: (f: Focused | null) => boolean,
  what: string,
  max = 40,
): Promise<Focused> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    if (f && matches(f)) return f;
    seen.push(f ? `${f.tag}#${f.id}[${f.part}] ${f.text.slice(0, 30)}` : '(body)');
  }
  throw new Error(`${key} never reached ${what} in ${max} presses; focus went:\n  ${seen.join('\n  ')}`);
}

/** Waits until the focused element matches (focus moves after async renders). */
export async function waitForFocus(
  page: Page,
  matches: (f: Focused | null) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<Focused> {
  const deadline = Date.now() + timeoutMs;
  let last: Focused | null = null;
  while (Date.now() < deadline) {
    last = await focused(page);
    if (last && matches(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`focus never reached ${what}; it is on ${JSON.stringify(last)}`);
}

/** A user of the demo program, as the host site's backend signs them. */
export interface DemoUser {
  sub: string;
  name: string;
  email?: string;
  roles?: ('mentor' | 'admin')[];
}

/** The API at `apiUrl` with the demo program's secret key (and `headers`), JSON in and out. */
async function callApi<T>(
  apiUrl: string,
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<T> {
  const res = await fetch(`${apiUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${DEMO_SECRET_KEY}`, 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** The demo program (its secret key) calling the API at `apiUrl`, JSON in and out. */
export function asProgram<T>(apiUrl: string, method: string, path: string, body?: unknown): Promise<T> {
  return callApi<T>(apiUrl, method, path, body, {});
}

/** The demo program acting for `user` (its secret key with their user token), as a host backend would. */
export function asUser<T>(
  apiUrl: string,
  user: DemoUser,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const token = signUserToken({ identitySecret: DEMO_IDENTITY_SECRET, ...user, ttlSeconds: 3600 });
  return callApi<T>(apiUrl, method, path, body, { 'X-User-Token': token });
}

export interface ExampleStack {
  api: ApiProcess;
  host: HostSite;
  browser: Browser;
  /** Stops the browser, the host site and the API (and drops the API's database). */
  stop(): Promise<void>;
}

/**
 * What each e2e file runs against: the API (`micromentor serve --seed-demo`, with `apiEnv`), the
 * example host site on `port` and Chromium. A port other than the demo's 8788 is added to the
 * demo tenant's allowed origins, so files can run side by side. A failed step stops what started.
 */
export async function startExampleStack(
  options: { port?: number; apiEnv?: NodeJS.ProcessEnv } = {},
): Promise<ExampleStack> {
  const port = options.port ?? HOST_PORT;
  await assertPortFree(port); // fail fast, before starting anything
  let api: ApiProcess | undefined;
  let host: HostSite | undefined;
  let browser: Browser | undefined;
  const stop = async (): Promise<void> => {
    await browser?.close().catch(() => {});
    await host?.stop().catch(() => {});
    await api?.stop().catch(() => {});
  };
  try {
    api = await startApiProcess(options.apiEnv);
    if (port !== HOST_PORT) {
      const settings = await asProgram<{ allowedOrigins: string[] }>(api.url, 'GET', '/v1/admin/settings');
      const origins = new Set([...settings.allowedOrigins, `http://localhost:${port}`]);
      await asProgram(api.url, 'PATCH', '/v1/admin/settings', { allowedOrigins: [...origins] });
    }
    host = await startHostSite(api.url, port);
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, timeout: 60_000 });
  } catch (error) {
    await stop();
    throw error;
  }
  return { api, host, browser, stop };
}
