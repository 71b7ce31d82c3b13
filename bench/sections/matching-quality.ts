/**
 * Matching quality: the judged evaluation set (packages/server/test/fixtures/matching-eval.json)
 * scored for our matcher (`POST /v1/requests`) and for a keyword-only baseline — PostgreSQL's
 * full-text rank alone — on the same mentors in the same database. Seeding is the eval test's:
 * mentors through the API, identical 24/7 availability, ratings and session counts set directly.
 */
import { type EvalRequest, loadEvalSet, score } from '../../packages/server/test/support/matching-eval.js';
import { inParallel } from '../support/api.js';
import { ALWAYS_AVAILABLE, type BenchTenant, createBenchTenant } from '../support/seed.js';
import type { BenchServer } from '../support/server.js';
import type { Section } from '../support/types.js';

const SAFE_TERM = /^[\p{L}\p{N}]+$/u;

/** The body the eval test sends for one judged request. */
export function requestBody(r: EvalRequest): Record<string, unknown> {
  return {
    title: r.title,
    details: r.details,
    urgency: r.urgency,
    ...(r.skills ? { skills: r.skills } : {}),
    ...(r.format ? { format: r.format } : {}),
    ...(r.languages ? { languages: r.languages } : {}),
    ...(r.context ? { context: r.context } : {}),
  };
}

/** Every word of the request's text (title, details, topic, selection), lowercased, unique: no stop list, no skills. */
export function keywordTerms(r: EvalRequest): string[] {
  const text = [r.title, r.details, r.context?.topic ?? '', r.context?.selection ?? ''].join(' ');
  const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  return [...new Set(words.filter((w) => w.length >= 2 && SAFE_TERM.test(w)))];
}

/**
 * The keyword-only baseline: the tenant's approved mentors who offer the format and speak one of
 * the languages, by `ts_rank_cd(search_doc, q)` with q = OR of the request's words (the same
 * `simple || english` tsquery as the candidate query), ties by id, top 5.
 */
const KEYWORD_SQL = `
  select m.external_id as key
  from mentors m
  where m.tenant_id = $1 and m.deleted_at is null and m.status = 'approved'
    and ($2::text is null or $2::text = any(m.formats))
    and (cardinality($3::text[]) = 0 or m.languages && $3::text[])
  order by ts_rank_cd(m.search_doc, to_tsquery('simple', $4) || to_tsquery('english', $4)) desc, m.id
  limit 5`;

export async function keywordRanking(
  server: BenchServer,
  tenantId: string,
  r: EvalRequest,
): Promise<string[]> {
  const rows = await server.query<{ key: string }>(KEYWORD_SQL, [
    tenantId,
    r.format ?? null,
    r.languages ?? [],
    keywordTerms(r).join(' | '),
  ]);
  return rows.map((row) => row.key.replace(/^eval-/, ''));
}

/** The eval set's mentors in `tenant`, as the eval test makes them; returns mentor id → eval key. */
export async function seedEvalMentors(
  server: BenchServer,
  tenant: BenchTenant,
): Promise<Map<string, string>> {
  const set = loadEvalSet();
  const keyById = new Map<string, string>();
  await inParallel(set.mentors, 4, async (m) => {
    const created = await tenant.api.call<{ id: string }>(
      'POST',
      '/v1/mentors',
      tenant.program,
      {
        externalId: `eval-${m.key}`,
        name: m.name,
        headline: m.headline,
        bio: m.bio,
        skills: m.skills,
        yearsExperience: m.yearsExperience,
        languages: m.languages,
        timeZone: m.timeZone,
        formats: m.formats,
      },
      201,
    );
    keyById.set(created.id, m.key);
    // Identical availability for all, so the judged set measures topical fit.
    await tenant.api.call('PUT', `/v1/mentors/${created.id}/availability`, tenant.program, ALWAYS_AVAILABLE);
    if (m.rating || m.sessions) {
      await server.query(
        'update mentors set rating_sum = $1, rating_count = $2, sessions_count = $3 where id = $4',
        [m.rating?.sum ?? 0, m.rating?.count ?? 0, m.sessions ?? 0, created.id],
      );
    }
  });
  return keyById;
}

export const matchingQualitySection: Section = {
  name: 'matching-quality',
  async run({ server, log }) {
    const set = loadEvalSet();
    const tenant = await createBenchTenant(server, 'Bench matching quality');
    log(`seeding the eval set's ${set.mentors.length} mentors…`);
    const keyById = await seedEvalMentors(server, tenant);

    log(`posting ${set.requests.length} judged requests, and ranking them by full-text rank alone…`);
    const ours = new Map<string, string[]>();
    const keyword = new Map<string, string[]>();
    for (const [i, r] of set.requests.entries()) {
      const res = await tenant.api.call<{ matches: { mentor: { id: string } }[] }>(
        'POST',
        '/v1/requests',
        tenant.learner(`eval-learner-${i}`),
        requestBody(r),
        201,
      );
      ours.set(
        r.key,
        res.matches.map((m) => keyById.get(m.mentor.id) ?? '?'),
      );
      keyword.set(r.key, await keywordRanking(server, tenant.id, r));
    }
    const a = score(set, ours);
    const b = score(set, keyword);
    const n = set.requests.length;
    const judged = `${n} judged requests, ${set.mentors.length} mentors`;
    return [
      {
        benchmark: 'matching hit@1',
        figure: { value: a.hitAt1, unit: 'score' },
        baseline: { value: b.hitAt1, unit: 'score' },
        notes: `${judged}; baseline = ts_rank_cd alone (format/language filters, top 5)`,
      },
      {
        benchmark: 'matching hit@3',
        figure: { value: a.hitAt3, unit: 'score' },
        baseline: { value: b.hitAt3, unit: 'score' },
        notes: `misses: ours ${a.misses.length}/${n} (${a.misses.map((m) => m.key).join(' ') || 'none'}), keyword ${b.misses.length}/${n}`,
      },
      {
        benchmark: 'matching MRR',
        figure: { value: a.mrr, unit: 'score' },
        baseline: { value: b.mrr, unit: 'score' },
        notes: 'mean of 1 / rank of the first relevant mentor (0 when none in the top 5)',
      },
    ];
  },
};
