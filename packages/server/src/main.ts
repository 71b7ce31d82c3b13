import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { systemClock } from './clock.js';
import type { ServerConfig } from './config.js';
import { connectDatabase, type DatabaseHandle } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { type DemoTenant, seedDemo } from './demo/seed.js';
import { jobHandlers } from './jobs/handlers.js';
import { createWorker } from './jobs/worker.js';
import { SecretBox } from './security/keys.js';

export interface RunningServer {
  url: string;
  port: number;
  database: DatabaseHandle;
  demo: DemoTenant | undefined;
  close(): Promise<void>;
}

/** Connects, migrates, optionally seeds the demo tenant, and serves. */
export async function startServer(
  config: ServerConfig,
  options: { seedDemo?: boolean } = {},
): Promise<RunningServer> {
  const database = await connectDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.poolSize,
  });
  await migrateToLatest(database.db);
  const demo = options.seedDemo
    ? await seedDemo(database.db, new SecretBox(config.secretKey), systemClock)
    : undefined;
  const app = createApp({
    db: database.db,
    clock: systemClock,
    config: {
      secretKey: config.secretKey,
      widgetFile: config.widgetFile,
      rateLimit: config.rateLimit,
      logRequest: config.log ? (line) => process.stdout.write(`${JSON.stringify(line)}\n`) : undefined,
    },
  });
  const worker = createWorker({
    db: database.db,
    clock: systemClock,
    handlers: jobHandlers(),
    pollMs: config.workerPollMs,
    onError: (error, job) =>
      console.error(
        JSON.stringify({
          level: 'error',
          msg: 'job failed',
          job: job?.id,
          kind: job?.kind,
          error: String(error),
        }),
      ),
  });
  if (config.worker) worker.start();
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://localhost:${port}`,
    port,
    database,
    demo,
    close: () => {
      closing ??= (async () => {
        await worker.stop();
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Keep-alive and SSE connections would hold close() open forever.
          if ('closeAllConnections' in server) server.closeAllConnections();
        });
        await database.close();
      })();
      return closing;
    },
  };
}

/** Closes the HTTP server and the database on SIGTERM/SIGINT, then exits. */
export function closeOnSignals(server: RunningServer, log: (msg: string) => void): void {
  const stop = (signal: string) => {
    log(`${signal} received: closing the HTTP server and the database`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`shutdown failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
