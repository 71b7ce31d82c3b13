import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../src/db/connect.js';
import { DataDirInUseError } from '../src/db/data-dir-lock.js';
import { type CliDatabase, createCliDatabase, runCli } from './support/cli-process.js';

/**
 * An embedded database folder belongs to one process: a second one (the CLI while the server
 * runs) is refused with a clear message instead of working on a copy the first never sees.
 */
describe('the embedded database folder lock', () => {
  let work: string;
  let holder: ChildProcess | undefined;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'mm-lock-'));
  });
  afterEach(() => {
    holder?.kill('SIGKILL');
    holder = undefined;
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** A live process other than this one, named as the holder of `dir`'s lock. */
  function heldByAnotherProcess(dir: string): number {
    holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    writeFileSync(`${dir}.lock`, String(holder.pid));
    return holder.pid!;
  }

  it('refuses a folder a live process holds, naming it, and opens nothing', async () => {
    const dir = join(work, 'held');
    const pid = heldByAnotherProcess(dir);
    const attempt = connectDatabase({ dataDir: dir });
    await expect(attempt).rejects.toBeInstanceOf(DataDirInUseError);
    await expect(attempt).rejects.toThrow(`in use by another process (pid ${pid})`);
    expect(existsSync(join(dir, 'PG_VERSION'))).toBe(false);
    expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(String(pid));
  });

  it('takes over the lock of a process that is gone, and gives it back on close', async () => {
    const dir = join(work, 'stale');
    heldByAnotherProcess(dir);
    const gone = new Promise((resolve) => holder!.once('exit', resolve));
    holder!.kill('SIGKILL');
    await gone;
    const handle = await connectDatabase({ dataDir: dir });
    try {
      expect(readFileSync(`${dir}.lock`, 'utf8')).toBe(String(process.pid));
      // A second handle on the same folder in this process is refused as well.
      await expect(connectDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirInUseError);
    } finally {
      await handle.close();
    }
    expect(existsSync(`${dir}.lock`)).toBe(false);
    const again = await connectDatabase({ dataDir: dir });
    await again.close();
  }, 60_000);
});

describe('the CLI on a folder a server holds', () => {
  let database: CliDatabase;
  let holder: ChildProcess | undefined;
  beforeAll(async () => {
    database = await createCliDatabase();
  });
  afterAll(async () => {
    holder?.kill('SIGKILL');
    await database?.cleanup();
  });

  it('exits 2 with a message that says what to do', async () => {
    const dir = database.env.MICROMENTOR_DATA_DIR!;
    holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    writeFileSync(`${dir}.lock`, String(holder.pid));
    const result = await runCli(
      ['tenant', 'create', '--name', 'X', '--origin', 'http://localhost:3000'],
      database.env,
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(`in use by another process (pid ${holder.pid})`);
    expect(result.stderr).toContain('stop it first');
  }, 60_000);
});
