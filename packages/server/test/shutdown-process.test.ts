import { connect, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../src/clock.js';
import { connectDatabase, type DatabaseHandle } from '../src/db/connect.js';
import { recordEvent } from '../src/domain/events/record-event.js';
import { createWebhookEndpoint } from '../src/domain/webhooks/endpoints.js';
import { SecretBox } from '../src/security/keys.js';
import { signUserToken } from '../src/security/user-token.js';
import type { ServeProcess } from './support/cli-process.js';
import { type CliTenant, type ServeProcesses, serveProcesses } from './support/serve-processes.js';
import { openSse, type SseClient } from './support/sse.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

const SERVER_KEY = 'shutdown-process-test-secret-key-0123';
const ORIGIN = 'https://shutdown.example';
/** Due webhook deliveries left by an outage: minutes of work for one worker. */
const BACKLOG = 2_000;

/**
 * The real `micromentor serve` process under SIGTERM with a backlog of due jobs: it stops
 * accepting at once, finishes what is in flight, tells event streams to reconnect, stops its
 * worker between jobs and exits within MICROMENTOR_SHUTDOWN_TIMEOUT_MS, whatever the backlog;
 * past the bound it cuts what is left, says so and exits 1.
 */
describe(`micromentor serve shutting down (${process.env.MM_TEST_DB ?? 'pglite'})`, () => {
  const env = {
    MICROMENTOR_SECRET_KEY: SERVER_KEY,
    MICROMENTOR_WEBHOOKS_ALLOW_PRIVATE: 'true',
    MICROMENTOR_WORKER_POLL_MS: '50',
  };
  // A database each: the backlog one test leaves behind must not be the next one's.
  const drained = serveProcesses({ env, stopAfter: 'each' });
  const stuck = serveProcesses({ env, stopAfter: 'each' });
  const receiver = new WebhookReceiver();
  const sockets: Socket[] = [];
  const streams: SseClient[] = [];

  beforeAll(async () => {
    await receiver.up();
  });
  afterEach(() => {
    receiver.release();
    for (const s of sockets.splice(0)) s.destroy();
    for (const s of streams.splice(0)) s.close();
  });
  afterAll(async () => {
    await receiver.down();
  });

  async function openDatabase(processes: ServeProcesses): Promise<DatabaseHandle> {
    const { env } = processes;
    return connectDatabase(
      processes.database.kind === 'postgres'
        ? { databaseUrl: env.DATABASE_URL }
        : { dataDir: env.MICROMENTOR_DATA_DIR },
    );
  }

  /** A tenant with a webhook endpoint on the receiver and BACKLOG due deliveries (before the server starts). */
  async function tenantWithBacklog(processes: ServeProcesses, name: string): Promise<CliTenant> {
    const tenant = await processes.createTenant(name, ORIGIN);
    const handle = await openDatabase(processes);
    try {
      const { id: tenantId } = await handle.db
        .selectFrom('tenants')
        .select('id')
        .where('name', '=', name)
        .executeTakeFirstOrThrow();
      const ctx = {
        db: handle.db,
        clock: systemClock,
        secretBox: new SecretBox(SERVER_KEY),
        policy: { allowPrivate: true },
      };
      await createWebhookEndpoint(ctx, tenantId, {
        url: receiver.url,
        events: ['request.created'],
        description: '',
        enabled: true,
      });
      // Events recorded the way every route records them: each one's delivery and job in the outbox.
      await handle.db.transaction().execute(async (trx) => {
        const at = new Date(Date.now() - 60_000);
        for (let i = 0; i < BACKLOG; i++) {
          await recordEvent(trx, { tenantId, type: 'request.created', data: { n: i }, at });
        }
      });
    } finally {
      await handle.close();
    }
    return tenant;
  }

  /** Job counts by status once the process is gone. */
  async function jobsByStatus(processes: ServeProcesses): Promise<Record<string, number>> {
    const handle = await openDatabase(processes);
    try {
      const rows = await handle.db
        .selectFrom('jobs')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('kind', '=', 'webhooks.deliver')
        .groupBy('status')
        .execute();
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    } finally {
      await handle.close();
    }
  }

  function learner(tenant: CliTenant) {
    const token = signUserToken({
      secret: tenant.identitySecret,
      sub: 'learner-shutdown',
      name: 'Shut Down',
      ttlSeconds: 600,
      now: new Date(),
    });
    return { Authorization: `Bearer ${tenant.publishableKey}`, 'X-User-Token': token, Origin: ORIGIN };
  }

  async function sawSigterm(server: ServeProcess) {
    await vi.waitFor(() => expect(server.stderr()).toContain('SIGTERM received'), {
      timeout: 5_000,
      interval: 5,
    });
  }

  async function exitOf(server: ServeProcess, withinMs: number) {
    return Promise.race([
      server.exited,
      new Promise<never>((_, reject) =>
        setTimeout(
          () => reject(new Error(`no exit ${withinMs} ms after SIGTERM\nstderr: ${server.stderr()}`)),
          withinMs,
        ),
      ),
    ]);
  }

  /** A raw HTTP/1.1 exchange: writes `head`, returns the socket and everything it receives until closed. */
  function rawRequest(server: ServeProcess, head: string) {
    const socket = connect(server.port, '127.0.0.1');
    sockets.push(socket);
    let received = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => {
      received += chunk;
    });
    // The server may close while the request is still being written (a 431): what it answered counts.
    socket.on('error', () => {});
    const closed = new Promise<string>((resolve) => socket.once('close', () => resolve(received)));
    socket.write(head);
    return { socket, closed };
  }

  function parseResponse(raw: string) {
    const split = raw.indexOf('\r\n\r\n');
    const [statusLine, ...headerLines] = raw.slice(0, split).split('\r\n');
    const headers = Object.fromEntries(
      headerLines.map((line) => {
        const colon = line.indexOf(':');
        return [line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim()];
      }),
    );
    return { status: Number(statusLine!.split(' ')[1]), headers, body: raw.slice(split + 4) };
  }

  it(`exits 0 within the bound under ${BACKLOG} due webhook jobs: an upload in flight is answered, streams are told to reconnect, the worker stops after its current job`, {
    timeout: 240_000,
  }, async () => {
    const tenant = await tenantWithBacklog(drained, 'Backlog');
    receiver.delayMs = 300; // BACKLOG × 300 ms: ten minutes of deliveries
    const server = await drained.serve();
    await vi.waitFor(() => expect(receiver.received.length).toBeGreaterThanOrEqual(3), {
      timeout: 60_000,
      interval: 20,
    });

    const stream = await openSse(`${server.baseUrl}/v1/events`, learner(tenant));
    streams.push(stream);
    expect(stream.status).toBe(200);
    await stream.waitFor((_, comments) => comments.includes('connected'));

    // A request whose body is still arriving when SIGTERM comes.
    const body = JSON.stringify({ title: 'Why does my query ignore the index?', urgency: 'flexible' });
    const half = Math.floor(body.length / 2);
    const headers = Object.entries({ ...learner(tenant), 'Content-Type': 'application/json' })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    const upload = rawRequest(
      server,
      `POST /v1/requests HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n${headers}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, half)}`,
    );
    await new Promise((r) => setTimeout(r, 200));

    const sentAt = Date.now();
    server.child.kill('SIGTERM');
    await sawSigterm(server);
    // No new connection is taken any more…
    await expect(fetch(`${server.baseUrl}/readyz`)).rejects.toThrow();
    // …while the upload in flight is still answered, and its connection then closed.
    upload.socket.write(body.slice(half));
    const answer = parseResponse(await upload.closed);
    expect(answer.status, answer.body).toBe(201);
    expect(answer.headers.connection).toBe('close');

    // The open stream's last frame says reconnect, and the stream ends.
    await stream.ended;
    expect(stream.events.at(-1)).toMatchObject({ event: 'reconnect', data: '' });
    expect(stream.events.at(-1)!.retry).toBeGreaterThanOrEqual(500);

    const { code, signal } = await exitOf(server, 12_000);
    const took = Date.now() - sentAt;
    expect(signal).toBeNull();
    expect(code, server.stderr()).toBe(0);
    // The default bound is 10 s; one 300 ms delivery was all that had to finish.
    expect(took).toBeLessThan(5_000);
    expect(server.stderr()).toMatch(/shutdown complete in \d+ ms/);

    // Between jobs: nothing left running or leased, the backlog waits for the next process.
    const jobs = await jobsByStatus(drained);
    expect(jobs.running ?? 0).toBe(0);
    expect(jobs.done).toBe(receiver.acceptedIds().size);
    expect(jobs.pending).toBeGreaterThan(BACKLOG - 200);
    expect((jobs.done ?? 0) + (jobs.pending ?? 0)).toBe(BACKLOG + 1); // + the upload's request.created
  });

  it('past MICROMENTOR_SHUTDOWN_TIMEOUT_MS cuts the job in flight (left to its lease), refusing connections until it exits 1', {
    timeout: 240_000,
  }, async () => {
    await tenantWithBacklog(stuck, 'Stuck');
    receiver.delayMs = 0;
    receiver.hold(BACKLOG); // the receiver never answers: each delivery waits for its 10 s timeout
    const before = receiver.received.length;
    const server = await stuck.serve([], { ...stuck.env, MICROMENTOR_SHUTDOWN_TIMEOUT_MS: '3000' });
    await vi.waitFor(() => expect(receiver.received.length).toBe(before + 1), {
      timeout: 60_000,
      interval: 20,
    });

    const sentAt = Date.now();
    server.child.kill('SIGTERM');
    await sawSigterm(server);
    // Shutting down, still alive, and taking no connection.
    await expect(fetch(`${server.baseUrl}/readyz`)).rejects.toThrow();
    await expect(fetch(`${server.baseUrl}/healthz`)).rejects.toThrow();
    expect(server.child.exitCode).toBeNull();

    const { code } = await exitOf(server, 12_000);
    const took = Date.now() - sentAt;
    expect(code).toBe(1);
    expect(took).toBeGreaterThanOrEqual(2_900);
    expect(took).toBeLessThan(3_000 + 3_000);
    expect(server.stderr()).toMatch(
      /shutdown bound of 3000 ms reached, cut: job [0-9a-f-]{36} \(webhooks\.deliver\) still running: left to its lease/,
    );
    // Only the delivery in flight stays leased; the rest of its batch went back to the queue.
    expect(await jobsByStatus(stuck)).toEqual({ running: 1, pending: BACKLOG - 1 });
  });

  it('answers oversized headers (100 KB) with a problem+json 431 instead of a bare status line', {
    timeout: 150_000,
  }, async () => {
    const server = await drained.serve([], { ...drained.env, MICROMENTOR_WORKER: 'off' });
    const { closed } = rawRequest(
      server,
      `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Padding: ${'a'.repeat(100 * 1024)}\r\n\r\n`,
    );
    const answer = parseResponse(await closed);
    expect(answer.status).toBe(431);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers.connection).toBe('close');
    expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.body));
    expect(JSON.parse(answer.body)).toEqual({
      type: '/docs#error-request_header_fields_too_large',
      title: 'Request Header Fields Too Large',
      status: 431,
      code: 'request_header_fields_too_large',
      detail: expect.stringContaining('headers are larger than this server accepts'),
      requestId: expect.stringMatching(/^req_/),
    });
    // Malformed requests get the same treatment, and the server goes on serving.
    const garbage = parseResponse(await rawRequest(server, 'NOT HTTP AT ALL\r\n\r\n').closed);
    expect(garbage.status).toBe(400);
    expect(JSON.parse(garbage.body)).toMatchObject({ code: 'bad_request' });
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
  });
});
