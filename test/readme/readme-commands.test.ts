/**
 * Every command README.md shows, run as a new user would: in a fresh `git clone` of this
 * repository, exactly as written, in the README's order. The quick start's server runs until
 * both of its URLs answer; the commands that need it run while it does. A shell line in the
 * README that this file does not know fails the test, so a new command cannot go untried.
 *
 * It runs as its own suite after the others (scripts/test.mjs), because the quick start takes
 * the README's fixed ports 8787 and 8788 that the end-to-end suite also uses. It tests the
 * committed tree (HEAD): commit before running it by hand.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const API = 'http://localhost:8787';
const SITE = 'http://localhost:8788';

/** Shell lines of the README's ```sh blocks, in order (comments and blank lines left out). */
function readmeCommands(markdown: string): string[] {
  const lines: string[] = [];
  let inShell = false;
  for (const raw of markdown.split('\n')) {
    const fence = /^```(\w*)/.exec(raw.trim());
    if (fence) {
      inShell = !inShell && ['sh', 'bash', 'shell'].includes(fence[1] ?? '');
      continue;
    }
    const line = raw.trim();
    if (inShell && line && !line.startsWith('#')) lines.push(line);
  }
  return lines;
}

const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const commands = readmeCommands(README);

/** What the test does with each kind of README line. */
const QUICK_START = /^npx -y pnpm@12\.4\.2 install && npx -y pnpm@12\.4\.2 start$/;
const TEST_COMMAND = /^npx -y pnpm@12\.4\.2 test$/;
const TENANT_CREATE = /^npx -y pnpm@12\.4\.2 micromentor tenant create .*--json$/;
const TOKEN = /^npx -y pnpm@12\.4\.2 micromentor token /;
const CLI_OTHER = /^npx -y pnpm@12\.4\.2 micromentor /;
const CURL = /^curl /;
const BENCH = /^npx -y pnpm@12\.4\.2 bench$/;
const BUILD = /^npx -y pnpm@12\.4\.2 build$/;
const KNOWN = [QUICK_START, TEST_COMMAND, TENANT_CREATE, TOKEN, CLI_OTHER, CURL, BENCH, BUILD];

/** The user's environment: the quick start is embedded PGlite, so no DATABASE_URL from CI. */
function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, COREPACK_INTEGRITY_KEYS: '0', ...extra };
  for (const name of ['DATABASE_URL', 'PORT', 'EXAMPLE_PORT', 'MICROMENTOR_DATA_DIR', 'MM_TEST_CLOCK']) {
    delete env[name];
  }
  return env;
}

interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one README line with bash in the clone, as typed. */
function sh(
  clone: string,
  line: string,
  timeoutMs: number,
  extraEnv: Record<string, string> = {},
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', line], {
      cwd: clone,
      env: userEnv(extraEnv),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (s: string) => {
      stdout += s;
    });
    child.stderr!.setEncoding('utf8').on('data', (s: string) => {
      stderr += s;
    });
    const timer = setTimeout(() => {
      killGroup(child, 'SIGKILL');
      reject(new Error(`"${line}" ran past ${timeoutMs / 1000} s\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    return res.ok;
  } catch {
    return false;
  }
}

async function assertFree(url: string): Promise<void> {
  if (await answers(url)) throw new Error(`${url} already answers: stop what runs there (pnpm start?) first`);
}

