import { createApp } from '../../packages/server/src/app.js';
import type { Clock } from '../../packages/server/src/clock.js';
import { connectDatabase, type DatabaseHandle } from '../../packages/server/src/db/connect.js';
import { migrateToLatest } from '../../packages/server/src/db/migrate.js';
import { createRealtimeHub } from '../../packages/server/src/realtime/hub.js';
import { listen } from '../../packages/server/test/support/http-server.js';
import { scratchDatabase } from '../../packages/server/test/support/postgres-url.js';

export interface RunningApi {
  url: string;
  db: DatabaseHandle['db'];
  /** Cuts every open connection (event streams included) while the server keeps listening. */
  dropConnections(): void;
  close(): Promise<void>;
}

/**
 * The real server on a real port: on a fresh PostgreSQL database when DATABASE_URL is set,
 * otherwise on in-memory PGlite. A test that needs to move time passes its own clock; one that
 * loads the widget's bundles from the API passes the built `widgetFile`.
 */
export async function startApi(
  options: { clock?: Clock; webhooksAllowPrivate?: boolean; widgetFile?: string } = {},
): Promise<RunningApi> {
  let handle: DatabaseHandle;
  let drop = async () => {};
  let databaseUrl: string | undefined;
  const url = process.env.DATABASE_URL;
  if (url) {
    const scratch = await scratchDatabase(url, 'mm_x');
    databaseUrl = scratch.url;
    handle = await connectDatabase({ databaseUrl });
    drop = scratch.drop;
  } else {
    handle = await connectDatabase({ dataDir: 'memory://' });
  }
  await migrateToLatest(handle.db);
  const hub = await createRealtimeHub(
    databaseUrl ? { kind: 'postgres', databaseUrl } : { kind: 'pglite', pglite: handle.pglite! },
    { heartbeatMs: 1_000 },
  );
  const server = await listen(
    createApp({
      db: handle.db,
      hub,
      clock: options.clock,
      config: {
        logError: () => {},
        webhooksAllowPrivate: options.webhooksAllowPrivate ?? false,
        widgetFile: options.widgetFile,
      },
    }),
  );
  return {
    url: server.url,
    db: handle.db,
    dropConnections: () => server.dropConnections(),
    async close() {
      await hub.close();
      await server.close();
      await handle.close();
      await drop();
    },
  };
}
