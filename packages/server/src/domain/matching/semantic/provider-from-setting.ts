import type { EmbeddingProvider, EmbeddingSetting } from './provider.js';
import { useLiteProvider } from './use-lite.js';

/** The provider `MICROMENTOR_EMBEDDINGS` names, or null when semantic matching is off. */
export function embeddingProviderFrom(
  setting: EmbeddingSetting,
  options: { onLoadError?: (error: Error) => void } = {},
): EmbeddingProvider | null {
  switch (setting) {
    case 'off':
      return null;
    case 'use-lite':
      return useLiteProvider(options);
  }
}
