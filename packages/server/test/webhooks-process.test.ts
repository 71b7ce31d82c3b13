import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyWebhook } from '../../sdk/src/node/index.js';
import { connectDatabase } from '../src/db/connect.js';
import { jobHandlers } from '../src/jobs/handlers.js';
import { createWorker } from '../src/jobs/worker.js';
import { SecretBox } from '../src/security/keys.js';
import { signUserToken } from '../src/security/user-token.js';
import { serveProcesses } from './support/serve-processes.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

const SERVER_KEY = 'webhook-process-test-secret-key-0123';
const ORIGIN = 'https://hooks-process.example';

/**
 * A real `micromentor serve` process is killed (SIGKILL) while its worker's webhook POST is in
 * flight. The job it had claimed stays leased to the dead worker; once the lease has run out,
 * another worker on the same database delivers it: nothing is lost, and the receiver sees the
 * same webhook-id twice (at-least-once, deduplicable).
 */
describe(`a server process killed mid-delivery (${process.env.MM_TEST_DB ?? 'pglite'})`, () => {
  const processes = serveProcesses({
    env: {
      MICROMENTOR_SECRET_KEY: SERVER_KEY,
      MICROMENTOR_WEBHOOKS_ALLOW_PRIVATE: 'true',
      MICROMENTOR_WORKER_POLL_MS: '50',
    },
  });
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    await receiver.up();
  });
  afterAll(async () => {
    receiver.release();
    await receiver.down();
  });

  it('loses nothing: another worker delivers the same webhook-id after the lease', async () => {
    const { env } = processes;
    const tenant = await processes.createTenant('Hooks', ORIGIN);

    const server = await processes.serve();
    const hook = await fetch(`${server.baseUrl}/v1/admin/webhooks`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${tenant.secretKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: receiver.url, events: ['request.created'] }),
    });
    expect(hook.status).toBe(201);
    const endpoint = (await hook.json()) as { id: string; secret: string };

    receiver.hold(1); // the first POST is taken and never answered
    const token = signUserToken({
      secret: tenant.identitySecret,
      sub: 'learner-proc',
      name: 'Proc Learner',
      ttlSeconds: 600,
      now: new Date(),
    });
    const asked = await fetch(`${server.baseUrl}/v1/requests`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${tenant.publishableKey}`,
        'X-User-Token': token,
        Origin: ORIGIN,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ title: 'Why is my index not used?', urgency: 'flexible' }),
    });
    expect(asked.status).toBe(201);
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 30_000, interval: 50 });

    server.kill();
    expect((await server.exited).signal).toBe('SIGKILL');

    const handle = await connectDatabase(
      processes.database.kind === 'postgres'
        ? { databaseUrl: env.DATABASE_URL }
        : { dataDir: env.MICROMENTOR_DATA_DIR },
    );
    try {
      const leased = await handle.db
        .selectFrom('jobs')
        .selectAll()
        .where('kind', '=', 'webhooks.deliver')
        .executeTakeFirstOrThrow();
      expect(leased.status).toBe('running');
      const survivor = createWorker({
        db: handle.db,
        // The dead worker's 60 s lease has run out.
        clock: { now: () => new Date(Date.now() + 61_000) },
        handlers: jobHandlers({ secretBox: new SecretBox(SERVER_KEY), webhooks: { allowPrivate: true } }),
      });
      expect(await survivor.drain()).toBe(1);
      expect(receiver.received).toHaveLength(2);
      expect(receiver.ids().size).toBe(1);
      expect(receiver.acceptedIds()).toEqual(receiver.ids());
      for (const received of receiver.received) {
        const event = verifyWebhook({
          payload: received.body,
          headers: received.headers,
          secret: endpoint.secret,
          now: new Date(Number(received.headers['webhook-timestamp']) * 1000),
        });
        expect(event.type).toBe('request.created');
      }
      const delivery = await handle.db
        .selectFrom('webhook_deliveries')
        .selectAll()
        .where('endpoint_id', '=', endpoint.id)
        .executeTakeFirstOrThrow();
      expect(delivery.status).toBe('delivered');
      const job = await handle.db
        .selectFrom('jobs')
        .select('status')
        .where('id', '=', leased.id)
        .executeTakeFirstOrThrow();
      expect(job.status).toBe('done');
    } finally {
      await handle.close();
    }
  }, 240_000);
});
