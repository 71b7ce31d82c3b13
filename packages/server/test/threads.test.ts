import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asLearner, type BookingBody, book, bookableMentor } from './support/booking-fixtures.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { userIdOf } from './support/fixtures.js';
import { call } from './support/http.js';
import {
  asMentor,
  type MessageBody,
  post,
  requestThread,
  type ThreadBody,
} from './support/thread-fixtures.js';

let ctx: TestContext;
let tenant: TestTenant;

beforeAll(async () => {
  ctx = await createTestContext();
});
beforeEach(async () => {
  ctx.clock.set('2026-11-25T12:00:00Z');
  tenant = await ctx.tenant();
});
afterAll(() => ctx.close());

type Page<T> = { data: T[]; nextCursor: string | null };

describe('opening threads', () => {
  it('lets the learner message a matched mentor, once per request and mentor', async () => {
    const { mentor, requestId, thread } = await requestThread(ctx, tenant);
    expect(thread).toMatchObject({
      requestId,
      bookingId: null,
      mentor: { id: mentor.id, name: mentor.name },
      role: 'learner',
      lastMessage: null,
      unreadCount: 0,
    });
    const again = await call<ThreadBody>(ctx.app, 'POST', `/v1/requests/${requestId}/threads`, {
      ...asLearner(tenant),
      body: { mentorId: mentor.id },
    });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(thread.id);
    // The matched mentor "asks for more detail": the same thread, seen from their side.
    const byMentor = await call<ThreadBody>(ctx.app, 'POST', `/v1/requests/${requestId}/threads`, {
      ...asMentor(tenant, 'mentor-1'),
      body: {},
    });
    expect(byMentor.status).toBe(200);
    expect(byMentor.body).toMatchObject({ id: thread.id, role: 'mentor' });
    expect(
      await ctx.db.selectFrom('threads').select('id').where('request_id', '=', requestId).execute(),
    ).toHaveLength(1);
  });

  it('opens with a first message in the same call, posted once, and refuses one too long without opening', async () => {
    const mentor = await bookableMentor(ctx, tenant, {}, { externalId: 'mentor-first' });
    const asked = await call<{ request: { id: string } }>(ctx.app, 'POST', '/v1/requests', {
      ...asLearner(tenant),
      body: { title: 'LEFT JOIN duplicates rows', details: 'Orders show up twice.', urgency: 'flexible' },
    });
    const requestId = asked.body.request.id;
    const open = (body: object) =>
      call<ThreadBody & { code?: string }>(ctx.app, 'POST', `/v1/requests/${requestId}/threads`, {
        ...asLearner(tenant),
        body,
      });
    const tooLong = await open({ mentorId: mentor.id, message: 'x'.repeat(4001) });
    expect(tooLong.status).toBe(400);
    expect(
      await ctx.db.selectFrom('threads').select('id').where('request_id', '=', requestId).execute(),
    ).toEqual([]);

    const opened = await open({
      mentorId: mentor.id,
      message: '  LEFT JOIN duplicates rows\n\nOrders show up twice.  ',
    });
    expect(opened.status, opened.text).toBe(201);
    expect(opened.body.lastMessage).toMatchObject({
      body: 'LEFT JOIN duplicates rows\n\nOrders show up twice.',
      authorRole: 'learner',
    });
    expect(opened.body.unreadCount).toBe(0);
    // Opening it again (a second click) posts nothing more.
    const again = await open({ mentorId: mentor.id, message: 'LEFT JOIN duplicates rows' });
    expect(again.status).toBe(200);
    const messages = await call<Page<MessageBody>>(ctx.app, 'GET', `/v1/threads/${opened.body.id}/messages`, {
      ...asLearner(tenant),
    });
    expect(messages.body.data.map((m) => m.body)).toEqual([
      'LEFT JOIN duplicates rows\n\nOrders show up twice.',
    ]);
    // The mentor sees it unread: something to answer.
    const mentorSide = await call<ThreadBody>(ctx.app, 'GET', `/v1/threads/${opened.body.id}`, {
      ...asMentor(tenant, 'mentor-first'),
    });
    expect(mentorSide.body.unreadCount).toBe(1);
  });

  it('lets a matched mentor open the thread first, and nobody else', async () => {
    const mentor = await bookableMentor(ctx, tenant, {}, { externalId: 'mentor-asks' });
    const asked = await call<{ request: { id: string } }>(ctx.app, 'POST', '/v1/requests', {
      ...asLearner(tenant),
      body: { title: 'SQL joins in PostgreSQL are slow', urgency: 'flexible' },
    });
    const requestId = asked.body.request.id;
    const opened = await call<ThreadBody>(ctx.app, 'POST', `/v1/requests/${requestId}/threads`, {
      ...asMentor(tenant, 'mentor-asks'),
      body: {},
    });
    expect(opened.status, opened.text).toBe(201);
    expect(opened.body).toMatchObject({ role: 'mentor', mentor: { id: mentor.id } });
    // A mentor who was not matched, a mentor naming someone else, and another learner: 404.
    await bookableMentor(
      ctx,
      tenant,
      {},
      { externalId: 'other-mentor', skills: ['react'], bio: 'Frontend.' },
    );
    for (const [who, body] of [
      [asMentor(tenant, 'other-mentor'), {}],
      [asMentor(tenant, 'mentor-asks'), { mentorId: '5b0c3a9e-0000-4000-8000-000000000000' }],
      [asLearner(tenant, 'someone-else'), { mentorId: mentor.id }],
    ] as const) {
      const res = await call<{ code: string }>(ctx.app, 'POST', `/v1/requests/${requestId}/threads`, {
        ...who,
        body,
      });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_found');
    }
  });

  it('refuses a mentor who is not among the matches, and a missing mentorId', async () => {
    const { requestId } = await requestThread(ctx, tenant);
    const stranger = await bookableMentor(
      ctx,
      tenant,
      {},
      { externalId: 'nope', skills: ['react'], bio: 'CSS.' },
    );
    const res = await call<{ code: string }>(ctx.app, 'POST', `/v1/requests/${requestId}/threads`, {
      ...asLearner(tenant),
      body: { mentorId: stranger.id },
    });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('mentor_not_matched');
    const missing = await call<{ code: string }>(ctx.app, 'POST', `/v1/requests/${requestId}/threads`, {
      ...asLearner(tenant),
      body: {},
    });
    expect(missing.status).toBe(400);
  });

  it('gives a chat booking its thread at creation, continuing the request’s thread with that mentor', async () => {
    const { mentor, requestId, thread } = await requestThread(ctx, tenant);
    const booked = await book(ctx, tenant, {
      mentorId: mentor.id,
      start: '2026-11-26T09:00:00Z',
      format: 'chat',
      requestId,
    } as never);
    expect(booked.status, booked.text).toBe(201);
    expect(booked.body.threadId).toBe(thread.id);
    const got = await call<ThreadBody>(ctx.app, 'GET', `/v1/threads/${thread.id}`, asLearner(tenant));
    expect(got.body).toMatchObject({ bookingId: booked.body.id, requestId });

    // Without a request: a thread of its own.
    const plain = await book(ctx, tenant, {
      mentorId: mentor.id,
      start: '2026-11-27T09:00:00Z',
      format: 'chat',
    });
    expect(plain.status, plain.text).toBe(201);
    const own = await call<ThreadBody>(
      ctx.app,
      'GET',
      `/v1/threads/${plain.body.threadId}`,
      asMentor(tenant, 'mentor-1'),
    );
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ bookingId: plain.body.id, requestId: null, role: 'mentor' });
    // Video bookings have none.
    const video = await book(ctx, tenant, { mentorId: mentor.id, start: '2026-11-30T09:00:00Z' });
    expect((video.body as BookingBody).threadId).toBeNull();
  });
});

