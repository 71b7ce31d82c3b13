/**
 * The server under test: the real app (`createApp`) on the real database, plus two bare
 * baseline routes, served by @hono/node-server on 127.0.0.1 (a free port).
 *
 * It runs in a child process (`spawnBenchServer`) so that the load generator and the server
 * do not share one event loop; the parent talks to it over HTTP and, for the few things the
 * API cannot do (creating a tenant), over the IPC channel.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createApp } from '../../packages/server/src/app.js';
import { systemClock } from '../../packages/server/src/clock.js';
import { loadConfig } from '../../packages/server/src/config.js';
import { connectDatabase, type DatabaseHandle } from '../../packages/server/src/db/connect.js';
import { migrateToLatest } from '../../packages/server/src/db/migrate.js';
import { prepareVectorSearch, type VectorSearchKind } from '../../packages/server/src/db/vector-column.js';
import { backfillEmbeddings } from '../../packages/server/src/domain/matching/semantic/backfill.js';
import { SentenceEmbedder } from '../../packages/server/src/domain/matching/semantic/profile-vector.js';
import { createSemanticSearch } from '../../packages/server/src/domain/matching/semantic/semantic-search.js';
import { useLiteProvider } from '../../packages/server/src/domain/matching/semantic/use-lite.js';
import {
  type CreatedTenant,
  type CreateTenantInput,
  createTenant,
} from '../../packages/server/src/domain/tenants/create-tenant.js';
import { SecretBox } from '../../packages/server/src/security/keys.js';
import { CompiledQuery } from './kysely.js';
import { embedSynthetic } from './synthetic-embeddings.js';

const SERVER_PACKAGE_JSON = fileURLToPath(new URL('../../packages/server/package.json', import.meta.url));
/** What a deployment serves at /widget.js (config.ts's default): read per request, so it may be built later. */
export const WIDGET_FILE = fileURLToPath(new URL('../../packages/widget/dist/widget.js', import.meta.url));
const CHILD_FLAG = 'MM_BENCH_SERVER_CHILD';
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 15_000;
/** connectDatabase's own default; BENCH_POOL_SIZE overrides it. */
const DEFAULT_POOL_SIZE = 10;

export interface ServerInfo {
  url: string;
  kind: DatabaseHandle['kind'];
  /** `PostgreSQL 15.14` — from `select version()`. */
  version: string;
  /** Connections the app may use at once: the pg pool size, or 1 for PGlite. */
  connections: number;
  /** Where matching by meaning searches profile vectors (the in-process server only). */
  vectorSearch?: VectorSearchKind;
}

export interface BenchServer extends ServerInfo {
  /** A tenant made with the domain function `createTenant` (the app has no route for it). */
  createTenant(input: CreateTenantInput): Promise<CreatedTenant>;
  /**
   * One SQL statement ($1, $2… parameters) run by the server process on its own database and
   * pool — for bulk seeding and measurements the API has no route for. Values cross the IPC
   * channel as JSON (a Date becomes an ISO string, which PostgreSQL reads as a timestamp).
   */
  query<R = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<R[]>;
  /**
   * Computes the tenant's profile embeddings now, as the `mentor.embed` jobs would (the bench
   * server runs no worker); does nothing with BENCH_EMBEDDINGS=off.
   */
  embedProfiles(tenantId: string): Promise<void>;
  /**
   * Synthetic embeddings for mentors inserted in bulk (support/synthetic-embeddings.ts); returns
   * how many were written (0 with BENCH_EMBEDDINGS=off).
   */
  embedSynthetic(tenantId: string): Promise<number>;
  close(): Promise<void>;
}

interface ServeOptions {
  fetch: (request: Request) => Response | Promise<Response>;
  port: number;
  hostname: string;
}
type Serve = (options: ServeOptions, listening: () => void) => Server;

/**
 * @hono/node-server is a dependency of the server package, not of the repository root, so it
 * is resolved from packages/server (its ESM build, like the server's own import).
 */
