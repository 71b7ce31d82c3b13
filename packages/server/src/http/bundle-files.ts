import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// The widget's bundles as the browser should get them: compressed (the build writes .br and
// .gz beside each; missing ones are made once here), with an ETag, and cached in memory until
// the file on disk changes.

export type ContentEncoding = 'br' | 'gzip' | 'identity';

export interface BundleFile {
  /** Strong validator of the content (the same for every encoding of it). */
  etag: string;
  /** Bytes in each encoding. */
  bodies: Record<ContentEncoding, Buffer>;
}

interface Cached extends BundleFile {
  mtimeMs: number;
  size: number;
}

/** `br`, else `gzip`, else `identity`, as the request's Accept-Encoding allows. */
export function preferredEncoding(acceptEncoding: string | undefined): ContentEncoding {
  const accepted = new Set<string>();
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name = '', ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q && Number(q.slice(2)) === 0) continue;
    accepted.add(name.trim());
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip';
  return 'identity';
}

/** Whether an If-None-Match header names this ETag (or `*`). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const value = tag.trim().replace(/^W\//, '');
    return value === '*' || value === etag;
  });
}

function compressedBeside(path: string, suffix: string, fresh: number, make: () => Buffer): Buffer {
  const file = `${path}${suffix}`;
  if (existsSync(file) && statSync(file).mtimeMs >= fresh) return readFileSync(file);
  return make();
}

export class BundleFiles {
  readonly #dir: string;
  readonly #cache = new Map<string, Cached>();

  constructor(dir: string) {
    this.#dir = dir;
  }

  /** The named file of the folder, or undefined when it does not exist. */
  get(name: string): BundleFile | undefined {
    const path = join(this.#dir, name);
    if (!existsSync(path)) return undefined;
    const { mtimeMs, size } = statSync(path);
    const cached = this.#cache.get(name);
    if (cached && cached.mtimeMs === mtimeMs && cached.size === size) return cached;
    const identity = readFileSync(path);
    const entry: Cached = {
      mtimeMs,
      size,
      etag: `"${createHash('sha256').update(identity).digest('base64url').slice(0, 27)}"`,
      bodies: {
        identity,
        br: compressedBeside(path, '.br', mtimeMs, () =>
          brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        ),
        gzip: compressedBeside(path, '.gz', mtimeMs, () => gzipSync(identity, { level: 9 })),
      },
    };
    this.#cache.set(name, entry);
    return entry;
  }
}
