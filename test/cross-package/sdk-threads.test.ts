import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LiveEvent,
  type Mentor,
  type Message,
  NotFoundError,
  type Thread,
  ValidationError,
} from '../../packages/sdk/src/index.js';
import { ALL_WEEK, failure, type RecordedCall, type SdkTenant, sdkTenant } from './sdk-fixtures.js';
import { type RunningApi, startApi } from './support.js';

// mm.threads and mm.events.subscribe against the real server over HTTP.
let api: RunningApi;
let tenant: SdkTenant;
let mentor: Mentor;

beforeAll(async () => {
  api = await startApi();
  tenant = await sdkTenant(api);
  const mm = tenant.backend();
  mentor = await mm.mentors.create({
    externalId: 'mentor-sql',
    name: 'Priya Sql',
    headline: 'Database engineer',
    bio: 'I tune PostgreSQL query plans and teach joins.',
    skills: ['postgresql', 'sql', 'sql-joins'],
    yearsExperience: 9,
    timeZone: 'Europe/Lisbon',
    formats: ['video', 'call', 'chat'],
  });
  await mm.mentors.availability.set(mentor.id, ALL_WEEK);
});
afterAll(() => api?.close());

async function openThread(learnerSub: string): Promise<Thread> {
  const learner = tenant.browser(learnerSub);
  const { request, matches } = await learner.requests.create({
    title: 'My LEFT JOIN returns duplicate rows in PostgreSQL',
    urgency: 'flexible',
  });
  expect(matches.map((m) => m.mentor.id)).toContain(mentor.id);
  return learner.threads.startForRequest(request.id, { mentorId: mentor.id });
}

const until = async (check: () => boolean, what: string, ms = 10_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('threads through the SDK', () => {
  it('opens a thread, posts, pages messages with for await, and tracks unread counts', async () => {
    const learner = tenant.browser('learner-threads');
    const mentorClient = tenant.browser('mentor-sql');
    const thread = await openThread('learner-threads');
    expect(thread).toMatchObject({ role: 'learner', mentor: { id: mentor.id }, unreadCount: 0 });
    // Idempotent: opening again gives the same thread.
    const again = await learner.threads.startForRequest(thread.requestId!, { mentorId: mentor.id });
    expect(again.id).toBe(thread.id);

    for (let i = 1; i <= 7; i++) await learner.threads.post(thread.id, { body: `  message ${i}  ` });
    const bodies: string[] = [];
    for await (const message of mentorClient.threads.messages(thread.id, { limit: 3 }))
      bodies.push(message.body);
    expect(bodies).toEqual(Array.from({ length: 7 }, (_, i) => `message ${i + 1}`));
    const latest = await mentorClient.threads.messages(thread.id, { order: 'desc', limit: 2 });
    expect(latest.data.map((m) => m.body)).toEqual(['message 7', 'message 6']);

    const mine = await mentorClient.threads.list();
    expect(mine.data.find((t) => t.id === thread.id)).toMatchObject({ role: 'mentor', unreadCount: 7 });
    const read = await mentorClient.threads.markRead(thread.id);
    expect(read.unreadCount).toBe(0);
    expect((await mentorClient.threads.get(thread.id)).lastReadMessageId).toBe(latest.data[0]!.id);

    const tooLong = await failure(learner.threads.post(thread.id, { body: 'x'.repeat(4001) }));
    expect(tooLong).toBeInstanceOf(ValidationError);
    expect((tooLong as ValidationError).errors.map((e) => e.path)).toContain('body.body');
    const stranger = await failure(tenant.browser('someone-else').threads.get(thread.id));
    expect(stranger).toBeInstanceOf(NotFoundError);
  });
});

describe('events.subscribe', () => {
  it('receives messages live, and after the server cuts the connection reconnects with Last-Event-ID: nothing lost, nothing twice', async () => {
    const thread = await openThread('learner-live');
    const learner = tenant.browser('learner-live');
    const calls: RecordedCall[] = [];
    const mentorClient = tenant.browser('mentor-sql', calls);
    await mentorClient.me.get(); // signs the mentor's user in

    const received: LiveEvent[] = [];
    const errors: unknown[] = [];
    let opens = 0;
    const controller = new AbortController();
    const subscription = mentorClient.events.subscribe({
      onEvent: (event) => received.push(event),
      onError: (error) => errors.push(error),
      onOpen: () => {
        opens += 1;
      },
      signal: controller.signal,
      baseDelayMs: 1_500,
    });
    await until(() => opens === 1, 'the first connection');
    const bodies = () =>
      received
        .filter((e) => e.type === 'message.created')
        .map((e) => (e.data as { message: Message }).message.body);

    await learner.threads.post(thread.id, { body: 'live one' });
    await until(() => bodies().length === 1, 'the live message');
    expect(received[0]).toMatchObject({ type: 'message.created', id: expect.stringMatching(/^\d+$/) });
    expect(subscription.lastEventId).toBe(received[0]!.id);

    // The server drops every connection; while the SDK waits to reconnect, two more messages.
    api.dropConnections();
    await learner.threads.post(thread.id, { body: 'missed two' });
    await learner.threads.post(thread.id, { body: 'missed three' });
    await until(() => opens === 2, 'the reconnection');
    await until(() => bodies().length === 3, 'the replay');
    const streamCalls = calls.filter((c) => c.url.endsWith('/v1/events'));
    expect(streamCalls).toHaveLength(2);
    expect(streamCalls[0]!.headers.get('last-event-id')).toBeNull();
    expect(streamCalls[1]!.headers.get('last-event-id')).toBe(received[0]!.id);
    // Auth travels in headers, never in the URL.
    expect(streamCalls[1]!.url).not.toMatch(/token|pk_|sk_/);
    expect(streamCalls[1]!.headers.get('x-user-token')).toBeTruthy();

    await learner.threads.post(thread.id, { body: 'live four' });
    await until(() => bodies().length === 4, 'the next live message');
    await new Promise((r) => setTimeout(r, 1_500)); // a heartbeat or so: nothing more arrives
    expect(bodies()).toEqual(['live one', 'missed two', 'missed three', 'live four']);
    const ids = received.map((e) => Number(e.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));

    controller.abort();
    expect(subscription.closed).toBe(true);
    await learner.threads.post(thread.id, { body: 'after unsubscribe' });
    await new Promise((r) => setTimeout(r, 500));
    expect(bodies()).toHaveLength(4);
    expect(errors.every((e) => !(e instanceof NotFoundError))).toBe(true);
  });

  it('gives up on an answer retrying cannot fix, and keeps retrying one a new token can', async () => {
    const errors: unknown[] = [];
    const bad = tenant.browser('learner-live').events.subscribe({
      onEvent: () => {},
      onError: (e) => errors.push(e),
      lastEventId: 'not-an-id',
      baseDelayMs: 20,
    });
    await until(() => bad.closed, 'the subscription to give up');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(ValidationError);

    const noUser = tenant.backend().events.subscribe({
      onEvent: () => {},
      onError: (e) => errors.push(e),
      baseDelayMs: 20,
      maxDelayMs: 40,
    });
    await until(() => errors.length >= 3, 'retries');
    expect((errors[2] as { status: number }).status).toBe(401);
    expect(noUser.closed).toBe(false);
    noUser.unsubscribe();
    expect(noUser.closed).toBe(true);
  });
});
