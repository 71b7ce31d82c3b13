import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connectDatabase } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { prepareVectorSearch, type VectorSearchKind } from '../../src/db/vector-column.js';
import { withDatabase } from './postgres-url.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
    /** Where the template database searches profile vectors (pgvector on PGlite; on PostgreSQL when installed). */
    vectorSearch: VectorSearchKind;
  }
}

/**
 * Migrates once per run: a PGlite data-folder dump, or a PostgreSQL template database. Each
 * test file then starts from a private copy of it.
 */
export default async function setup(project: TestProject) {
  if (project.name === 'postgres') {
    const url = process.env.DATABASE_URL!;
    const template = `mm_tpl_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${template}`);
    const handle = await connectDatabase({ databaseUrl: withDatabase(url, template), poolSize: 1 });
    await migrateToLatest(handle.db);
    project.provide('vectorSearch', await prepareVectorSearch(handle.db, 'auto', 'postgres'));
    await handle.close();
    project.provide('postgresTemplate', template);
    return async () => {
      const leftovers = await admin.query<{ datname: string }>(
        `select datname from pg_database where datname = $1 or datname like $2`,
        [template, `${template}_f%`],
      );
      for (const row of leftovers.rows)
        await admin.query(`drop database if exists ${row.datname} with (force)`);
      await admin.end();
    };
  }
  const handle = await connectDatabase({ dataDir: 'memory://' });
  await migrateToLatest(handle.db);
  // PGlite runs every search in the database (pgvector) and PostgreSQL, without the extension
  // here, in memory: the suite covers both ways on every semantic test.
  project.provide('vectorSearch', await prepareVectorSearch(handle.db, 'pgvector', 'pglite'));
  const dump = await handle.pglite!.dumpDataDir('none');
  await handle.close();
  const dir = mkdtempSync(join(tmpdir(), 'mm-pglite-'));
  const file = join(dir, 'template.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
