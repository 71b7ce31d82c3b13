import { defineConfig } from 'vite';
import { flowFilePlugin } from './build/flow-file.js';
import { minifyLiteralsPlugin } from './build/minify-literals.js';
import { precompressPlugin } from './build/precompress.js';
import { terserPassPlugin } from './build/terser-pass.js';

// The bundles of one `vite build`:
// - flow:  dist/ask-expert.<hash>.js, the learner flow with Lit inside, an ES module that
//          widget.js imports when needed (content-hashed: served as immutable);
// - embed: dist/widget.js, the small IIFE loader for a plain <script> tag (no Lit);
// - the consoles, each an IIFE of its own that widget.js loads where one appears;
// - esm:   dist/index.js, an ES module for bundler users, lit left external so the host's
//          bundler can dedupe it.
// They are separate environments because an IIFE takes exactly one entry. Page bundles are
// written pre-compressed beside themselves (.br, .gz).
/** An IIFE of its own for a console: dist/<name>.js from src/<name>-entry.ts. */
function consoleBundle(name: string) {
  return {
    [name.replace('-', '_')]: {
      consumer: 'client' as const,
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        minify: true,
        modulePreload: false,
        copyPublicDir: false,
        rolldownOptions: {
          input: `src/${name}-entry.ts`,
          output: { format: 'iife' as const, entryFileNames: `${name}.js` },
        },
      },
    },
  };
}

export default defineConfig({
  plugins: [minifyLiteralsPlugin(), flowFilePlugin(), terserPassPlugin(), precompressPlugin()],
  build: { target: 'es2022' },
  environments: {
    flow: {
      consumer: 'client',
      build: {
        outDir: 'dist',
        emptyOutDir: true,
        minify: true,
        modulePreload: false,
        copyPublicDir: false,
        rolldownOptions: {
          input: 'src/flow-entry.ts',
          output: {
            format: 'es',
            entryFileNames: 'ask-expert.[hash].js',
            chunkFileNames: 'ask-expert-[name].[hash].js',
          },
        },
      },
    },
    embed: {
      consumer: 'client',
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        minify: true,
        modulePreload: false,
        copyPublicDir: false,
        rolldownOptions: {
          input: 'src/embed.ts',
          output: { format: 'iife', entryFileNames: 'widget.js' },
        },
      },
    },
    // The consoles, each loaded on demand by widget.js: learners never download them.
    ...consoleBundle('mentor-console'),
    ...consoleBundle('admin-console'),
    ...consoleBundle('follow-up'),
    esm: {
      consumer: 'client',
      build: {
        outDir: 'dist',
        emptyOutDir: false,
        copyPublicDir: false,
        lib: {
          entry: {
            index: 'src/index.ts',
            'mentor-console': 'src/mentor-console/mentor-console.ts',
            'admin-console': 'src/admin-console/admin-console.ts',
            'follow-up': 'src/follow-up/follow-up.ts',
          },
          formats: ['es'],
          fileName: (_format, name) => (name === 'index' ? 'index.js' : `${name}.module.js`),
        },
        rolldownOptions: {
          external: [/^lit(\/|$)/, /^@lit\//, /^@micromentor\/sdk(\/|$)/],
        },
      },
    },
  },
  builder: {
    // In order: the flow build empties dist/ first and names the file the embed build loads.
    async buildApp(builder) {
      for (const name of ['flow', 'embed', 'mentor_console', 'admin_console', 'follow_up', 'esm']) {
        const environment = builder.environments[name];
        if (!environment) throw new Error(`missing build environment ${name}`);
        await builder.build(environment);
      }
    },
  },
});
