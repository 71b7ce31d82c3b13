import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { type Clock, systemClock } from './clock.js';
import type { ServerConfig } from './config.js';
import { connectDatabase, type DatabaseHandle } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { type DemoTenant, seedDemo } from './demo/seed.js';
import { localMailbox, smtpTransport } from './domain/email/transport.js';
import { touchPresence } from './domain/mentors/presence.js';
import { type InboundSmtpListener, startInboundSmtp } from './inbound/smtp-listener.js';
import { jobHandlers } from './jobs/handlers.js';
import { createWorker } from './jobs/worker.js';
import { createRealtimeHub, type HubOptions } from './realtime/hub.js';
import { SecretBox } from './security/keys.js';
import { OffsetClock, withTestClock } from './test-clock.js';

export interface RunningServer {
  url: string;
  port: number;
  database: DatabaseHandle;
  demo: DemoTenant | undefined;
  /** The reply-by-email listener's port, when this process runs one. */
  inboundSmtpPort: number | undefined;
  close(): Promise<void>;
}

/** One JSON line on stderr, like the worker's failures. */
function logLine(line: Record<string, unknown>): void {
  console.error(JSON.stringify(line));
}

/** Connects, migrates, optionally seeds the demo tenant, and serves. */
export async function startServer(
  config: ServerConfig,
  options: { seedDemo?: boolean; realtime?: HubOptions } = {},
): Promise<RunningServer> {
  const database = await connectDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.poolSize,
  });
  await migrateToLatest(database.db);
  // MM_TEST_CLOCK=1 (end-to-end tests only): a clock `/_test/clock` can move forward.
  const testClock = config.testClock ? new OffsetClock() : undefined;
  const clock: Clock = testClock ?? systemClock;
  const demo = options.seedDemo
    ? await seedDemo(database.db, new SecretBox(config.secretKey), clock)
    : undefined;
  // One LISTEN connection per process (PostgreSQL), or PGlite's own listen().
  const hub = await createRealtimeHub(
    database.pglite
      ? { kind: 'pglite', pglite: database.pglite }
      : { kind: 'postgres', databaseUrl: config.databaseUrl! },
    {
      // A mentor with a live stream open counts as online for instant help.
      onPresence: (tenantId, userId) =>
        void touchPresence(database.db, { tenantId, userId, now: clock.now() }).catch(() => {}),
      ...options.realtime,
    },
  );
  const app = createApp({
    hub,
    db: database.db,
    clock,
    config: {
      secretKey: config.secretKey,
      widgetFile: config.widgetFile,
      webhooksAllowPrivate: config.webhooksAllowPrivate,
      rateLimit: config.rateLimit,
      publicUrl: config.publicUrl,
      logRequest: config.log ? (line) => process.stdout.write(`${JSON.stringify(line)}\n`) : undefined,
    },
  });
  const worker = createWorker({
    db: database.db,
    clock,
    handlers: jobHandlers({
      secretBox: new SecretBox(config.secretKey),
      webhooks: { allowPrivate: config.webhooksAllowPrivate },
      email: {
        transport: config.smtpUrl ? smtpTransport(config.smtpUrl) : localMailbox,
        from: config.mailFrom,
        publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
        enabled: config.email,
        ...(config.inboundDomain && config.replyKey
          ? { reply: { domain: config.inboundDomain, key: config.replyKey } }
          : {}),
      },
    }),
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
    const fetch = testClock ? withTestClock(app.fetch, testClock) : app.fetch;
    const s = serve({ fetch, port: config.port, hostname: config.host }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  let inbound: InboundSmtpListener | undefined;
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      // No new reply is taken while the database closes.
      await inbound?.close();
      await worker.stop();
      // Ends every event stream first, so the HTTP server can close.
      await hub.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive and SSE connections would hold close() open forever.
        if ('closeAllConnections' in server) server.closeAllConnections();
      });
      await database.close();
    })();
    return closing;
  };
  try {
    inbound = await startInboundListener(config, database, clock);
  } catch (error) {
    // Its port is taken, say: nothing of this server stays open behind the error.
    await close();
    throw error;
  }
  return {
    url: `http://localhost:${port}`,
    port,
    database,
    demo,
    inboundSmtpPort: inbound?.port,
    close,
  };
}

/** Reply by email's SMTP listener, when MICROMENTOR_INBOUND_SMTP_PORT is set. */
async function startInboundListener(
  config: ServerConfig,
  database: DatabaseHandle,
  clock: Clock,
): Promise<InboundSmtpListener | undefined> {
  if (config.inboundSmtpPort === undefined || !config.inboundDomain || !config.replyKey) return undefined;
  if (!config.secretKey) {
    logLine({
      level: 'warn',
      msg: 'reply by email: no MICROMENTOR_SECRET_KEY, reply addresses are signed with a development key; set one before real use',
    });
  }
  return startInboundSmtp({
    db: database.db,
    clock,
    port: config.inboundSmtpPort,
    host: config.inboundSmtpHost,
    domain: config.inboundDomain,
    key: config.replyKey,
    log: config.log ? (line) => process.stdout.write(`${JSON.stringify(line)}\n`) : undefined,
  });
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
