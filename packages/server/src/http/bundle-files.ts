import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';

// The widget's bundles as the browser should get them: compressed (the build writes .br and
// .gz beside each; missing or stale ones are made once here), with an ETag, and cached in
// memory until the file on disk changes.

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

/**
 * The build's compressed copy when it is as new as the file and holds exactly its bytes (a
 * copy left from another build must never be served); otherwise one made here, once.
 */
function compressedBeside(
  path: string,
  identity: Buffer,
  suffix: string,
  fresh: number,
  codec: { compress(bytes: Buffer): Buffer; decompress(bytes: Buffer): Buffer },
): Buffer {
  const file = `${path}${suffix}`;
  if (existsSync(file) && statSync(file).mtimeMs >= fresh) {
    const copy = readFileSync(file);
    try {
      if (codec.decompress(copy).equals(identity)) return copy;
    } catch {
      // not a valid stream: make one
    }
  }
  return codec.compress(identity);
}

const BROTLI = {
  compress: (bytes: Buffer) =>
    brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
  decompress: (bytes: Buffer) => brotliDecompressSync(bytes),
};
const GZIP = {
  compress: (bytes: Buffer) => gzipSync(bytes, { level: 9 }),
  decompress: (bytes: Buffer) => gunzipSync(bytes),
};

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
        br: compressedBeside(path, identity, '.br', mtimeMs, BROTLI),
        gzip: compressedBeside(path, identity, '.gz', mtimeMs, GZIP),
      },
    };
    this.#cache.set(name, entry);
    return entry;
  }
}
