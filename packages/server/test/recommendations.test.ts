// What to ask about next (docs/features/after-the-session.md): the engine through the API, on
// histories made through the API, tenant by tenant; dismissals; bad input; the model's read timed.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestTopicRequests, learnerTopicHistory } from '../src/db/guidance.js';
import {
  loadTransitionModel,
  sequencesOf,
  TRANSITION_TTL_MS,
  TRANSITION_WINDOW,
} from '../src/domain/guidance/transition-cache.js';
import { buildTransitionModel } from '../src/domain/guidance/transitions.js';
import { asLearner, book, bookableMentor } from './support/booking-fixtures.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { createMentor, type MentorBody, userIdOf } from './support/fixtures.js';
import { call } from './support/http.js';

interface Reason {
  code: string;
  text: string;
  params: Record<string, string | number>;
}
interface Recommendations {
  topics: {
    skill: string;
    label: string;
    reason: Reason;
    mentors: { mentor: MentorBody; reason: Reason }[];
  }[];
}

const DAY = 86_400_000;
let ctx: TestContext;
let tenant: TestTenant;
let other: TestTenant;
let onBoard: MentorBody;
let wfMentors: MentorBody[];

async function ask(t: TestTenant, sub: string, title: string, skills: string[] = []) {
  const res = await call(ctx.app, 'POST', '/v1/requests', { ...asLearner(t, sub), body: { title, skills } });
  expect(res.status, res.text).toBe(201);
}

const recommendations = (t: TestTenant, sub: string) =>
  call<Recommendations & { code?: string }>(ctx.app, 'GET', '/v1/me/recommendations', asLearner(t, sub));

const dismiss = (t: TestTenant, sub: string, body: unknown) =>
  call<{ code?: string }>(ctx.app, 'POST', '/v1/me/recommendations/dismiss', { ...asLearner(t, sub), body });

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await ctx.tenant();
  other = await ctx.tenant();
  onBoard = await createMentor(ctx, tenant, { name: 'Bea Board', skills: ['window-functions'] });
  wfMentors = [
    await createMentor(ctx, tenant, { name: 'Wanda Window', skills: ['window-functions', 'sql'] }),
    await createMentor(ctx, tenant, { name: 'Rowan Rank', skills: ['window-functions'] }),
  ];
  await createMentor(ctx, tenant, { name: 'Pat Pending', skills: ['window-functions'], status: 'pending' });
  // Three learners went from joins to window functions; the question's words say so too.
  for (const sub of ['walker-1', 'walker-2', 'walker-3']) {
    await ask(tenant, sub, 'My left join duplicates rows', ['sql-joins']);
    ctx.clock.advance(DAY);
    await ask(tenant, sub, 'Rank rows per customer with a window function');
    ctx.clock.advance(DAY);
  }
  // The other tenant's learners went from joins to Excel: it must never show in the first tenant.
  for (const sub of ['o-1', 'o-2', 'o-3', 'o-4']) {
    await ask(other, sub, 'Joins', ['sql-joins']);
    ctx.clock.advance(DAY);
    await ask(other, sub, 'Pivot tables', ['excel']);
    ctx.clock.advance(DAY);
  }
  // Lena asked about joins and keeps one window-functions mentor on her board already.
  await ask(tenant, 'lena', 'Why does my inner join drop rows?', ['sql-joins']);
  const put = await call(ctx.app, 'PUT', `/v1/me/board/${onBoard.id}`, asLearner(tenant, 'lena'));
  expect(put.status, put.text).toBe(200);
}, 120_000);
afterAll(() => ctx.close());

