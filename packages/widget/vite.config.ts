import { defineConfig } from 'vite';
import { minifyLiteralsPlugin } from './build/minify-literals.js';
import { terserPassPlugin } from './build/terser-pass.js';

// Two bundles from one `vite build`:
// - embed: dist/widget.js, one minified IIFE with lit inside, for a plain <script> tag;
// - esm:   dist/index.js, an ES module for bundler users, lit left external so the host's
//          bundler can dedupe it.
// They are separate environments because an IIFE takes exactly one entry.
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
  plugins: [minifyLiteralsPlugin(), terserPassPlugin()],
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
    // In order: the embed build empties dist/ first.
    async buildApp(builder) {
      for (const name of ['embed', 'mentor_console', 'admin_console', 'follow_up', 'esm']) {
        const environment = builder.environments[name];
        if (!environment) throw new Error(`missing build environment ${name}`);
        await builder.build(environment);
      }
    },
  },
});
