#!/usr/bin/env node
// The quick start (`pnpm start`): builds the widget, starts the API with the demo tenant on
// PORT (8787) and the example host site on EXAMPLE_PORT (8788), a different origin, as a
// customer's website would be. Ctrl+C stops both. Node builtins only.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, delimiter, dirname, join, relative, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const apiPort = Number(process.env.PORT || 8787);
const sitePort = Number(process.env.EXAMPLE_PORT || 8788);
const apiUrl = `http://localhost:${apiPort}`;
const siteUrl = `http://localhost:${sitePort}`;
/** The demo tenant's fixed keys (packages/server/src/demo/seed.ts): for a local demo only. */
const DEMO_PUBLISHABLE_KEY = 'pk_demo_LocalOnlyPublishableKey2026';
const DEMO_SECRET_KEY = 'sk_demo_LocalOnlySecretKeyNeverInProd';
const STARTUP_TIMEOUT_MS = 120_000;

const say = (line = '') => process.stdout.write(`${line}\n`);
const fail = (message) => {
  process.stderr.write(`\nmicromentor start: ${message}\n`);
};

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not here
    }
  }
  return undefined;
}

/** pnpm as [command, ...leading args]: the one running us, one on PATH, or npx's. */
function pnpmCommand() {
  const execPath = process.env.npm_execpath;
  if (execPath && basename(execPath).startsWith('pnpm') && existsSync(execPath)) {
    return /\.[cm]?js$/.test(execPath) ? [process.execPath, execPath] : [execPath];
  }
  const found = onPath('pnpm');
  return found ? [found] : ['npx', '-y', 'pnpm@12.4.2'];
}

/** Resolves true when nothing listens on the port (checked the way our servers bind: all interfaces). */
function portIsFree(port) {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, () => probe.close(() => done(true)));
  });
}

