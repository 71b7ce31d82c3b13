// Matching by meaning with an operator's own ONNX model folder (MICROMENTOR_EMBEDDINGS=onnx:<folder>),
// end to end through the app: a tiny model written to disk by the test, loaded by transformers.js
// with remote models off, finds the mentor whose profile means the question in other words.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { backfillEmbeddings } from '../src/domain/matching/semantic/backfill.js';
import { SentenceEmbedder } from '../src/domain/matching/semantic/profile-vector.js';
import type { EmbeddingProvider } from '../src/domain/matching/semantic/provider.js';
import { embeddingProviderFrom } from '../src/domain/matching/semantic/provider-from-setting.js';
import { createSemanticSearch } from '../src/domain/matching/semantic/semantic-search.js';
import { jobHandlers } from '../src/jobs/handlers.js';
import { createWorker } from '../src/jobs/worker.js';
import { asLearner, bookableMentor, weekly } from './support/booking-fixtures.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import type { MentorBody } from './support/fixtures.js';
import { call } from './support/http.js';
import { NEGOTIATOR, OTHERS, PARAPHRASES } from './support/semantic-world.js';
import { writeTinyOnnxModel } from './support/tiny-onnx-model.js';

interface Created {
  matches: { mentor: { id: string }; reasons: { code: string; text?: string }[] }[];
}

const ALL_WEEK = {
  weekly: weekly('00:00', '24:00', ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']),
  minNoticeMinutes: 0,
};

let folder: string;
let provider: EmbeddingProvider;
let ctx: TestContext;
let tenant: TestTenant;
let negotiator: MentorBody;
const fetchSpy = vi.spyOn(globalThis, 'fetch');

beforeAll(async () => {
  folder = join(await mkdtemp(join(tmpdir(), 'mm-onnx-app-')), 'tiny-bert');
  await writeTinyOnnxModel(folder);
  // As `micromentor serve` does: the setting from the environment, then the provider from it.
  const config = loadConfig({
    MICROMENTOR_EMBEDDINGS: `onnx:${folder}`,
    MICROMENTOR_EMBEDDINGS_LANGUAGES: 'en',
  });
  provider = embeddingProviderFrom(config.embeddings)!;
  ctx = await createTestContext({ semantic: createSemanticSearch(provider) });
  tenant = await ctx.tenant();
  negotiator = await bookableMentor(ctx, tenant, ALL_WEEK, NEGOTIATOR);
  // A database engineer and a frontend lead: no word of the question in their profiles either.
  for (const mentor of OTHERS.slice(0, 2)) await bookableMentor(ctx, tenant, ALL_WEEK, mentor);
  await backfillEmbeddings(ctx.db, provider);
}, 120_000);
afterAll(async () => {
  fetchSpy.mockRestore();
  await ctx.close();
  await rm(folder, { recursive: true, force: true });
});

const ask = (app: TestContext['app'], title: string) =>
  call<Created>(app, 'POST', '/v1/requests', { ...asLearner(tenant), body: { title, urgency: 'flexible' } });

describe('POST /v1/requests with an ONNX model folder', () => {
  it('stores every approved mentor’s vectors under the model’s own id', async () => {
    expect(provider.id).toMatch(/^onnx:tiny-bert:[0-9a-f]{12}$/);
    const rows = await ctx.db
      .selectFrom('mentor_embeddings')
      .select(['mentor_id', 'provider'])
      .where('tenant_id', '=', tenant.id)
      .execute();
    expect(rows).toHaveLength(3);
    expect(new Set(rows.map((r) => r.provider))).toEqual(new Set([provider.id]));
  });

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
    expect(res.body.matches[0]?.mentor.id).toBe(negotiator.id);
    // The reason quotes the mentor's own sentence nearest to the question, by this model.
    expect(res.body.matches[0]?.reasons.find((r) => r.code === 'wrote')?.text).toBe(
      'Wrote: “I help people negotiate a higher salary and a better compensation package.”',
    );
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('embeds a new mentor with the model in the background job, then finds them by meaning', async () => {
    const speaker = await bookableMentor(ctx, tenant, ALL_WEEK, {
      name: 'Sam Stage',
      headline: 'Speaking coach',
      bio: 'I coach speaking to an audience, with fewer slides.',
      skills: ['public-speaking'],
    });
    const question = 'How do I pitch to stakeholders?';
    expect((await ask(ctx.app, question)).body.matches.map((m) => m.mentor.id)).not.toContain(speaker.id);

    const worker = createWorker({
      db: ctx.db,
      clock: ctx.clock,
      handlers: jobHandlers({ embeddings: new SentenceEmbedder(provider) }),
    });
    expect(await worker.drain()).toBeGreaterThanOrEqual(1);
    const row = await ctx.db
      .selectFrom('mentor_embeddings')
      .select('provider')
      .where('mentor_id', '=', speaker.id)
      .executeTakeFirst();
    expect(row?.provider).toBe(provider.id);
    expect((await ask(ctx.app, question)).body.matches[0]?.mentor.id).toBe(speaker.id);
  });
});
