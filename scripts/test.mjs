#!/usr/bin/env node
// The one test command (`pnpm test`): lint, typecheck, then every package's suite, each one's
// output streamed live. Counts come from machine-readable reports (vitest's JSON reporter, the
// widget's MM_REPORT_FILE), never from scraping output. The very last line is the summary CI
// reads: `N passed, N failed` (`, N skipped` when there are any). Node builtins only.
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const reports = mkdtempSync(join(tmpdir(), 'mm-test-'));
/** A suite that runs longer than this is stopped and counted as failed (CI has 90 minutes). */
const SUITE_TIMEOUT_MS = Number(process.env.MM_SUITE_TIMEOUT_MS) || 25 * 60_000;
/** Optional budget for the whole run (.ci/run sets it): no suite may run past it. */
const deadline = Number(process.env.MM_TEST_BUDGET_MS)
  ? Date.now() + Number(process.env.MM_TEST_BUDGET_MS)
  : Infinity;

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
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
  if (found) return [found];
  return ['npx', '-y', 'pnpm@12.4.2'];
}

/** A package's bin run with this Node: its own node_modules first, then the root's. */
function nodeBin(packageDir, pkg, binPath) {
  for (const dir of [packageDir, root]) {
    const file = join(dir, 'node_modules', pkg, binPath);
    if (existsSync(file)) return [process.execPath, file];
  }
  return ['npx', '--no-install', pkg];
}

const pnpm = pnpmCommand();
const vitest = (dir) => nodeBin(dir, 'vitest', 'vitest.mjs');
const childEnv = { ...process.env, COREPACK_INTEGRITY_KEYS: process.env.COREPACK_INTEGRITY_KEYS ?? '0' };

let current;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current) killGroup(current, signal);
    rmSync(reports, { recursive: true, force: true });
    process.exit(130);
  });
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

/** Runs a command with inherited output; resolves to its exit code (or a signal as non-zero). */
function run([command, ...args], { cwd = root, env = childEnv } = {}) {
  return new Promise((resolve) => {
    // Own process group, so a timeout can stop the whole tree (vitest workers, Chromium).
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
    current = child;
    let timedOut = false;
    const limit = Math.max(1000, Math.min(SUITE_TIMEOUT_MS, deadline - Date.now()));
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`\n[test] stopping after ${Math.round(limit / 1000)} s: over the time allowed`);
      killGroup(child, 'SIGTERM');
      setTimeout(() => killGroup(child, 'SIGKILL'), 10_000).unref();
    }, limit);
    child.on('error', (error) => {
      clearTimeout(timer);
      current = undefined;
      console.error(`[test] could not start ${command}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      current = undefined;
      resolve(timedOut ? 124 : (code ?? (signal ? 128 : 1)));
    });
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Counts from vitest's JSON reporter; a file that failed to load counts as one failure. */
function vitestCounts(report) {
  let failed = report.numFailedTests ?? 0;
  for (const file of report.testResults ?? []) {
    const failedInFile = (file.assertionResults ?? []).filter((a) => a.status === 'failed').length;
    if (file.status === 'failed' && failedInFile === 0) failed += 1;
  }
  return {
    passed: report.numPassedTests ?? 0,
    failed,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

/** Turns a run's exit code and report into counts; never lets a crash look like a pass. */
function settle(name, code, counts) {
  if (!counts) {
    console.error(`[test] ${name}: no report (exit code ${code}); counted as 1 failed`);
    return { passed: 0, failed: 1, skipped: 0 };
  }
  if (code !== 0 && counts.failed === 0) {
    console.error(
      `[test] ${name}: exited with code ${code} but reported no failed test; counted as 1 failed`,
    );
    return { ...counts, failed: 1 };
  }
  return counts;
}

const check = (name, command, options) => ({
  name,
  async run() {
    const code = await run(command, options);
    return code === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 };
  },
});

const vitestSuite = (name, dir, extraArgs = []) => ({
  name,
  async run() {
    const out = join(reports, `${name.replace(/\W+/g, '-')}.json`);
    const code = await run(
      [
        ...vitest(dir),
        'run',
        ...extraArgs,
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${out}`,
      ],
      { cwd: dir },
    );
    const report = readJson(out);
    return settle(name, code, report && vitestCounts(report));
  },
});

const serverDir = join(root, 'packages', 'server');
const sdkDir = join(root, 'packages', 'sdk');
const suites = [
  check('lint (biome check)', nodeBin(root, '@biomejs/biome', 'bin/biome').concat(['check', '.'])),
  check('typecheck (all packages)', [...pnpm, '-r', 'run', 'typecheck']),
  vitestSuite(
    process.env.DATABASE_URL ? 'server (unit, PGlite, PostgreSQL)' : 'server (unit, PGlite)',
    serverDir,
  ),
  vitestSuite('sdk', sdkDir),
  {
    name: 'widget (web-test-runner, Chromium)',
    async run() {
      const out = join(reports, 'widget.json');
      const code = await run([...pnpm, '--filter', '@micromentor/widget', 'test'], {
        env: { ...childEnv, MM_REPORT_FILE: out },
      });
      const report = readJson(out);
      const counts = report && {
        passed: report.passed ?? 0,
        failed: report.failed ?? 0,
        skipped: report.skipped ?? 0,
      };
      return settle(this.name, code, counts);
    },
  },
];
if (existsSync(join(root, 'test', 'vitest.config.ts'))) {
  suites.push(vitestSuite('cross-package (test/)', root, ['--config', 'test/vitest.config.ts']));
}
if (existsSync(join(root, 'test', 'vitest.readme.config.ts'))) {
  suites.push(
    vitestSuite('README commands (fresh clone)', root, ['--config', 'test/vitest.readme.config.ts']),
  );
}

const total = { passed: 0, failed: 0, skipped: 0 };
const rows = [];
const started = Date.now();
for (const [index, suite] of suites.entries()) {
  console.log(`\n━━━ [${index + 1}/${suites.length}] ${suite.name} ━━━`);
  const t0 = Date.now();
  const counts = await suite.run();
  for (const key of Object.keys(total)) total[key] += counts[key];
  rows.push({ name: suite.name, ...counts, seconds: ((Date.now() - t0) / 1000).toFixed(1) });
}
rmSync(reports, { recursive: true, force: true });

console.log(`\n━━━ summary (${((Date.now() - started) / 1000).toFixed(0)} s) ━━━`);
for (const row of rows) {
  const mark = row.failed ? 'FAIL' : 'ok  ';
  const skipped = row.skipped ? `, ${row.skipped} skipped` : '';
  console.log(`${mark} ${row.name}: ${row.passed} passed, ${row.failed} failed${skipped} (${row.seconds} s)`);
}
console.log(
  `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`,
);
process.exitCode = total.failed > 0 ? 1 : 0;
