#!/usr/bin/env node
// `pnpm --filter @micromentor/widget build`, last step: the declarations of the published
// package (tsconfig.build.json → dist/types/**.d.ts), then two checks that the published
// exports resolve: every `types` file named in publishConfig.exports exists, and no
// declaration reaches into @micromentor/server (the widget depends on the SDK, whose published
// types carry the server's types written out; the server is no dependency of the widget).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outDir = join(root, 'dist', 'types');
const fail = (message) => {
  console.error(`widget build-types: ${message}`);
  process.exit(1);
};

rmSync(outDir, { recursive: true, force: true });
const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
try {
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
} catch {
  fail('tsc -p tsconfig.build.json failed (errors above)');
}

function* walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}
let count = 0;
for (const file of walk(outDir)) {
  count += 1;
  if (file.endsWith('.d.ts') && readFileSync(file, 'utf8').includes('@micromentor/server')) {
    fail(`${relative(root, file)} references @micromentor/server, which is no dependency of the widget`);
  }
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
for (const [entry, target] of Object.entries(manifest.publishConfig.exports)) {
  const files = typeof target === 'string' ? [target] : Object.values(target);
  for (const file of files) {
    if (!existsSync(join(root, file)))
      fail(`publishConfig.exports["${entry}"] names ${file}, which the build did not produce`);
  }
}
console.log(`widget build-types: ${count} declaration files in ${relative(root, outDir)}`);
