import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillEmbeddings } from '../src/domain/matching/semantic/backfill.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { call } from './support/http.js';
import {
  type EvalRequest,
  type EvalScores,
  loadEvalSet,
  loadRequests,
  requestBody,
  score,
} from './support/matching-eval.js';
import { semanticKit } from './support/semantic.js';

const ALL_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * The judged sets, over the same 66 mentors: the original one, questions asked on a page that
 * disagrees with them (or breaks their tie), paraphrases that share no content word with the
 * right mentor, and questions nobody in the pool can answer (the right answer: no mentor). Each
 * is run with matching by meaning on and off, in one app, on two tenants.
 */
const SETS: Record<string, EvalRequest[]> = {
  judged: loadEvalSet().requests,
  'in-context': loadRequests('in-context'),
  paraphrase: loadRequests('paraphrase'),
  unanswerable: loadRequests('unanswerable'),
};

let ctx: TestContext;
const worlds: Record<'semantic' | 'keyword', { tenant: TestTenant; keyById: Map<string, string> }> =
  {} as never;
const results: Record<string, Record<'semantic' | 'keyword', EvalScores>> = {};

async function seed(tenant: TestTenant): Promise<Map<string, string>> {
  const keyById = new Map<string, string>();
  for (const m of loadEvalSet().mentors) {
    const res = await call<{ id: string }>(ctx.app, 'POST', '/v1/mentors', {
      key: tenant.secretKey,
      body: {
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
    });
    expect(res.status, res.text).toBe(201);
    keyById.set(res.body.id, m.key);
    // Identical availability for all, so the judged sets measure topical fit.
    await call(ctx.app, 'PUT', `/v1/mentors/${res.body.id}/availability`, {
      key: tenant.secretKey,
      body: {
        timeZone: 'UTC',
        weekly: ALL_DAYS.map((day) => ({ day, start: '00:00', end: '24:00' })),
        minNoticeMinutes: 0,
        sessionLengths: [15, 30],
      },
    });
    if (m.rating || m.sessions) {
      await ctx.db
        .updateTable('mentors')
        .set({
          rating_sum: m.rating?.sum ?? 0,
          rating_count: m.rating?.count ?? 0,
          sessions_count: m.sessions ?? 0,
        })
        .where('id', '=', res.body.id)
        .execute();
    }
  }
  return keyById;
}

async function rankAll(world: 'semantic' | 'keyword', name: string): Promise<EvalScores> {
  const { tenant, keyById } = worlds[world];
  const requests = SETS[name] ?? [];
  const ranked = new Map<string, string[]>();
  for (const [i, r] of requests.entries()) {
    const res = await call<{ matches: { mentor: { id: string } }[] }>(ctx.app, 'POST', '/v1/requests', {
      key: tenant.publishableKey,
      origin: tenant.origin,
      token: tenant.token({ sub: `eval-${name}-${i}` }),
      body: requestBody(r),
    });
    expect(res.status, `${r.key}: ${res.text}`).toBe(201);
    ranked.set(
      r.key,
      res.body.matches.map((m) => keyById.get(m.mentor.id) ?? '?'),
    );
  }
  return score({ mentors: [], requests }, ranked);
}

const kit = semanticKit();

beforeAll(async () => {
  ctx = await createTestContext({ semantic: kit.semantic });
  const semantic = await ctx.tenant();
  const keyword = await ctx.tenant({ settings: { semanticMatching: false } });
  worlds.semantic = { tenant: semantic, keyById: await seed(semantic) };
  worlds.keyword = { tenant: keyword, keyById: await seed(keyword) };
  // The profiles' embeddings, computed by the background job as in production.
  await kit.worker(ctx.db, ctx.clock).drain();
  // A job that failed under load is retried later, not now: embed what is missing directly (it
  // throws if the model cannot load), so "with meaning" never silently measures keywords alone.
  await backfillEmbeddings(ctx.db, kit.embedder, { tenantId: semantic.id });
  const embedded = await ctx.db
    .selectFrom('mentor_embeddings')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', semantic.id)
    .executeTakeFirstOrThrow();
  expect(Number(embedded.n), 'every mentor of the semantic tenant has an embedding').toBe(
    worlds.semantic.keyById.size,
  );
  for (const name of Object.keys(SETS)) {
    results[name] = { semantic: await rankAll('semantic', name), keyword: await rankAll('keyword', name) };
  }
  const line = (s: EvalScores) =>
    `hit@1 ${s.hitAt1.toFixed(3)} hit@3 ${s.hitAt3.toFixed(3)} MRR ${s.mrr.toFixed(3)} no match ${s.noMatch.toFixed(3)}`;
  for (const [name, r] of Object.entries(results)) {
    console.log(
      `${name}: semantic ${line(r.semantic)} | keyword-only ${line(r.keyword)}\n` +
        `  misses (semantic): ${JSON.stringify(r.semantic.misses)}\n  misses (keyword-only): ${JSON.stringify(r.keyword.misses.map((m) => m.key))}`,
    );
  }
}, 600_000);
afterAll(() => ctx.close());

describe('matching quality on the judged evaluation sets', () => {
  it('has the sets the issue asks for: 50+ mentors, 40+ judged, 40+ in context, 40+ paraphrases, 30+ unanswerable', () => {
    expect(loadEvalSet().mentors.length).toBeGreaterThanOrEqual(50);
    expect(SETS.judged?.length).toBeGreaterThanOrEqual(40);
    expect(SETS['in-context']?.filter((r) => r.kind === 'disagree').length).toBeGreaterThanOrEqual(40);
    expect(SETS.paraphrase?.length).toBeGreaterThanOrEqual(40);
    expect(SETS.unanswerable?.length).toBeGreaterThanOrEqual(30);
  });

  it('reaches hit@3 ≥ 0.9 and MRR ≥ 0.75 on the original set, with and without meaning', () => {
    for (const world of ['semantic', 'keyword'] as const) {
      const r = results.judged?.[world];
      expect(r?.hitAt3, world).toBeGreaterThanOrEqual(0.9);
      expect(r?.mrr, world).toBeGreaterThanOrEqual(0.75);
    }
  });

  // Issue #18's target, reached with and without meaning (0.900 both: no slack left).
  it('holds hit@3 ≥ 0.9 on questions asked on a page that disagrees with them, with and without meaning', () => {
    for (const world of ['semantic', 'keyword'] as const) {
      expect(results['in-context']?.[world].hitAt3, world).toBeGreaterThanOrEqual(0.9);
    }
  });

  // With meaning, 33 of 35 get no mentor (0.943). Skills and words alone cannot tell one shared
  // everyday word ("time", "change") from a real match, so without meaning it is 0.314: the
  // floor there only keeps it from sliding back.
  it('answers a question nobody here can answer with no mentor: ≥ 0.9 with meaning', () => {
    expect(results.unanswerable?.semantic.noMatch).toBeGreaterThanOrEqual(0.9);
    expect(results.unanswerable?.keyword.noMatch).toBeGreaterThanOrEqual(0.3);
  });

  it('meaning lifts hit@3 by ≥ 0.15 on paraphrases, and lowers no other set', () => {
    const p = results.paraphrase;
    expect((p?.semantic.hitAt3 ?? 0) - (p?.keyword.hitAt3 ?? 0)).toBeGreaterThanOrEqual(0.15);
    for (const name of Object.keys(SETS)) {
      const r = results[name];
      expect(r?.semantic.hitAt3, name).toBeGreaterThanOrEqual(r?.keyword.hitAt3 ?? 1);
    }
  });
});
