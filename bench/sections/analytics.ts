/**
 * Program analytics at scale: one tenant with 1,000,000 help requests (100,000 on PGlite unless
 * BENCH_ANALYTICS_ROWS says otherwise) spread over a year, 10 % of them booked, seeded in SQL with
 * `INSERT … SELECT generate_series` in the server process. Then `GET /v1/admin/analytics` over the
 * whole year by day and over 30 days by week, sequentially, next to `GET /bench/select1` measured
 * the same way in the same run; and one full streamed CSV export of 30 days of requests.
 */
import { authHeaders } from '../support/api.js';
import { type LoadRequest, type LoadResult, runLoad } from '../support/load.js';
import { createBenchTenant } from '../support/seed.js';
import type { BenchServer } from '../support/server.js';
import type { Section } from '../support/types.js';

const MEASURED = 20;
const WARMUP = 3;
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
  await server.query('analyze help_requests');
  await server.query('analyze bookings');
}

async function sequential(server: BenchServer, request: LoadRequest, n: number): Promise<LoadResult> {
  const result = await runLoad({ url: server.url, connections: 1, amount: n, request });
  if (result.ok !== n) {
    const failures = [...result.failures].map(([k, c]) => `${k} ×${c}`).join(', ');
    throw new Error(`${result.ok} of ${n} ${request.path} succeeded: ${failures}`);
  }
  return result;
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
    await sequential(server, select1, WARMUP);
    const base = await sequential(server, select1, MEASURED);
    await sequential(server, year, WARMUP);
    const yearResult = await sequential(server, year, MEASURED);
    await sequential(server, month, WARMUP);
    const monthResult = await sequential(server, month, MEASURED);

    const exportStarted = performance.now();
    const res = await fetch(
      new URL('/v1/admin/exports/requests.csv?from=2025-06-01T00:00:00Z&to=2025-07-01T00:00:00Z', server.url),
      { headers },
    );
    const csv = await res.text();
    const exportMs = performance.now() - exportStarted;
    const exported = csv.split('\r\n').length - 2;

    const check = await fetch(new URL(year.path, server.url), { headers });
    const body = (await check.json()) as { totals: { requests: number } };
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
        notes: `seeded in ${seedSeconds.toFixed(0)} s (INSERT … SELECT generate_series)`,
        check: {
          ok: body.totals.requests === rows,
          message: `totals.requests = ${body.totals.requests}, expected ${rows}`,
        },
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
