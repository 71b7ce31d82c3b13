import { defineConfig } from 'vitest/config';

// `*.postgres.test.ts`: about several processes on one PostgreSQL (LISTEN/NOTIFY across
// processes), which embedded PGlite cannot be; only the postgres project includes them.
// `*.pglite.test.ts`: about the embedded database itself (its data folder); only the pglite one.
const POSTGRES_ONLY = 'test/**/*.postgres.test.ts';
const PGLITE_ONLY = 'test/**/*.pglite.test.ts';
// Test files under test/ that need no database: they run once, in the unit project.
const NO_DATABASE = ['test/matching-eval-sets.test.ts'];

const integration = (name: 'pglite' | 'postgres') => ({
  extends: true as const,
  test: {
    name,
    include: ['test/**/*.test.ts'],
    exclude: ['**/node_modules/**', name === 'pglite' ? POSTGRES_ONLY : PGLITE_ONLY, ...NO_DATABASE],
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
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts', ...NO_DATABASE] } },
      integration('pglite'),
      ...(process.env.DATABASE_URL ? [integration('postgres')] : []),
    ],
  },
});
