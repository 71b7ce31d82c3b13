#!/usr/bin/env node
// `pnpm --filter @micromentor/server build` → dist/: every module of src/ compiled by tsc
// (tsconfig.build.json; tests excluded) to ES modules with declarations, so the published
// package runs on plain Node (bin/micromentor.mjs → dist/cli/main.js) with no TypeScript
// loader. Compiling the whole of src/ (not a list of entries) keeps the build right however
// the modules inside are arranged. Then it checks what the published package promises:
// every file publishConfig.exports names exists, and the CLI entry the bin runs is there.
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPromisedFiles, compile, failer, filesIn } from '../../../scripts/package-build.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outDir = join(root, 'dist');
const fail = failer('server build');

compile(root, outDir, fail);
checkPromisedFiles(root, fail, ['./dist/cli/main.js']);
const count = [...filesIn(outDir)].filter((file) => file.endsWith('.js')).length;
console.log(`server build: ${count} modules in ${relative(process.cwd(), outDir) || '.'}`);
