#!/usr/bin/env node
// `pnpm --filter @micromentor/widget build`, last step: the declarations of the published
// package (tsconfig.build.json → dist/types/**.d.ts), then two checks that the published
// exports resolve: every file publishConfig.exports names exists, and no
// declaration reaches into @micromentor/server (the widget depends on the SDK, whose published
// types carry the server's types written out; the server is no dependency of the widget).
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPromisedFiles, compile, failer, filesIn } from '../../../scripts/package-build.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outDir = join(root, 'dist', 'types');
const fail = failer('widget build-types');

compile(root, outDir, fail);
let count = 0;
for (const file of filesIn(outDir)) {
  count += 1;
  if (file.endsWith('.d.ts') && readFileSync(file, 'utf8').includes('@micromentor/server')) {
    fail(`${relative(root, file)} references @micromentor/server, which is no dependency of the widget`);
  }
}
// The bundles and ES modules were built before this step, so every export can be checked.
checkPromisedFiles(root, fail);
console.log(`widget build-types: ${count} declaration files in ${relative(root, outDir)}`);
