import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scratchDatabase } from './postgres-url.js';

/** packages/server: the CLI runs from here, as an operator would run it. */
export const SERVER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CLI = join(SERVER_DIR, 'bin', 'micromentor.mjs');

export interface CliDatabase {
  kind: 'pglite' | 'postgres';
  /** The environment for spawned CLI processes: a private database, nothing inherited that points elsewhere. */
  env: NodeJS.ProcessEnv;
  /** Removes the data folder or drops the database. */
  cleanup(): Promise<void>;
}

/**
 * An empty database of its own for CLI processes of one test file (the CLI migrates it, as
 * on a real first run): a fresh PGlite data folder on disk, or (MM_TEST_DB=postgres) a fresh
 * PostgreSQL database on the DATABASE_URL server.
 */
export async function createCliDatabase(): Promise<CliDatabase> {
  const base: NodeJS.ProcessEnv = { ...process.env, MICROMENTOR_LOG: 'off', NODE_ENV: 'test' };
  delete base.DATABASE_URL;
  delete base.MICROMENTOR_DATA_DIR;
  delete base.PORT;
  if (process.env.MM_TEST_DB === 'postgres') {
    const scratch = await scratchDatabase(process.env.DATABASE_URL!, 'mm_cli');
    return { kind: 'postgres', env: { ...base, DATABASE_URL: scratch.url }, cleanup: scratch.drop };
  }
  const dir = mkdtempSync(join(tmpdir(), 'mm-cli-'));
  return {
    kind: 'pglite',
    env: { ...base, MICROMENTOR_DATA_DIR: join(dir, 'data') },
    async cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `micromentor …args` to completion. */
export function runCli(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: SERVER_DIR,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      stdout += s;
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => {
      stderr += s;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`micromentor ${args.join(' ')} took over ${timeoutMs} ms\nstderr: ${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

/** A port nothing listens on right now (bound and released; a tiny race is acceptable in tests). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface ServeProcess {
  child: ChildProcess;
  port: number;
  baseUrl: string;
  /** Everything written so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code and signal once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Polls GET /healthz until it answers 200 (rejects if the process exits first). */
  ready(timeoutMs?: number): Promise<void>;
  /** SIGKILL if still running (cleanup after a failed test). */
  kill(): void;
}

/** Starts `micromentor serve --port <free port> …extra`. */
export async function startServe(extra: string[], env: NodeJS.ProcessEnv): Promise<ServeProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [CLI, 'serve', '--port', String(port), ...extra], {
    cwd: SERVER_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => {
    out += s;
  });
  child.stderr!.setEncoding('utf8').on('data', (s: string) => {
    err += s;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
  });
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    child,
    port,
    baseUrl,
    stdout: () => out,
    stderr: () => err,
    exited,
    async ready(timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (gone) throw new Error(`the server exited before it was ready\nstderr: ${err}`);
        try {
          const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
          if (res.status === 200) return;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`the server did not answer /healthz within ${timeoutMs} ms\nstderr: ${err}`);
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
