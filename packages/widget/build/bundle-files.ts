import type { Plugin } from 'vite';

// widget.js imports the page entries by their content-hashed names, which are only known once
// the `pages` environment is built: that build records them, and the `embed` build writes them
// where the loader says `__MM_BUNDLES__` (an object: entry name → file, beside widget.js) and
// `__MM_FLOW_FILES__` (the learner flow's entry and every chunk it imports statically, which the
// loader preloads when the page is idle: a modulepreload fetches one file, not its imports).

/** The entries of the pages build: name → source. The name starts the file's (`<name>.<hash>.js`). */
export const PAGE_ENTRIES = {
  /** The learner flow: <mm-ask-expert> and every step it shows (widget.js imports it on intent). */
  'ask-expert': 'src/flow-entry.ts',
  /** <mm-follow-up> and <mm-leaderboard>: My help's panels, or a page of their own. */
  'follow-up': 'src/follow-up-entry.ts',
  'mentor-console': 'src/mentor-console-entry.ts',
  'admin-console': 'src/admin-console-entry.ts',
  /** Parts the consoles import when they first show them (internal/settings-part-loader.ts). */
  settings: 'src/settings-part.ts',
  'admin-tools': 'src/admin-part.ts',
  lti: 'src/lti-part.ts',
} as const;

export type PageEntry = keyof typeof PAGE_ENTRIES;

const PLACEHOLDERS = { bundles: '__MM_BUNDLES__', flowFiles: '__MM_FLOW_FILES__' };

export function bundleFilesPlugin(): Plugin {
  let files: Record<string, string> | undefined;
  let flowFiles: string[] | undefined;
  return {
    name: 'mm-bundle-files',
    // One instance for every environment, so the embed build sees what the pages build recorded.
    sharedDuringBuild: true,
    apply: 'build',
    generateBundle(_options, bundle) {
      if (this.environment.name !== 'pages') return;
      files = {};
      for (const output of Object.values(bundle)) {
        if (output.type === 'chunk' && output.isEntry) files[output.name] = output.fileName;
      }
      for (const name of Object.keys(PAGE_ENTRIES)) {
        if (!files[name]) throw new Error(`the pages build wrote no entry named ${name}`);
      }
      const closure = new Set<string>();
      const visit = (fileName: string): void => {
        const chunk = bundle[fileName];
        if (closure.has(fileName) || chunk?.type !== 'chunk') return;
        closure.add(fileName);
        for (const imported of chunk.imports) visit(imported);
      };
      visit(files['ask-expert']!);
      flowFiles = [...closure];
    },
    transform(code) {
      if (this.environment.name !== 'embed' || !code.includes('__MM_')) return null;
      if (!files || !flowFiles)
        throw new Error('build the pages environment before the embed (see buildApp)');
      return {
        code: code
          .replaceAll(PLACEHOLDERS.bundles, JSON.stringify(files))
          .replaceAll(PLACEHOLDERS.flowFiles, JSON.stringify(flowFiles)),
        map: null,
      };
    },
  };
}
