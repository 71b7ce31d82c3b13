/**
 * Program analytics at scale: one tenant with 1,000,000 help requests (100,000 on PGlite unless
 * BENCH_ANALYTICS_ROWS says otherwise) spread over a year, 10 % of them booked, feedback on the
 * completed sessions, seeded in SQL with `INSERT … SELECT generate_series` in the server process
 * (the triggers mark every day dirty). The first `GET /v1/admin/analytics` over the year builds
 * the daily rollup (timed); then that request over the whole year by day and over 30 days by week,
 * sequentially, next to `GET /bench/select1` measured the same way in the same run; the same
 * year read right after a write to one day (that day recomputed first); the live computation
 * (a range not on whole UTC days is computed from the tables) for comparison; and streamed CSV
 * exports of 30 days of requests and of feedback.
 */
import { authHeaders } from '../support/api.js';
import { type LoadRequest, type LoadResult, runLoad } from '../support/load.js';
import { createBenchTenant } from '../support/seed.js';
import type { BenchServer } from '../support/server.js';
import type { Section } from '../support/types.js';

const MEASURED = 20;
const WARMUP = 3;
/** The live computation takes seconds at 1M: fewer runs of it. */
const LIVE_MEASURED = 3;
const MENTORS = 200;
const LEARNERS = 2000;
const YEAR_START = '2025-01-01T00:00:00Z';
/** 1–10, skewed to the first skills, deterministic in g (the same value both times it is used). */
const ZIPF_INDEX =
  'least(10, 1 + floor(-ln(((g::bigint * 2654435761) % 1000003 + 1) / 1000004.0) * 2.5)::int)';
const SKILLS = [
  'sql',
  'python',
  'react',
  'javascript',
  'typescript',
  'go',
  'rust',
  'docker',
  'kubernetes',
  'aws',
];

function rowsWanted(server: BenchServer): number {
  const raw = process.env.BENCH_ANALYTICS_ROWS;
  if (raw) {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1000)
      throw new Error(`BENCH_ANALYTICS_ROWS must be an integer ≥ 1000, not "${raw}"`);
    return n;
  }
  return server.kind === 'postgres' ? 1_000_000 : 100_000;
}

async function seed(server: BenchServer, tenantId: string, rows: number): Promise<void> {
  await server.query(
    `insert into mentors (tenant_id, external_id, name, skills, time_zone, formats, status, approved_at)
     select $1::uuid, 'bench-analytics-m' || g, 'Analytics Mentor ' || g, ($2::text[])[(g % 10) + 1:(g % 10) + 1],
            'UTC', '{video}', 'approved', now()
       from generate_series(1, ${MENTORS}) g`,
    [tenantId, SKILLS],
  );
  await server.query(
    `insert into users (tenant_id, external_id, name)
     select $1::uuid, 'bench-analytics-l' || g, 'Learner ' || g from generate_series(1, ${LEARNERS}) g`,
    [tenantId],
  );
  // Requests: ids derived from (tenant, n) so bookings can point at them; a Zipf-ish skill mix.
  await server.query(
    `insert into help_requests (id, tenant_id, learner_id, title, skills, urgency, status, best_score, created_at)
     select md5($1::text || ':' || g)::uuid, $1::uuid,
            (select id from users where tenant_id = $1::uuid and external_id = 'bench-analytics-l' || ((g % ${LEARNERS}) + 1)),
            'Request ' || g,
            ($2::text[])[${ZIPF_INDEX}:${ZIPF_INDEX}],
            'flexible', 'open', case when g % 17 = 0 then null else random() end,
            $3::timestamptz + ((g - 1) * (365.0 * 86400 / $4)) * interval '1 second'
       from generate_series(1, $4::int) g`,
    [tenantId, SKILLS, YEAR_START, rows],
  );
  // Bookings for every tenth request: mentor k % 200 at 17-hour steps and learner k % 2000 never overlap.
  await server.query(
    `insert into bookings (tenant_id, mentor_id, learner_id, request_id, start_at, end_at, blocked_range, format, status, created_at)
     select $1::uuid, m.id, u.id, md5($1::text || ':' || (k * 10))::uuid, s, s + interval '30 minutes',
            tstzrange(s, s + interval '30 minutes'), 'video',
            case when k % 10 < 6 then 'completed' when k % 10 = 6 then 'no_show' when k % 10 = 7 then 'cancelled' else 'confirmed' end,
            $2::timestamptz + (k * 10 * (365.0 * 86400 / $3)) * interval '1 second' + (k % 120) * interval '1 minute'
       from generate_series(1, $3::int / 10) k
       cross join lateral (select $2::timestamptz + (k / ${MENTORS}) * interval '17 hours' + interval '1 hour' as s) t
       join mentors m on m.tenant_id = $1::uuid and m.external_id = 'bench-analytics-m' || ((k % ${MENTORS}) + 1)
       join users u on u.tenant_id = $1::uuid and u.external_id = 'bench-analytics-l' || ((k % ${LEARNERS}) + 1)`,
    [tenantId, YEAR_START, rows],
  );
  // Feedback on every completed session, with a comment that needs quoting now and then.
  await server.query(
    `insert into feedback (tenant_id, booking_id, mentor_id, learner_id, rating, solved, comment, created_at)
     select b.tenant_id, b.id, b.mentor_id, b.learner_id, 1 + (hashtext(b.id::text) & 7) % 5,
            (array['yes', 'partly', 'no'])[1 + (hashtext(b.id::text) & 255) % 3],
            case when hashtext(b.id::text) % 4 = 0 then 'Helpful, "really", thanks' end,
            b.end_at + interval '5 minutes'
       from bookings b where b.tenant_id = $1::uuid and b.status = 'completed'`,
    [tenantId],
  );
  await server.query('analyze help_requests');
  await server.query('analyze bookings');
  await server.query('analyze feedback');
}