describe('GET /v1/me/recommendations', () => {
  it('suggests what learners asked next, explained, with mentors not on the board', async () => {
    const res = await recommendations(tenant, 'lena');
    expect(res.status, res.text).toBe(200);
    const [first] = res.body.topics;
    expect(first).toMatchObject({
      skill: 'window-functions',
      label: 'SQL window functions',
      reason: {
        code: 'next_after',
        text: 'People who asked about SQL joins next asked about SQL window functions (100%)',
        params: { from: 'SQL joins', fromSkill: 'sql-joins', share: 1, learners: 3 },
      },
    });
    expect(first!.mentors.map((m) => m.mentor.name).sort()).toEqual(['Rowan Rank', 'Wanda Window']);
    expect(first!.mentors[0]!.reason).toMatchObject({
      code: 'knows_topic',
      params: { skill: 'SQL window functions' },
    });
    expect(res.body.topics.map((t) => t.skill)).not.toContain('sql-joins');
    expect(res.body.topics.map((t) => t.skill)).not.toContain('excel');
    expect(res.body.topics.length).toBeLessThanOrEqual(5);
  });

  it('gives a learner with no history the program’s popular topics, explained', async () => {
    const res = await recommendations(tenant, 'newcomer');
    expect(res.status, res.text).toBe(200);
    expect(res.body.topics.map((t) => [t.skill, t.reason.code, t.reason.params.learners])).toEqual([
      ['sql-joins', 'popular_in_program', 4],
      ['window-functions', 'popular_in_program', 3],
    ]);
    expect(res.body.topics[0]!.reason.text).toBe('Popular in your program: 4 learners asked about SQL joins');
  });

  it('never lets another tenant’s history in: there, joins lead to Excel; a newcomer gets nothing from here', async () => {
    await ask(other, 'olga', 'Joins again', ['sql-joins']);
    const there = await recommendations(other, 'olga');
    expect(there.body.topics[0]).toMatchObject({
      skill: 'excel',
      reason: { code: 'next_after', params: { learners: 4 } },
    });
    expect(there.body.topics.map((t) => t.skill)).not.toContain('window-functions');
    for (const topic of there.body.topics) {
      for (const m of topic.mentors) expect(wfMentors.map((w) => w.id)).not.toContain(m.mentor.id);
    }
    const third = await ctx.tenant();
    const empty = await recommendations(third, 'nobody');
    expect(empty.status).toBe(200);
    expect(empty.body.topics).toEqual([]);
  });

  it('keeps the program’s transitions for a few minutes, then reads them again', async () => {
    const fresh = await ctx.tenant();
    for (const sub of ['a', 'b', 'c']) {
      await ask(fresh, sub, 'Docker', ['docker']);
      ctx.clock.advance(DAY);
      await ask(fresh, sub, 'Kubernetes', ['kubernetes']);
    }
    await ask(fresh, 'me', 'Docker too', ['docker']);
    expect((await recommendations(fresh, 'me')).body.topics[0]).toMatchObject({ skill: 'kubernetes' });
    for (const sub of ['d', 'e', 'f', 'g']) {
      await ask(fresh, sub, 'Docker', ['docker']);
      ctx.clock.advance(1000);
      await ask(fresh, sub, 'Helm', ['helm']);
    }
    expect((await recommendations(fresh, 'me')).body.topics[0]).toMatchObject({ skill: 'kubernetes' });
    ctx.clock.advance(TRANSITION_TTL_MS);
    expect((await recommendations(fresh, 'me')).body.topics[0]).toMatchObject({
      skill: 'helm',
      reason: { params: { share: 0.57 } },
    });
  });

  it('needs a user token', async () => {
    const res = await call<{ code: string }>(ctx.app, 'GET', '/v1/me/recommendations', {
      key: tenant.publishableKey,
      origin: tenant.origin,
    });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('user_token_required');
  });
});

