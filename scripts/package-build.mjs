// The steps a package's build script shares (packages/server/scripts/build.mjs,
// packages/widget/scripts/build-types.mjs): compile with the package's tsconfig.build.json,
// list what came out, and check that every file publishConfig.exports promises exists.
// Node builtins only; runs from a checkout (it is not part of any published package).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** A build step that stops the build with one clear line. */
export function failer(label) {
  return (message) => {
    console.error(`${label}: ${message}`);
    process.exit(1);
  };
}

/** Empties `outDir`, then runs the package's own tsc on tsconfig.build.json. */
export function compile(packageRoot, outDir, fail) {
  rmSync(outDir, { recursive: true, force: true });
  const tsc = createRequire(join(packageRoot, 'package.json')).resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], {
      cwd: packageRoot,
      stdio: 'inherit',
    });
  } catch {
    fail('tsc -p tsconfig.build.json failed (errors above)');
  }
}

/** Every file below `dir`. */
export function* filesIn(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* filesIn(path);
    else yield path;
  }
}

/** Fails unless each file `publishConfig.exports` names (and each of `extra`) exists. */
export function checkPromisedFiles(packageRoot, fail, extra = []) {
  const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8'));
  const promised = [...extra];
  for (const target of Object.values(manifest.publishConfig.exports)) {
    promised.push(...(typeof target === 'string' ? [target] : Object.values(target)));
  }
  for (const file of promised) {
    if (!existsSync(join(packageRoot, file)))
      fail(`${file} is promised by package.json but the build did not produce it`);
  }
}
