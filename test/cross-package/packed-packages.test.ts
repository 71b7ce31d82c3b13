// The three packages as a customer gets them: `pnpm pack` of @micromentor/sdk, widget and server
// (publishConfig applied, workspace: ranges replaced), `npm install` of the tarballs into a
// scratch project in os.tmpdir(), outside the workspace, so nothing can resolve back into it.
// Then: the server runs from its compiled dist on plain Node (in process, and as the
// `micromentor` bin serving /widget.js and the API the packed SDK calls); tsc type-checks a file
// importing every entry of the three (from their d.ts); Vite bundles the widget's ESM entry and
// the bundle defines working elements in Chromium.
//
// The builds write each package's dist/ in the workspace: the SDK's and the server's in full,
// the widget's declarations (dist/types) only; the widget's bundles are built only when missing,
// because the e2e suites serve dist/widget.js while this runs (`pnpm test` builds them first).
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../packages/server/test/support/cli-process.js';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/support.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const PACKAGES = ['sdk', 'widget', 'server'] as const;
const DEMO_SECRET_KEY = 'sk_demo_LocalOnlySecretKeyNeverInProd';
/** Per test: PGlite starts, a server seeds the demo, tsc and Vite run, on a machine busy with other suites. */
const TEST_TIMEOUT = 240_000;
/** Installed into the scratch project beside the tarballs: the types a TypeScript app has anyway. */
const TYPE_PACKAGES = ['@types/node@20.19.43', '@types/react@19.3.2'];

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion; rejects with its output when it fails (unless allowFailure). */
function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; allowFailure?: boolean },
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        cwd: options.cwd,
        env: options.env ?? process.env,
        timeout: options.timeoutMs ?? 300_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        if (error && !options.allowFailure) {
          reject(
            new Error(
              `${command} ${args.join(' ')} (in ${options.cwd}) failed: ${error.message}\n${stdout}\n${stderr}`,
            ),
          );
        } else {
          resolve({ code, stdout, stderr });
        }
      },
    );
  });
}

/** pnpm as [command, ...leading args]: the one running this suite, or npx's pinned one. */
function pnpm(): [string, string[]] {
  const execPath = process.env.npm_execpath;
  if (execPath && basename(execPath).startsWith('pnpm') && existsSync(execPath)) {
    return /\.[cm]?js$/.test(execPath) ? [process.execPath, [execPath]] : [execPath, []];
  }
  return ['npx', ['-y', 'pnpm@12.4.2']];
}

function runPnpm(args: string[], cwd: string, timeoutMs?: number): Promise<Ran> {
  const [command, leading] = pnpm();
  const env = { ...process.env, COREPACK_INTEGRITY_KEYS: process.env.COREPACK_INTEGRITY_KEYS ?? '0' };
  return run(command, [...leading, ...args], { cwd, env, ...(timeoutMs ? { timeoutMs } : {}) });
}

/** An environment for the scratch project's processes: nothing pointing back at the workspace. */
function scratchEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, MICROMENTOR_LOG: 'off', NODE_ENV: 'test', ...extra };
  for (const name of [
    'DATABASE_URL',
    'MICROMENTOR_WIDGET_FILE',
    'MICROMENTOR_RUN_FROM',
    'PORT',
    'NODE_PATH',
  ]) {
    if (!(name in extra)) delete env[name];
  }
  return env;
}

let work: string;
let scratch: string;
const tarballs = new Map<(typeof PACKAGES)[number], string>();
const timings: Record<string, number> = {};