describe('who may read and post', () => {
  it('is the learner and the mentor; strangers, the program and other tenants get 404', async () => {
    const { thread } = await requestThread(ctx, tenant);
    expect((await post(ctx, thread.id, asLearner(tenant), 'Hi! Can you help?')).status).toBe(201);
    expect((await post(ctx, thread.id, asMentor(tenant, 'mentor-1'), 'Sure, send the query.')).status).toBe(
      201,
    );

    const other = await ctx.tenant();
    const outsiders = [
      asLearner(tenant, 'stranger'),
      asMentor(tenant, 'some-other-mentor'),
      { key: tenant.secretKey },
      { ...asLearner(other, 'learner-1') },
      { ...asMentor(other, 'mentor-1') },
    ];
    for (const who of outsiders) {
      for (const [method, path, body] of [
        ['GET', `/v1/threads/${thread.id}`, undefined],
        ['GET', `/v1/threads/${thread.id}/messages`, undefined],
        ['POST', `/v1/threads/${thread.id}/messages`, { body: 'let me in' }],
        ['POST', `/v1/threads/${thread.id}/read`, {}],
      ] as const) {
        const res = await call<{ code: string }>(ctx.app, method, path, {
          ...who,
          ...(body ? { body } : {}),
        });
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(res.body.code).toBe('not_found');
      }
      const mine = await call<Page<ThreadBody>>(ctx.app, 'GET', '/v1/threads', who);
      if (mine.status === 200) expect(mine.body.data.map((t) => t.id)).not.toContain(thread.id);
    }
    const count = await ctx.db
      .selectFrom('messages')
      .select('id')
      .where('thread_id', '=', thread.id)
      .execute();
    expect(count).toHaveLength(2);
  });
});

