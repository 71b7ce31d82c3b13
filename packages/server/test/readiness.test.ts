import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import type { Database } from '../src/db/database.js';
import { MIGRATION_NAMES, migrateTo, migrateToLatest } from '../src/db/migrate.js';
import { createLifecycle } from '../src/lifecycle.js';
import { freePort } from './support/cli-process.js';
import { createTestContext, type TestContext } from './support/context.js';
import { call } from './support/http.js';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

/** The problem+json body of a 503 with `code`. */
const problem = (code: string, detail: unknown = expect.any(String)) => ({
  type: `/docs#error-${code}`,
  title: 'Service Unavailable',
  status: 503,
  code,
  detail,
  requestId: expect.any(String),
});

describe('GET /readyz (readiness) beside GET /healthz (liveness)', () => {
  it('is ready on a migrated database, then 503 shutting_down once shutdown begins while /healthz stays 200', async () => {
    const lifecycle = createLifecycle();
    const app = createApp({ db: ctx.db, clock: ctx.clock, lifecycle, config: { logError: () => {} } });
    const ready = await call(app, 'GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', database: 'ok', migrations: 'current' });

    lifecycle.beginShutdown();
    const res = await app.request('/readyz');
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(await res.json()).toEqual(problem('shutting_down'));
    expect((await call(app, 'GET', '/healthz')).status).toBe(200);
  });

  it('is 503 migrations_pending on a database behind this code, and ready again once migrated', async () => {
    const last = MIGRATION_NAMES.at(-1)!;
    await migrateTo(ctx.db, MIGRATION_NAMES.at(-2)!);
    try {
      const behind = await call<{ code: string; detail: string }>(ctx.app, 'GET', '/readyz');
      expect(behind.status).toBe(503);
      expect(behind.body).toEqual(problem('migrations_pending', expect.stringContaining(last)));
    } finally {
      await migrateToLatest(ctx.db);
    }
    expect((await call(ctx.app, 'GET', '/readyz')).status).toBe(200);
  });

  it('is 503 database_unavailable when the database does not answer', async () => {
    const port = await freePort();
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({
        pool: new pg.Pool({ connectionString: `postgres://nobody@127.0.0.1:${port}/none`, max: 1 }),
      }),
    });
    try {
      const app = createApp({ db, config: { logError: () => {} } });
      const res = await call(app, 'GET', '/readyz');
      expect(res.status).toBe(503);
      expect(res.body).toEqual(problem('database_unavailable'));
    } finally {
      await db.destroy();
    }
  });
});