async function timed<T>(name: string, step: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await step();
  } finally {
    timings[name] = Date.now() - started;
  }
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'mm-packed-'));
  scratch = join(work, 'app');
  const packs = join(work, 'tarballs');
  mkdirSync(scratch);
  mkdirSync(packs);

  await timed('build', async () => {
    const widgetDist = join(ROOT, 'packages', 'widget', 'dist');
    const bundles = ['widget.js', 'pages.manifest.json', 'index.js', 'follow-up.module.js'].map((f) =>
      join(widgetDist, f),
    );
    if (
      !bundles.every((f) => existsSync(f)) ||
      !existsSync(join(ROOT, 'packages/widget/custom-elements.json'))
    ) {
      await runPnpm(['--filter', '@micromentor/widget', 'run', 'build:bundles'], ROOT);
    }
    await Promise.all([
      runPnpm(['--filter', '@micromentor/sdk', 'run', 'build'], ROOT),
      run(process.execPath, ['scripts/build-types.mjs'], { cwd: join(ROOT, 'packages', 'widget') }),
      runPnpm(['--filter', '@micromentor/server', 'run', 'build'], ROOT),
    ]);
  });

  await timed('pack', async () => {
    for (const name of PACKAGES) {
      await runPnpm(['pack', '--pack-destination', packs], join(ROOT, 'packages', name));
      const file = readdirSync(packs).find((f) => f.startsWith(`micromentor-${name}-`) && f.endsWith('.tgz'));
      if (!file) throw new Error(`pnpm pack of ${name} left no micromentor-${name}-*.tgz in ${packs}`);
      tarballs.set(name, join(packs, file));
    }
  });

  await timed('npm install', async () => {
    writeFileSync(
      join(scratch, 'package.json'),
      `${JSON.stringify({ name: 'packed-scratch', private: true, type: 'module' }, null, 2)}\n`,
    );
    await run(
      'npm',
      [
        'install',
        ...PACKAGES.map((name) => tarballs.get(name)!),
        ...TYPE_PACKAGES,
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
      ],
      { cwd: scratch, env: scratchEnv(), timeoutMs: 600_000 },
    );
  });
}, 1_200_000);

