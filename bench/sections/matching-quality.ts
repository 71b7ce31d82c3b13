/**
 * Matching quality on the judged sets over the same 66 mentors (packages/server/test/fixtures:
 * the original set, questions asked on a page that disagrees with them, paraphrases sharing no
 * content word with the right mentor; and questions nobody there can answer, scored by how often
 * no mentor comes back), for our matcher (`POST /v1/requests`) with matching by
 * meaning and without it (a second tenant with `semanticMatching: false`), next to a baseline of
 * PostgreSQL's full-text rank alone, in the same database and run. Seeding is the eval test's:
 * mentors through the API, identical 24/7 availability, ratings and session counts set directly,
 * then the profiles' embeddings computed as the `mentor.embed` job would.
 */
import {
  type EvalRequest,
  type EvalScores,
  loadEvalSet,
  loadRequests,
  requestBody,
  score,
} from '../../packages/server/test/support/matching-eval.js';
import { inParallel } from '../support/api.js';
import { ALWAYS_AVAILABLE, type BenchTenant, createBenchTenant } from '../support/seed.js';
import type { BenchServer } from '../support/server.js';
import type { Row, Section } from '../support/types.js';

const SAFE_TERM = /^[\p{L}\p{N}]+$/u;

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

/** The judged sets, by the name the table prints. */
const SETS: Record<string, () => EvalRequest[]> = {
  judged: () => loadEvalSet().requests,
  'in context': () => loadRequests('in-context'),
  paraphrase: () => loadRequests('paraphrase'),
};

/** Questions nobody among the mentors can answer: measured by how often no mentor is returned. */
const UNANSWERABLE = 'unanswerable';

async function rankSet(
  tenant: BenchTenant,
  keyById: Map<string, string>,
  name: string,
  requests: EvalRequest[],
): Promise<EvalScores> {
  const ranked = new Map<string, string[]>();
  for (const [i, r] of requests.entries()) {
    const res = await tenant.api.call<{ matches: { mentor: { id: string } }[] }>(
      'POST',
      '/v1/requests',
      tenant.learner(`eval-${name}-${i}`),
      requestBody(r),
      201,
    );
    ranked.set(
      r.key,
      res.matches.map((m) => keyById.get(m.mentor.id) ?? '?'),
    );
  }
  return score({ mentors: [], requests }, ranked);
}

const f3 = (n: number): string => n.toFixed(3);

export const matchingQualitySection: Section = {
  name: 'matching-quality',
  async run({ server, log }) {
    const semantic = await createBenchTenant(server, 'Bench matching quality');
    const keyword = await createBenchTenant(server, 'Bench matching quality, keyword only', {
      semanticMatching: false,
    });
    log(`seeding the judged sets' ${loadEvalSet().mentors.length} mentors in two tenants…`);
    const semanticKeys = await seedEvalMentors(server, semantic);
    const keywordKeys = await seedEvalMentors(server, keyword);
    log('computing the profiles’ embeddings…');
    await server.embedProfiles(semantic.id);

    const rows: Row[] = [];
    for (const [name, load] of Object.entries(SETS)) {
      const requests = load();
      log(
        `${name}: posting ${requests.length} judged requests to both tenants, and ranking by full-text rank alone…`,
      );
      const withMeaning = await rankSet(semantic, semanticKeys, name, requests);
      const keywordOnly = await rankSet(keyword, keywordKeys, name, requests);
      const fullText = new Map<string, string[]>();
      for (const r of requests) fullText.set(r.key, await keywordRanking(server, semantic.id, r));
      const baseline = score({ mentors: [], requests }, fullText);
      const n = requests.length;
      rows.push(
        {
          benchmark: `matching hit@3, ${name} (${n})`,
          figure: { value: withMeaning.hitAt3, unit: 'score' },
          baseline: { value: keywordOnly.hitAt3, unit: 'score' },
          notes: `with meaning vs skills and words only; ts_rank_cd alone ${f3(baseline.hitAt3)}; misses with meaning: ${withMeaning.misses.map((m) => m.key).join(' ') || 'none'}`,
        },
        {
          benchmark: `matching hit@1, ${name}`,
          figure: { value: withMeaning.hitAt1, unit: 'score' },
          baseline: { value: keywordOnly.hitAt1, unit: 'score' },
          notes: `ts_rank_cd alone ${f3(baseline.hitAt1)}`,
        },
        {
          benchmark: `matching MRR, ${name}`,
          figure: { value: withMeaning.mrr, unit: 'score' },
          baseline: { value: keywordOnly.mrr, unit: 'score' },
          notes: `ts_rank_cd alone ${f3(baseline.mrr)}; MRR = mean of 1 / rank of the first relevant mentor (0 when none in the top 5)`,
        },
      );
    }
    const unanswerable = loadRequests('unanswerable');
    log(`${UNANSWERABLE}: posting ${unanswerable.length} questions nobody can answer to both tenants…`);
    const withMeaning = await rankSet(semantic, semanticKeys, UNANSWERABLE, unanswerable);
    const keywordOnly = await rankSet(keyword, keywordKeys, UNANSWERABLE, unanswerable);
    const answered = (s: EvalScores): string =>
      s.misses
        .filter((m) => m.got.length > 0)
        .map((m) => m.key)
        .join(' ') || 'none';
    rows.push({
      benchmark: `matching no match, ${UNANSWERABLE} (${unanswerable.length})`,
      figure: { value: withMeaning.noMatch, unit: 'score' },
      baseline: { value: keywordOnly.noMatch, unit: 'score' },
      notes: `share of questions answered with no mentor (1 is right), with meaning vs skills and words only; still matched with meaning: ${answered(withMeaning)}`,
    });
    return rows;
  },
};
