#!/usr/bin/env node
// The `micromentor` CLI. Two ways to run it:
// - installed package (no src/ shipped): the compiled dist/cli/main.js on plain Node — the
//   production path;
// - source checkout (src/ present): the TypeScript in src/ through tsx's loader (Node 20 cannot
//   strip types), so an edit is live without a build and a stale dist/ is never run by accident.
// MICROMENTOR_RUN_FROM=dist|src picks one explicitly (e.g. to try the compiled build in a checkout).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
const source = new URL('../src/cli/main.ts', import.meta.url);
const from = process.env.MICROMENTOR_RUN_FROM || (existsSync(source) ? 'src' : 'dist');

/** The bundles the API serves at /widget.js, from the @micromentor/widget dependency. */
if (!process.env.MICROMENTOR_WIDGET_FILE) {
  try {
    const widget = fileURLToPath(import.meta.resolve('@micromentor/widget/dist/widget.js'));
    if (existsSync(widget)) process.env.MICROMENTOR_WIDGET_FILE = widget;
  } catch {
    // not resolvable here: the server's own default applies (and /widget.js says it is not built)
  }
}

let cli;
if (from === 'dist') {
  if (!existsSync(compiled)) {
    console.error(
      `micromentor: ${fileURLToPath(compiled)} is missing; build it with \`pnpm --filter @micromentor/server build\`.`,
    );
    process.exit(1);
  }
  cli = await import(compiled.href);
} else if (from === 'src') {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(source.href);
} else {
  console.error(`micromentor: MICROMENTOR_RUN_FROM must be dist or src, not ${from}`);
  process.exit(1);
}
await cli.main();
