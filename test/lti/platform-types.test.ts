import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

/**
 * examples/lms/platform.mjs is JavaScript with JSDoc types (the example site runs it with plain
 * node); TypeScript callers import its generated platform.d.mts. Both must hold: the JavaScript
 * typechecks under strict checkJs, and the committed declarations are the ones it generates.
 */
it('platform.mjs typechecks and platform.d.mts is current', () => {
  const script = fileURLToPath(new URL('../../examples/lms/gen-types.mjs', import.meta.url));
  const output = execFileSync(process.execPath, [script, '--check'], { encoding: 'utf8', stdio: 'pipe' });
  expect(output).toContain('is current');
}, 60_000);