async function sequential(server: BenchServer, request: LoadRequest, n: number): Promise<LoadResult> {
  const result = await runLoad({ url: server.url, connections: 1, amount: n, request });
  if (result.ok !== n) {
    const failures = [...result.failures].map(([k, c]) => `${k} ×${c}`).join(', ');
    throw new Error(`${result.ok} of ${n} ${request.path} succeeded: ${failures}`);
  }
  return result;
}

/** One request with fetch, timed (ms); it must answer 200. */
async function once(server: BenchServer, request: LoadRequest): Promise<number> {
  const started = performance.now();
  const res = await fetch(new URL(request.path, server.url), { headers: request.headers });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`${request.path} answered ${res.status}`);
  return performance.now() - started;
}

export const analyticsSection: Section = {
  name: 'analytics',
  async run({ server, log, appendix }) {
    const rows = rowsWanted(server);
    const tenant = await createBenchTenant(server, `Bench analytics ${rows}`);
    const started = performance.now();
    log(`analytics: seeding ${rows.toLocaleString('en')} requests…`);
    await seed(server, tenant.id, rows);
    const seedSeconds = (performance.now() - started) / 1000;
    log(`analytics: seeded in ${seedSeconds.toFixed(1)} s`);

    const headers = authHeaders(tenant.program);
    const year: LoadRequest = {
      method: 'GET',
      path: '/v1/admin/analytics?from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z&bucket=day',
      headers,
    };
    const month: LoadRequest = {
      method: 'GET',
      path: '/v1/admin/analytics?from=2025-06-01T00:00:00Z&to=2025-07-01T00:00:00Z&bucket=week',
      headers,
    };
    const select1: LoadRequest = { method: 'GET', path: '/bench/select1' };
    // The first read over the year recomputes every dirty day: that is building the rollup.
    const buildSeconds = (await once(server, year)) / 1000;
    log(`analytics: rollup built (first read over the year) in ${buildSeconds.toFixed(1)} s`);
    await sequential(server, select1, WARMUP);
    const base = await sequential(server, select1, MEASURED);
    await sequential(server, year, WARMUP);
    const yearResult = await sequential(server, year, MEASURED);
    await sequential(server, month, WARMUP);
    const monthResult = await sequential(server, month, MEASURED);

    // After a write: one new request on a day mid-year, then the year read (that day recomputed).
    const afterWrite: number[] = [];
    for (let i = 0; i < 5; i++) {
      await server.query(
        `insert into help_requests (tenant_id, learner_id, title, urgency, status, best_score, created_at)
         select $1::uuid, id, 'Late request', 'flexible', 'open', 0.9, '2025-07-01T12:00:00Z'
           from users where tenant_id = $1::uuid limit 1`,
        [tenant.id],
      );
      afterWrite.push(await once(server, year));
    }
    afterWrite.sort((a, b) => a - b);

    // The live computation, same question: a range off whole UTC days is not read from the rollup.
    const liveYear: LoadRequest = {
      ...year,
      path: '/v1/admin/analytics?from=2025-01-01T00:00:00Z&to=2025-12-31T23:59:59.999Z&bucket=day',
    };
    const liveMonth: LoadRequest = {
      ...month,
      path: '/v1/admin/analytics?from=2025-06-01T00:00:00Z&to=2025-06-30T23:59:59.999Z&bucket=week',
    };
    await sequential(server, liveYear, 1);
    const liveYearResult = await sequential(server, liveYear, LIVE_MEASURED);
    await sequential(server, liveMonth, 1);
    const liveMonthResult = await sequential(server, liveMonth, LIVE_MEASURED);

    const timeExport = async (dataset: string, from: string, to: string) => {
      const started = performance.now();
      const response = await fetch(
        new URL(`/v1/admin/exports/${dataset}?from=${from}&to=${to}`, server.url),
        { headers },
      );
      const text = await response.text();
      return { response, text, ms: performance.now() - started, rows: text.split('\r\n').length - 2 };
    };
    const requestsExport = await timeExport('requests.csv', '2025-06-01T00:00:00Z', '2025-07-01T00:00:00Z');
    // January: sessions start from the first hour of the year at every scale (June only at 1M).
    const feedbackExport = await timeExport('feedback.csv', '2025-01-01T00:00:00Z', '2025-01-31T00:00:00Z');
    const res = requestsExport.response;
    const csv = requestsExport.text;
    const exportMs = requestsExport.ms;
    const exported = requestsExport.rows;

    const check = await fetch(new URL(year.path, server.url), { headers });
    const body = (await check.json()) as { totals: { requests: number } };
    const liveCheck = await fetch(new URL(liveYear.path, server.url), { headers });
    const liveBody = (await liveCheck.json()) as { totals: { requests: number } };
    const expectedRequests = rows + afterWrite.length;
    const label = `${rows >= 1_000_000 ? `${rows / 1_000_000}M` : `${rows / 1000}k`} requests`;
    const note = `${MEASURED} sequential after ${WARMUP} warm-up; baseline GET /bench/select1`;
    if (server.kind === 'postgres') {
      const plan = await server.query<{ 'QUERY PLAN': string }>(
        `explain (analyze, buffers) select count(*), count(*) filter (where best_score >= 0.4)
           from help_requests where tenant_id = $1::uuid and created_at >= '2025-01-01' and created_at < '2026-01-01'`,
        [tenant.id],
      );
      appendix(
        `EXPLAIN (ANALYZE, BUFFERS) of the request counts over a year (${label}):`,
        plan.map((r) => r['QUERY PLAN']),
      );
    }
    return [
      {
        benchmark: `analytics, year by day, ${label}, p50`,
        figure: { value: yearResult.p50, unit: 'ms' },
        baseline: { value: base.p50, unit: 'ms' },
        notes: note,
      },
      {
        benchmark: `analytics, year by day, ${label}, p95`,
        figure: { value: yearResult.p95, unit: 'ms' },
        baseline: { value: base.p95, unit: 'ms' },
        notes: `seeded in ${seedSeconds.toFixed(0)} s; rollup built by the first read in ${buildSeconds.toFixed(1)} s`,
        check: {
          ok: body.totals.requests === expectedRequests,
          message: `totals.requests = ${body.totals.requests}, expected ${expectedRequests}`,
        },
      },
      {
        benchmark: `analytics, year by day, after a write to one day, p50`,
        figure: { value: afterWrite[Math.floor(afterWrite.length / 2)]!, unit: 'ms' },
        baseline: { value: base.p50, unit: 'ms' },
        notes: `${afterWrite.length} times: insert one request, then read (its day recomputed first)`,
      },
      {
        benchmark: `analytics, 30 days by week, ${label}, p50`,
        figure: { value: monthResult.p50, unit: 'ms' },
        baseline: { value: base.p50, unit: 'ms' },
        notes: note,
      },
      {
        benchmark: `analytics, 30 days by week, ${label}, p95`,
        figure: { value: monthResult.p95, unit: 'ms' },
        baseline: { value: base.p95, unit: 'ms' },
      },
      {
        benchmark: `live computation, year by day, ${label}, p50`,
        figure: { value: liveYearResult.p50, unit: 'ms' },
        baseline: { value: base.p50, unit: 'ms' },
        notes: `${LIVE_MEASURED} sequential after 1 warm-up; range off whole days → no rollup`,
        check: {
          ok: liveBody.totals.requests === expectedRequests,
          message: `live totals.requests = ${liveBody.totals.requests}, expected ${expectedRequests}`,
        },
      },
      {
        benchmark: `live computation, 30 days by week, ${label}, p50`,
        figure: { value: liveMonthResult.p50, unit: 'ms' },
        baseline: { value: base.p50, unit: 'ms' },
        notes: `${LIVE_MEASURED} sequential after 1 warm-up`,
      },
      {
        benchmark: `CSV export, 30 days of feedback (January)`,
        figure: { value: feedbackExport.ms, unit: 'ms' },
        notes: `${feedbackExport.rows.toLocaleString('en')} rows streamed, ${(feedbackExport.text.length / 1024).toFixed(0)} KiB`,
        check: {
          ok: feedbackExport.response.status === 200 && feedbackExport.rows > 0,
          message: `feedback export answered ${feedbackExport.response.status} with ${feedbackExport.rows} rows`,
        },
      },
      {
        benchmark: `CSV export, 30 days of requests`,
        figure: { value: exportMs, unit: 'ms' },
        notes: `${exported.toLocaleString('en')} rows streamed, ${(csv.length / 1024).toFixed(0)} KiB`,
        check: {
          ok: res.status === 200 && exported > 0,
          message: `export answered ${res.status} with ${exported} rows`,
        },
      },
    ];
  },
};