describe('POST /v1/me/recommendations/dismiss', () => {
  it('hides the topic for good; twice is the same as once; a label works as well as the slug', async () => {
    expect((await dismiss(tenant, 'lena', { skill: 'window-functions' })).status).toBe(204);
    expect((await dismiss(tenant, 'lena', { skill: 'SQL window functions' })).status).toBe(204);
    const rows = await ctx.db
      .selectFrom('recommendation_dismissals')
      .selectAll()
      .where('tenant_id', '=', tenant.id)
      .execute();
    expect(rows.map((r) => r.topic)).toEqual(['window-functions']);
    const res = await recommendations(tenant, 'lena');
    expect(res.body.topics.map((t) => t.skill)).not.toContain('window-functions');
    // Someone else's suggestions are theirs.
    const newcomer = await recommendations(tenant, 'newcomer');
    expect(newcomer.body.topics.map((t) => t.skill)).toContain('window-functions');
  });

  it('refuses what is not a taxonomy skill, and malformed bodies, with 400 and a stable code', async () => {
    const unknown = await dismiss(tenant, 'lena', { skill: 'basket weaving' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('unknown_skill');
    expect(unknown.headers.get('content-type')).toMatch(/application\/problem\+json/);
    for (const body of [
      {},
      { skill: '' },
      { skill: 42 },
      { skill: 'sql', extra: true },
      { skill: 'x'.repeat(65) },
    ]) {
      const res = await dismiss(tenant, 'lena', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe('validation_failed');
    }
    const twoLines = await dismiss(tenant, 'lena', { skill: 'sql\njoins' });
    expect(twoLines.status).toBe(400);
    expect(twoLines.body.code).toBe('invalid_characters');
  });
});

describe('the learner’s history', () => {
  it('counts a request solved by a completed session, unless rated not solved, or by action items', async () => {
    const t = await ctx.tenant();
    const mentor = await bookableMentor(ctx, t, {}, { skills: ['sql'] });
    const requestIds: string[] = [];
    for (const title of ['Completed', 'Rated not solved', 'Only booked', 'Action items']) {
      const res = await call<{ request: { id: string } }>(ctx.app, 'POST', '/v1/requests', {
        ...asLearner(t, 'hist'),
        body: { title, skills: ['sql'] },
      });
      requestIds.push(res.body.request.id);
      ctx.clock.advance(60_000);
    }
    // A Monday 09:00 UTC (10:00 in Berlin) more than a day ahead of the test clock.
    const monday = new Date(ctx.clock.now().getTime() + 2 * DAY);
    monday.setUTCHours(9, 0, 0, 0);
    while (monday.getUTCDay() !== 1) monday.setUTCDate(monday.getUTCDate() + 1);
    const bookingIds: string[] = [];
    for (const [i, requestId] of requestIds.entries()) {
      const start = new Date(monday.getTime() + i * 3_600_000).toISOString();
      const res = await book(ctx, t, { mentorId: mentor.id, start, requestId }, 'hist');
      expect(res.status, res.text).toBe(201);
      bookingIds.push(res.body.id);
    }
    // The completion job's and the mentor's writes, done directly: this is about reading them.
    await ctx.db
      .updateTable('bookings')
      .set({ status: 'completed' })
      .where('id', 'in', bookingIds.slice(0, 2))
      .execute();
    const learnerId = await userIdOf(ctx, t, 'hist');
    await ctx.db
      .insertInto('feedback')
      .values({
        tenant_id: t.id,
        booking_id: bookingIds[1]!,
        mentor_id: mentor.id,
        learner_id: learnerId,
        rating: 2,
        solved: 'no',
        created_at: ctx.clock.now(),
      })
      .execute();
    await ctx.db
      .insertInto('session_notes')
      .values({
        tenant_id: t.id,
        booking_id: bookingIds[3]!,
        summary: 'Notes',
        created_at: ctx.clock.now(),
        updated_at: ctx.clock.now(),
      })
      .execute();
    await ctx.db
      .insertInto('action_items')
      .values({
        tenant_id: t.id,
        booking_id: bookingIds[3]!,
        text: 'Read the docs',
        position: 0,
        created_at: ctx.clock.now(),
      })
      .execute();
    const history = await learnerTopicHistory(ctx.db, t.id, learnerId, 50);
    expect(history.map((r) => [r.title, r.solved])).toEqual([
      ['Completed', true],
      ['Rated not solved', false],
      ['Only booked', false],
      ['Action items', true],
    ]);
  });
});

describe('the transition model’s read', () => {
  it('is bounded and timed (printed, not asserted)', async () => {
    const big = await ctx.tenant();
    const learners = 2000;
    await sql`insert into users (tenant_id, external_id, name)
      select ${big.id}::uuid, 'bulk-' || i, 'Bulk ' || i from generate_series(1, ${learners}) i`.execute(
      ctx.db,
    );
    const path = [
      'sql',
      'sql-joins',
      'window-functions',
      'query-optimization',
      'database-indexing',
      'postgresql',
    ];
    await sql`insert into help_requests (tenant_id, learner_id, title, details, skills, urgency, languages, context, status, created_at, updated_at)
      select ${big.id}::uuid, u.id, 'Question ' || s, '', array[(${path}::text[])[1 + (s + u.n) % 6]], 'flexible', '{}', '{}', 'open',
             now() - (s || ' days')::interval, now()
        from (select id, row_number() over () as n from users where tenant_id = ${big.id}::uuid) u,
             generate_series(1, 11) s`.execute(ctx.db);
    const started = performance.now();
    const model = await loadTransitionModel(ctx, big.id);
    const ms = performance.now() - started;
    const readStarted = performance.now();
    const rows = await latestTopicRequests(ctx.db, big.id, TRANSITION_WINDOW);
    const readMs = performance.now() - readStarted;
    const buildStarted = performance.now();
    buildTransitionModel(sequencesOf(rows));
    const buildMs = performance.now() - buildStarted;
    console.log(
      `transition model (${ctx.kind}): ${rows.length} of 22,000 requests read and built in ${ms.toFixed(0)} ms ` +
        `(again: read ${readMs.toFixed(0)} ms + build ${buildMs.toFixed(0)} ms); ${model.learners} learners`,
    );
    expect(rows).toHaveLength(TRANSITION_WINDOW);
    expect(model.learners).toBe(learners);
    expect(model.next.size).toBeGreaterThan(0);
  });
});
