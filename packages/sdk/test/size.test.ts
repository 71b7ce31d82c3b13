import { describe, expect, it } from 'vitest';
import { BROWSER_GZIP_BUDGET_BYTES, browserEntrySizes, bundle, kb, measure } from '../scripts/bundle.js';

describe('the browser entry', () => {
  it(`stays within ${kb(BROWSER_GZIP_BUDGET_BYTES)} minified and gzipped`, async () => {
    const sizes = await browserEntrySizes();
    console.log(
      `@micromentor/sdk browser entry: ${kb(sizes.minified)} minified, ${kb(sizes.gzip)} gzip, ${kb(sizes.brotli)} brotli`,
    );
    expect(sizes.gzip).toBeLessThanOrEqual(BROWSER_GZIP_BUDGET_BYTES);
  });

  it('carries no Node built-ins and none of the Node-only helpers', async () => {
    const { code } = await browserEntrySizes();
    expect(code).not.toMatch(/\bnode:|createHmac|signUserToken|identitySecret/);
    expect(code).not.toMatch(/\bfrom\s*["']/); // fully bundled: no imports left to resolve
  });

  it('is free of side effects: importing it for nothing leaves nothing', async () => {
    expect(await bundle({ contents: "import './src/index.ts';" })).toBe('');
  });

  it('tree-shakes: an app that only checks error classes does not ship the client', async () => {
    const code = await bundle({
      contents:
        "import { ValidationError } from './src/index.ts'; export const isInvalid = (e: unknown) => e instanceof ValidationError;",
    });
    expect(code).not.toMatch(/Idempotency-Key|X-User-Token|mentors|calendar\.ics/);
    expect(measure(code).gzip).toBeLessThan(400);
  });
});
