import { defineConfig } from 'vite';
import { minifyLiteralsPlugin } from './build/minify-literals.js';

// Two bundles from one `vite build`:
// - embed: dist/widget.js, one minified IIFE with lit inside, for a plain <script> tag;
// - esm:   dist/index.js, an ES module for bundler users, lit left external so the host's
//          bundler can dedupe it.
// They are separate environments because an IIFE takes exactly one entry.
export default defineConfig({
  plugins: [minifyLiteralsPlugin()],
  build: { target: 'es2022' },
  environments: {
    embed: {
      consumer: 'client',
      build: {
        outDir: 'dist',
        emptyOutDir: true,
        minify: true,
        modulePreload: false,
        copyPublicDir: false,
        rolldownOptions: {
          input: 'src/embed.ts',
          output: { format: 'iife', entryFileNames: 'widget.js' },
        },
      },
    },
    esm: {
      consumer: 'client',
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        copyPublicDir: false,
        lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'index.js' },
        rolldownOptions: {
          external: [/^lit(\/|$)/, /^@lit\//, /^@micromentor\/sdk(\/|$)/],
        },
      },
    },
  },
  builder: {
    // In order: the embed build empties dist/ first.
    async buildApp(builder) {
      for (const name of ['embed', 'esm']) {
        const environment = builder.environments[name];
        if (!environment) throw new Error(`missing build environment ${name}`);
        await builder.build(environment);
      }
    },
  },
});
