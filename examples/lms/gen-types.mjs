#!/usr/bin/env node
// Typechecks platform.mjs (checkJs, strict) and writes its declarations to platform.d.mts, which
// TypeScript callers (the test package) import. `--check` writes nothing and exits 1 when the
// committed platform.d.mts is stale or platform.mjs does not typecheck (test/lti/platform-types.test.ts).
//   node examples/lms/gen-types.mjs [--check]
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, 'platform.mjs');
const target = join(here, 'platform.d.mts');
const HEADER =
  '// Generated from platform.mjs by `node examples/lms/gen-types.mjs`: do not edit (the JSDoc in\n' +
  '// platform.mjs is the source; test/lti/platform-types.test.ts fails when this file is stale).\n';

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
const program = ts.createProgram([source], options);
let emitted = '';
const result = program.emit(undefined, (_name, text) => {
  emitted = text;
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
const expected = execFileSync(biome, ['check', '--write', `--stdin-file-path=${target}`], {
  input: HEADER + emitted,
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
    process.stderr.write('examples/lms/platform.d.mts is stale: run `node examples/lms/gen-types.mjs`\n');
    process.exit(1);
  }
  process.stdout.write('platform.mjs typechecks and platform.d.mts is current\n');
} else {
  writeFileSync(target, expected);
  process.stdout.write(`wrote ${target}\n`);
}
