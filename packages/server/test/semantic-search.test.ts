// Matching by meaning, search side: a tenant's index of profile vectors, found by a paraphrase,
// never across tenants, refreshed after a change (docs/features/matching.md).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillEmbeddings } from '../src/domain/matching/semantic/backfill.js';
import { createSemanticSearch } from '../src/domain/matching/semantic/semantic-search.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { createMentor, type MentorBody } from './support/fixtures.js';
import { call } from './support/http.js';
import { type SemanticKit, semanticKit } from './support/semantic.js';
import { NEGOTIATOR, OTHERS, PARAPHRASES } from './support/semantic-world.js';

let ctx: TestContext;
let kit: SemanticKit;
let tenant: TestTenant;
let other: TestTenant;
let negotiator: MentorBody;
let othersNegotiator: MentorBody;

beforeAll(async () => {
  kit = semanticKit();
  ctx = await createTestContext({ semantic: kit.semantic });
  tenant = await ctx.tenant();
  other = await ctx.tenant();
  negotiator = await createMentor(ctx, tenant, NEGOTIATOR);
  for (const mentor of OTHERS) await createMentor(ctx, tenant, mentor);
  // The other tenant has the very same profile: it must never be found from the first.
  othersNegotiator = await createMentor(ctx, other, NEGOTIATOR);
  await backfillEmbeddings(ctx.db, kit.embedder);
}, 120_000);
afterAll(() => ctx.close());

async function vectorOf(text: string): Promise<Float32Array> {
  const vector = await kit.semantic.embedQuery(text);
  if (!vector) throw new Error('no query vector');
  return vector;
}

describe('nearest', () => {
  it('finds the mentor a question shares no word with, first among ~30', async () => {
    for (const question of PARAPHRASES) {
      const found = await kit.semantic.nearest(ctx.db, tenant.id, await vectorOf(question), 5);
      console.log(
        `"${question}": ${found.map((f) => f.similarity.toFixed(3)).join(', ')} (nearest first; the negotiator is ${found.findIndex((f) => f.mentorId === negotiator.id) + 1})`,
      );
      expect(found[0]?.mentorId, question).toBe(negotiator.id);
    }
  });

  it('never returns another tenant’s mentors, and leaves out the excluded', async () => {
    const query = await vectorOf(PARAPHRASES[0]!);
    const all = await kit.semantic.nearest(ctx.db, tenant.id, query, 100);
    expect(all).toHaveLength(OTHERS.length + 1);
    expect(all.map((a) => a.mentorId)).not.toContain(othersNegotiator.id);
    const theirs = await kit.semantic.nearest(ctx.db, other.id, query, 100);
    expect(theirs.map((t) => t.mentorId)).toEqual([othersNegotiator.id]);
    const without = await kit.semantic.nearest(ctx.db, tenant.id, query, 3, new Set([negotiator.id]));
    expect(without.map((w) => w.mentorId)).not.toContain(negotiator.id);
    expect(without).toHaveLength(3);
  });

  it('loads a tenant in pages to the same answer', async () => {
    const query = await vectorOf(PARAPHRASES[0]!);
    const paged = createSemanticSearch(kit.provider, { loadPage: 4 });
    const whole = createSemanticSearch(kit.provider);
    expect(await paged.nearest(ctx.db, tenant.id, query, 100)).toEqual(
      await whole.nearest(ctx.db, tenant.id, query, 100),
    );
    expect(paged.heldVectors).toBe(OTHERS.length + 1);
  });

  it('sees a profile change on the next call, and forgets a deleted profile', async () => {
    const search = createSemanticSearch(kit.provider, { loadPage: 7 });
    const query = await vectorOf('Who can teach me to bake sourdough bread?');
    const before = await search.nearest(ctx.db, tenant.id, query, 1);
    expect(before[0]?.mentorId).not.toBe(negotiator.id);
    const baker = await createMentor(ctx, tenant, {
      name: 'Bea Baker',
      headline: 'Pastry chef',
      bio: 'I teach home bakers to keep a starter alive and shape loaves.',
      skills: ['baking'],
    });
    await backfillEmbeddings(ctx.db, kit.embedder, { tenantId: tenant.id });
    const after = await search.nearest(ctx.db, tenant.id, query, 1);
    expect(after[0]?.mentorId).toBe(baker.id);
    expect((await call(ctx.app, 'DELETE', `/v1/mentors/${baker.id}`, { key: tenant.secretKey })).status).toBe(
      204,
    );
    const gone = await search.nearest(ctx.db, tenant.id, query, 100);
    expect(gone.map((g) => g.mentorId)).not.toContain(baker.id);
    expect(gone).toHaveLength(OTHERS.length + 1);
  });
});

describe('explain', () => {
  it('quotes the mentor’s own sentence nearest to the question, with the profile’s similarity', async () => {
    const query = await vectorOf(PARAPHRASES[1]!);
    const explained = await kit.semantic.explain(
      ctx.db,
      tenant.id,
      [negotiator.id, othersNegotiator.id],
      query,
    );
    // The other tenant's mentor is not explained from this tenant.
    expect([...explained.keys()]).toEqual([negotiator.id]);
    const why = explained.get(negotiator.id)!;
    expect(why.sentence).toBe('I help people negotiate a higher salary and a better compensation package.');
    const [nearest] = await kit.semantic.nearest(ctx.db, tenant.id, query, 1);
    expect(why.similarity).toBeCloseTo(nearest!.similarity, 6);
  });
});

describe('memory', () => {
  it('drops the least recently used tenant past its vector budget', async () => {
    const search = createSemanticSearch(kit.provider, { maxVectors: OTHERS.length + 1 });
    const query = await vectorOf(PARAPHRASES[0]!);
    await search.nearest(ctx.db, other.id, query, 1);
    expect(search.heldVectors).toBe(1);
    await search.nearest(ctx.db, tenant.id, query, 1);
    // Both would be 32: the other tenant (used least recently) is gone, and reloads when asked.
    expect(search.heldVectors).toBe(OTHERS.length + 1);
    expect((await search.nearest(ctx.db, other.id, query, 1))[0]?.mentorId).toBe(othersNegotiator.id);
    expect(search.heldVectors).toBe(1);
  });
});
