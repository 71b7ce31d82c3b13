// The program's retention period: a daily job takes out request texts, messages and notes older
// than `retentionMonths`, in batches, idempotently, the rows and the analytics counts staying.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programAnalytics } from '../src/domain/analytics/analytics.js';
import { applyRetention, RETENTION_JOB, retentionJob } from '../src/domain/privacy/retention-job.js';
import { EXPIRED_TEXT } from '../src/domain/privacy/scrub.js';
import { createWorker, type Worker } from '../src/jobs/worker.js';
import { bookableMentor } from './support/booking-fixtures.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { type CallOptions, call } from './support/http.js';

let ctx: TestContext;
let t: TestTenant;
let worker: Worker;
let learner: CallOptions;
let mentorUser: CallOptions;
const old = { request: '', message: '', bookingId: '' };
const recent = { request: '', message: '' };
const DAY = 86_400_000;

const range = () => ({
  tenantId: t.id,
  from: new Date('2026-11-01T00:00:00Z'),
  to: new Date('2026-12-01T00:00:00Z'),
  bucket: 'day' as const,
});

async function ask(title: string): Promise<string> {
  const res = await call<{ request: { id: string } }>(ctx.app, 'POST', '/v1/requests', {
    ...learner,
    body: { title, details: `${title}: the details`, urgency: 'flexible', skills: ['sql'] },
  });
  expect(res.status, res.text).toBe(201);
  return res.body.request.id;
}

async function message(threadId: string, body: string): Promise<string> {
  const res = await call<{ id: string }>(ctx.app, 'POST', `/v1/threads/${threadId}/messages`, {
    ...learner,
    body: { body },
  });
  expect(res.status, res.text).toBe(201);
  return res.body.id;
}