/** `pnpm --filter <pkg> <script>`, quietly; resolves to true when it worked (its output is printed when not). */
async function pnpmBuild(what, pkg, script = 'build') {
  const started = Date.now();
  process.stdout.write(`Building ${what}… `);
  const [command, ...args] = pnpmCommand();
  const output = [];
  const code = await new Promise((done) => {
    const child = spawn(command, [...args, '--filter', pkg, script], {
      cwd: root,
      env: { ...process.env, COREPACK_INTEGRITY_KEYS: process.env.COREPACK_INTEGRITY_KEYS ?? '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (error) => {
      output.push(Buffer.from(String(error)));
      done(1);
    });
    child.on('exit', (exitCode) => done(exitCode ?? 1));
  });
  if (code === 0) {
    say(`done (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    return true;
  }
  say('FAILED');
  process.stderr.write(Buffer.concat(output));
  return false;
}

async function buildWidget() {
  // The bundles only: the published package's declarations (`build`) are not needed to run.
  if (await pnpmBuild('the widget (packages/widget/dist/widget.js)', '@micromentor/widget', 'build:bundles'))
    return;
  if (existsSync(join(root, 'packages/widget/dist/widget.js'))) {
    say('Continuing with the widget from an earlier build.');
    return;
  }
  fail('the widget did not build (output above), and there is no earlier build to serve.');
  process.exit(1);
}

/** examples/react and examples/vue are Vite-built pages: without one the other examples still run. */
async function buildFrameworkExample(name, pkg) {
  if (await pnpmBuild(`the ${name} example (examples/${name.toLowerCase()})`, pkg)) return;
  say(`Continuing without a fresh ${name} example (the other examples are unaffected).`);
}

const children = new Map();
let stopping = false;

/** Starts a child with its output prefixed; an unexpected exit stops everything. */
function startChild(name, label, args, env) {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    const target = stream === child.stdout ? process.stdout : process.stderr;
    createInterface({ input: stream }).on('line', (line) => target.write(`[${name}] ${line}\n`));
  }
  const exited = new Promise((done) => {
    child.on('exit', (code, signal) => {
      children.delete(name);
      done({ code, signal });
      if (!stopping) {
        const how = signal ? `was killed by ${signal}` : `exited with code ${code}`;
        fail(`the ${label} ${how} unexpectedly; stopping everything.`);
        void stopAll(1);
      }
    });
  });
  children.set(name, { child, exited });
  return { child, exited };
}

async function stopAll(exitCode) {
  if (stopping) return;
  stopping = true;
  const running = [...children.values()];
  for (const { child } of running) child.kill('SIGTERM');
  const killer = setTimeout(() => {
    for (const { child } of running) child.kill('SIGKILL');
  }, 10_000);
  await Promise.all(running.map(({ exited }) => exited));
  clearTimeout(killer);
  process.exit(exitCode);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (!stopping) say(`\n${signal} received: stopping the API and the example site…`);
    void stopAll(0);
  });
}
// `kill -TERM <pnpm>` ends pnpm without telling its script; we would be orphaned with both
// servers still running. Notice the reparenting and stop too.
const parentPid = process.ppid;
setInterval(() => {
  if (process.ppid !== parentPid && !stopping) {
    say('\nThe parent process (pnpm) is gone: stopping the API and the example site…');
    void stopAll(0);
  }
}, 1000).unref();
// A closed terminal or pipe must not crash us mid-shutdown.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});

/** Polls url until it answers 200; if the child exits first, startChild is already stopping. */
async function waitHealthy(url, exited, what) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  let gone = false;
  exited.then(() => {
    gone = true;
  });
  while (!gone) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      fail(`the ${what} did not answer ${url} within ${STARTUP_TIMEOUT_MS / 1000} s.`);
      await stopAll(1);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await new Promise(() => {}); // stopAll() exits the process
}

// 1. Ports first: a clear message beats a stack trace from deep inside a child.
for (const [port, variable, what] of [
  [apiPort, 'PORT', 'API'],
  [sitePort, 'EXAMPLE_PORT', 'example site'],
]) {
  if (!(await portIsFree(port))) {
    fail(
      `port ${port} (for the ${what}) is already in use — is another \`pnpm start\` running? ` +
        `Stop it, or choose another port with ${variable}=….`,
    );
    process.exit(1);
  }
}

// 2. The widget bundle the API serves at /widget.js, and the React and Vue examples' pages.
await buildWidget();
await buildFrameworkExample('React', '@micromentor/example-react');
await buildFrameworkExample('Vue', '@micromentor/example-vue');

// 3. The API, with the demo tenant (created on the first run only).
say(`Starting the API on ${apiUrl} (migrates and seeds the demo on first run)…`);
const apiStarted = Date.now();
const logs = process.env.MICROMENTOR_LOG ?? 'off';
const api = startChild('api', 'API', ['packages/server/bin/micromentor.mjs', 'serve', '--seed-demo'], {
  ...process.env,
  PORT: String(apiPort),
  MICROMENTOR_LOG: logs,
  // A local demo: webhooks, and the example LMS's key set and token URLs, on localhost.
  MICROMENTOR_WEBHOOKS_ALLOW_PRIVATE: process.env.MICROMENTOR_WEBHOOKS_ALLOW_PRIVATE ?? 'true',
});
await waitHealthy(`http://127.0.0.1:${apiPort}/healthz`, api.exited, 'API');
say(`API ready (${((Date.now() - apiStarted) / 1000).toFixed(1)} s).`);

// 4. The example customer site on its own origin.
const site = startChild('site', 'example site', ['examples/host-site/server.mjs'], {
  ...process.env,
  EXAMPLE_PORT: String(sitePort),
  MICROMENTOR_API: apiUrl,
});
await waitHealthy(`http://127.0.0.1:${sitePort}/healthz`, site.exited, 'example site');

const dataDir = process.env.DATABASE_URL
  ? 'PostgreSQL (DATABASE_URL)'
  : `embedded PGlite in ${relative(root, resolve(root, process.env.MICROMENTOR_DATA_DIR || '.micromentor/data')) || '.'} (delete it to start over)`;
const originNote =
  sitePort === 8788
    ? ''
    : `\n  Note: the demo tenant only allows origins on port 8788; the widget will be refused on ${sitePort}.`;

say(`
────────────────────────────────────────────────────────────────────────────
  Micromentor is running

  API            ${apiUrl}
  API docs       ${apiUrl}/docs
  Example site   ${siteUrl}/   (a course page with the widget, as learner "Ada Learner")
  React example  ${siteUrl}/react/
  Vue example    ${siteUrl}/vue/
  Example LMS    ${siteUrl}/lms/   (an LTI 1.3 platform: Micromentor launched in a course, as learner or instructor)
  Mailbox        ${siteUrl}/mail/   (every email the demo sends; nothing leaves this machine without SMTP_URL)

  Demo tenant keys (local demo only, never in production):
    publishable  ${DEMO_PUBLISHABLE_KEY}
    secret       ${DEMO_SECRET_KEY}

  Try:   curl -H "Authorization: Bearer ${DEMO_SECRET_KEY}" ${apiUrl}/v1/mentors
  Data:  ${dataDir}
  Logs:  ${logs === 'off' ? 'request logs are off (MICROMENTOR_LOG=json pnpm start shows them)' : 'request logs as JSON lines, prefixed [api]'}${originNote}

  Stop:  Ctrl+C
────────────────────────────────────────────────────────────────────────────`);