describe('messages', () => {
  it('stores plain text trimmed, up to 4000 characters (4001 → 400), never as HTML', async () => {
    const { thread } = await requestThread(ctx, tenant);
    const html = await post(
      ctx,
      thread.id,
      asLearner(tenant),
      '  <b>hi</b> <script>x()</script>\n javascript:alert(1)  ',
    );
    expect(html.status).toBe(201);
    expect(html.body.body).toBe('<b>hi</b> <script>x()</script>\n javascript:alert(1)');
    expect(html.body.authorRole).toBe('learner');

    expect((await post(ctx, thread.id, asLearner(tenant), 'x'.repeat(4000))).status).toBe(201);
    // 4000 characters even when each takes two UTF-16 units.
    expect((await post(ctx, thread.id, asLearner(tenant), '😀'.repeat(4000))).status).toBe(201);
    const long = await post(ctx, thread.id, asLearner(tenant), 'x'.repeat(4001));
    expect(long.status).toBe(400);
    expect(long.body.code).toBe('validation_failed');
    expect(long.text).toContain('body.body');
    for (const bad of ['   ', '\n\t ', 'a\u0000b']) {
      expect((await post(ctx, thread.id, asLearner(tenant), bad)).status).toBe(400);
    }
    const stored = await ctx.db
      .selectFrom('messages')
      .select('id')
      .where('thread_id', '=', thread.id)
      .execute();
    expect(stored).toHaveLength(3);
  });

  it('replays a post with the same Idempotency-Key instead of posting twice', async () => {
    const { thread } = await requestThread(ctx, tenant);
    const key = { 'Idempotency-Key': 'msg-1' };
    const first = await post(ctx, thread.id, asLearner(tenant), 'Once only', key);
    const second = await post(ctx, thread.id, asLearner(tenant), 'Once only', key);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    const other = await post(ctx, thread.id, asLearner(tenant), 'Something else', key);
    expect(other.status).toBe(422);
    const events = await ctx.db
      .selectFrom('events')
      .select('id')
      .where('type', '=', 'message.created')
      .where('tenant_id', '=', tenant.id)
      .execute();
    expect(events).toHaveLength(1);
  });

  it('pages oldest first (or newest first with order=desc), with nothing missed or repeated', async () => {
    const { thread } = await requestThread(ctx, tenant);
    for (let i = 1; i <= 25; i++) {
      const who = i % 2 ? asLearner(tenant) : asMentor(tenant, 'mentor-1');
      expect((await post(ctx, thread.id, who, `message ${i}`)).status).toBe(201);
    }
    async function all(order: 'asc' | 'desc') {
      const bodies: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const q: string = `?order=${order}&limit=10${cursor ? `&cursor=${cursor}` : ''}`;
        const res = await call<Page<MessageBody>>(
          ctx.app,
          'GET',
          `/v1/threads/${thread.id}/messages${q}`,
          asLearner(tenant),
        );
        expect(res.status, res.text).toBe(200);
        bodies.push(...res.body.data.map((m) => m.body));
        cursor = res.body.nextCursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBe(3);
      return bodies;
    }
    const expected = Array.from({ length: 25 }, (_, i) => `message ${i + 1}`);
    expect(await all('asc')).toEqual(expected);
    expect(await all('desc')).toEqual([...expected].reverse());
    // A cursor of one order is refused by the other.
    const first = await call<Page<MessageBody>>(
      ctx.app,
      'GET',
      `/v1/threads/${thread.id}/messages?limit=5`,
      asLearner(tenant),
    );
    const mixed = await call<{ code: string }>(
      ctx.app,
      'GET',
      `/v1/threads/${thread.id}/messages?order=desc&cursor=${first.body.nextCursor}`,
      asLearner(tenant),
    );
    expect(mixed.status).toBe(400);
  });

  it('records message.created for both participants', async () => {
    const { thread } = await requestThread(ctx, tenant);
    // The mentor's user exists once they have signed in.
    await call(ctx.app, 'GET', '/v1/me', asMentor(tenant, 'mentor-1'));
    const sent = await post(ctx, thread.id, asLearner(tenant), 'Ping');
    const event = await ctx.db
      .selectFrom('events')
      .selectAll()
      .where('tenant_id', '=', tenant.id)
      .where('type', '=', 'message.created')
      .executeTakeFirstOrThrow();
    expect([...event.user_ids].sort()).toEqual(
      [await userIdOf(ctx, tenant, 'learner-1'), await userIdOf(ctx, tenant, 'mentor-1')].sort(),
    );
    expect(event.data).toMatchObject({ threadId: thread.id, message: { id: sent.body.id, body: 'Ping' } });
  });
});

