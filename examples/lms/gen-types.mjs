#!/usr/bin/env node
// Typechecks platform.mjs and site.mjs (checkJs, strict) and writes their declarations
// (platform.d.mts, site.d.mts), which TypeScript callers (the test package) import. `--check` writes
// nothing and exits 1 when a committed .d.mts is stale or the JavaScript does not typecheck
// (test/lti/platform-types.test.ts).
//   node examples/lms/gen-types.mjs [--check]
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const here = dirname(fileURLToPath(import.meta.url));
const MODULES = ['platform', 'site'];
/** @param {string} name */
const header = (name) =>
  `// Generated from ${name}.mjs by \`node examples/lms/gen-types.mjs\`: do not edit (the JSDoc in\n` +
  `// ${name}.mjs is the source; test/lti/platform-types.test.ts fails when this file is stale).\n`;

const options = {
  allowJs: true,
  checkJs: true,
  strict: true,
  noUncheckedIndexedAccess: true,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
  types: ['node'],
  declaration: true,
  emitDeclarationOnly: true,
  outDir: join(here, '.types-out'),
  newLine: ts.NewLineKind.LineFeed,
};
const program = ts.createProgram(
  MODULES.map((m) => join(here, `${m}.mjs`)),
  options,
);
/** @type {Map<string, string>} */
const emitted = new Map();
const result = program.emit(undefined, (name, text) => {
  emitted.set(name.replace(/^.*[\\/]/, '').replace(/\.d\.mts$/, ''), text);
});
const diagnostics = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics];
if (diagnostics.length > 0) {
  process.stderr.write(
    ts.formatDiagnosticsWithColorAndContext(diagnostics, {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => here,
      getNewLine: () => '\n',
    }),
  );
  process.exit(1);
}
// Formatted as the repository's Biome config wants it, so `biome check .` stays clean.
const biome = join(here, '..', '..', 'node_modules', '.bin', 'biome');
let stale = false;
for (const name of MODULES) {
  const target = join(here, `${name}.d.mts`);
  const expected = execFileSync(biome, ['check', '--write', `--stdin-file-path=${target}`], {
    input: header(name) + (emitted.get(name) ?? ''),
    encoding: 'utf8',
  });
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(target, 'utf8');
    } catch {
      // missing: stale
    }
    if (committed !== expected) {
      process.stderr.write(`examples/lms/${name}.d.mts is stale: run \`node examples/lms/gen-types.mjs\`\n`);
      stale = true;
    }
  } else {
    writeFileSync(target, expected);
    process.stdout.write(`wrote ${target}\n`);
  }
}
if (stale) process.exit(1);
if (process.argv.includes('--check'))
  process.stdout.write('the JavaScript typechecks and its .d.mts files are current\n');
