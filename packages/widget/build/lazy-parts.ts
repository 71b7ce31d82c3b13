import type { Plugin } from 'vite';

// Parts a script-tag console loads only when it shows them, each built as an ES module of its
// own beside it (dist/<file>, the `settings_part` environment), so the console stays within its
// budget (build/budgets.ts). An IIFE cannot be split: in the console bundles the part's source
// `import('…')` becomes one of the file's name that no bundler follows — and that the script-tag
// consoles never take: they import the file by its full URL (internal/settings-part-loader.ts),
// since a classic script from another origin has no base URL to resolve a relative one against.
// Bundlers (the esm build) and the tests load the source as usual.

/** The part's source, as imported (`…/settings-part.js`) → its file in dist/. */
export const LAZY_PARTS: Record<string, string> = {
  'settings-part.js': 'settings.js',
  'admin-part.js': 'admin-tools.js',
};

const DYNAMIC_IMPORT = /import\(\s*(['"])([^'"]+)\1\s*\)/g;

export function lazyPartsPlugin(environments: readonly string[]): Plugin {
  return {
    name: 'mm-lazy-parts',
    apply: 'build',
    // Before Vite's own import analysis, which would bundle the part into the IIFE.
    enforce: 'pre',
    applyToEnvironment: (environment) => environments.includes(environment.name),
    transform(code) {
      if (!code.includes('import(')) return null;
      let changed = false;
      const out = code.replace(DYNAMIC_IMPORT, (whole, _quote: string, specifier: string) => {
        const part = Object.keys(LAZY_PARTS).find((source) => specifier.endsWith(`/${source}`));
        if (!part) return whole;
        changed = true;
        // Not a literal, so no bundler follows it; the minifier folds it back to "./<file>".
        return `import(/* @vite-ignore */ String(${JSON.stringify(`./${LAZY_PARTS[part]}`)}))`;
      });
      return changed ? { code: out, map: null } : null;
    },
  };
}