describe('read state and unread counts', () => {
  it('counts the other side’s messages after the read mark, which only moves forward', async () => {
    const { thread } = await requestThread(ctx, tenant);
    const mentor = asMentor(tenant, 'mentor-1');
    const m1 = await post(ctx, thread.id, asLearner(tenant), 'one');
    await post(ctx, thread.id, asLearner(tenant), 'two');
    const m3 = await post(ctx, thread.id, asLearner(tenant), 'three');

    const unread = async (who: typeof mentor) => {
      const res = await call<Page<ThreadBody>>(ctx.app, 'GET', '/v1/threads', who);
      expect(res.status).toBe(200);
      return res.body.data.find((t) => t.id === thread.id)!;
    };
    expect((await unread(mentor)).unreadCount).toBe(3);
    expect((await unread(asLearner(tenant))).unreadCount).toBe(0); // your own messages are read

    const marked = await call<ThreadBody>(ctx.app, 'POST', `/v1/threads/${thread.id}/read`, {
      ...mentor,
      body: { messageId: m1.body.id },
    });
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ unreadCount: 2, lastReadMessageId: m1.body.id });

    await call(ctx.app, 'POST', `/v1/threads/${thread.id}/read`, { ...mentor, body: {} });
    expect(await unread(mentor)).toMatchObject({ unreadCount: 0, lastReadMessageId: m3.body.id });
    // Backwards is a no-op.
    const back = await call<ThreadBody>(ctx.app, 'POST', `/v1/threads/${thread.id}/read`, {
      ...mentor,
      body: { messageId: m1.body.id },
    });
    expect(back.body).toMatchObject({ unreadCount: 0, lastReadMessageId: m3.body.id });

    // The mentor replies: unread for the learner, and the mentor's mark moves with their own post.
    const reply = await post(ctx, thread.id, mentor, 'On it');
    expect(await unread(asLearner(tenant))).toMatchObject({
      unreadCount: 1,
      lastMessage: { id: reply.body.id },
    });
    expect(await unread(mentor)).toMatchObject({ unreadCount: 0, lastReadMessageId: reply.body.id });

    // A message id from elsewhere is not found.
    const stray = await call(ctx.app, 'POST', `/v1/threads/${thread.id}/read`, {
      ...mentor,
      body: { messageId: '5b0c3a9e-0000-4000-8000-000000000000' },
    });
    expect(stray.status).toBe(404);
  });

  it('lists my threads most recent first, page by page', async () => {
    const mentor = await bookableMentor(ctx, tenant, {}, { externalId: 'busy-mentor' });
    const ids: string[] = [];
    for (const day of ['26', '27', '30']) {
      const b = await book(ctx, tenant, {
        mentorId: mentor.id,
        start: `2026-11-${day}T09:00:00Z`,
        format: 'chat',
      });
      expect(b.status, b.text).toBe(201);
      ids.push(b.body.threadId!);
      ctx.clock.advance(60_000);
    }
    // Activity moves the oldest thread to the top.
    await post(ctx, ids[0]!, asLearner(tenant), 'bump');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const res = await call<Page<ThreadBody>>(
        ctx.app,
        'GET',
        `/v1/threads${q}`,
        asMentor(tenant, 'busy-mentor'),
      );
      expect(res.status, res.text).toBe(200);
      seen.push(...res.body.data.map((t) => t.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids[0], ids[2], ids[1]]);
    const bad = await call<{ code: string }>(
      ctx.app,
      'GET',
      '/v1/threads?cursor=nonsense',
      asLearner(tenant),
    );
    expect(bad.body.code).toBe('invalid_cursor');
  });
});
