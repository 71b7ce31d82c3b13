import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

/**
 * examples/lms/platform.mjs and site.mjs are JavaScript with JSDoc types (the example site runs them
 * with plain node); TypeScript callers import their generated .d.mts files. Both must hold: the JavaScript
 * typechecks under strict checkJs, and the committed declarations are the ones it generates.
 */
it('platform.mjs and site.mjs typecheck and their .d.mts files are current', () => {
  const script = fileURLToPath(new URL('../../examples/lms/gen-types.mjs', import.meta.url));
  const output = execFileSync(process.execPath, [script, '--check'], { encoding: 'utf8', stdio: 'pipe' });
  expect(output).toContain('are current');
}, 60_000);
