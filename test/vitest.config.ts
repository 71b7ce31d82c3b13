import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Cross-package suites: real parts talking over real HTTP (SDK ↔ server, examples ↔ API), the
 * layer rules, and the end-to-end suite. The README's commands run on their own
 * (vitest.readme.config.ts), after these, because they take the README's fixed ports.
 */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', 'readme/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
