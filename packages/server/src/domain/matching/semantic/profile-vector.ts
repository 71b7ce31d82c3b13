import { createHash } from 'node:crypto';
import { LruMap } from './lru.js';
import type { EmbeddingProvider } from './provider.js';
import { normalize } from './provider.js';
import { type ProfileText, profileSentences } from './sentences.js';

/** Sentence vectors kept per process (~2 KB each at 512 dimensions): template-built profiles repeat. */
export const SENTENCE_CACHE_SIZE = 20_000;
/**
 * Texts per call to the model. The model runs on the event loop's thread (~15 ms a sentence
 * here) and larger batches are no faster, so small ones with a yield between keep the API
 * answering while the worker embeds profiles in the same process.
 */
export const EMBED_BATCH = 4;

/** A provider with an LRU cache from sentence text to vector in front of it. */
export class SentenceEmbedder {
  readonly #cache: LruMap<string, Float32Array>;
  constructor(
    readonly provider: EmbeddingProvider,
    options: { cacheSize?: number } = {},
  ) {
    this.#cache = new LruMap(options.cacheSize ?? SENTENCE_CACHE_SIZE);
  }

  /** Vectors for the texts, in order; only texts not cached go to the model, each once. */
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    const missing = [...new Set(texts.filter((t) => this.#cache.get(t) === undefined))];
    const fresh = new Map<string, Float32Array>();
    for (let i = 0; i < missing.length; i += EMBED_BATCH) {
      if (i > 0) await new Promise((resolve) => setImmediate(resolve));
      const batch = missing.slice(i, i + EMBED_BATCH);
      const vectors = await this.provider.embed(batch);
      batch.forEach((text, j) => {
        fresh.set(text, vectors[j]!);
        this.#cache.set(text, vectors[j]!);
      });
    }
    return texts.map((t) => fresh.get(t) ?? this.#cache.get(t)!);
  }
}

/** A profile's embedding, as stored. */
export interface ProfileEmbedding {
  providerId: string;
  /** Of the provider and every embedded text: unchanged hash, nothing to recompute. */
  sourceHash: string;
  /** The unit mean of every sentence vector (the skills line included). */
  profile: Float32Array;
  /** The quotable sentences and their vectors, in the same order. */
  sentences: string[];
  sentenceVectors: Float32Array[];
}

/** The L2-normalised mean: the profile vector, its cosine with a query by dot product. */
export function meanVector(vectors: readonly Float32Array[], dimensions: number): Float32Array {
  const sum = new Float32Array(dimensions);
  for (const v of vectors) for (let i = 0; i < dimensions; i++) sum[i]! += v[i]!;
  return normalize(sum);
}

export function sourceHashOf(providerId: string, texts: readonly string[]): string {
  return createHash('sha256')
    .update(JSON.stringify([providerId, ...texts]))
    .digest('base64url');
}

/** What a profile would embed and its hash, without running the model. */
export function profileSource(providerId: string, profile: ProfileText) {
  const { quotable, skills } = profileSentences(profile);
  const texts = skills ? [...quotable, skills] : quotable;
  return { quotable, texts, sourceHash: sourceHashOf(providerId, texts) };
}

/**
 * Embeds many profiles with one pass over their distinct sentences (cached ones skipped); null
 * for a profile with nothing to embed (an erased one, say).
 */
export async function embedProfiles(
  embedder: SentenceEmbedder,
  profiles: readonly ProfileText[],
): Promise<(ProfileEmbedding | null)[]> {
  const { provider } = embedder;
  const sources = profiles.map((p) => profileSource(provider.id, p));
  const all = await embedder.embed(sources.flatMap((s) => s.texts));
  let at = 0;
  return sources.map((source) => {
    const vectors = all.slice(at, at + source.texts.length);
    at += source.texts.length;
    if (vectors.length === 0) return null;
    return {
      providerId: provider.id,
      sourceHash: source.sourceHash,
      profile: meanVector(vectors, provider.dimensions),
      sentences: source.quotable,
      sentenceVectors: vectors.slice(0, source.quotable.length),
    };
  });
}