async function loadServe(): Promise<Serve> {
  const require = createRequire(SERVER_PACKAGE_JSON);
  const entry = require.resolve('@hono/node-server');
  let dir = dirname(entry);
  let target = entry;
  for (let i = 0; i < 4; i++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: string;
        exports?: { '.'?: { import?: { default?: string } | string } };
      };
      if (pkg.name === '@hono/node-server') {
        const esm = pkg.exports?.['.']?.import;
        const file = typeof esm === 'string' ? esm : esm?.default;
        if (file) target = join(dir, file);
        break;
      }
    } catch {
      // no package.json here: keep climbing
    }
    dir = dirname(dir);
  }
  const mod = (await import(pathToFileURL(target).href)) as { serve?: Serve; default?: { serve?: Serve } };
  const serve = mod.serve ?? mod.default?.serve;
  if (!serve) throw new Error(`@hono/node-server at ${target} has no serve()`);
  return serve;
}

interface InProcessServer extends ServerInfo {
  database: DatabaseHandle;
  secretBox: SecretBox;
  /** The model matching by meaning uses, null with BENCH_EMBEDDINGS=off. */
  embedder: SentenceEmbedder | null;
  close(): Promise<void>;
}

/** Connects, migrates, adds the baseline routes to the real app and serves it, in this process. */
export async function startBenchServer(): Promise<InProcessServer> {
  const poolSize = Number(process.env.BENCH_POOL_SIZE) || undefined;
  const database = await connectDatabase({ databaseUrl: process.env.DATABASE_URL, poolSize });
  try {
    await migrateToLatest(database.db);
    const baselineDb = database.db.withTables<{ bench_baseline: { id: number } }>();
    await baselineDb.schema
      .createTable('bench_baseline')
      .ifNotExists()
      .addColumn('id', 'bigserial', (col) => col.primaryKey())
      .execute();
    const embedder = process.env.BENCH_EMBEDDINGS === 'off' ? null : new SentenceEmbedder(useLiteProvider());
    // Where vectors are searched, as `micromentor serve` decides it on this database (BENCH_VECTOR_SEARCH to choose).
    const vectorSearch = await prepareVectorSearch(
      database.db,
      loadConfig({ MICROMENTOR_VECTOR_SEARCH: process.env.BENCH_VECTOR_SEARCH }).vectorSearch,
      database.kind,
    );
    const versionRow = await database.db
      .selectNoFrom((eb) => eb.fn<string>('version', []).as('version'))
      .executeTakeFirstOrThrow();

    // What a default deployment gets: no request log, identity secrets stored plain, and the
    // widget's bundles (/widget.js, the learner flow) served from packages/widget/dist.
    // Matching by meaning as `micromentor serve` runs it by default (BENCH_EMBEDDINGS=off: without).
    const app = createApp({
      db: database.db,
      clock: systemClock,
      config: { widgetFile: WIDGET_FILE },
      semantic: embedder ? createSemanticSearch(embedder.provider, { store: vectorSearch }) : null,
    });
    // Baselines on the same app, middleware stack, database and pool as the real routes.
    app.post('/bench/baseline', async (c) => {
      await baselineDb.insertInto('bench_baseline').defaultValues().execute();
      return c.json({ ok: true }, 201);
    });
    app.get('/bench/select1', async (c) => {
      await database.db.selectNoFrom((eb) => eb.lit(1).as('one')).execute();
      return c.json({ ok: true }, 200);
    });

    const serve = await loadServe();
    const server = await new Promise<Server>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
      s.once('error', reject);
    });
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('the server has no TCP address');

    let closing: Promise<void> | undefined;
    return {
      url: `http://127.0.0.1:${address.port}`,
      kind: database.kind,
      version: /^\S+ \S+/.exec(versionRow.version)?.[0] ?? versionRow.version,
      connections: database.kind === 'pglite' ? 1 : (poolSize ?? DEFAULT_POOL_SIZE),
      vectorSearch,
      database,
      secretBox: new SecretBox(undefined),
      embedder,
      close: () => {
        closing ??= (async () => {
          await new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
          });
          await database.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}

type ParentMessage =
  | { id: number; op: 'createTenant'; input: CreateTenantInput }
  | { id: number; op: 'query'; sql: string; params: unknown[] }
  | { id: number; op: 'embed'; tenantId: string }
  | { id: number; op: 'embedSynthetic'; tenantId: string };
type ChildMessage =
  | { type: 'ready'; info: ServerInfo }
  | { type: 'failed'; error: string }
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: string };

