import { describe, expect, it } from 'vitest';
import { embedProfiles, meanVector, SentenceEmbedder, sourceHashOf } from './profile-vector.js';
import type { EmbeddingProvider } from './provider.js';
import { useLiteProvider } from './use-lite.js';

/** The real model, with every text it is asked to embed written down. */
function countingProvider(): EmbeddingProvider & { asked: string[] } {
  const model = useLiteProvider();
  const asked: string[] = [];
  return {
    id: model.id,
    dimensions: model.dimensions,
    languages: model.languages,
    asked,
    embed(texts) {
      asked.push(...texts);
      return model.embed(texts);
    },
  };
}

describe('embedProfiles', () => {
  it('embeds each distinct sentence once, across profiles and calls', async () => {
    const provider = countingProvider();
    const embedder = new SentenceEmbedder(provider);
    const a = {
      headline: 'Data engineer',
      bio: 'I build Airflow pipelines for small teams.',
      skills: ['airflow'],
    };
    const b = {
      headline: 'Data engineer',
      bio: 'I build Airflow pipelines for small teams.',
      skills: ['dbt'],
    };
    const [ea, eb] = await embedProfiles(embedder, [a, b]);
    expect(provider.asked.sort()).toEqual(
      [
        'Data engineer',
        'I build Airflow pipelines for small teams.',
        'Skills: Airflow',
        'Skills: dbt',
      ].sort(),
    );
    await embedProfiles(embedder, [a]);
    expect(provider.asked).toHaveLength(4);
    // Same quotable sentences, different skills line: different profile vectors and hashes.
    expect(ea!.sentences).toEqual(eb!.sentences);
    expect(ea!.sourceHash).not.toBe(eb!.sourceHash);
    expect(ea!.profile).not.toEqual(eb!.profile);
  });

  it('makes the profile vector the unit mean of every sentence vector, the skills line included', async () => {
    const embedder = new SentenceEmbedder(useLiteProvider());
    const [e] = await embedProfiles(embedder, [
      { headline: 'Career coach', bio: 'I help people negotiate a higher salary.', skills: ['negotiation'] },
    ]);
    const all = await embedder.embed([...e!.sentences, 'Skills: Negotiation']);
    const expected = meanVector(all, 512);
    for (const [i, x] of e!.profile.entries()) expect(x).toBeCloseTo(expected[i]!, 6);
    expect(Math.hypot(...e!.profile)).toBeCloseTo(1, 5);
    expect(e!.sentenceVectors).toHaveLength(2);
  });

  it('has nothing to embed for an empty profile, and hashes the provider with the texts', async () => {
    const embedder = new SentenceEmbedder(countingProvider());
    expect(await embedProfiles(embedder, [{ headline: '', bio: '', skills: [] }])).toEqual([null]);
    expect(sourceHashOf('use-lite', ['a'])).not.toBe(sourceHashOf('other', ['a']));
  });
});
