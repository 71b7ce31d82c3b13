import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { call } from './support/http.js';
import { type EvalSet, loadEvalSet, score } from './support/matching-eval.js';

const ALL_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

let ctx: TestContext;
let tenant: TestTenant;
let set: EvalSet;
const keyById = new Map<string, string>();

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await ctx.tenant();
  set = loadEvalSet();
  for (const m of set.mentors) {
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
    // Identical availability for all, so the judged set measures topical fit.
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
}, 300_000);
afterAll(() => ctx.close());

describe('matching quality on the judged evaluation set', () => {
  it('has at least 50 mentors and 40 requests', () => {
    expect(set.mentors.length).toBeGreaterThanOrEqual(50);
    expect(set.requests.length).toBeGreaterThanOrEqual(40);
  });

  it('reaches hit@3 ≥ 0.9 and MRR ≥ 0.75', async () => {
    const ranked = new Map<string, string[]>();
    for (const [i, r] of set.requests.entries()) {
      const res = await call<{ matches: { mentor: { id: string } }[] }>(ctx.app, 'POST', '/v1/requests', {
        key: tenant.publishableKey,
        origin: tenant.origin,
        token: tenant.token({ sub: `eval-learner-${i}` }),
        body: {
          title: r.title,
          details: r.details,
          urgency: r.urgency,
          ...(r.skills ? { skills: r.skills } : {}),
          ...(r.format ? { format: r.format } : {}),
          ...(r.languages ? { languages: r.languages } : {}),
          ...(r.context ? { context: r.context } : {}),
        },
      });
      expect(res.status, `${r.key}: ${res.text}`).toBe(201);
      ranked.set(
        r.key,
        res.body.matches.map((m) => keyById.get(m.mentor.id) ?? '?'),
      );
    }
    const result = score(set, ranked);
    const report = `hit@1 ${result.hitAt1.toFixed(3)}, hit@3 ${result.hitAt3.toFixed(3)}, MRR ${result.mrr.toFixed(3)}; misses: ${JSON.stringify(result.misses)}`;
    console.log(report);
    expect(result.hitAt3, report).toBeGreaterThanOrEqual(0.9);
    expect(result.mrr, report).toBeGreaterThanOrEqual(0.75);
  }, 300_000);
});
