import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** README.md's commands on a fresh clone (readme/): one file, run alone, after the other suites. */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['readme/**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
  },
});
