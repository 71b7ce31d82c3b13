import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketStarts, programAnalytics } from '../src/domain/analytics/analytics.js';
import { csvCell } from '../src/domain/analytics/csv.js';
import { EXPORT_PAGE_SIZE } from '../src/domain/analytics/exports.js';
import { ANALYTICS_ROLLUP_JOB, ROLLUP_INTERVAL_MS } from '../src/domain/analytics/rollup.js';
import { jobHandlers } from '../src/jobs/handlers.js';
import { createWorker } from '../src/jobs/worker.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { createMentor } from './support/fixtures.js';
import { type CallResult, call } from './support/http.js';

let ctx: TestContext;
let t: TestTenant;
let learners: string[];
let mentors: string[];
const requestIds: Record<string, string> = {};

async function learner(sub: string, tenant: TestTenant = t): Promise<string> {
  const row = await ctx.db
    .insertInto('users')
    .values({ tenant_id: tenant.id, external_id: sub, name: sub })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function request(name: string, at: string, bestScore: number | null, skills: string[], title = name) {
  const row = await ctx.db
    .insertInto('help_requests')
    .values({
      tenant_id: t.id,
      learner_id: learners[0]!,
      title,
      details: '',
      languages: [],
      skills,
      urgency: 'flexible',
      context: JSON.stringify({ url: `https://lms.example/${name}` }),
      status: 'open',
      best_score: bestScore,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  requestIds[name] = row.id;
}

async function booking(f: {
  mentor: number;
  learner: number;
  start: string;
  status: 'confirmed' | 'completed' | 'no_show' | 'cancelled';
  createdAt: string;
  request?: string;
}): Promise<string> {
  const end = new Date(Date.parse(f.start) + 30 * 60_000).toISOString();
  const row = await ctx.db
    .insertInto('bookings')
    .values({
      tenant_id: t.id,
      mentor_id: mentors[f.mentor]!,
      learner_id: learners[f.learner]!,
      request_id: f.request ? requestIds[f.request]! : null,
      start_at: f.start,
      end_at: end,
      blocked_range: `[${f.start},${end})`,
      format: 'video',
      status: f.status,
      created_at: f.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function feedback(
  bookingId: string,
  rating: number,
  solved: 'yes' | 'partly' | 'no',
  comment: string | null,
) {
  const b = await ctx.db
    .selectFrom('bookings')
    .selectAll()
    .where('id', '=', bookingId)
    .executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('feedback')
    .values({
      tenant_id: b.tenant_id,
      booking_id: b.id,
      mentor_id: b.mentor_id,
      learner_id: b.learner_id,
      rating,
      solved,
      comment,
      created_at: new Date(b.end_at.getTime() + 60_000),
    })
    .execute();
}

beforeAll(async () => {
  ctx = await createTestContext();
  t = await ctx.tenant({ origins: ['https://lms.example'] });
  learners = [await learner('l0'), await learner('l1'), await learner('l2')];
  mentors = [];
  for (let i = 0; i < 4; i++) mentors.push((await createMentor(ctx, t, { externalId: `m${i}` })).id);
  await createMentor(ctx, t, { externalId: 'applicant', status: 'pending' });

  await request('r1', '2026-11-02T10:00:00Z', 0.8, ['sql']);
  await request('r2', '2026-11-02T11:00:00Z', 0.2, ['rust', 'sql']);
  await request('r3', '2026-11-03T09:00:00Z', 0.5, ['sql']);
  await request('r4', '2026-11-03T12:00:00Z', null, ['rust']);
  await request('outside', '2026-10-20T12:00:00Z', 0.9, ['go']);

  const first = await booking({
    mentor: 0,
    learner: 0,
    start: '2026-11-04T09:00:00Z',
    status: 'completed',
    createdAt: '2026-11-02T10:30:00Z',
    request: 'r1',
  });
  const second = await booking({
    mentor: 0,
    learner: 1,
    start: '2026-11-04T10:00:00Z',
    status: 'completed',
    createdAt: '2026-11-03T10:00:00Z',
    request: 'r3',
  });
  // A later booking of the same request does not change its first response.
  const third = await booking({
    mentor: 0,
    learner: 2,
    start: '2026-11-04T11:00:00Z',
    status: 'no_show',
    createdAt: '2026-11-03T23:00:00Z',
    request: 'r3',
  });
  await booking({
    mentor: 1,
    learner: 0,
    start: '2026-11-05T09:00:00Z',
    status: 'cancelled',
    createdAt: '2026-11-01T09:00:00Z',
  });
  await booking({
    mentor: 1,
    learner: 1,
    start: '2026-11-05T10:00:00Z',
    status: 'confirmed',
    createdAt: '2026-11-01T09:00:00Z',
  });
  await feedback(first, 5, 'yes', 'Great, "really" helpful,\nthanks');
  await feedback(second, 4, 'partly', null);
  await feedback(third, 2, 'no', '=cmd|calc');
});
afterAll(() => ctx.close());

interface Analytics {
  totals: Record<string, unknown> & { sessions: Record<string, number> };
  series: {
    start: string;
    requests: number;
    matched: number;
    booked: number;
    medianFirstResponseMinutes: number | null;
    sessions: Record<string, number>;
    satisfaction: { averageRating: number | null; shareSolved: number | null; responses: number };
  }[];
  topSkills: { skill: string; requests: number }[];
  unmetSkills: { skill: string; requests: number }[];
  mentorLoad: { mentors: number; sessions: number; top10Share: number | null; gini: number | null };
}

describe('analytics', () => {
  it('computes every figure for a range, per day and in total', async () => {
    const res = await call<Analytics>(
      ctx.app,
      'GET',
      '/v1/admin/analytics?from=2026-11-02T00:00:00Z&to=2026-11-06T00:00:00Z&bucket=day',
      { key: t.secretKey },
    );
    expect(res.status).toBe(200);
    expect(res.body.totals).toEqual({
      requests: 4,
      matched: 2,
      booked: 2,
      matchRate: 0.5,
      bookedRate: 0.5,
      medianFirstResponseMinutes: 45,
      sessions: { booked: 5, completed: 2, noShow: 1, cancelled: 1 },
      // Made on 11-02 and 11-03 (twice); the two made on 11-01 start in the range but were made before it.
      bookingsMade: 3,
      // (5 + 4 + 2) / 3 and one "yes" in three, all on sessions of 2026-11-04.
      satisfaction: { averageRating: 3.67, shareSolved: 0.3333, responses: 3 },
    });
    expect(res.body.series.map((b) => b.start)).toEqual([
      '2026-11-02T00:00:00.000Z',
      '2026-11-03T00:00:00.000Z',
      '2026-11-04T00:00:00.000Z',
      '2026-11-05T00:00:00.000Z',
    ]);
    expect(res.body.series[0]).toMatchObject({
      requests: 2,
      matched: 1,
      booked: 1,
      medianFirstResponseMinutes: 30,
    });
    expect(res.body.series[1]).toMatchObject({
      requests: 2,
      matched: 1,
      booked: 1,
      medianFirstResponseMinutes: 60,
    });
    expect(res.body.series[2]).toMatchObject({
      requests: 0,
      medianFirstResponseMinutes: null,
      sessions: { booked: 3, completed: 2, noShow: 1, cancelled: 0 },
    });
    expect(res.body.series[3]!.sessions).toEqual({ booked: 2, completed: 0, noShow: 0, cancelled: 1 });
    expect(res.body.series.map((b) => b.satisfaction)).toEqual([
      { averageRating: null, shareSolved: null, responses: 0 },
      { averageRating: null, shareSolved: null, responses: 0 },
      { averageRating: 3.67, shareSolved: 0.3333, responses: 3 },
      { averageRating: null, shareSolved: null, responses: 0 },
    ]);
    expect(res.body.topSkills).toEqual([
      { skill: 'sql', requests: 3 },
      { skill: 'rust', requests: 2 },
    ]);
    expect(res.body.unmetSkills).toEqual([
      { skill: 'rust', requests: 2 },
      { skill: 'sql', requests: 1 },
    ]);
    // Sessions not cancelled per approved mentor: [3, 1, 0, 0] → busiest 10 % (one mentor) has 3 of 4;
    // Gini = 2·(3·1 + 4·3)/(4·4) − 5/4 = 0.625.
    expect(res.body.mentorLoad).toEqual({ mentors: 4, sessions: 4, top10Share: 0.75, gini: 0.625 });
  });

  it('counts bookings made in the range apart from sessions starting in it (a range ending today)', async () => {
    // 11-01: two bookings made, for sessions on 11-05. Sessions in the range: none; bookings made: 2.
    for (const [from, to] of [
      ['2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z'],
      ['2026-11-01T06:00:00Z', '2026-11-01T18:00:00Z'], // not whole days: computed live
    ]) {
      const res = await call<Analytics>(ctx.app, 'GET', `/v1/admin/analytics?from=${from}&to=${to}`, {
        key: t.secretKey,
      });
      expect(res.status).toBe(200);
      expect(res.body.totals.sessions.booked).toBe(0);
      expect(res.body.totals.bookingsMade).toBe(2);
    }
  });

  it('buckets by ISO week (Monday) and fills empty buckets', async () => {
    const res = await call<Analytics>(
      ctx.app,
      'GET',
      '/v1/admin/analytics?from=2026-10-18T00:00:00Z&to=2026-11-10T00:00:00Z&bucket=week',
      { key: t.secretKey },
    );
    expect(res.body.series.map((b) => [b.start.slice(0, 10), b.requests])).toEqual([
      ['2026-10-12', 0],
      ['2026-10-19', 1],
      ['2026-10-26', 0],
      ['2026-11-02', 4],
      ['2026-11-09', 0],
    ]);
    expect(
      bucketStarts(new Date('2026-11-08T23:00:00Z'), new Date('2026-11-09T00:00:01Z'), 'week').map((d) =>
        d.toISOString(),
      ),
    ).toEqual(['2026-11-02T00:00:00.000Z', '2026-11-09T00:00:00.000Z']);
  });

  it('answers an empty range with zeros and nulls, not errors', async () => {
    const res = await call<Analytics>(
      ctx.app,
      'GET',
      '/v1/admin/analytics?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z',
      {
        key: t.secretKey,
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.totals).toMatchObject({ requests: 0, matchRate: null, medianFirstResponseMinutes: null });
    expect(res.body.mentorLoad).toEqual({ mentors: 4, sessions: 0, top10Share: null, gini: null });
  });

  it('refuses bad ranges and non-admins', async () => {
    for (const query of [
      '',
      '?from=2026-11-02T00:00:00Z',
      '?from=yesterday&to=2026-11-02T00:00:00Z',
      '?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z',
      '?from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z',
      '?from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z&bucket=month',
      '?from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z&extra=1',
    ]) {
      const res = await call<{ code: string }>(ctx.app, 'GET', `/v1/admin/analytics${query}`, {
        key: t.secretKey,
      });
      expect(res.status, query).toBe(400);
      expect(res.body.code).toBe('validation_failed');
    }
    const learnerCall = await call(
      ctx.app,
      'GET',
      '/v1/admin/analytics?from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z',
      {
        key: t.publishableKey,
        origin: 'https://lms.example',
        token: t.token({ sub: 'l0' }),
      },
    );
    expect(learnerCall.status).toBe(403);
  });
});

/** A small RFC 4180 reader, to check our writer against. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell || row.length) throw new Error('CSV does not end with CRLF');
  return rows;
}

/** GET /v1/admin/exports/<dataset> for the first week of November with the tenant's secret key. */
function getExport(tenant: TestTenant, dataset: string) {
  const range = 'from=2026-11-01T00:00:00Z&to=2026-11-08T00:00:00Z';
  return call(ctx.app, 'GET', `/v1/admin/exports/${dataset}?${range}`, { key: tenant.secretKey });
}

/** The export answered 200 as a CSV download named `filename`: its rows, parsed. */
function expectCsvDownload(res: CallResult, filename: string): string[][] {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${filename}"`);
  return parseCsv(res.text);
}

describe('CSV exports', () => {
  it('quotes per RFC 4180 and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvCell(null)).toBe('');
    expect(csvCell(0.5)).toBe('0.5');
    expect(csvCell(['a', 'b'])).toBe('a;b');
  });

  it('streams every request of the range across pages, in order, with hostile titles intact', async () => {
    // Two full pages and a part of a third.
    const BULK = 2 * EXPORT_PAGE_SIZE + 203;
    await sql`
      insert into help_requests (tenant_id, learner_id, title, urgency, status, created_at)
      select ${t.id}, ${learners[1]!}, 'bulk ' || g, 'flexible', 'open',
             '2026-11-07T00:00:00Z'::timestamptz + g * interval '1 second'
        from generate_series(1, ${BULK}::int) g`.execute(ctx.db);
    await request(
      'hostile',
      '2026-11-06T00:00:00Z',
      0.1,
      ['sql'],
      '=HYPERLINK("http://evil"), "quoted"\nsecond line',
    );
    const res = await getExport(t, 'requests.csv');
    const rows = expectCsvDownload(res, 'requests-2026-11-01-2026-11-08.csv');
    expect(rows[0]).toEqual([
      'id',
      'created_at',
      'status',
      'title',
      'skills',
      'urgency',
      'format',
      'best_score',
      'learner_external_id',
      'matched_mentor_id',
      'page_url',
    ]);
    const data = rows.slice(1);
    expect(data).toHaveLength(4 + 1 + BULK);
    expect(new Set(data.map((r) => r[0])).size).toBe(data.length);
    const created = data.map((r) => r[1]!);
    expect([...created].sort()).toEqual(created);
    const hostile = data.find((r) => r[0] === requestIds.hostile)!;
    expect(hostile[3]).toBe(`'=HYPERLINK("http://evil"), "quoted"\nsecond line`);
    expect(hostile[10]).toBe('https://lms.example/hostile');
  });

  it('exports bookings, and refuses bad datasets and ranges', async () => {
    const res = await getExport(t, 'bookings.csv');
    expect(res.status).toBe(200);
    const rows = parseCsv(res.text);
    expect(rows).toHaveLength(1 + 5);
    expect(
      rows
        .slice(1)
        .map((r) => r[4])
        .sort(),
    ).toEqual(['cancelled', 'completed', 'completed', 'confirmed', 'no_show']);
    const bad = await getExport(t, 'users.csv');
    expect(bad.status).toBe(400);
    const noRange = await call(ctx.app, 'GET', '/v1/admin/exports/bookings.csv', { key: t.secretKey });
    expect(noRange.status).toBe(400);
  });
});

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

describe('daily rollup', () => {
  const SKILLS = ['sql', 'python', 'react', 'go', 'rust', 'figma'];
  const START = Date.parse('2026-09-01T00:00:00Z');
  const HOUR = 3_600_000;
  let t2: TestTenant;
  let mentors2: string[];
  let learners2: string[];
  let requests2: { id: string; at: number }[];
  let bookings2: { id: string; status: string }[];
  const rand = prng(20261126);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

  const RANGES: [string, string, 'day' | 'week'][] = [
    ['2026-09-01', '2026-11-01', 'day'],
    ['2026-09-01', '2026-11-01', 'week'],
    ['2026-09-15', '2026-10-03', 'day'],
    ['2026-08-20', '2026-09-10', 'week'],
    ['2026-10-31', '2026-11-01', 'day'],
    ['2026-01-01', '2026-12-31', 'week'],
  ];
  const range = ([from, to, bucket]: (typeof RANGES)[number]) => ({
    tenantId: t2.id,
    from: new Date(`${from}T00:00:00Z`),
    to: new Date(`${to}T00:00:00Z`),
    bucket,
  });
  let nextSlot = 0;
  async function addBooking(requestIndex: number | null, createdAt: number, status: string) {
    // Every booking has its own 97-minute slot, so no mentor or learner is ever double-booked.
    const start = new Date(START + nextSlot++ * 97 * 60_000);
    const end = new Date(start.getTime() + 30 * 60_000);
    const row = await ctx.db
      .insertInto('bookings')
      .values({
        tenant_id: t2.id,
        mentor_id: pick(mentors2),
        learner_id: pick(learners2),
        request_id: requestIndex === null ? null : requests2[requestIndex]!.id,
        start_at: start,
        end_at: end,
        blocked_range: `[${start.toISOString()},${end.toISOString()})`,
        format: 'video',
        status: status as 'confirmed',
        created_at: new Date(createdAt),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    bookings2.push({ id: row.id, status });
    return row.id;
  }

  async function expectRollupEqualsLive() {
    for (const r of RANGES) {
      const live = await programAnalytics(ctx.db, range(r), { source: 'live' });
      const rolled = await programAnalytics(ctx.db, range(r), { now: ctx.clock.now() });
      expect(rolled, r.join(' ')).toEqual(live);
    }
  }

  beforeAll(async () => {
    t2 = await ctx.tenant();
    mentors2 = [];
    for (let i = 0; i < 6; i++) mentors2.push((await createMentor(ctx, t2, { externalId: `rm${i}` })).id);
    learners2 = [];
    for (let i = 0; i < 5; i++) learners2.push(await learner(`rl${i}`, t2));
    requests2 = [];
    bookings2 = [];
    for (let i = 0; i < 320; i++) {
      const at = START + Math.floor(rand() * 61 * 24 * HOUR);
      const skills = SKILLS.filter(() => rand() < 0.3);
      const score = rand() < 0.1 ? null : rand() < 0.1 ? 0.4 : Math.round(rand() * 1000) / 1000;
      const row = await ctx.db
        .insertInto('help_requests')
        .values({
          tenant_id: t2.id,
          learner_id: pick(learners2),
          title: `random ${i}`,
          details: '',
          languages: [],
          skills,
          urgency: 'flexible',
          context: '{}',
          status: 'open',
          best_score: score,
          created_at: new Date(at),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      requests2.push({ id: row.id, at });
    }
    const statuses = ['confirmed', 'completed', 'completed', 'no_show', 'cancelled'];
    for (let i = 0; i < requests2.length; i++) {
      if (rand() < 0.45) {
        // Responses from seconds to three days later; some requests booked twice.
        await addBooking(i, requests2[i]!.at + Math.floor(rand() * 3 * 24 * HOUR), pick(statuses));
        if (rand() < 0.2)
          await addBooking(i, requests2[i]!.at + Math.floor(rand() * 5 * 24 * HOUR), pick(statuses));
      }
    }
    for (let i = 0; i < 25; i++) await addBooking(null, START, pick(statuses));
    for (const b of bookings2) {
      if (b.status !== 'cancelled' && rand() < 0.6) {
        await feedback(b.id, 1 + Math.floor(rand() * 5), pick(['yes', 'partly', 'no'] as const), null);
      }
    }
  });

  it('answers exactly what the live computation answers, on random data', async () => {
    await expectRollupEqualsLive();
    const { rows } = await sql<{ days: number; dirty: number }>`
      select (select count(*) from analytics_days where tenant_id = ${t2.id})::int as days,
             (select count(*) from analytics_dirty where tenant_id = ${t2.id})::int as dirty`.execute(ctx.db);
    // Every day in the ranges read was rolled up; no mark is left behind.
    expect(rows[0]!.days).toBeGreaterThanOrEqual(61);
    expect(rows[0]!.dirty).toBe(0);
    const sample = await programAnalytics(ctx.db, range(RANGES[0]!), {});
    expect(sample.totals.requests).toBe(320);
    expect(sample.totals.satisfaction?.responses).toBeGreaterThan(50);
    expect(sample.topSkills.length).toBe(6);
  });

  it('reads the rollup, and recomputes a day as soon as anything on it changes', async () => {
    const r = range(['2026-09-01', '2026-11-01', 'day']);
    const before = await programAnalytics(ctx.db, r, {});
    const day = new Date(requests2[0]!.at).toISOString().slice(0, 10);
    // Tamper with the stored day: the answer shows it, so it really comes from the rollup.
    await sql`update analytics_days set requests = requests + 1000 where tenant_id = ${t2.id} and day = ${day}::date`.execute(
      ctx.db,
    );
    expect((await programAnalytics(ctx.db, r, {})).totals.requests).toBe(before.totals.requests + 1000);
    // A real change on that day marks it; the next read recomputes it from the tables.
    await ctx.db
      .updateTable('help_requests')
      .set({ best_score: 0.99 })
      .where('id', '=', requests2[0]!.id)
      .execute();
    const after = await programAnalytics(ctx.db, r, {});
    expect(after.totals.requests).toBe(before.totals.requests);
    expect(after).toEqual(await programAnalytics(ctx.db, r, { source: 'live' }));
  });

  it('stays exact through later changes: status changes, late bookings, feedback, deletes, paused mentors', async () => {
    await expectRollupEqualsLive();
    const statuses = ['confirmed', 'completed', 'no_show', 'cancelled'];
    for (let i = 0; i < 30; i++) {
      const b = pick(bookings2);
      const status = pick(statuses);
      await ctx.db
        .updateTable('bookings')
        .set({ status: status as 'confirmed' })
        .where('id', '=', b.id)
        .execute();
      b.status = status;
    }
    // A first response that arrives weeks later (on an old request) and one earlier than before.
    const old = requests2.findIndex((r) => r.at < START + 5 * 24 * HOUR);
    await addBooking(old, requests2[old]!.at + 40 * 24 * HOUR, 'completed');
    const early = requests2.findIndex((r, i) => i > old && r.at < START + 30 * 24 * HOUR);
    await addBooking(early, requests2[early]!.at + 60_000, 'confirmed');
    await ctx.db
      .updateTable('help_requests')
      .set({ best_score: null, skills: ['cobol'] })
      .where(
        'id',
        'in',
        requests2.slice(5, 25).map((r) => r.id),
      )
      .execute();
    const rated = new Set(
      (await ctx.db.selectFrom('feedback').select('booking_id').where('tenant_id', '=', t2.id).execute()).map(
        (r) => r.booking_id,
      ),
    );
    const unrated = bookings2.filter((b) => !rated.has(b.id) && b.status !== 'cancelled').slice(0, 10);
    for (const b of unrated) await feedback(b.id, 5, 'yes', null);
    await ctx.db
      .deleteFrom('feedback')
      .where('booking_id', '=', [...rated][0]!)
      .execute();
    const deletable = bookings2.find((b) => !rated.has(b.id) && !unrated.includes(b));
    await ctx.db.deleteFrom('bookings').where('id', '=', deletable!.id).execute();
    await ctx.db.updateTable('mentors').set({ status: 'paused' }).where('id', '=', mentors2[0]!).execute();
    await ctx.db
      .updateTable('help_requests')
      .set({ created_at: new Date(START + 50 * 24 * HOUR) })
      .where('id', '=', requests2[40]!.id)
      .execute();
    await expectRollupEqualsLive();
  });

  it('is kept current by the job queue, for days no read has asked for', async () => {
    // The reads above left one rollup job waiting, a rollup interval from now.
    const pending = await ctx.db
      .selectFrom('jobs')
      .selectAll()
      .where('tenant_id', '=', t2.id)
      .where('kind', '=', ANALYTICS_ROLLUP_JOB)
      .where('status', '=', 'pending')
      .execute();
    expect(pending).toHaveLength(1);
    expect(pending[0]!.run_at.getTime()).toBeGreaterThan(ctx.clock.now().getTime());
    // A change on a day outside every range read so far.
    const row = await ctx.db
      .insertInto('help_requests')
      .values({
        tenant_id: t2.id,
        learner_id: learners2[0]!,
        title: 'late',
        details: '',
        languages: [],
        skills: ['sql'],
        urgency: 'flexible',
        context: '{}',
        status: 'open',
        best_score: 0.9,
        created_at: new Date('2025-06-01T10:00:00Z'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const dirty = () =>
      sql<{ n: number }>`select count(*)::int as n from analytics_dirty where tenant_id = ${t2.id}`
        .execute(ctx.db)
        .then((r) => r.rows[0]!.n);
    expect(await dirty()).toBeGreaterThan(0);
    ctx.clock.advance(ROLLUP_INTERVAL_MS + 1000);
    const worker = createWorker({ db: ctx.db, clock: ctx.clock, handlers: jobHandlers() });
    expect(await worker.drain()).toBeGreaterThanOrEqual(1);
    expect(await dirty()).toBe(0);
    const { rows } = await sql<{ requests: number; matched: number }>`
      select requests, matched from analytics_days where tenant_id = ${t2.id} and day = '2025-06-01'`.execute(
      ctx.db,
    );
    expect(rows).toEqual([{ requests: 1, matched: 1 }]);
    // It found work, so it comes back in an interval; with nothing more to do, the chain stops.
    const waiting = () =>
      ctx.db
        .selectFrom('jobs')
        .select(['run_at'])
        .where('tenant_id', '=', t2.id)
        .where('kind', '=', ANALYTICS_ROLLUP_JOB)
        .where('status', '=', 'pending')
        .execute();
    expect(await waiting()).toEqual([{ run_at: new Date(ctx.clock.now().getTime() + ROLLUP_INTERVAL_MS) }]);
    ctx.clock.advance(ROLLUP_INTERVAL_MS + 1000);
    await worker.drain();
    expect(await waiting()).toEqual([]);
    await ctx.db.deleteFrom('help_requests').where('id', '=', row.id).execute();
  });

  it('computes ranges that are not whole UTC days live, with the same definitions', async () => {
    const r = {
      tenantId: t2.id,
      from: new Date('2026-09-03T12:00:00Z'),
      to: new Date('2026-10-01T06:00:00Z'),
    };
    const viaApi = await programAnalytics(ctx.db, { ...r, bucket: 'day' }, {});
    expect(viaApi).toEqual(await programAnalytics(ctx.db, { ...r, bucket: 'day' }, { source: 'live' }));
    expect(viaApi.totals.requests).toBeGreaterThan(0);
  });
});

describe('feedback CSV export', () => {
  it('streams the feedback given in the range, quoted per RFC 4180, only this tenant’s', async () => {
    const other = await ctx.tenant();
    const otherMentor = (await createMentor(ctx, other, { externalId: 'om' })).id;
    const otherLearner = await ctx.db
      .insertInto('users')
      .values({ tenant_id: other.id, external_id: 'ol', name: 'ol' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const ob = await ctx.db
      .insertInto('bookings')
      .values({
        tenant_id: other.id,
        mentor_id: otherMentor,
        learner_id: otherLearner.id,
        start_at: '2026-11-04T09:00:00Z',
        end_at: '2026-11-04T09:30:00Z',
        blocked_range: '[2026-11-04T09:00:00Z,2026-11-04T09:30:00Z)',
        format: 'video',
        status: 'completed',
        created_at: '2026-11-01T09:00:00Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await feedback(ob.id, 1, 'no', 'other tenant secret');

    const res = await getExport(t, 'feedback.csv');
    const rows = expectCsvDownload(res, 'feedback-2026-11-01-2026-11-08.csv');
    expect(rows[0]).toEqual([
      'id',
      'created_at',
      'booking_id',
      'session_start',
      'mentor_id',
      'mentor_name',
      'learner_external_id',
      'rating',
      'solved',
      'comment',
    ]);
    const data = rows.slice(1);
    expect(data.map((r) => [r[3], r[6], r[7], r[8], r[9]])).toEqual([
      ['2026-11-04T09:00:00.000Z', 'l0', '5', 'yes', 'Great, "really" helpful,\nthanks'],
      ['2026-11-04T10:00:00.000Z', 'l1', '4', 'partly', ''],
      ['2026-11-04T11:00:00.000Z', 'l2', '2', 'no', "'=cmd|calc"],
    ]);
    expect(data.every((r) => r.length === 10 && r[4] === mentors[0])).toBe(true);
    expect(res.text).not.toContain('other tenant secret');
    // The other tenant's own export has only its row.
    const theirs = await getExport(other, 'feedback.csv');
    expect(
      parseCsv(theirs.text)
        .slice(1)
        .map((r) => r[9]),
    ).toEqual(['other tenant secret']);
  });
});
