#!/usr/bin/env node
// `pnpm --filter @micromentor/server build` → dist/: every module of src/ compiled by tsc
// (tsconfig.build.json; tests excluded) to ES modules with declarations, so the published
// package runs on plain Node (bin/micromentor.mjs → dist/cli/main.js) with no TypeScript
// loader. Compiling the whole of src/ (not a list of entries) keeps the build right however
// the modules inside are arranged. Then it checks what the published package promises:
// every file publishConfig.exports names exists, and the CLI entry the bin runs is there.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outDir = join(root, 'dist');
const fail = (message) => {
  console.error(`server build: ${message}`);
  process.exit(1);
};

rmSync(outDir, { recursive: true, force: true });
const tsc = createRequire(join(root, 'package.json')).resolve('typescript/bin/tsc');
try {
  execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
} catch {
  fail('tsc -p tsconfig.build.json failed (errors above)');
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const promised = ['./dist/cli/main.js'];
for (const target of Object.values(manifest.publishConfig.exports)) {
  promised.push(...(typeof target === 'string' ? [target] : Object.values(target)));
}
for (const file of promised) {
  if (!existsSync(join(root, file)))
    fail(`${file} is promised by package.json but the build did not produce it`);
}

let count = 0;
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.js')) count += 1;
  }
};
walk(outDir);
console.log(`server build: ${count} modules in ${relative(process.cwd(), outDir) || '.'}`);
