import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countProfileWords } from '../src/db/profile-words.js';
import { asLearner, bookableMentor, weekly } from './support/booking-fixtures.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { call } from './support/http.js';

interface Created {
  matches: {
    mentor: { name: string };
    reasons: { code: string; text: string; params: Record<string, unknown> }[];
  }[];
}

const ALL_WEEK = {
  weekly: weekly('00:00', '24:00', ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']),
  minNoticeMinutes: 0,
};
const FIELDS = ['Kubernetes', 'Terraform', 'Android', 'Swift', 'Design', 'Pandas', 'Rust', 'Scala', 'Vue'];

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
  ctx.clock.set('2026-11-25T12:00:00Z');
});
afterAll(() => ctx.close());

/** A tenant of ten mentors; `acmeEverywhere` puts the program's name in every headline. */
async function tenantWith(acmeEverywhere: boolean): Promise<TestTenant> {
  const tenant = await ctx.tenant();
  await bookableMentor(ctx, tenant, ALL_WEEK, {
    name: 'Bea Billing',
    headline: 'Acme billing integrations and invoices',
    bio: 'I connect payment providers.',
    skills: ['payments'],
  });
  for (const [i, field] of FIELDS.entries()) {
    await bookableMentor(ctx, tenant, ALL_WEEK, {
      name: `Mentor ${i}`,
      headline: acmeEverywhere ? `${field} mentor at Acme` : `${field} mentor`,
      bio: `I help with ${field}.`,
      skills: [field.toLowerCase()],
    });
  }
  return tenant;
}

async function ask(tenant: TestTenant, body: Record<string, unknown>): Promise<Created> {
  const res = await call<Created>(ctx.app, 'POST', '/v1/requests', {
    ...asLearner(tenant, `learner-${Math.random()}`),
    body: { urgency: 'flexible', ...body },
  });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

const mentions = (created: Created): string[] =>
  created.matches.flatMap((m) =>
    m.reasons.filter((r) => r.code === 'text_match').map((r) => `${r.params.terms}`),
  );

describe('match reasons quote telling words only', () => {
  it('never quotes a word most of the tenant’s profiles have; the same word is quoted where it is rare', async () => {
    const question = { title: 'Acme billing export fails', details: 'The Acme invoices come out empty.' };
    const common = mentions(await ask(await tenantWith(true), question));
    expect(common.length).toBeGreaterThan(0);
    for (const quote of common) expect(quote.toLowerCase()).not.toContain('acme');
    expect(common).toContain('billing');

    const rare = mentions(await ask(await tenantWith(false), question));
    expect(rare).toContain('Acme billing');
  });

  it('never quotes a function word, whatever the learner’s languages', async () => {
    const tenant = await ctx.tenant();
    await bookableMentor(ctx, tenant, ALL_WEEK, {
      name: 'Daniela Datos',
      headline: 'Científica de datos en finanzas',
      bio: 'Modelos de riesgo.',
      skills: ['statistics'],
      languages: ['es', 'en'],
    });
    // No `languages`: Spanish stopwords are not dropped from the search, yet never quoted.
    const created = await ask(tenant, {
      title: 'Duda de finanzas',
      details: 'Un modelo de datos en la empresa',
    });
    const quotes = mentions(created);
    expect(quotes.length).toBeGreaterThan(0);
    for (const quote of quotes) {
      for (const word of quote.toLowerCase().split(' ')) expect(['de', 'en', 'la', 'un']).not.toContain(word);
    }
  });
});

describe('common words are counted over the newest profiles', () => {
  it('counts at most the sample, newest first, so a large tenant costs one bounded read', async () => {
    const tenant = await ctx.tenant();
    const make = async (i: number, word: string) => {
      ctx.clock.set(new Date(Date.parse('2026-11-25T12:00:00Z') + i * 60_000).toISOString());
      await bookableMentor(ctx, tenant, ALL_WEEK, {
        name: `Counted ${i}`,
        headline: `${word} mentor`,
        bio: `I help with ${word}.`,
        skills: ['sql'],
      });
    };
    await make(1, 'wombat');
    await make(2, 'wombat');
    for (const i of [3, 4, 5]) await make(i, 'quokka');
    ctx.clock.set('2026-11-25T12:00:00Z');

    const sampled = await countProfileWords(ctx.db, tenant.id, 3);
    expect(sampled.profiles).toBe(3);
    expect(sampled.documents.get('quokka')).toBe(3);
    expect(sampled.documents.has('wombat')).toBe(false);

    const all = await countProfileWords(ctx.db, tenant.id);
    expect(all.profiles).toBe(5);
    expect(all.documents.get('wombat')).toBe(2);
    expect(all.documents.get('quokka')).toBe(3);
  });
});
