import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asLearner, book, bookableMentor, weekly } from './support/booking-fixtures.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import type { MentorBody } from './support/fixtures.js';
import { call } from './support/http.js';

interface MatchBody {
  mentor: MentorBody;
  score: number;
  reasons: { code: string; text: string }[];
  nextSlots: { start: string; end: string }[];
}
interface CreatedBody {
  request: {
    id: string;
    status: string;
    skills: string[];
    context: Record<string, string>;
    learnerId: string;
  };
  matches: MatchBody[];
}

let ctx: TestContext;
let tenant: TestTenant;
let sql: MentorBody;
let react: MentorBody;
let k8s: MentorBody;

const ALL_WEEK = {
  weekly: weekly('00:00', '24:00', ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']),
  minNoticeMinutes: 0,
};

beforeAll(async () => {
  ctx = await createTestContext();
});
beforeEach(async () => {
  ctx.clock.set('2026-11-25T12:00:00Z');
  tenant = await ctx.tenant();
  sql = await bookableMentor(ctx, tenant, ALL_WEEK, {
    name: 'Priya Sql',
    headline: 'Database engineer',
    bio: 'I tune PostgreSQL query plans and teach joins.',
    skills: ['postgresql', 'sql', 'sql-joins', 'query-optimization'],
    externalId: 'mentor-sql',
    formats: ['video', 'call'],
  });
  react = await bookableMentor(ctx, tenant, ALL_WEEK, {
    name: 'Rafa React',
    headline: 'Frontend lead',
    bio: 'Hooks, state and rendering performance.',
    skills: ['react', 'react-hooks', 'typescript'],
    languages: ['es', 'en'],
    formats: ['video', 'call'],
  });
  k8s = await bookableMentor(ctx, tenant, ALL_WEEK, {
    name: 'Kai Cluster',
    headline: 'Site reliability engineer',
    bio: 'Kubernetes operators and on-call sanity.',
    skills: ['kubernetes', 'docker', 'observability'],
    formats: ['chat'],
  });
});
afterAll(() => ctx.close());

const ask = (body: Record<string, unknown>, sub = 'asker') =>
  call<CreatedBody & { code?: string }>(ctx.app, 'POST', '/v1/requests', {
    ...asLearner(tenant, sub),
    body: { urgency: 'flexible', ...body },
  });

describe('asking for help', () => {
  it('stores the request with its context and answers with ranked, explained matches and next slots', async () => {
    const res = await ask({
      title: 'My LEFT JOIN returns too many rows',
      details: 'Postgres query doubles the totals',
      context: {
        url: 'https://lms.example/course/sql/lesson/3',
        pageTitle: 'Lesson 3: Joins',
        topic: 'sql-joins',
        selection: 'LEFT JOIN orders o ON o.customer_id = c.id',
      },
    });
    expect(res.status, res.text).toBe(201);
    expect(res.headers.get('location')).toBe(`/v1/requests/${res.body.request.id}`);
    expect(res.body.request).toMatchObject({
      status: 'open',
      context: { topic: 'sql-joins', pageTitle: 'Lesson 3: Joins' },
    });
    expect(res.body.matches[0]?.mentor.id).toBe(sql.id);
    const top = res.body.matches[0]!;
    expect(top.score).toBeGreaterThan(0);
    expect(top.score).toBeLessThanOrEqual(1);
    expect(top.reasons.length).toBeGreaterThanOrEqual(2);
    expect(top.reasons.length).toBeLessThanOrEqual(4);
    expect(top.reasons.map((r) => r.code)).toContain('skill_match');
    expect(top.nextSlots).toHaveLength(3);
    expect(new Date(top.nextSlots[0]!.start).getTime()).toBeGreaterThanOrEqual(ctx.clock.now().getTime());
    const stored = await ctx.db
      .selectFrom('request_matches')
      .selectAll()
      .where('request_id', '=', res.body.request.id)
      .execute();
    expect(stored.map((m) => m.mentor_id)).toContain(sql.id);
  });

  it('next slots leave out the mentor’s bookings and the asking learner’s own sessions', async () => {
    const slotsOf = async (sub: string) =>
      (await ask({ title: 'My LEFT JOIN returns too many rows' }, sub)).body.matches.find(
        (m) => m.mentor.id === sql.id,
      )!.nextSlots;
    const before = await slotsOf('asker-busy');
    expect(before).toHaveLength(3);
    const mentorBusyStart = before[0]!.start;
    const taken = await book(ctx, tenant, { mentorId: sql.id, start: mentorBusyStart }, 'someone-else');
    expect(taken.status, taken.text).toBe(201);
    const ownStart = new Date(Date.parse(mentorBusyStart) + 60 * 60_000).toISOString();
    const own = await book(ctx, tenant, { mentorId: react.id, start: ownStart }, 'asker-busy');
    expect(own.status, own.text).toBe(201);

    const after = await slotsOf('asker-busy');
    expect(after).toHaveLength(3);
    const overlaps = (s: { start: string; end: string }, b: { start: string; end: string }) =>
      Date.parse(s.start) < Date.parse(b.end) && Date.parse(b.start) < Date.parse(s.end);
    for (const slot of after) {
      expect(overlaps(slot, taken.body)).toBe(false);
      expect(overlaps(slot, own.body)).toBe(false);
    }
    // The earliest free start is right after the taken session; another learner still sees the hour.
    expect(after[0]!.start).toBe(taken.body.end);
    const other = await slotsOf('asker-free');
    expect(other.some((slot) => overlaps(slot, own.body))).toBe(true);
  });

  it('tolerates typos and synonyms', async () => {
    expect((await ask({ title: 'postgress index not used' })).body.matches[0]?.mentor.id).toBe(sql.id);
    expect(
      (await ask({ title: 'my kubernets pods restart', format: 'chat' })).body.matches[0]?.mentor.id,
    ).toBe(k8s.id);
    expect(
      (await ask({ title: 'k8s help', details: 'crashloop', format: 'chat' })).body.matches[0]?.mentor.id,
    ).toBe(k8s.id);
  });

  it('only offers mentors with the wanted format and language', async () => {
    const chat = await ask({ title: 'Need help with React hooks and Postgres', format: 'chat' });
    expect(chat.body.matches.map((m) => m.mentor.id)).not.toContain(react.id);
    expect(chat.body.matches.map((m) => m.mentor.id)).not.toContain(sql.id);
    const spanish = await ask({ title: 'useEffect runs twice and my SQL is slow', languages: ['es'] });
    expect(spanish.body.matches.map((m) => m.mentor.id)).toEqual([react.id]);
    expect(spanish.body.matches[0]?.reasons.map((r) => r.code)).toContain('language');
  });

  it('never offers the learner themself, unapproved mentors or mentors at their weekly cap', async () => {
    const self = await ask({ title: 'Postgres joins' }, 'mentor-sql');
    expect(self.body.matches.map((m) => m.mentor.id)).not.toContain(sql.id);

    await call(ctx.app, 'PATCH', `/v1/mentors/${react.id}`, {
      key: tenant.secretKey,
      body: { status: 'paused' },
    });
    expect((await ask({ title: 'react hooks' })).body.matches.map((m) => m.mentor.id)).not.toContain(
      react.id,
    );

    const capped = await bookableMentor(
      ctx,
      tenant,
      { ...ALL_WEEK, maxPerWeek: 1 },
      { skills: ['postgresql'], name: 'Cap Ped' },
    );
    expect((await ask({ title: 'postgresql vacuum' })).body.matches.map((m) => m.mentor.id)).toContain(
      capped.id,
    );
    expect(
      (await book(ctx, tenant, { mentorId: capped.id, start: '2026-11-26T10:00:00Z' }, 'someone')).status,
    ).toBe(201);
    expect((await ask({ title: 'postgresql vacuum' })).body.matches.map((m) => m.mentor.id)).not.toContain(
      capped.id,
    );
  });

  it('leaves out mentors who declined the request when matches are recomputed', async () => {
    const res = await ask({ title: 'Slow postgres query' });
    await ctx.db
      .updateTable('help_requests')
      .set({ declined_mentor_ids: [sql.id] })
      .where('id', '=', res.body.request.id)
      .execute();
    const again = await call<{ data: MatchBody[] }>(
      ctx.app,
      'GET',
      `/v1/requests/${res.body.request.id}/matches`,
      asLearner(tenant, 'asker'),
    );
    expect(again.status).toBe(200);
    expect(again.body.data.map((m) => m.mentor.id)).not.toContain(sql.id);
  });

  it('is deterministic: the same request ranks the same way', async () => {
    const a = await ask({ title: 'frontend state and database joins', details: 'react hooks, sql' });
    const b = await ask({ title: 'frontend state and database joins', details: 'react hooks, sql' });
    expect(b.body.matches.map((m) => [m.mentor.id, m.score])).toEqual(
      a.body.matches.map((m) => [m.mentor.id, m.score]),
    );
  });

  it('says so when nobody matches', async () => {
    const res = await ask({ title: 'Baking sourdough bread' });
    expect(res.status).toBe(201);
    expect(res.body.matches).toEqual([]);
  });
});

describe('the request lifecycle', () => {
  it('becomes matched when booked, lists, and can be cancelled', async () => {
    const res = await ask({ title: 'React hooks' });
    const id = res.body.request.id;
    const booking = await call<{ requestId: string }>(ctx.app, 'POST', '/v1/bookings', {
      ...asLearner(tenant, 'asker'),
      body: {
        mentorId: react.id,
        start: '2026-11-26T10:00:00Z',
        durationMinutes: 30,
        format: 'video',
        requestId: id,
      },
    });
    expect(booking.status, booking.text).toBe(201);
    expect(booking.body.requestId).toBe(id);
    const got = await call<{ status: string; matchedMentorId: string }>(
      ctx.app,
      'GET',
      `/v1/requests/${id}`,
      asLearner(tenant, 'asker'),
    );
    expect(got.body).toMatchObject({ status: 'matched', matchedMentorId: react.id });
    const mine = await call<{ data: { id: string }[] }>(
      ctx.app,
      'GET',
      '/v1/requests',
      asLearner(tenant, 'asker'),
    );
    expect(mine.body.data.map((r) => r.id)).toEqual([id]);
    const others = await call<{ data: { id: string }[] }>(
      ctx.app,
      'GET',
      '/v1/requests',
      asLearner(tenant, 'nobody'),
    );
    expect(others.body.data).toEqual([]);
    const cancelled = await call<{ status: string }>(
      ctx.app,
      'POST',
      `/v1/requests/${id}/cancel`,
      asLearner(tenant, 'asker'),
    );
    expect(cancelled.body.status).toBe('cancelled');
  });

  it('refuses to attach a booking to someone else’s request, and books nothing', async () => {
    const res = await ask({ title: 'React hooks' }, 'owner');
    const booking = await call(ctx.app, 'POST', '/v1/bookings', {
      ...asLearner(tenant, 'intruder'),
      body: {
        mentorId: react.id,
        start: '2026-11-26T10:00:00Z',
        durationMinutes: 30,
        format: 'video',
        requestId: res.body.request.id,
      },
    });
    expect(booking.status).toBe(404);
    const rows = await ctx.db.selectFrom('bookings').select('id').where('mentor_id', '=', react.id).execute();
    expect(rows).toEqual([]);
  });

  it('hides a learner’s request from other learners', async () => {
    const res = await ask({ title: 'React hooks' }, 'owner');
    expect(
      (await call(ctx.app, 'GET', `/v1/requests/${res.body.request.id}`, asLearner(tenant, 'other'))).status,
    ).toBe(404);
    expect(
      (await call(ctx.app, 'GET', `/v1/requests/${res.body.request.id}`, { key: tenant.secretKey })).status,
    ).toBe(200);
  });
});
