/**
 * Matching speed: `POST /v1/requests` (store the request, find candidates, rank, next free slots,
 * store the matches) against a tenant of 10,000 and then 100,000 mentors, one client, next to
 * `GET /bench/select1` measured the same way. The mentors are bulk-inserted with SQL in the
 * server process (batches of 1,000 rows), with a Zipf-like skill distribution over the taxonomy.
 * On PostgreSQL it also prints EXPLAIN (ANALYZE, BUFFERS) of the candidate query at the largest size.
 */
import { randomUUID } from 'node:crypto';
import type { Database } from '../../packages/server/src/db/database.js';
import { findCandidates } from '../../packages/server/src/db/match-candidates.js';
import { analyzeQuery } from '../../packages/server/src/domain/matching/analyze.js';
import { CANDIDATE_POOL } from '../../packages/server/src/domain/requests/find-matches.js';
import { SKILLS } from '../../packages/server/src/domain/skills/taxonomy.js';
import {
  type EvalRequest,
  loadEvalSet,
  requestBody,
} from '../../packages/server/test/support/matching-eval.js';
import { authHeaders } from '../support/api.js';
import {
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from '../support/kysely.js';
import { type LoadRequest, type LoadResult, runLoad } from '../support/load.js';
import { ALWAYS_AVAILABLE, type BenchTenant, createBenchTenant } from '../support/seed.js';
import type { BenchServer } from '../support/server.js';
import type { Row, Section, SectionContext } from '../support/types.js';

/** Tenant sizes, grown in order; `BENCH_MATCHING_SIZES=10000` measures only the first. */
const SIZES = (process.env.BENCH_MATCHING_SIZES ?? '10000,100000').split(',').map(Number);
const BATCH = 1000;
/** Sequential requests per size: 200 each, for a p95 of ten samples above it. */
const REQUESTS: Record<number, number> = { 10000: 200, 100000: 200 };
const WARMUP_REQUESTS = 5;
const PHRASINGS = 30;
const LEARNERS = 50;
/** PGlite: skip the 100k tenant when seeding it is projected to take longer than this. */
const PGLITE_SEED_LIMIT_S = 90;
/** p95 targets on PostgreSQL, by tenant size: keyword-only, and with matching by meaning on. */
const TARGET_P95_MS: Record<number, number> = { 10000: 30, 100000: 100 };
const MEANING_TARGET_P95_MS: Record<number, number> = { 10000: 80, 100000: 150 };
const DAY_MS = 24 * 60 * 60 * 1000;

// ---------------------------------------------------------------------------------------------
// Synthetic mentors
// ---------------------------------------------------------------------------------------------

/** mulberry32: a small seeded PRNG, so every run seeds the same mentors. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SLUGS = Object.keys(SKILLS);
/** Zipf (s = 1) over the taxonomy in its own order (JavaScript, TypeScript, React… first). */
const ZIPF_CDF = (() => {
  const weights = SLUGS.map((_, rank) => 1 / (rank + 1));
  const total = weights.reduce((s, w) => s + w, 0);
  let sum = 0;
  return weights.map((w) => {
    sum += w / total;
    return sum;
  });
})();

function zipfSkill(random: () => number): string {
  const u = random();
  let lo = 0;
  let hi = ZIPF_CDF.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ZIPF_CDF[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return SLUGS[lo]!;
}

const ROLES = [
  'Senior engineer',
  'Staff engineer',
  'Consultant',
  'Instructor',
  'Tech lead',
  'Freelance developer',
  'Bootcamp mentor',
  'Principal engineer',
];
const FIRST = [
  'Ana',
  'Ben',
  'Chen',
  'Dara',
  'Eli',
  'Fatima',
  'Goran',
  'Hana',
  'Ivan',
  'Jade',
  'Kofi',
  'Lena',
];
const LAST = ['Silva', 'Novak', 'Okafor', 'Tanaka', 'Müller', 'Dubois', 'Rossi', 'Khan', 'Smith', 'García'];

interface SyntheticMentors {
  name: string[];
  headline: string[];
  bio: string[];
  skills: string[];
  languages: string[];
  formats: string[];
  years: number[];
  ratingSum: number[];
  ratingCount: number[];
  sessions: number[];
  ageDays: number[];
}

/** Mentors `from` … `from + count - 1`, columns as arrays (comma-joined lists) for one unnest insert. */
export function syntheticMentors(from: number, count: number): SyntheticMentors {
  const out: SyntheticMentors = {
    name: [],
    headline: [],
    bio: [],
    skills: [],
    languages: [],
    formats: [],
    years: [],
    ratingSum: [],
    ratingCount: [],
    sessions: [],
    ageDays: [],
  };
  for (let i = from; i < from + count; i++) {
    const random = prng(i * 7919 + 17);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const wanted = 3 + Math.floor(random() * 5);
    const skills = new Set<string>();
    while (skills.size < wanted) skills.add(zipfSkill(random));
    const list = [...skills];
    const labels = list.map((s) => SKILLS[s]!.label);
    const years = 1 + Math.floor(random() * 25);
    const synonyms = list.flatMap((s) => SKILLS[s]!.synonyms.slice(0, 1));
    const l = random();
    const languages =
      l < 0.8
        ? 'en'
        : l < 0.87
          ? 'es,en'
          : l < 0.91
            ? 'pt,en'
            : l < 0.93
              ? 'es'
              : l < 0.96
                ? 'fr,en'
                : l < 0.98
                  ? 'de,en'
                  : 'de';
    const f = random();
    const formats =
      f < 0.5
        ? 'video,call,chat'
        : f < 0.7
          ? 'video,chat'
          : f < 0.85
            ? 'video'
            : f < 0.95
              ? 'chat'
              : 'call,video';
    const rated = random() < 0.6;
    const ratingCount = rated ? 1 + Math.floor(random() * 40) : 0;
    const ratingSum = Math.round(ratingCount * (3.5 + random() * 1.5));
    out.name.push(`${pick(FIRST)} ${pick(LAST)} ${i + 1}`);
    out.headline.push(`${pick(ROLES)} — ${labels.slice(0, 3).join(', ')}`);
    out.bio.push(
      `${years} years of hands-on work with ${labels.join(', ')}. ` +
        `I help people get unstuck with ${labels[0]} and ${labels[1]}: debugging, reviews, design and first steps.` +
        (synonyms.length ? ` Ask me about ${synonyms.join(', ')}.` : ''),
    );
    out.skills.push(list.join(','));
    out.languages.push(languages);
    out.formats.push(formats);
    out.years.push(years);
    out.ratingSum.push(ratingSum);
    out.ratingCount.push(ratingCount);
    out.sessions.push(ratingCount + Math.floor(random() * 10));
    out.ageDays.push(Math.floor(random() * 700));
  }
  return out;
}

export const INSERT_MENTORS = `
  insert into mentors (tenant_id, name, headline, bio, skills, years_experience, languages, time_zone,
                       formats, status, rating_sum, rating_count, sessions_count, created_at, approved_at)
  select $1::uuid, t.name, t.headline, t.bio, string_to_array(t.skills, ','), t.years,
         string_to_array(t.langs, ','), 'UTC', string_to_array(t.formats, ','), 'approved',
         t.rs, t.rc, t.sc, now() - make_interval(days => t.age), now() - make_interval(days => t.age)
  from unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[],
              $9::int[], $10::int[], $11::int[], $12::int[])
       as t(name, headline, bio, skills, years, langs, formats, rs, rc, sc, age)`;

/** Every mentor of the tenant without availability gets a copy of the template mentor's (24/7). */
export const COPY_AVAILABILITY = `
  insert into availability (mentor_id, tenant_id, weekly, overrides, buffer_before_minutes,
                            buffer_after_minutes, min_notice_minutes, horizon_days, max_per_day,
                            max_per_week, session_lengths, meeting_url)
  select m.id, m.tenant_id, t.weekly, t.overrides, t.buffer_before_minutes, t.buffer_after_minutes,
         t.min_notice_minutes, t.horizon_days, t.max_per_day, t.max_per_week, t.session_lengths, t.meeting_url
  from mentors m
  cross join (select * from availability where mentor_id = $2::uuid) t
  where m.tenant_id = $1::uuid
    and not exists (select 1 from availability a where a.mentor_id = m.id)`;

/** Grows the tenant to `total` mentors (bulk SQL), all with 24/7 availability; returns seconds taken. */
export async function growTo(
  server: BenchServer,
  tenantId: string,
  templateId: string,
  have: number,
  total: number,
) {
  const started = performance.now();
  for (let from = have; from < total; from += BATCH) {
    const m = syntheticMentors(from, Math.min(BATCH, total - from));
    await server.query(INSERT_MENTORS, [
      tenantId,
      m.name,
      m.headline,
      m.bio,
      m.skills,
      m.years,
      m.languages,
      m.formats,
      m.ratingSum,
      m.ratingCount,
      m.sessions,
      m.ageDays,
    ]);
  }
  await server.query(COPY_AVAILABILITY, [tenantId, templateId]);
  // What autovacuum would have done by the time a real tenant had grown this big: statistics,
  // the visibility map, and (for GIN indexes still using fastupdate) the pending list merged.
  await server.query('vacuum analyze mentors');
  await server.query('vacuum analyze availability');
  return (performance.now() - started) / 1000;
}

// ---------------------------------------------------------------------------------------------
// EXPLAIN of the exact candidate query
// ---------------------------------------------------------------------------------------------

/**
 * A driver that keeps the compiled queries, to get findCandidates' exact SQL. Reads of the
 * planner statistics (the common-lexeme list findCandidates caches) go to the server, so the
 * captured query carries the parameters the real request would; everything else runs nowhere.
 */
class CaptureDriver implements Driver {
  readonly captured: CompiledQuery[] = [];
  constructor(private readonly server: BenchServer) {}
  async init(): Promise<void> {}
  async acquireConnection(): Promise<DatabaseConnection> {
    const { captured, server } = this;
    return {
      async executeQuery<R>(query: CompiledQuery) {
        if (query.sql.includes('from pg_stats')) {
          return { rows: await server.query<R>(query.sql, query.parameters) };
        }
        captured.push(query);
        return { rows: [] };
      },
      // biome-ignore lint/correctness/useYield: never streamed
      async *streamQuery() {
        throw new Error('not supported');
      },
    };
  }
  async beginTransaction(): Promise<void> {}
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

function isoWeek(now: Date): { start: Date; end: Date } {
  const day = (now.getUTCDay() + 6) % 7;
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - day));
  return { start, end: new Date(start.getTime() + 7 * DAY_MS) };
}

/** The candidate query findMatches would send for request `r`, compiled, with its parameters. */
export async function candidateQuery(
  server: BenchServer,
  tenantId: string,
  r: EvalRequest,
): Promise<CompiledQuery> {
  const driver = new CaptureDriver(server);
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (k) => new PostgresIntrospector(k),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
  const analyzed = analyzeQuery({
    title: r.title,
    details: r.details,
    skills: r.skills ?? [],
    topic: r.context?.topic,
    selection: r.context?.selection,
    pageTitle: r.context?.pageTitle,
  });
  const week = isoWeek(new Date());
  await findCandidates(db, {
    tenantId,
    learnerId: randomUUID(),
    learnerExternalId: 'bench-explain',
    format: r.format ?? null,
    languages: r.languages ?? [],
    terms: analyzed.terms,
    requestedSkills: analyzed.skills.map((s) => s.slug),
    relatedSkills: analyzed.related.map((s) => s.slug),
    excludeMentorIds: [],
    weekStart: week.start,
    weekEnd: week.end,
    limit: CANDIDATE_POOL,
  });
  await db.destroy();
  const [query] = driver.captured;
  if (!query) throw new Error('findCandidates sent no query');
  return query;
}

/** Planning/execution time, buffers, row counts and which indexes the plan reads. */
export async function explainSummary(
  server: BenchServer,
  tenantId: string,
  r: EvalRequest,
): Promise<string[]> {
  const query = await candidateQuery(server, tenantId, r);
  const plan = await server.query<{ 'QUERY PLAN': string }>(
    `explain (analyze, buffers) ${query.sql}`,
    query.parameters,
  );
  const lines = plan.map((row) => row['QUERY PLAN']);
  const scans = new Map<string, number>();
  for (const line of lines) {
    const m = /(Bitmap Index Scan|Index Only Scan|Index Scan|Seq Scan) on (\S+)/.exec(line);
    if (m) scans.set(`${m[1]} on ${m[2]}`, (scans.get(`${m[1]} on ${m[2]}`) ?? 0) + 1);
  }
  const pick = (re: RegExp) => lines.find((l) => re.test(l))?.trim() ?? '';
  const mentorRows =
    lines.find((l) => /(Bitmap Heap Scan|Seq Scan|Index Scan) on mentors/.test(l))?.trim() ?? '';
  const sort = pick(/Sort Method/);
  return [
    `request ${r.key} "${r.title}"`,
    `  ${pick(/^Planning Time/)}; ${pick(/^Execution Time/)}`,
    `  top: ${lines[0]?.trim()}`,
    `  mentors: ${mentorRows}`,
    ...(sort ? [`  ${sort}`] : []),
    `  ${pick(/Buffers:/)} (first node)`,
    `  scans: ${[...scans].map(([k, n]) => (n > 1 ? `${k} ×${n}` : k)).join('; ')}`,
  ];
}

// ---------------------------------------------------------------------------------------------
// The section
// ---------------------------------------------------------------------------------------------

async function sequential(
  server: BenchServer,
  request: LoadRequest | ((i: number) => LoadRequest),
  n: number,
) {
  const result = await runLoad({ url: server.url, connections: 1, amount: n, request });
  if (result.ok !== n) {
    const failures = [...result.failures].map(([k, c]) => `${k} ×${c}`).join(', ');
    throw new Error(`${result.ok} of ${n} requests succeeded: ${failures} errors ${result.errors}`);
  }
  return result;
}

async function measure(
  ctx: SectionContext,
  tenant: BenchTenant,
  phrasings: EvalRequest[],
  round: number,
  tag = '',
) {
  const count = REQUESTS[round] ?? 200;
  const { server } = ctx;
  const headers = authHeaders(tenant.visitor, true);
  let n = 0;
  const next = (): LoadRequest => {
    const i = n++;
    return {
      method: 'POST',
      path: '/v1/requests',
      headers: { ...headers, 'X-User-Token': tenant.token(`speed-learner${tag}-${round}-${i % LEARNERS}`) },
      body: JSON.stringify(requestBody(phrasings[i % phrasings.length]!)),
    };
  };
  const select1: LoadRequest = { method: 'GET', path: '/bench/select1' };
  await sequential(server, select1, WARMUP_REQUESTS);
  const base = await sequential(server, select1, count);
  await sequential(server, next, WARMUP_REQUESTS);
  const requests = await sequential(server, next, count);
  return { base, requests };
}

type Mode = 'keyword' | 'meaning';

function rowsFor(
  size: number,
  mode: Mode,
  kind: string,
  { base, requests }: { base: LoadResult; requests: LoadResult },
): Row[] {
  const label = `${size / 1000}k mentors${mode === 'meaning' ? ', with meaning' : ''}`;
  const target = (mode === 'meaning' ? MEANING_TARGET_P95_MS : TARGET_P95_MS)[size];
  const verdict =
    target === undefined
      ? ''
      : kind === 'postgres'
        ? `target p95 ≤ ${target} ms on PostgreSQL: ${requests.p95 <= target ? 'met' : 'NOT met'}`
        : `target p95 ≤ ${target} ms applies to PostgreSQL (PGlite: ${requests.p95 <= target ? 'within it' : 'above it'})`;
  const how =
    mode === 'meaning'
      ? 'the question embedded (USE lite) and every profile vector scanned, besides the keyword path'
      : 'keyword-only (the program setting semanticMatching off)';
  return [
    {
      benchmark: `request+match, ${label}, p50`,
      figure: { value: requests.p50, unit: 'ms' },
      baseline: { value: base.p50, unit: 'ms' },
      notes: `POST /v1/requests, ${requests.ok} sequential, ${PHRASINGS} phrasings, ${how}; baseline GET /bench/select1`,
    },
    {
      benchmark: `request+match, ${label}, p95`,
      figure: { value: requests.p95, unit: 'ms' },
      baseline: { value: base.p95, unit: 'ms' },
      notes: verdict,
    },
  ];
}

export const matchingSpeedSection: Section = {
  name: 'matching-speed',
  async run(ctx) {
    const { server, log } = ctx;
    const set = loadEvalSet();
    const phrasings = set.requests.slice(0, PHRASINGS);
    // Keyword-only first at each size; then, with the model loaded, with meaning too.
    const tenant = await createBenchTenant(server, 'Bench matching speed', { semanticMatching: false });
    const meaningOn = (on: boolean) =>
      tenant.api.call('PATCH', '/v1/admin/settings', tenant.program, { semanticMatching: on }, 200);
    // One mentor through the API: its availability row is the template the bulk insert copies.
    const template = await tenant.api.call<{ id: string }>(
      'POST',
      '/v1/mentors',
      tenant.program,
      {
        name: 'Template Mentor',
        skills: ['sql'],
        timeZone: 'UTC',
        formats: ['video', 'call', 'chat'],
        status: 'approved',
      },
      201,
    );
    await tenant.api.call('PUT', `/v1/mentors/${template.id}/availability`, tenant.program, ALWAYS_AVAILABLE);

    const rows: Row[] = [];
    let have = 1;
    let lastSize = 0;
    let perMentorSeconds = 0;
    for (const size of SIZES) {
      if (server.kind === 'pglite' && perMentorSeconds > 0) {
        const projected = perMentorSeconds * (size - have);
        if (projected > PGLITE_SEED_LIMIT_S) {
          log(`PGlite: seeding to ${size} would take ~${projected.toFixed(0)} s; skipping it`);
          rows.push({
            benchmark: `request+match, ${size / 1000}k mentors`,
            figure: { value: Number.NaN, unit: 'ms' },
            notes: `skipped on PGlite: seeding ${size - have} more mentors projected at ${projected.toFixed(0)} s (> ${PGLITE_SEED_LIMIT_S} s)`,
          });
          continue;
        }
      }
      log(`seeding the tenant to ${size} mentors (bulk SQL)…`);
      const seconds = await growTo(server, tenant.id, template.id, have, size);
      perMentorSeconds = seconds / (size - have);
      have = size;
      lastSize = size;
      log(`seeded in ${seconds.toFixed(1)} s; ${REQUESTS[size] ?? 200} sequential POST /v1/requests…`);
      rows.push(...rowsFor(size, 'keyword', server.kind, await measure(ctx, tenant, phrasings, size)));
      rows.push({
        benchmark: `seed to ${size / 1000}k mentors (bulk SQL)`,
        figure: { value: seconds, unit: 's' },
        notes: 'batches of 1,000 rows (unnest insert) + 24/7 availability for all + vacuum analyze',
      });
      const embedStarted = performance.now();
      const embedded = await server.embedSynthetic(tenant.id);
      if (embedded > 0) {
        const embedSeconds = (performance.now() - embedStarted) / 1000;
        log(`stored ${embedded} synthetic profile embeddings in ${embedSeconds.toFixed(1)} s; with meaning…`);
        await meaningOn(true);
        rows.push(
          ...rowsFor(size, 'meaning', server.kind, await measure(ctx, tenant, phrasings, size, '-meaning')),
        );
        await meaningOn(false);
      }
    }

    if (server.kind === 'postgres' && lastSize > 0) {
      log(`EXPLAIN (ANALYZE, BUFFERS) of the candidate query at ${lastSize} mentors…`);
      const picks = ['r01', 'r03', 'r05']
        .map((k) => set.requests.find((r) => r.key === k))
        .filter((r) => !!r);
      const lines: string[] = [];
      for (const r of picks) lines.push(...(await explainSummary(server, tenant.id, r)));
      ctx.appendix(
        `EXPLAIN (ANALYZE, BUFFERS) of findCandidates' query, ${lastSize / 1000}k mentors in the tenant:`,
        lines,
      );
    }
    return rows;
  },
};
