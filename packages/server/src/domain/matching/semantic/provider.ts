/**
 * Sentence embeddings behind one small interface, so the model can change (another package, a
 * local ONNX folder) without touching storage, search or matching.
 */
export interface EmbeddingProvider {
  /** Stored with every vector: vectors of different providers are never compared. */
  readonly id: string;
  readonly dimensions: number;
  /**
   * Languages the model understands (primary tags); a question in none of them is matched by
   * skills and words only. Empty: any language.
   */
  readonly languages: readonly string[];
  /** One unit-length vector per text, in order. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/** `MICROMENTOR_EMBEDDINGS` by name: a provider that ships with the server, or `off` (keywords only). */
export const EMBEDDING_SETTINGS = ['off', 'use-lite'] as const;
/** `MICROMENTOR_EMBEDDINGS=onnx:<folder>`: an operator's own ONNX model folder. */
export interface OnnxEmbeddingSetting {
  provider: 'onnx';
  /** Absolute path of the model folder. */
  folder: string;
  /** MICROMENTOR_EMBEDDINGS_LANGUAGES: primary tags the model understands; empty: any language. */
  languages: readonly string[];
}
export type EmbeddingSetting = (typeof EMBEDDING_SETTINGS)[number] | OnnxEmbeddingSetting;

/** The raw model a provider wraps: loaded once, then embeds batches of texts. */
export interface EmbeddingModel {
  embed(texts: readonly string[]): Promise<ArrayLike<number>[]>;
}

export interface LazyProviderOptions {
  id: string;
  dimensions: number;
  languages?: readonly string[];
  load: () => Promise<EmbeddingModel>;
  /** Told once per failed load (the error says which provider and why). */
  onLoadError?: (error: Error) => void;
  /** After a failed load, calls fail at once for this long before loading is tried again. */
  retryAfterMs?: number;
}

/** Thrown when the model cannot be loaded: matching goes on without meaning. */
export class EmbeddingModelUnavailableError extends Error {
  constructor(providerId: string, cause: unknown) {
    super(
      `The embedding model "${providerId}" could not be loaded: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.name = 'EmbeddingModelUnavailableError';
  }
}

/** Scales a vector to unit length in place (the zero vector stays zero): dot product = cosine. */
export function normalize(vector: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i]! * vector[i]!;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < vector.length; i++) vector[i]! /= norm;
  return vector;
}

/**
 * A provider whose model is loaded on first use, once per process: concurrent first calls share
 * the one load. A failed load is reported and remembered for `retryAfterMs`, so a broken model
 * costs one attempt per period, not one per request.
 */
export function lazyProvider(options: LazyProviderOptions): EmbeddingProvider & { readonly loaded: boolean } {
  const retryAfterMs = options.retryAfterMs ?? 60_000;
  let model: Promise<EmbeddingModel> | undefined;
  let loaded = false;
  let failedAt = 0;
  let failure: Error | undefined;

  function modelNow(): Promise<EmbeddingModel> {
    if (failure && Date.now() - failedAt < retryAfterMs) return Promise.reject(failure);
    model ??= options.load().then(
      (m) => {
        loaded = true;
        failure = undefined;
        return m;
      },
      (error: unknown) => {
        failure = new EmbeddingModelUnavailableError(options.id, error);
        failedAt = Date.now();
        model = undefined;
        options.onLoadError?.(failure);
        throw failure;
      },
    );
    return model;
  }

  return {
    id: options.id,
    dimensions: options.dimensions,
    languages: options.languages ?? [],
    get loaded() {
      return loaded;
    },
    async embed(texts) {
      if (texts.length === 0) return [];
      const raw = await (await modelNow()).embed(texts);
      return raw.map((vector) => {
        if (vector.length !== options.dimensions) {
          throw new Error(`${options.id} returned ${vector.length} dimensions, not ${options.dimensions}`);
        }
        return normalize(Float32Array.from(vector));
      });
    },
  };
}
