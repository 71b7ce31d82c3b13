import { defineConfig } from 'vitest/config';

const integration = (name: 'pglite' | 'postgres') => ({
  extends: true as const,
  test: {
    name,
    include: ['test/**/*.test.ts'],
    env: { MM_TEST_DB: name },
    globalSetup: ['test/support/global-setup.ts'],
  },
});

/**
 * Unit tests run once; integration tests run on embedded PGlite and, when DATABASE_URL is
 * set, again on real PostgreSQL — the same files, the same assertions.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'] } },
      integration('pglite'),
      ...(process.env.DATABASE_URL ? [integration('postgres')] : []),
    ],
  },
});
