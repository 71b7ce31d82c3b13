import { defineConfig } from 'vite';
import { flowFilePlugin } from './build/flow-file.js';
import { lazyPartsPlugin } from './build/lazy-parts.js';
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
/** A page bundle built from one entry: minified, into dist/ beside the others. */
function pageBuild(input: string, output: Record<string, unknown>, emptyOutDir = false) {
  return {
    consumer: 'client' as const,
    build: {
      outDir: 'dist',
      emptyOutDir,
      minify: true,
      modulePreload: false,
      copyPublicDir: false,
      rolldownOptions: { input, output },
    },
  };
}

/** An IIFE of its own: dist/<file> from `input` (a plain <script> runs it). */
const iife = (input: string, file: string) => pageBuild(input, { format: 'iife', entryFileNames: file });

export default defineConfig({
  plugins: [
    minifyLiteralsPlugin(),
    flowFilePlugin(),
    terserPassPlugin(),
    precompressPlugin(),
    lazyPartsPlugin(['mentor_console', 'admin_console', 'follow_up']),
  ],
  build: { target: 'es2022' },
  environments: {
    flow: pageBuild(
      'src/flow-entry.ts',
      { format: 'es', entryFileNames: 'ask-expert.[hash].js', chunkFileNames: 'ask-expert-[name].[hash].js' },
      true,
    ),
    embed: iife('src/embed.ts', 'widget.js'),
    // The consoles, each loaded on demand by widget.js: learners never download them.
    mentor_console: iife('src/mentor-console-entry.ts', 'mentor-console.js'),
    admin_console: iife('src/admin-console-entry.ts', 'admin-console.js'),
    follow_up: iife('src/follow-up-entry.ts', 'follow-up.js'),
    // The settings (<mm-calendar-feed>, <mm-email-preferences>), which both load when they show them.
    settings_part: pageBuild('src/settings-part.ts', {
      format: 'es',
      entryFileNames: 'settings.js',
    }),
    // The admin console's audit log and a user's data, loaded when it shows their tabs.
    admin_part: pageBuild('src/admin-part.ts', { format: 'es', entryFileNames: 'admin-tools.js' }),
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
      for (const name of [
        'flow',
        'embed',
        'mentor_console',
        'admin_console',
        'follow_up',
        'settings_part',
        'admin_part',
        'esm',
      ]) {
        const environment = builder.environments[name];
        if (!environment) throw new Error(`missing build environment ${name}`);
        await builder.build(environment);
      }
    },
  },
});
