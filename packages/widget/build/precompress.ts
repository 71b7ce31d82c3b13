import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

// Every bundle a page loads is written beside itself as .br and .gz at the highest levels, so
// the server sends compressed bytes without compressing on each request. From the files as
// written (after every plugin, Vite's own included, has had its last word on the code).

export function precompressPlugin(): Plugin {
  return {
    name: 'mm-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      // widget.js and every file of the pages build, shared chunks included (not the esm build).
      if (options.format !== 'iife' && this.environment.name !== 'pages') return;
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk' || !options.dir) continue;
        const file = join(options.dir, output.fileName);
        const bytes = readFileSync(file);
        const brotli = brotliCompressSync(bytes, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
          },
        });
        writeFileSync(`${file}.br`, brotli);
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}
