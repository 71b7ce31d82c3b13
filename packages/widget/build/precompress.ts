import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

// Every bundle a page loads is written beside itself as .br and .gz at the highest levels, so
// the server sends compressed bytes without compressing on each request.

export function precompressPlugin(): Plugin {
  return {
    name: 'mm-precompress',
    apply: 'build',
    generateBundle(options, bundle) {
      if (options.format !== 'iife' && this.environment.name !== 'flow') return;
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        const bytes = Buffer.from(output.code);
        this.emitFile({
          type: 'asset',
          fileName: `${output.fileName}.br`,
          source: brotliCompressSync(bytes, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          }),
        });
        this.emitFile({
          type: 'asset',
          fileName: `${output.fileName}.gz`,
          source: gzipSync(bytes, { level: 9 }),
        });
      }
    },
  };
}