describe('README.md commands, on a fresh clone', () => {
  let clone: string;
  let server: ChildProcess | undefined;
  let serverOutput = '';
  let tenantId: string | undefined;

  beforeAll(() => {
    clone = mkdtempSync(join(tmpdir(), 'mm-readme-'));
    execFileSync('git', ['clone', '--quiet', ROOT, clone], { stdio: 'ignore' });
  });
  afterAll(async () => {
    if (server && server.exitCode === null) {
      killGroup(server, 'SIGKILL');
    }
    rmSync(clone, { recursive: true, force: true });
  });

  it('shows only commands this test knows how to run, the quick start first', () => {
    expect(commands.filter((line) => !KNOWN.some((kind) => kind.test(line)))).toEqual([]);
    expect(commands[0]).toMatch(QUICK_START);
    expect(commands.some((line) => TEST_COMMAND.test(line))).toBe(true);
  });

  it('quick start: installs, then serves the API and the example site', async () => {
    await assertFree(`${API}/healthz`);
    await assertFree(SITE);
    const [install, start] = commands[0]!.split(' && ');
    const installed = await sh(clone, install!, 300_000);
    expect(installed.code, installed.stderr).toBe(0);

    server = spawn('bash', ['-c', start!], {
      cwd: clone,
      env: userEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    for (const stream of [server.stdout!, server.stderr!]) {
      stream.setEncoding('utf8').on('data', (s: string) => {
        serverOutput += s;
      });
    }
    const deadline = Date.now() + 300_000;
    while (!((await answers(`${API}/healthz`)) && (await answers(SITE)))) {
      if (server.exitCode !== null)
        throw new Error(`pnpm start exited (${server.exitCode}):\n${serverOutput}`);
      if (Date.now() > deadline) throw new Error(`pnpm start did not answer within 300 s:\n${serverOutput}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    // It prints both URLs and the demo keys, as the README says.
    expect(serverOutput).toContain(API);
    expect(serverOutput).toContain(SITE);
    expect(serverOutput).toContain('pk_demo_LocalOnlyPublishableKey2026');
    // The page the README's screenshot shows loads the widget from the API.
    const page = await (await fetch(SITE)).text();
    expect(page).toContain('widget.js');
    const widget = await fetch(`${API}/widget.js`);
    expect(widget.status).toBe(200);
  }, 620_000);

  it('curl: the API answers with the demo secret key while the quick start runs', async () => {
    for (const line of commands.filter((l) => CURL.test(l))) {
      const ran = await sh(clone, line, 30_000);
      expect(ran.code, `${line}\n${ran.stderr}`).toBe(0);
      const body = JSON.parse(ran.stdout) as { data?: { name: string }[] };
      expect(body.data?.length, `${line} → ${ran.stdout.slice(0, 300)}`).toBeGreaterThan(0);
    }
  }, 120_000);

  it('Ctrl+C stops the quick start: the API and the site stop answering', async () => {
    expect(server).toBeDefined();
    const exited = new Promise<void>((resolve) => server!.once('exit', () => resolve()));
    killGroup(server!, 'SIGINT');
    await Promise.race([
      exited,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error('pnpm start ignored Ctrl+C for 20 s')), 20_000),
      ),
    ]);
    expect(await answers(`${API}/healthz`)).toBe(false);
    expect(await answers(SITE)).toBe(false);
  }, 30_000);

  it('the micromentor CLI lines work from the root (tenant create, then a token for that tenant)', async () => {
    for (const line of commands.filter((l) => CLI_OTHER.test(l))) {
      if (TENANT_CREATE.test(line)) {
        const ran = await sh(clone, line, 120_000);
        expect(ran.code, `${line}\n${ran.stderr}`).toBe(0);
        const json = ran.stdout.trim().split('\n').at(-1)!;
        const tenant = JSON.parse(json) as Record<string, string>;
        expect(Object.keys(tenant).sort()).toEqual([
          'id',
          'identitySecret',
          'name',
          'publishableKey',
          'secretKey',
        ]);
        expect(tenant.publishableKey).toMatch(/^pk_/);
        tenantId = tenant.id;
      } else {
        const placeholders = [...line.matchAll(/<([^>]+)>/g)].map((m) => m[1]);
        expect(
          placeholders.filter((p) => p !== 'tenant id'),
          line,
        ).toEqual([]);
        if (placeholders.length) expect(tenantId, `${line} needs a tenant created before it`).toBeDefined();
        const typed = line.replaceAll('<tenant id>', tenantId ?? '');
        const ran = await sh(clone, typed, 120_000);
        expect(ran.code, `${typed}\n${ran.stderr}`).toBe(0);
        expect(ran.stdout.trim().length, typed).toBeGreaterThan(0);
        if (TOKEN.test(line))
          expect(ran.stdout.trim().split('\n').at(-1)).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      }
    }
  }, 600_000);

  it('build: compiles what the packages publish', async () => {
    for (const line of commands.filter((l) => BUILD.test(l))) {
      const ran = await sh(clone, line, 600_000);
      expect(ran.code, `${line}\n${ran.stdout.slice(-2000)}\n${ran.stderr.slice(-2000)}`).toBe(0);
      for (const file of [
        'packages/sdk/dist/index.js',
        'packages/sdk/dist/index.d.ts',
        'packages/server/dist/index.js',
        'packages/server/dist/cli/main.js',
        'packages/widget/dist/index.js',
        'packages/widget/dist/types/index.d.ts',
        'packages/widget/dist/widget.js',
      ]) {
        expect(existsSync(join(clone, file)), file).toBe(true);
      }
    }
  }, 620_000);

  it('bench: runs and prints its figures beside a baseline (short runs)', async () => {
    for (const line of commands.filter((l) => BENCH.test(l))) {
      // The command as written; only the measuring time is shortened through its documented settings.
      const ran = await sh(clone, line, 600_000, { BENCH_DURATION: '2', BENCH_WARMUP: '1' });
      expect(ran.code, `${line}\n${ran.stdout.slice(-2000)}\n${ran.stderr.slice(-2000)}`).toBe(0);
      expect(ran.stdout).toMatch(/baseline/i);
    }
  }, 620_000);
});