afterAll(() => {
  console.log(
    `packed-packages timings (s): ${Object.entries(timings)
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`)
      .join(', ')}`,
  );
  if (work) rmSync(work, { recursive: true, force: true });
});

/** package.json of an installed package in the scratch project. */
const installed = (name: string) =>
  JSON.parse(readFileSync(join(scratch, 'node_modules', '@micromentor', name, 'package.json'), 'utf8'));

/** Every file of a package as installed (relative paths). */
function filesOf(name: string): string[] {
  const base = join(scratch, 'node_modules', '@micromentor', name);
  const out: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(join(dir, entry.name), rel);
      else out.push(rel);
    }
  };
  walk(base, '');
  return out;
}

/**
 * The server's migrations by name, from its source tree (every `.ts` in a `migrations` folder
 * under packages/server/src, wherever the folder sits): the packed build must apply them all.
 */
function migrationNames(): string[] {
  const names: string[] = [];
  const walk = (dir: string, inMigrations: boolean) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name), entry.name === 'migrations');
      else if (inMigrations && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts'))
        names.push(entry.name.replace(/\.ts$/, ''));
    }
  };
  walk(join(ROOT, 'packages', 'server', 'src'), false);
  if (names.length === 0) throw new Error('found no migrations under packages/server/src');
  return names.sort();
}

describe('packed packages installed outside the workspace', { timeout: TEST_TIMEOUT }, () => {
  it('ship compiled dist/ only: exports point at files that exist, no sources, tests or workspace ranges', () => {
    for (const name of PACKAGES) {
      const manifest = installed(name);
      const files = filesOf(name);
      expect(
        files.filter((f) => f.startsWith('src/')),
        `${name} ships src/`,
      ).toEqual([]);
      expect(
        files.filter((f) => /\.test\.|test-support/.test(f)),
        `${name} ships tests`,
      ).toEqual([]);
      expect(
        files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')),
        `${name} ships .ts`,
      ).toEqual([]);
      expect(JSON.stringify(manifest.dependencies ?? {})).not.toContain('workspace:');
      const targets: string[] = [];
      for (const target of Object.values(manifest.exports as Record<string, unknown>)) {
        targets.push(
          ...(typeof target === 'string' ? [target] : Object.values(target as Record<string, string>)),
        );
      }
      for (const target of targets) {
        expect(
          target === './package.json' || target === './custom-elements.json' || target.startsWith('./dist/'),
          `${name}: ${target}`,
        ).toBe(true);
        expect(files, `${name} exports ${target}`).toContain(target.slice(2));
      }
    }
    expect(installed('server').bin).toEqual({ micromentor: './bin/micromentor.mjs' });
    expect(installed('server').dependencies).toHaveProperty('@micromentor/widget');
    expect(installed('widget').dependencies).not.toHaveProperty('@lit/context');
    // The published declarations never reach into the server (the widget and SDK do not depend on it).
    for (const name of ['sdk', 'widget'] as const) {
      const base = join(scratch, 'node_modules', '@micromentor', name);
      for (const file of filesOf(name).filter((f) => f.endsWith('.d.ts'))) {
        expect(readFileSync(join(base, file), 'utf8'), `${name}/${file}`).not.toContain(
          '@micromentor/server',
        );
      }
    }
  });

  it('runs the server from dist on plain Node: createApp on in-memory PGlite, every migration, /healthz', async () => {
    writeFileSync(
      join(scratch, 'in-process.mjs'),
      `import { connectDatabase, createApp, migrateToLatest } from '@micromentor/server';
import { Micromentor, AuthenticationError } from '@micromentor/sdk';
const handle = await connectDatabase({ dataDir: 'memory://' });
const { applied } = await migrateToLatest(handle.db);
const app = createApp({ db: handle.db });
const health = await app.request('/healthz');
const openapi = await (await app.request('/openapi.json')).json();
// The packed SDK against the packed app, in process: a wrong key is the SDK's typed error.
const client = new Micromentor({
  baseUrl: 'http://in-process.test',
  secretKey: 'sk_test_nobody',
  maxRetries: 0,
  fetch: (url, init) => app.fetch(new Request(url, init)),
});
let refused;
try {
  await client.mentors.list();
} catch (error) {
  refused = { sdkError: error instanceof AuthenticationError, status: error.status };
}
await handle.close();
console.log(JSON.stringify({ applied, health: health.status, healthBody: await health.json(), title: openapi.info.title, refused }));
`,
    );
    const ran = await run(process.execPath, ['in-process.mjs'], { cwd: scratch, env: scratchEnv() });
    const result = JSON.parse(ran.stdout.trim().split('\n').at(-1)!);
    const migrations = migrationNames();
    expect(result.applied).toEqual(migrations);
    expect(result.health).toBe(200);
    expect(result.healthBody).toMatchObject({ status: 'ok' });
    expect(result.title).toBe('Micromentor API');
    expect(result.refused).toEqual({ sdkError: true, status: 401 });
  });

  it('runs the micromentor bin from dist: --help, serve until /healthz, /widget.js from the widget package, the packed SDK, SIGTERM', async () => {
    const bin = join(scratch, 'node_modules', '.bin', 'micromentor');
    const help = await run(bin, ['--help'], { cwd: scratch, env: scratchEnv() });
    expect(help.stdout).toContain('micromentor serve');

    const port = await freePort();
    const dataDir = join(work, 'data');
    const child: ChildProcess = spawn(bin, ['serve', '--seed-demo'], {
      cwd: scratch,
      env: scratchEnv({ PORT: String(port), HOST: '127.0.0.1', MICROMENTOR_DATA_DIR: dataDir }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (s: string) => {
      stderr += s;
    });
    child.stdout!.resume();
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const base = `http://127.0.0.1:${port}`;
    try {
      const deadline = Date.now() + 120_000;
      for (;;) {
        if (child.exitCode !== null) throw new Error(`micromentor serve exited early:\n${stderr}`);
        if (Date.now() > deadline) throw new Error(`micromentor serve never answered /healthz:\n${stderr}`);
        const ok = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) }).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) break;
        await new Promise((r) => setTimeout(r, 200));
      }
      // The compiled CLI ran (the packed package has no src/ to fall back to).
      expect(stderr).toContain(`Micromentor API on`);

      // /widget.js: the widget package's own bundle, found through the dependency.
      const widget = await fetch(`${base}/widget.js`);
      expect(widget.status).toBe(200);
      expect(widget.headers.get('content-type')).toContain('text/javascript');
      const shipped = readFileSync(join(scratch, 'node_modules/@micromentor/widget/dist/widget.js'));
      expect(Buffer.from(await widget.arrayBuffer()).equals(shipped)).toBe(true);
      // The follow-up's entry of the pages build (content-hashed, named in its manifest).
      const pages = JSON.parse(
        readFileSync(join(scratch, 'node_modules/@micromentor/widget/dist/pages.manifest.json'), 'utf8'),
      ) as Record<string, { file: string }>;
      const followUp = await fetch(`${base}/${pages['src/follow-up-entry.ts']!.file}`);
      expect(followUp.status).toBe(200);
      expect(followUp.headers.get('cache-control')).toContain('immutable');

      // The packed SDK (Node entry too) against the packed server: the seeded demo mentors.
      writeFileSync(
        join(scratch, 'sdk-call.mjs'),
        `import { Micromentor } from '@micromentor/sdk';
import { signUserToken } from '@micromentor/sdk/node';
const client = new Micromentor({ baseUrl: process.argv[2], secretKey: '${DEMO_SECRET_KEY}' });
const mentors = await client.mentors.list({ limit: 3 }).toArray({ limit: 3 });
const token = signUserToken({ identitySecret: 'x'.repeat(32), sub: 'u1', name: 'U' });
console.log(JSON.stringify({ names: mentors.map((m) => m.name), tokenParts: token.split('.').length }));
`,
      );
      const sdk = await run(process.execPath, ['sdk-call.mjs', base], { cwd: scratch, env: scratchEnv() });
      const called = JSON.parse(sdk.stdout.trim().split('\n').at(-1)!);
      expect(called.names).toHaveLength(3);
      for (const name of called.names) expect(typeof name).toBe('string');
      expect(called.tokenParts).toBe(3);
    } finally {
      if (child.exitCode === null) child.kill('SIGTERM');
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const end = await exited;
    clearTimeout(timer);
    expect(end, stderr).toEqual({ code: 0, signal: null });
  });

  it('type-checks all three packages from their published declarations (tsc, NodeNext)', async () => {
    writeFileSync(
      join(scratch, 'tsconfig.json'),
      `${JSON.stringify(
        {
          compilerOptions: {
            target: 'ES2022',
            module: 'NodeNext',
            moduleResolution: 'NodeNext',
            lib: ['ES2023', 'DOM', 'DOM.Iterable'],
            types: ['node'],
            jsx: 'react-jsx',
            strict: true,
            noEmit: true,
            // Third-party declarations (PGlite's need Emscripten's types) are not ours to check;
            // the file below proves ours resolve to real types, not any.
            skipLibCheck: true,
          },
          files: ['check.tsx'],
        },
        null,
        2,
      )}\n`,
    );
    writeFileSync(
      join(scratch, 'check.tsx'),
      `import { type Mentor, Micromentor } from '@micromentor/sdk';
import { MicromentorAdmin } from '@micromentor/sdk/admin';
import { signUserToken } from '@micromentor/sdk/node';
import { connectDatabase, createApp } from '@micromentor/server';
import type { ApiPath } from '@micromentor/server/app-type';
import { type MmBookingCreatedEvent, MmAskExpert } from '@micromentor/widget';
import { MmAdminConsole } from '@micromentor/widget/admin-console';
import { MmFollowUp } from '@micromentor/widget/follow-up';
import { MmMentorConsole } from '@micromentor/widget/mentor-console';
import type {} from '@micromentor/widget/react';

type IsAny<T> = 0 extends 1 & T ? true : false;
type NotAny<T> = IsAny<T> extends true ? never : T;

export const ask: NotAny<MmAskExpert> = document.createElement('mm-ask-expert');
ask.topic = 'sql-joins';
// @ts-expect-error: topic is a string
ask.topic = 42;
ask.addEventListener('mm-booking-created', (event: NotAny<MmBookingCreatedEvent>) => event.detail.booking.id.toUpperCase());
export const mentorConsole: NotAny<MmMentorConsole> = document.createElement('mm-mentor-console');
export const adminConsole: NotAny<MmAdminConsole> = document.createElement('mm-admin-console');
export const followUp: NotAny<MmFollowUp> = document.createElement('mm-follow-up');

export const client: NotAny<Micromentor> = new Micromentor({ baseUrl: 'https://api.example.com', publishableKey: 'pk_x' });
export const admin: NotAny<MicromentorAdmin> = new MicromentorAdmin({ baseUrl: 'https://api.example.com', secretKey: 'sk_x' });
export const firstName = async (): Promise<string | undefined> => {
  const mentors: NotAny<Mentor>[] = await client.mentors.list().toArray({ limit: 1 });
  return mentors[0]?.name;
};
export const token: string = signUserToken({ identitySecret: 's'.repeat(32), sub: 'u', name: 'U' });
// @ts-expect-error: a user token needs a subject
signUserToken({ identitySecret: 's'.repeat(32), name: 'U' });
export const path: NotAny<ApiPath> = '/v1/mentors';
export const start = async () => {
  const handle = await connectDatabase({ dataDir: 'memory://' });
  const app: NotAny<ReturnType<typeof createApp>> = createApp({ db: handle.db });
  return app.request('/healthz');
};

// React 19 JSX from @micromentor/widget/react.
export const page = (
  <mm-ask-expert
    topic="sql-joins"
    course-id="sql-101"
    onmm-booking-created={(event) => event.detail.mentor.name.toUpperCase()}
  />
);
// @ts-expect-error: attributes by their HTML names
export const wrong = <mm-ask-expert courseId="sql-101" />;
`,
    );
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const checked = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], {
      cwd: scratch,
      env: scratchEnv(),
      allowFailure: true,
    });
    expect(`${checked.stdout}${checked.stderr}`.trim()).toBe('');
    expect(checked.code).toBe(0);
  });

  it("bundles the widget's ESM entries with a plain Vite build, and the bundle defines working elements", async () => {
    writeFileSync(
      join(scratch, 'index.html'),
      `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>packed</title></head>
<body><mm-ask-expert topic="sql-joins"></mm-ask-expert><script type="module" src="./main.js"></script></body></html>
`,
    );
    writeFileSync(
      join(scratch, 'main.js'),
      `import { MmAskExpert } from '@micromentor/widget';
import { MmFollowUp } from '@micromentor/widget/follow-up';
window.__packed = {
  askDefined: customElements.get('mm-ask-expert') === MmAskExpert,
  followUpDefined: customElements.get('mm-follow-up') === MmFollowUp,
};
`,
    );
    const vite = join(ROOT, 'packages', 'widget', 'node_modules', 'vite', 'bin', 'vite.js');
    const built = await run(process.execPath, [vite, 'build', '--outDir', 'web', '--emptyOutDir'], {
      cwd: scratch,
      env: scratchEnv(),
    });
    expect(built.stderr).not.toMatch(/error/i);
    const assets = readdirSync(join(scratch, 'web', 'assets')).filter((f) => f.endsWith('.js'));
    expect(assets.length).toBeGreaterThan(0);
    const code = assets.map((f) => readFileSync(join(scratch, 'web', 'assets', f), 'utf8')).join('\n');
    expect(code).toContain('mm-ask-expert');
    expect(code).not.toMatch(/from\s*["'](lit|@micromentor\/sdk)/); // bundled, not left as bare imports

    // The built page in Chromium: the elements upgrade and render their shadow root.
    const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
    const server: Server = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://x').pathname;
      const file = join(scratch, 'web', path === '/' ? 'index.html' : path);
      if (!file.startsWith(join(scratch, 'web')) || !existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
      timeout: 60_000,
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.waitForFunction(() => (window as unknown as { __packed?: unknown }).__packed !== undefined);
      expect(await page.evaluate(() => (window as unknown as { __packed: unknown }).__packed)).toEqual({
        askDefined: true,
        followUpDefined: true,
      });
      await expect
        .poll(() =>
          page.evaluate(() =>
            Boolean(document.querySelector('mm-ask-expert')?.shadowRoot?.querySelector('[part~="launcher"]')),
          ),
        )
        .toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
