import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { type Clock, systemClock } from './clock.js';
import type { ServerConfig } from './config.js';
import { connectDatabase, type DatabaseHandle } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { prepareVectorSearch } from './db/vector-column.js';
import { type DemoTenant, seedDemo } from './demo/seed.js';
import { localMailbox, smtpTransport } from './domain/email/transport.js';
import { SentenceEmbedder } from './domain/matching/semantic/profile-vector.js';
import { embeddingProviderFrom } from './domain/matching/semantic/provider-from-setting.js';
import { createSemanticSearch } from './domain/matching/semantic/semantic-search.js';
import { touchPresence } from './domain/mentors/presence.js';
import { answerClientErrors } from './http/client-error.js';
import { type InboundSmtpListener, startInboundSmtp } from './inbound/smtp-listener.js';
import { jobHandlers } from './jobs/handlers.js';
import { createWorker } from './jobs/worker.js';
import { createLifecycle } from './lifecycle.js';
import { createRealtimeHub, type HubOptions } from './realtime/hub.js';
import { SecretBox } from './security/keys.js';
import { drainableHttp, settleBy } from './shutdown.js';
import { OffsetClock, withTestClock } from './test-clock.js';

export interface RunningServer {
  url: string;
  port: number;
  database: DatabaseHandle;
  demo: DemoTenant | undefined;
  /** The reply-by-email listener's port, when this process runs one. */
  inboundSmtpPort: number | undefined;
  /** Shuts down in order within `config.shutdownTimeoutMs` (see `shutDown`); safe to call twice. */
  close(): Promise<ShutdownReport>;
}

export interface ShutdownReport {
  /** Everything finished within the bound. */
  clean: boolean;
  /** What the bound cut short (or what failed), one phrase each; empty when clean. */
  cut: string[];
  ms: number;
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
  const vectorSearch = await prepareVectorSearch(database.db, config.vectorSearch, database.kind, (error) =>
    logLine({
      level: 'warn',
      msg: 'pgvector offered but not usable: vectors searched in memory',
      error: String(error),
    }),
  );
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
      maxStreamsPerUser: config.sseMaxPerUser,
      maxStreamsPerKey: config.sseMaxPerKey,
      ...options.realtime,
    },
  );
  const lifecycle = createLifecycle();
  // One model per process, loaded on first use by the API (questions) or the worker (profiles).
  const provider = embeddingProviderFrom(config.embeddings, {
    onLoadError: (error) =>
      logLine({
        level: 'error',
        msg: 'embedding model unavailable: matching by keywords only',
        error: error.message,
      }),
  });
  const semantic = provider
    ? createSemanticSearch(provider, {
        store: vectorSearch,
        maxVectors: config.embeddingsMaxVectors,
        onError: (error) =>
          logLine({
            level: 'error',
            msg: 'question not embedded: matching by keywords only',
            error: String(error),
          }),
      })
    : null;
  const app = createApp({
    hub,
    lifecycle,
    semantic,
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
      embeddings: provider ? new SentenceEmbedder(provider) : null,
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
    semantic,
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
  const server = await new Promise<Server>((resolve, reject) => {
    const fetch = testClock ? withTestClock(app.fetch, testClock) : app.fetch;
    // Without createServer/https options, @hono/node-server's serve makes a node:http Server.
    const s = serve({ fetch, port: config.port, hostname: config.host }, () => resolve(s as Server));
    s.once('error', reject);
  });
  answerClientErrors(server);
  const http = drainableHttp(server);
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  let inbound: InboundSmtpListener | undefined;
  let closing: Promise<ShutdownReport> | undefined;
  /**
   * The shutdown order, all within one bound: stop accepting connections, fail readiness, then at
   * once and side by side let requests in flight finish, tell event streams to reconnect (and end
   * them), stop the worker after its current job and close the reply-by-email listener; the
   * database pool last. Past the bound, open connections are cut and a running job is left to
   * its lease (another worker runs it again once the lease runs out).
   */
  const close = (): Promise<ShutdownReport> => {
    closing ??= (async () => {
      const started = Date.now();
      const deadline = started + config.shutdownTimeoutMs;
      const drained = http.drain();
      lifecycle.beginShutdown();
      const [requests, streams, jobs, replies] = await Promise.all([
        settleBy(drained, deadline),
        settleBy(hub.close(), deadline),
        settleBy(worker.stop(), deadline),
        settleBy(inbound?.close() ?? Promise.resolve(), deadline),
      ]);
      const cut: string[] = [];
      if (requests !== 'done') {
        cut.push(`${http.inFlight} request(s) still in flight (event streams included): connections closed`);
        http.cut();
      }
      if (jobs !== 'done') {
        const job = worker.current;
        cut.push(
          job ? `job ${job.id} (${job.kind}) still running: left to its lease` : `the worker's stop ${jobs}`,
        );
      }
      if (streams !== 'done') cut.push(`the realtime listener's close ${streams}`);
      if (replies !== 'done') cut.push(`the reply-by-email listener's close ${replies}`);
      // What was cut may still hold a connection: the pool gets a second at most past the bound.
      const pool = await settleBy(database.close(), Math.max(deadline, Date.now() + 1_000));
      if (pool !== 'done') cut.push(`the database's close ${pool}`);
      return { clean: cut.length === 0, cut, ms: Date.now() - started };
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

/**
 * On SIGTERM/SIGINT: shuts down in order within the bound, says what it cut, and exits (0 when
 * everything finished in time, 1 when something was cut). A second signal ends the process at once.
 */
export function closeOnSignals(
  server: RunningServer,
  log: (msg: string) => void,
  shutdownTimeoutMs: number,
): void {
  const stop = (signal: string) => {
    log(
      `${signal} received: shutting down within ${shutdownTimeoutMs} ms: no new connections, /readyz 503, ` +
        'requests in flight finish, event streams told to reconnect, the worker stops after its current job, then the database closes',
    );
    // The last resort, should closing itself hang past its own bound.
    setTimeout(() => {
      log(`shutdown still not finished ${shutdownTimeoutMs + 5_000} ms after ${signal}: exiting`);
      process.exit(1);
    }, shutdownTimeoutMs + 5_000).unref();
    server.close().then(
      (report) => {
        if (report.clean) {
          log(`shutdown complete in ${report.ms} ms`);
          process.exit(0);
        }
        log(`shutdown bound of ${shutdownTimeoutMs} ms reached, cut: ${report.cut.join('; ')}`);
        process.exit(1);
      },
      (error: unknown) => {
        log(`shutdown failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
