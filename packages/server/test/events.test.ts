import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { pollingHub } from '../src/realtime/hub.js';
import { asLearner } from './support/booking-fixtures.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { userIdOf } from './support/fixtures.js';
import { type CallOptions, call } from './support/http.js';
import { listen } from './support/http-server.js';
import { openSse, type SseClient, type SseEvent } from './support/sse.js';
import { asMentor, post, requestThread, type ThreadBody } from './support/thread-fixtures.js';

let ctx: TestContext;
let server: { url: string; close(): Promise<void> };
let tenant: TestTenant;
let thread: ThreadBody;
const open: SseClient[] = [];

beforeAll(async () => {
  ctx = await createTestContext();
  server = await listen(ctx.app);
});
beforeEach(async () => {
  tenant = await ctx.tenant();
  ({ thread } = await requestThread(ctx, tenant));
  // The mentor's user exists once they have signed in (then they receive their events).
  await call(ctx.app, 'GET', '/v1/me', asMentor(tenant, 'mentor-1'));
});
afterAll(async () => {
  for (const c of open) c.close();
  await server.close();
  await ctx.close();
});

function headersOf(who: CallOptions, extra: Record<string, string> = {}): Record<string, string> {
  return {
    Authorization: `Bearer ${who.key}`,
    ...(who.token ? { 'X-User-Token': who.token } : {}),
    ...(who.origin ? { Origin: who.origin } : {}),
    ...extra,
  };
}

async function subscribe(who: CallOptions, extra: Record<string, string> = {}, query = '') {
  const client = await openSse(`${server.url}/v1/events${query}`, headersOf(who, extra));
  open.push(client);
  if (client.status === 200) await client.waitFor((_, comments) => comments.includes('connected'));
  return client;
}

const messages = (events: SseEvent[]) =>
  events
    .filter((e) => e.event === 'message.created')
    .map((e) => (JSON.parse(e.data) as { data: { message: { body: string } } }).data.message.body);

