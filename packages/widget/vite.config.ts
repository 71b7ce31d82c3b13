import { defineConfig } from 'vite';
import { bundleFilesPlugin, PAGE_ENTRIES } from './build/bundle-files.js';
import { chunkGroups } from './build/chunks.js';
import { minifyLiteralsPlugin } from './build/minify-literals.js';
import { noPreloadHelperPlugin } from './build/no-preload-helper.js';
import { precompressPlugin } from './build/precompress.js';
import { terserPassPlugin } from './build/terser-pass.js';

// The builds of one `vite build`:
// - pages: every bundle a host page loads behind widget.js, as ONE ES-module graph
//          (build/bundle-files.ts names the entries): the learner flow, My help's follow-up, the
//          mentor and admin consoles and the parts they load later. Lit, the SDK and what the
//          entries share are content-hashed chunks of their own, so a page downloads each once
//          however many of these it shows. Every file is `<name>.<hash>.js` (served immutable);
//          dist/pages.manifest.json maps sources to files and their static imports (the size
//          budgets read it).
// - embed: dist/widget.js, the small IIFE loader for a plain <script> tag (no Lit), which
//          imports those entries by their full URL (their names are written in at build time).
// - esm:   dist/index.js, an ES module for bundler users, lit left external so the host's
//          bundler can dedupe it.
// The page files and widget.js are written pre-compressed beside themselves (.br, .gz).
export default defineConfig({
  plugins: [
    minifyLiteralsPlugin(),
    noPreloadHelperPlugin(),
    bundleFilesPlugin(),
    terserPassPlugin(),
    precompressPlugin(),
  ],
  build: { target: 'es2022' },
  environments: {
    pages: {
      consumer: 'client',
      build: {
        outDir: 'dist',
        emptyOutDir: true,
        minify: true,
        // No preload helper: a chunk's static imports are fetched by the browser itself.
        modulePreload: false,
        copyPublicDir: false,
        manifest: 'pages.manifest.json',
        rolldownOptions: {
          input: PAGE_ENTRIES,
          // Entries are only run for their side effects (defining elements): no export facades.
          preserveEntrySignatures: false,
          output: {
            format: 'es',
            entryFileNames: '[name].[hash].js',
            chunkFileNames: 'mm-[name].[hash].js',
            codeSplitting: {
              // Each module's group already holds its dependencies' users (build/chunks.ts).
              includeDependenciesRecursively: false,
              groups: [
                {
                  name: chunkGroups(import.meta.dirname, {
                    flow: PAGE_ENTRIES['ask-expert'],
                    // The SDK's full client: the flow builds a MicromentorCore only.
                    notFlow: /[\\/]sdk[\\/]src[\\/]micromentor\.ts$/,
                    entries: {
                      [PAGE_ENTRIES['follow-up']]: [PAGE_ENTRIES['follow-up']],
                      [PAGE_ENTRIES['mentor-console']]: [PAGE_ENTRIES['mentor-console']],
                      [PAGE_ENTRIES['admin-console']]: [PAGE_ENTRIES['admin-console']],
                      // The parts, each loaded only on the pages of the entries that import it.
                      [PAGE_ENTRIES.settings]: [PAGE_ENTRIES['mentor-console'], PAGE_ENTRIES['follow-up']],
                      [PAGE_ENTRIES['admin-tools']]: [PAGE_ENTRIES['admin-console']],
                      [PAGE_ENTRIES.lti]: [PAGE_ENTRIES['admin-console']],
                    },
                  }),
                },
              ],
            },
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
        rolldownOptions: { input: 'src/embed.ts', output: { format: 'iife', entryFileNames: 'widget.js' } },
      },
    },
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
    // In order: the pages build empties dist/ first and names the files the embed build loads.
    async buildApp(builder) {
      for (const name of ['pages', 'embed', 'esm']) {
        const environment = builder.environments[name];
        if (!environment) throw new Error(`missing build environment ${name}`);
        await builder.build(environment);
      }
    },
  },
});
