import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * An embedded database folder belongs to one process: PGlite keeps the database in that
 * process's memory, so a second process (the CLI while `pnpm start` runs) would work on a copy
 * the first never sees and may overwrite. A lock file beside the folder, naming the holder's
 * pid, makes the second one stop with a clear message instead. A lock whose process is gone
 * (killed, crashed) is taken over.
 */
export class DataDirInUseError extends Error {
  readonly code = 'data_dir_in_use';
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is in use by another process (pid ${pid}), ` +
        'probably a running server: stop it first (Ctrl+C), or use PostgreSQL through DATABASE_URL, ' +
        'which any number of processes can share.',
    );
    this.name = 'DataDirInUseError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Lock files this process holds: a second handle on the same folder here is refused too. */
const held = new Set<string>();

/** Takes the folder's lock (`<folder>.lock`) or throws DataDirInUseError; returns the release. */
export function lockDataDir(dataDir: string): () => void {
  const lockFile = `${resolve(dataDir)}.lock`;
  if (held.has(lockFile)) throw new DataDirInUseError(dataDir, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      held.add(lockFile);
      return () => {
        if (held.delete(lockFile)) rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
    if (Number.isInteger(holder) && holder !== process.pid && alive(holder)) {
      throw new DataDirInUseError(dataDir, holder);
    }
    // Left behind by a process that is gone (or by this one): take it over.
    rmSync(lockFile, { force: true });
  }
  throw new Error(`could not lock ${lockFile}`);
}