const textOf = {
  request: async (id: string) =>
    (
      await ctx.db
        .selectFrom('help_requests')
        .select(['title', 'details'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).title,
  message: async (id: string) =>
    (await ctx.db.selectFrom('messages').select('body').where('id', '=', id).executeTakeFirstOrThrow()).body,
};

async function setRetention(months: number | null) {
  const res = await call<{ retentionMonths: number | null }>(ctx.app, 'PATCH', '/v1/admin/settings', {
    key: t.secretKey,
    body: { retentionMonths: months },
  });
  expect(res.status, res.text).toBe(200);
  expect(res.body.retentionMonths).toBe(months);
}

beforeAll(async () => {
  ctx = await createTestContext();
  t = await ctx.tenant();
  worker = createWorker({ db: ctx.db, clock: ctx.clock, handlers: { [RETENTION_JOB]: retentionJob } });
  learner = {
    key: t.publishableKey,
    origin: t.origin,
    get token() {
      return t.token({ sub: 'ret-learner', name: 'Rita Learner' });
    },
  };
  mentorUser = {
    key: t.publishableKey,
    origin: t.origin,
    get token() {
      return t.token({ sub: 'ret-mentor', name: 'Remy Mentor', roles: ['mentor'] });
    },
  };
  const mentor = await bookableMentor(ctx, t, {}, { externalId: 'ret-mentor' });
  // November 2026: a request, its thread and a message, a session with notes.
  old.request = await ask('Old question about window functions');
  const thread = await call<{ id: string }>(ctx.app, 'POST', `/v1/requests/${old.request}/threads`, {
    ...learner,
    body: { mentorId: mentor.id },
  });
  expect(thread.status, thread.text).toBe(201);
  old.message = await message(thread.body.id, 'An old message about window functions');
  const booked = await call<{ id: string }>(ctx.app, 'POST', '/v1/bookings', {
    ...learner,
    body: { mentorId: mentor.id, start: '2026-11-26T09:00:00Z', durationMinutes: 30, format: 'video' },
  });
  expect(booked.status, booked.text).toBe(201);
  old.bookingId = booked.body.id;
  const notes = await call(ctx.app, 'PUT', `/v1/bookings/${old.bookingId}/notes`, {
    ...mentorUser,
    body: { summary: 'Old notes about partitions', actionItems: [{ text: 'Read about frames' }] },
  });
  expect(notes.status, notes.text).toBe(200);
  // Seven months later: new words.
  ctx.clock.advance(212 * DAY);
  recent.request = await ask('Recent question about indexes');
  recent.message = await message(thread.body.id, 'A recent message about indexes');
}, 60_000);
afterAll(() => ctx.close());

describe('retentionMonths', () => {
  it('is null (keep) by default and accepts 1–120 only', async () => {
    const settings = await call<{ retentionMonths: number | null }>(ctx.app, 'GET', '/v1/admin/settings', {
      key: t.secretKey,
    });
    expect(settings.body.retentionMonths).toBeNull();
    for (const bad of [0, 121, 1.5, '6']) {
      const res = await call<{ code: string }>(ctx.app, 'PATCH', '/v1/admin/settings', {
        key: t.secretKey,
        body: { retentionMonths: bad },
      });
      expect(res.status, String(bad)).toBe(400);
      expect(res.body.code).toBe('validation_failed');
    }
    // Without a period no job waits.
    expect(await worker.drain()).toBe(0);
  });

  it('takes out texts older than the period once set, keeps newer ones, the rows and the counts', async () => {
    const before = await programAnalytics(ctx.db, range(), { source: 'live' });
    const rows = async () => ({
      requests: (
        await ctx.db.selectFrom('help_requests').select('id').where('tenant_id', '=', t.id).execute()
      ).length,
      messages: (await ctx.db.selectFrom('messages').select('id').where('tenant_id', '=', t.id).execute())
        .length,
    });
    const rowsBefore = await rows();
    await setRetention(6);
    expect(await worker.drain()).toBe(1);

    expect(await textOf.request(old.request)).toBe(EXPIRED_TEXT);
    expect(await textOf.message(old.message)).toBe(EXPIRED_TEXT);
    const notes = await call<{ summary: string; actionItems: { text: string }[] }>(
      ctx.app,
      'GET',
      `/v1/bookings/${old.bookingId}/notes`,
      learner,
    );
    expect(notes.body.summary).toBe(EXPIRED_TEXT);
    expect(notes.body.actionItems.map((i) => i.text)).toEqual([EXPIRED_TEXT]);
    expect(await textOf.request(recent.request)).toBe('Recent question about indexes');
    expect(await textOf.message(recent.message)).toBe('A recent message about indexes');
    expect(await rows()).toEqual(rowsBefore);
    expect(await programAnalytics(ctx.db, range(), { source: 'live' })).toEqual(before);

    // It comes back in a day, with what it took out on record.
    const next = await ctx.db
      .selectFrom('jobs')
      .select(['run_at', 'payload'])
      .where('tenant_id', '=', t.id)
      .where('kind', '=', RETENTION_JOB)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    expect(next.run_at.getTime()).toBe(ctx.clock.now().getTime() + DAY);
    expect(next.payload.last).toMatchObject({
      requests: 1,
      messages: 1,
      notes: 1,
      actionItems: 1,
      more: false,
    });
  });

  it('finds nothing more to do when run again, and stops once the program turns retention off', async () => {
    ctx.clock.advance(DAY);
    expect(await worker.drain()).toBe(1);
    const again = await ctx.db
      .selectFrom('jobs')
      .select('payload')
      .where('tenant_id', '=', t.id)
      .where('kind', '=', RETENTION_JOB)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    expect(again.payload.last).toMatchObject({ requests: 0, messages: 0, notes: 0, actionItems: 0 });

    await setRetention(null);
    ctx.clock.advance(DAY);
    expect(await worker.drain()).toBe(1);
    const pending = await ctx.db
      .selectFrom('jobs')
      .select('id')
      .where('tenant_id', '=', t.id)
      .where('kind', '=', RETENTION_JOB)
      .where('status', '=', 'pending')
      .execute();
    expect(pending).toEqual([]);
  });

  it('works in batches: a backlog is taken out over several runs, each batch once', async () => {
    const other = await ctx.tenant();
    const rows = Array.from({ length: 5 }, (_, i) => ({
      tenant_id: other.id,
      title: `Backlog ${i}`,
      details: '',
      skills: [],
      languages: [],
      urgency: 'flexible' as const,
      context: '{}',
      status: 'open' as const,
      created_at: new Date(ctx.clock.now().getTime() - 400 * DAY),
    }));
    const user = await ctx.db
      .insertInto('users')
      .values({ tenant_id: other.id, external_id: 'backlog', name: 'Backlog' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('help_requests')
      .values(rows.map((r) => ({ ...r, learner_id: user.id })))
      .execute();
    const first = await applyRetention(ctx, other.id, 12, { batch: 2, maxBatches: 2 });
    expect(first).toMatchObject({ requests: 4, more: true });
    const second = await applyRetention(ctx, other.id, 12, { batch: 2, maxBatches: 2 });
    expect(second).toMatchObject({ requests: 1, more: false });
    expect(await applyRetention(ctx, other.id, 12, { batch: 2 })).toMatchObject({ requests: 0, more: false });
  });
});
