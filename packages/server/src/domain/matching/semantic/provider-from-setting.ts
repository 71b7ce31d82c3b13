import { onnxProvider } from './onnx.js';
import type { EmbeddingProvider, EmbeddingSetting } from './provider.js';
import { useLiteProvider } from './use-lite.js';

/**
 * The provider `MICROMENTOR_EMBEDDINGS` names, or null when semantic matching is off. An ONNX
 * folder is inspected (and hashed) here: one that cannot be used throws, stopping the server.
 */
export function embeddingProviderFrom(
  setting: EmbeddingSetting,
  options: { onLoadError?: (error: Error) => void } = {},
): EmbeddingProvider | null {
  if (typeof setting === 'object') {
    return onnxProvider({ folder: setting.folder, languages: setting.languages, ...options });
  }
  switch (setting) {
    case 'off':
      return null;
    case 'use-lite':
      return useLiteProvider(options);
  }
}
