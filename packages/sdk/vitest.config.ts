import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // test/**/*.test-d.ts pin the public types to the server's routes; vitest runs them
    // through tsc, so a type that drifts from the server fails `pnpm test` as well as typecheck.
    // Errors in other files (the server's, while it is being edited) are `pnpm typecheck`'s to report.
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
      ignoreSourceErrors: true,
    },
    testTimeout: 30_000,
  },
});