/** Resolves once the hub has `n` streams: a closed client's stream has really ended. */
async function streamsOpen(n: number) {
  const deadline = Date.now() + 5_000;
  while (ctx.hub.listenerCount !== n) {
    if (Date.now() > deadline) throw new Error(`${ctx.hub.listenerCount} streams open, expected ${n}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('GET /v1/events', () => {
  it('delivers a new message live to both participants, as id/event/data', async () => {
    const learner = await subscribe(asLearner(tenant));
    const mentor = await subscribe(asMentor(tenant, 'mentor-1'));
    expect(learner.headers.get('content-type')).toContain('text/event-stream');
    const sent = await post(ctx, thread.id, asLearner(tenant), 'Hello, live!');
    expect(sent.status).toBe(201);
    for (const client of [learner, mentor]) {
      const events = await client.waitFor((e) => messages(e).length === 1);
      const [event] = events;
      const row = await ctx.db
        .selectFrom('events')
        .select('id')
        .where('tenant_id', '=', tenant.id)
        .where('type', '=', 'message.created')
        .executeTakeFirstOrThrow();
      expect(event!.id).toBe(String(row.id));
      expect(event!.event).toBe('message.created');
      expect(JSON.parse(event!.data)).toEqual({
        type: 'message.created',
        data: expect.objectContaining({ threadId: thread.id, message: sent.body }),
        createdAt: '2026-11-25T12:00:00.000Z',
      });
      client.close();
    }
    await streamsOpen(0);
  });

  it('replays what was missed after Last-Event-ID (or ?after=), in order, without duplicates, then goes on live', async () => {
    const first = await subscribe(asLearner(tenant));
    await post(ctx, thread.id, asMentor(tenant, 'mentor-1'), 'one');
    const [seen] = await first.waitFor((e) => messages(e).length === 1);
    first.close();
    await streamsOpen(0);

    await post(ctx, thread.id, asMentor(tenant, 'mentor-1'), 'two');
    await post(ctx, thread.id, asLearner(tenant), 'three');

    for (const resume of [
      (id: string) => subscribe(asLearner(tenant), { 'Last-Event-ID': id }),
      (id: string) => subscribe(asLearner(tenant), {}, `?after=${id}`),
    ]) {
      const again = await resume(seen!.id!);
      await again.waitFor((e) => messages(e).length === 2);
      expect(messages(again.events)).toEqual(['two', 'three']);
      const ids = again.events.map((e) => Number(e.id));
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(Math.min(...ids)).toBeGreaterThan(Number(seen!.id));
      again.close();
    }
    const live = await subscribe(asLearner(tenant), { 'Last-Event-ID': seen!.id! });
    await live.waitFor((e) => messages(e).length === 2);
    await post(ctx, thread.id, asMentor(tenant, 'mentor-1'), 'four');
    await live.waitFor((e) => messages(e).length === 3);
    // One more heartbeat: nothing arrives twice.
    const beats = live.comments.length;
    await live.waitFor((_, c) => c.length >= beats + 2);
    expect(messages(live.events)).toEqual(['two', 'three', 'four']);
    live.close();
  });

  it('without Last-Event-ID sends only what happens from now on', async () => {
    await post(ctx, thread.id, asMentor(tenant, 'mentor-1'), 'before');
    const client = await subscribe(asLearner(tenant));
    await post(ctx, thread.id, asMentor(tenant, 'mentor-1'), 'after');
    await client.waitFor((e) => messages(e).length >= 1);
    const beats = client.comments.length;
    await client.waitFor((_, c) => c.length >= beats + 1);
    expect(messages(client.events)).toEqual(['after']);
    client.close();
  });

  it('sends heartbeat comments, and reports presence for mentors only', async () => {
    const mentor = await subscribe(asMentor(tenant, 'mentor-1'));
    const learner = await subscribe(asLearner(tenant));
    await mentor.waitFor((_, c) => c.filter((x) => x === 'heartbeat').length >= 3, 5_000);
    await learner.waitFor((_, c) => c.filter((x) => x === 'heartbeat').length >= 3, 5_000);
    const mentorUser = await userIdOf(ctx, tenant, 'mentor-1');
    const learnerUser = await userIdOf(ctx, tenant, 'learner-1');
    const mine = ctx.presence.filter(([t]) => t === tenant.id);
    expect(mine.filter(([, u]) => u === mentorUser).length).toBeGreaterThanOrEqual(3);
    expect(mine.filter(([, u]) => u === learnerUser)).toEqual([]);
    mentor.close();
    learner.close();
    await streamsOpen(0);
    // Closed streams stop reporting.
    const after = ctx.presence.length;
    await new Promise((r) => setTimeout(r, 500));
    expect(ctx.presence.length).toBe(after);
  });

  it('never delivers another user’s events, nor another tenant’s', async () => {
    const other = await ctx.tenant();
    await requestThread(ctx, other); // the same host user ids in another tenant
    await call(ctx.app, 'GET', '/v1/me', asMentor(other, 'mentor-1'));
    const stranger = await subscribe(asLearner(tenant, 'stranger'));
    const otherLearner = await subscribe(asLearner(other, 'learner-1'));
    const otherMentor = await subscribe(asMentor(other, 'mentor-1'));
    const learner = await subscribe(asLearner(tenant));
    await post(ctx, thread.id, asMentor(tenant, 'mentor-1'), 'private');
    await learner.waitFor((e) => messages(e).length === 1);
    // Two heartbeats later (each re-reads the table), still nothing for the others.
    for (const c of [stranger, otherLearner, otherMentor]) {
      const beats = c.comments.length;
      await c.waitFor((_, comments) => comments.length >= beats + 2);
      expect(c.events).toEqual([]);
      c.close();
    }
    learner.close();
  });

  it('needs a user, and refuses a malformed Last-Event-ID', async () => {
    const program = await subscribe({ key: tenant.secretKey });
    expect(program.status).toBe(401);
    const bad = await subscribe(asLearner(tenant), { 'Last-Event-ID': 'abc' });
    expect(bad.status).toBe(400);
    const badQuery = await subscribe(asLearner(tenant), {}, '?after=-1');
    expect(badQuery.status).toBe(400);
  });

  it('ends every stream when the hub closes (server shutdown)', async () => {
    const hub = pollingHub({ heartbeatMs: 200 });
    const config = { secretKey: 'test-server-secret-key-0123456789', logError: () => {} };
    const own = await listen(createApp({ db: ctx.db, clock: ctx.clock, hub, config }));
    const client = await openSse(`${own.url}/v1/events`, headersOf(asLearner(tenant)));
    expect(client.status).toBe(200);
    await client.waitFor((_, c) => c.includes('connected'));
    expect(hub.listenerCount).toBe(1);
    await hub.close();
    await client.ended;
    expect(hub.listenerCount).toBe(0);
    // Its last frame tells it to reconnect (elsewhere), with no data an app would take for an event.
    const last = client.events.at(-1);
    expect(last).toEqual({ id: undefined, event: 'reconnect', data: '', retry: expect.any(Number) });
    expect(last!.retry).toBeGreaterThanOrEqual(500);
    expect(last!.retry).toBeLessThanOrEqual(3_000);
    const refused = await openSse(`${own.url}/v1/events`, headersOf(asLearner(tenant)));
    expect(refused.status).toBe(503);
    await own.close();
  });
  it('caps open streams per user and per key (429 too_many_streams before the stream starts), freeing a place when one closes', async () => {
    const hub = pollingHub({ heartbeatMs: 200, maxStreamsPerUser: 2, maxStreamsPerKey: 3 });
    const config = { secretKey: 'test-server-secret-key-0123456789', logError: () => {} };
    const own = await listen(createApp({ db: ctx.db, clock: ctx.clock, hub, config }));
    const streams: SseClient[] = [];
    const openAs = async (who: CallOptions) => {
      const client = await openSse(`${own.url}/v1/events`, headersOf(who));
      streams.push(client);
      if (client.status === 200) await client.waitFor((_, c) => c.includes('connected'));
      return client;
    };
    /** Opens one more stream as `who`, which must be refused: the problem's body. */
    const refused = async (who: CallOptions) => {
      const res = await fetch(`${own.url}/v1/events`, { headers: headersOf(who) });
      expect(res.status).toBe(429);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      return (await res.json()) as { status: number; code: string; detail: string };
    };
    try {
      const first = await openAs(asLearner(tenant, 'capped'));
      expect((await openAs(asLearner(tenant, 'capped'))).status).toBe(200);
      // The user's third: refused with a problem that says why, and no stream was counted for it.
      expect(await refused(asLearner(tenant, 'capped'))).toMatchObject({
        status: 429,
        code: 'too_many_streams',
        detail: expect.stringContaining('This user already has 2 live event streams open'),
      });
      expect(hub.listenerCount).toBe(2);

      // Another user on the same publishable key takes the key's last place; a third user is refused.
      expect((await openAs(asLearner(tenant, 'other'))).status).toBe(200);
      expect(await refused(asLearner(tenant, 'third'))).toMatchObject({
        code: 'too_many_streams',
        detail: expect.stringContaining('This API key already has 3 live event streams open'),
      });
      // The secret key is another key: its streams are counted apart.
      const backend = {
        key: tenant.secretKey,
        token: tenant.token({ sub: 'backend-user', name: 'Backend' }),
      };
      expect((await openAs(backend)).status).toBe(200);

      // A client that goes away frees its place at once: the same user gets in again.
      first.close();
      await first.ended;
      const deadline = Date.now() + 5_000;
      let again = await openAs(asLearner(tenant, 'capped'));
      while (again.status === 429 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
        again = await openAs(asLearner(tenant, 'capped'));
      }
      expect(again.status).toBe(200);
      // …and that place is taken again.
      expect((await refused(asLearner(tenant, 'capped'))).code).toBe('too_many_streams');
    } finally {
      for (const client of streams) client.close();
      await hub.close();
      await own.close();
    }
  });
});
