import type { Plugin } from 'vite';

// Vite wraps every dynamic import() of a client build in its preload helper (~1.3 KB gzip in the
// chunk every page loads), which would add <link rel=modulepreload> tags for the imported chunk's
// own imports. With `build.modulePreload: false` it is handed no dependencies at all (we have no
// CSS files), so all it ever does is call the import: this plugin makes it exactly that. The
// browser fetches a chunk's static imports itself once it has the chunk.

const HELPER = '\0vite/preload-helper.js';

export function noPreloadHelperPlugin(): Plugin {
  return {
    name: 'mm-no-preload-helper',
    apply: 'build',
    enforce: 'pre',
    load: {
      filter: { id: new RegExp(`^${HELPER.replace(/[.\\/]/g, '\\$&')}$`) },
      handler: () => ({ code: 'export const __vitePreload = (load) => load();', map: null }),
    },
  };
}
