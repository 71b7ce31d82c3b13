import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bucketStarts } from '../src/domain/analytics/analytics.js';
import { csvCell } from '../src/domain/analytics/csv.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { createMentor } from './support/fixtures.js';
import { call } from './support/http.js';

let ctx: TestContext;
let t: TestTenant;
let learners: string[];
let mentors: string[];
const requestIds: Record<string, string> = {};

async function learner(sub: string): Promise<string> {
  const row = await ctx.db
    .insertInto('users')
    .values({ tenant_id: t.id, external_id: sub, name: sub })
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
}) {
  const end = new Date(Date.parse(f.start) + 30 * 60_000).toISOString();
  await ctx.db
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

  await booking({
    mentor: 0,
    learner: 0,
    start: '2026-11-04T09:00:00Z',
    status: 'completed',
    createdAt: '2026-11-02T10:30:00Z',
    request: 'r1',
  });
  await booking({
    mentor: 0,
    learner: 1,
    start: '2026-11-04T10:00:00Z',
    status: 'completed',
    createdAt: '2026-11-03T10:00:00Z',
    request: 'r3',
  });
  // A later booking of the same request does not change its first response.
  await booking({
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
      satisfaction: null,
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
    await sql`
      insert into help_requests (tenant_id, learner_id, title, urgency, status, created_at)
      select ${t.id}, ${learners[1]!}, 'bulk ' || g, 'flexible', 'open',
             '2026-11-07T00:00:00Z'::timestamptz + g * interval '1 second'
        from generate_series(1, 1203) g`.execute(ctx.db);
    await request(
      'hostile',
      '2026-11-06T00:00:00Z',
      0.1,
      ['sql'],
      '=HYPERLINK("http://evil"), "quoted"\nsecond line',
    );
    const res = await call(
      ctx.app,
      'GET',
      '/v1/admin/exports/requests.csv?from=2026-11-01T00:00:00Z&to=2026-11-08T00:00:00Z',
      {
        key: t.secretKey,
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="requests-2026-11-01-2026-11-08.csv"',
    );
    const rows = parseCsv(res.text);
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
    expect(data).toHaveLength(4 + 1 + 1203);
    expect(new Set(data.map((r) => r[0])).size).toBe(data.length);
    const created = data.map((r) => r[1]!);
    expect([...created].sort()).toEqual(created);
    const hostile = data.find((r) => r[0] === requestIds.hostile)!;
    expect(hostile[3]).toBe(`'=HYPERLINK("http://evil"), "quoted"\nsecond line`);
    expect(hostile[10]).toBe('https://lms.example/hostile');
  });

  it('exports bookings, and refuses bad datasets and ranges', async () => {
    const res = await call(
      ctx.app,
      'GET',
      '/v1/admin/exports/bookings.csv?from=2026-11-01T00:00:00Z&to=2026-11-08T00:00:00Z',
      {
        key: t.secretKey,
      },
    );
    expect(res.status).toBe(200);
    const rows = parseCsv(res.text);
    expect(rows).toHaveLength(1 + 5);
    expect(
      rows
        .slice(1)
        .map((r) => r[4])
        .sort(),
    ).toEqual(['cancelled', 'completed', 'completed', 'confirmed', 'no_show']);
    const bad = await call(
      ctx.app,
      'GET',
      '/v1/admin/exports/feedback.csv?from=2026-11-01T00:00:00Z&to=2026-11-08T00:00:00Z',
      {
        key: t.secretKey,
      },
    );
    expect(bad.status).toBe(400);
    const noRange = await call(ctx.app, 'GET', '/v1/admin/exports/bookings.csv', { key: t.secretKey });
    expect(noRange.status).toBe(400);
  });
});
