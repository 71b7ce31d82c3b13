// Matching by meaning in the request flow: a mentor who shares no word with the question becomes a
// candidate, and candidates carry their similarity (and the shortlist its quoted sentence).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { backfillEmbeddings } from '../src/domain/matching/semantic/backfill.js';
import { lazyProvider } from '../src/domain/matching/semantic/provider.js';
import { createSemanticSearch } from '../src/domain/matching/semantic/semantic-search.js';
import { findMatches, meaningTextOf } from '../src/domain/requests/find-matches.js';
import { readSettings } from '../src/domain/tenants/settings.js';
import { asLearner, bookableMentor, weekly } from './support/booking-fixtures.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import type { MentorBody } from './support/fixtures.js';
import { call } from './support/http.js';
import { type SemanticKit, semanticKit } from './support/semantic.js';
import { NEGOTIATOR, OTHERS, PARAPHRASES } from './support/semantic-world.js';

interface Created {
  request: { id: string; learnerId: string };
  matches: { mentor: { id: string }; reasons: { code: string }[] }[];
}

let ctx: TestContext;
let kit: SemanticKit;
let tenant: TestTenant;
let negotiator: MentorBody;

const ALL_WEEK = {
  weekly: weekly('00:00', '24:00', ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']),
  minNoticeMinutes: 0,
};

beforeAll(async () => {
  kit = semanticKit();
  ctx = await createTestContext({ semantic: kit.semantic });
  tenant = await ctx.tenant();
  negotiator = await bookableMentor(ctx, tenant, ALL_WEEK, NEGOTIATOR);
  // Four others on their own topics: none shares a word with the question either.
  for (const mentor of OTHERS.slice(0, 4)) await bookableMentor(ctx, tenant, ALL_WEEK, mentor);
  await backfillEmbeddings(ctx.db, kit.embedder);
}, 120_000);
afterAll(() => ctx.close());

const ask = (app: TestContext['app'], title: string) =>
  call<Created>(app, 'POST', '/v1/requests', {
    ...asLearner(tenant),
    body: { title, urgency: 'flexible' },
  });

describe('POST /v1/requests with matching by meaning', () => {
  it('offers the mentor whose profile means the question, where keywords find nobody', async () => {
    const keywordsOnly = createApp({
      db: ctx.db,
      clock: ctx.clock,
      config: { secretKey: 'test-server-secret-key-0123456789', logError: (e) => console.error(e) },
    });
    const without = await ask(keywordsOnly, PARAPHRASES[0]!);
    expect(without.status, without.text).toBe(201);
    expect(without.body.matches).toEqual([]);

    const res = await ask(ctx.app, PARAPHRASES[0]!);
    expect(res.status, res.text).toBe(201);
    expect(res.body.matches.map((m) => m.mentor.id)).toContain(negotiator.id);
  });

  it('gives every candidate its similarity, the shortlist its nearest own sentence, and keeps declined mentors out', async () => {
    const input = {
      tenantId: tenant.id,
      settings: readSettings({}),
      learner: { id: (await ask(ctx.app, 'hello there')).body.request.learnerId, externalId: 'learner-1' },
      query: { title: PARAPHRASES[1]!, details: '', skills: [], pageTitle: 'Salary bands 101' },
      format: null,
      urgency: 'flexible' as const,
      languages: [],
      excludeMentorIds: [],
      now: ctx.clock.now(),
    };
    const { ranked } = await findMatches(ctx.db, input, kit.semantic);
    const mine = ranked.find((r) => r.candidate.id === negotiator.id);
    expect(mine?.candidate.meaning).toEqual({
      similarity: expect.any(Number),
      standing: expect.any(Number),
      sentence: 'I help people negotiate a higher salary and a better compensation package.',
    });
    const best = Math.max(...ranked.map((r) => r.candidate.meaning?.similarity ?? -1));
    expect(mine!.candidate.meaning!.similarity).toBe(best);
    // It stands well above the question's mean similarity over the tenant's profiles.
    expect(mine!.candidate.meaning!.standing).toBeGreaterThan(1);

    // A question in a language the model does not read is matched by skills and words only.
    await bookableMentor(ctx, tenant, ALL_WEEK, { ...NEGOTIATOR, name: 'Camille', languages: ['fr', 'en'] });
    await backfillEmbeddings(ctx.db, kit.embedder);
    const salary = { ...input, query: { ...input.query, title: 'How do I negotiate my salary?' } };
    const french = await findMatches(ctx.db, { ...salary, languages: ['fr'] }, kit.semantic);
    expect(french.ranked.length).toBeGreaterThan(0);
    expect(french.ranked.every((r) => r.candidate.meaning === undefined)).toBe(true);
    const bilingual = await findMatches(ctx.db, { ...salary, languages: ['fr', 'en'] }, kit.semantic);
    expect(bilingual.ranked.some((r) => r.candidate.meaning !== undefined)).toBe(true);
    // …and so is a question written in one, whatever the learner's settings say.
    const inFrench = {
      ...input,
      query: { ...input.query, title: 'Comment est-ce que je peux négocier mon salary package ?' },
    };
    const written = await findMatches(ctx.db, { ...inFrench, languages: ['en'] }, kit.semantic);
    expect(written.ranked.length).toBeGreaterThan(0);
    expect(written.ranked.every((r) => r.candidate.meaning === undefined)).toBe(true);

    const declined = await findMatches(ctx.db, { ...input, excludeMentorIds: [negotiator.id] }, kit.semantic);
    expect(declined.ranked.map((r) => r.candidate.id)).not.toContain(negotiator.id);

    const off = await findMatches(ctx.db, input);
    expect(off.ranked.every((r) => r.candidate.meaning === undefined)).toBe(true);
  });

  it('goes on by keywords, and says so once, when the model cannot be loaded', async () => {
    const problems: string[] = [];
    const broken = lazyProvider({
      id: 'use-lite',
      dimensions: 512,
      load: async () => {
        throw new Error('model.json: no such file');
      },
      onLoadError: (error) => problems.push(error.message),
    });
    const app = createApp({
      db: ctx.db,
      clock: ctx.clock,
      semantic: createSemanticSearch(broken, { onError: (error) => problems.push(String(error)) }),
      config: { secretKey: 'test-server-secret-key-0123456789', logError: (e) => console.error(e) },
    });
    const byWords = await ask(app, 'I need help with PostgreSQL query plans');
    expect(byWords.status, byWords.text).toBe(201);
    expect(byWords.body.matches.length).toBeGreaterThan(0);
    const byMeaning = await ask(app, PARAPHRASES[0]!);
    expect(byMeaning.status, byMeaning.text).toBe(201);
    expect(byMeaning.body.matches).toEqual([]);
    expect(problems[0]).toBe('The embedding model "use-lite" could not be loaded: model.json: no such file');
    // Loaded once, retried only after a while: later questions fail fast.
    expect(problems.filter((p) => p.startsWith('The embedding model'))).toHaveLength(1);
  });

  it('embeds the question’s own words, never the page it was asked on', () => {
    expect(
      meaningTextOf({
        title: 'Ask for a raise?',
        details: ' I have been here two years ',
        selection: 'pay bands',
        pageTitle: 'Lesson 3: Joins',
        topic: 'sql-joins',
        skills: [],
      }),
    ).toBe('Ask for a raise?\nI have been here two years\npay bands');
  });
});
