import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { createRealtimeHub, HUB_APPLICATION_NAME, type RealtimeHub } from '../src/realtime/hub.js';
import { signUserToken } from '../src/security/user-token.js';
import { runCli } from './support/cli-process.js';
import { createTestContext, type TestContext } from './support/context.js';
import { mentorInput } from './support/fixtures.js';
import { listen } from './support/http-server.js';
import { serveProcesses } from './support/serve-processes.js';
import { openSse } from './support/sse.js';
import { asMentor, post, requestThread } from './support/thread-fixtures.js';

/**
 * PostgreSQL only (see vitest.config.ts): live events cross server processes through
 * LISTEN/NOTIFY, and the listening connection comes back after it is cut.
 */

const messageBodies = (events: { event: string | undefined; data: string }[]) =>
  events
    .filter((e) => e.event === 'message.created')
    .map((e) => (JSON.parse(e.data) as { data: { message: { body: string } } }).data.message.body);

describe('the PostgreSQL listener', () => {
  let ctx: TestContext;
  let hub: RealtimeHub;
  let databaseName: string;

  beforeAll(async () => {
    ctx = await createTestContext();
    const row = await ctx.db
      .selectNoFrom((eb) => eb.fn<string>('current_database', []).as('name'))
      .executeTakeFirstOrThrow();
    databaseName = row.name;
  });
  afterAll(async () => {
    await hub?.close();
    await ctx.close();
  });

  async function listenerPids(): Promise<number[]> {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      const res = await admin.query<{ pid: number }>(
        'select pid from pg_stat_activity where application_name = $1 and datname = $2',
        [HUB_APPLICATION_NAME, databaseName],
      );
      return res.rows.map((r) => r.pid);
    } finally {
      await admin.end();
    }
  }

  it('reconnects after its connection is killed, and streams still get events live', async () => {
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${databaseName}`;
    // A heartbeat far away: only a notification can deliver within the test's wait.
    hub = await createRealtimeHub(
      { kind: 'postgres', databaseUrl: url.toString() },
      { heartbeatMs: 60_000, reconnectMs: 50, onError: () => {} },
    );
    const config = { secretKey: 'test-server-secret-key-0123456789', logError: () => {} };
    const server = await listen(createApp({ db: ctx.db, clock: ctx.clock, hub, config }));
    try {
      const tenant = await ctx.tenant();
      const { thread } = await requestThread(ctx, tenant);
      const learner = {
        key: tenant.publishableKey,
        origin: tenant.origin,
        token: tenant.token({ sub: 'learner-1' }),
      };
      const before = await listenerPids(); // the context's hub and this one
      expect(before.length).toBe(2);
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query('select pg_terminate_backend(pid) from unnest($1::int[]) pid', [before]);
      await admin.end();
      // Both hubs come back on new connections.
      const deadline = Date.now() + 10_000;
      let after: number[] = [];
      while (Date.now() < deadline) {
        after = await listenerPids();
        if (after.length === 2 && after.every((p) => !before.includes(p))) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(after.filter((p) => !before.includes(p))).toHaveLength(2);

      const client = await openSse(`${server.url}/v1/events`, {
        Authorization: `Bearer ${learner.key}`,
        Origin: learner.origin,
        'X-User-Token': learner.token,
      });
      await client.waitFor((_, c) => c.includes('connected'));
      await post(ctx, thread.id, asMentor(tenant, 'mentor-1'), 'after the cut');
      await client.waitFor((e) => messageBodies(e).length === 1, 5_000);
      client.close();
    } finally {
      await server.close();
    }
  });
});

describe('events committed out of id order', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('are still delivered live: an id taken before a later one but committed after it is not skipped', async () => {
    const server = await listen(ctx.app);
    const tenant = await ctx.tenant();
    const learner = {
      key: tenant.publishableKey,
      origin: tenant.origin,
      token: tenant.token({ sub: 'learner-1' }),
    };
    const client = await openSse(`${server.url}/v1/events`, {
      Authorization: `Bearer ${learner.key}`,
      Origin: learner.origin,
      'X-User-Token': learner.token,
    });
    await client.waitFor((_, c) => c.includes('connected'));
    const user = await ctx.db
      .selectFrom('users')
      .select('id')
      .where('tenant_id', '=', tenant.id)
      .executeTakeFirstOrThrow();
    const insert = `insert into events (tenant_id, type, data, user_ids, created_at)
      values ($1, 'message.created', $2, array[$3]::uuid[], now()) returning id`;
    const notify = `select pg_notify('mm_events', json_build_object('tenantId', $1::text)::text)`;
    const slow = new pg.Client({ connectionString: await urlOf(ctx) });
    await slow.connect();
    try {
      await slow.query('begin');
      const early = await slow.query<{ id: string }>(insert, [tenant.id, '{"n":"early"}', user.id]);
      // A later id commits first and is delivered.
      await ctx.db.transaction().execute(async (trx) => {
        const { recordEvent } = await import('../src/domain/events/record-event.js');
        await recordEvent(trx, {
          tenantId: tenant.id,
          type: 'message.created',
          data: { n: 'late' },
          userIds: [user.id],
          at: new Date(),
        });
      });
      await client.waitFor((e) => e.length === 1);
      expect(Number(client.events[0]!.id)).toBeGreaterThan(Number(early.rows[0]!.id));
      await slow.query(notify, [tenant.id]);
      await slow.query('commit');
      await client.waitFor((e) => e.length === 2, 5_000);
      expect(client.events[1]!.id).toBe(String(early.rows[0]!.id));
      // And neither comes twice over the next heartbeats.
      const beats = client.comments.length;
      await client.waitFor((_, c) => c.length >= beats + 3);
      expect(client.events).toHaveLength(2);
    } finally {
      await slow.end();
      client.close();
      await server.close();
    }
  });
});

async function urlOf(ctx: TestContext): Promise<string> {
  const row = await ctx.db
    .selectNoFrom((eb) => eb.fn<string>('current_database', []).as('name'))
    .executeTakeFirstOrThrow();
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${row.name}`;
  return url.toString();
}

describe('two server processes on one PostgreSQL', () => {
  const processes = serveProcesses({ env: { MICROMENTOR_WORKER: 'off' } });

  it('deliver a message posted through process A to an SSE client of process B', async () => {
    const migrated = await runCli(['migrate'], processes.env, 90_000);
    expect(migrated.code, migrated.stderr).toBe(0);
    const tenant = await processes.createTenant('Two processes', 'https://two.example');
    const [a, b] = await Promise.all([processes.serve(), processes.serve()]);

    const as = (sub: string, roles: ('mentor' | 'admin')[] = []) => ({
      Authorization: `Bearer ${tenant.secretKey}`,
      'X-User-Token': signUserToken({
        secret: tenant.identitySecret,
        sub,
        name: sub,
        roles,
        ttlSeconds: 600,
      }),
      'Content-Type': 'application/json',
    });
    const api = async <T>(
      base: string,
      method: string,
      path: string,
      headers: Record<string, string>,
      body?: unknown,
    ) => {
      const res = await fetch(`${base}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
      return JSON.parse(text) as T;
    };
    const mentor = await api<{ id: string }>(
      a.baseUrl,
      'POST',
      '/v1/mentors',
      as('admin', ['admin']),
      mentorInput({ externalId: 'mentor-1' }),
    );
    const asked = await api<{ request: { id: string }; matches: { mentor: { id: string } }[] }>(
      a.baseUrl,
      'POST',
      '/v1/requests',
      as('learner-1'),
      { title: 'Help with SQL joins in PostgreSQL', urgency: 'flexible' },
    );
    expect(asked.matches.map((m) => m.mentor.id)).toContain(mentor.id);
    const thread = await api<{ id: string }>(
      a.baseUrl,
      'POST',
      `/v1/requests/${asked.request.id}/threads`,
      as('learner-1'),
      {
        mentorId: mentor.id,
      },
    );
    await api(b.baseUrl, 'GET', '/v1/me', as('mentor-1', ['mentor'])); // the mentor signs in on B

    const onB = await openSse(`${b.baseUrl}/v1/events`, as('mentor-1', ['mentor']));
    expect(onB.status).toBe(200);
    await onB.waitFor((_, c) => c.includes('connected'));
    const sentAt = Date.now();
    await api(a.baseUrl, 'POST', `/v1/threads/${thread.id}/messages`, as('learner-1'), {
      body: 'Across processes',
    });
    await onB.waitFor((e) => messageBodies(e).length === 1, 10_000);
    // Well inside B's 15 s heartbeat: the notification carried it, not a periodic read.
    expect(Date.now() - sentAt).toBeLessThan(5_000);
    expect(onB.comments).not.toContain('heartbeat');
    onB.close();
  }, 240_000);
});
