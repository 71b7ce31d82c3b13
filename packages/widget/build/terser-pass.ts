import { minify } from 'terser';
import type { Plugin } from 'vite';

// Rolldown's minifier (oxc) is fast but leaves some size on the table; a second, compress-only
// pass of terser over its output takes about 100 B (gzip) more off an IIFE bundle. Only for the
// bundles a page loads (widget.js and the pages build), where every byte is the learner's.

/** Runs terser over each chunk of widget.js and the pages build, after Rolldown has minified it. */
export function terserPassPlugin(): Plugin {
  return {
    name: 'mm-terser-pass',
    apply: 'build',
    async generateBundle(options, bundle) {
      const module = this.environment.name === 'pages';
      if (options.format !== 'iife' && !module) return;
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const result = await minify(chunk.code, { ecma: 2022, module, compress: { passes: 2 } });
        if (result.code === undefined) throw new Error(`terser returned nothing for ${chunk.fileName}`);
        chunk.code = result.code;
      }
    },
  };
}