/** The child process: start, answer requests from the parent, close on SIGTERM or disconnect. */
async function childMain(): Promise<void> {
  const send = (message: ChildMessage) => process.send?.(message);
  let server: InProcessServer;
  try {
    server = await startBenchServer();
  } catch (error) {
    send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    process.exit(1);
  }
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.once('disconnect', stop);
  process.on('message', (message: ParentMessage) => {
    const work: Promise<unknown> =
      message.op === 'createTenant'
        ? createTenant(server.database.db, server.secretBox, message.input)
        : message.op === 'embed'
          ? server.embedder
            ? backfillEmbeddings(server.database.db, server.embedder, { tenantId: message.tenantId })
            : Promise.resolve(null)
          : message.op === 'embedSynthetic'
            ? server.embedder
              ? embedSynthetic(server.database.db, server.embedder, message.tenantId)
              : Promise.resolve(0)
            : server.database.db
                .executeQuery(CompiledQuery.raw(message.sql, message.params))
                .then((result) => result.rows);
    work.then(
      (result) => send({ id: message.id, ok: true, result }),
      (error: unknown) => send({ id: message.id, ok: false, error: String(error) }),
    );
  });
  const { database: _db, secretBox: _box, close: _close, ...info } = server;
  send({ type: 'ready', info });
}

/** Starts the server in a child process (same Node flags, so tsx) and waits until it listens. */
export async function spawnBenchServer(): Promise<BenchServer> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [], {
    execArgv: process.execArgv,
    env: { ...process.env, [CHILD_FLAG]: '1' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const info = await new Promise<ServerInfo>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the bench server did not start within ${START_TIMEOUT_MS / 1000} s`));
    }, START_TIMEOUT_MS);
    child.on('message', (message: ChildMessage) => {
      if ('type' in message) {
        clearTimeout(timer);
        if (message.type === 'ready') resolve(message.info);
        else reject(new Error(`the bench server failed to start:\n${message.error}`));
      }
    });
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the bench server exited during start-up (code ${code})`));
    });
  });

  let nextId = 0;
  const pending = new Map<
    number,
    { op: string; resolve: (t: unknown) => void; reject: (e: Error) => void }
  >();
  child.on('message', (message: ChildMessage) => {
    if ('type' in message) return;
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.ok) waiter.resolve(message.result);
    else waiter.reject(new Error(`${waiter.op} failed in the bench server: ${message.error}`));
  });
  exited.then((code) => {
    for (const waiter of pending.values()) waiter.reject(new Error(`the bench server exited (code ${code})`));
    pending.clear();
  });

  const ask = <T>(message: ParentMessage): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (child.exitCode !== null) return reject(new Error('the bench server is not running'));
      pending.set(message.id, { op: message.op, resolve: resolve as (t: unknown) => void, reject });
      child.send(message);
    });

  let closing: Promise<void> | undefined;
  return {
    ...info,
    createTenant: (input) => ask<CreatedTenant>({ id: ++nextId, op: 'createTenant', input }),
    embedProfiles: (tenantId) => ask<unknown>({ id: ++nextId, op: 'embed', tenantId }).then(() => undefined),
    embedSynthetic: (tenantId) => ask<number>({ id: ++nextId, op: 'embedSynthetic', tenantId }),
    query: <R>(sql: string, params: readonly unknown[] = []) =>
      ask<R[]>({ id: ++nextId, op: 'query', sql, params: [...params] }),
    close: () => {
      closing ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited;
        clearTimeout(timer);
      })();
      return closing;
    },
  };
}

if (process.env[CHILD_FLAG] === '1' && process.argv[1] === fileURLToPath(import.meta.url)) {
  void childMain();
}
