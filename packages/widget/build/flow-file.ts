import type { Plugin } from 'vite';

// widget.js loads the learner flow by its content-hashed name, which is only known once the
// flow is built: the `flow` environment builds first and records the name, the `embed`
// environment writes it where the loader says `__MM_FLOW_FILE__`.

const PLACEHOLDER = '__MM_FLOW_FILE__';

export function flowFilePlugin(): Plugin {
  let fileName: string | undefined;
  return {
    name: 'mm-flow-file',
    // One instance for every environment, so the embed build sees what the flow build recorded.
    sharedDuringBuild: true,
    apply: 'build',
    generateBundle(_options, bundle) {
      if (this.environment.name !== 'flow') return;
      const entry = Object.values(bundle).find((output) => output.type === 'chunk' && output.isEntry);
      fileName = entry?.fileName;
    },
    transform(code) {
      if (this.environment.name !== 'embed' || !code.includes(PLACEHOLDER)) return null;
      if (!fileName) throw new Error('build the flow environment before the embed (see buildApp)');
      return { code: code.replaceAll(PLACEHOLDER, JSON.stringify(fileName)), map: null };
    },
  };
}
