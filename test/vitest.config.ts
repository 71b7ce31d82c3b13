import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Cross-package suites: real parts talking over real HTTP (SDK ↔ server, examples ↔ API). */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
