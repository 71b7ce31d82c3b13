import { describe, expect, it } from 'vitest';
import { embeddingProviderFrom } from './provider-from-setting.js';

describe('embeddingProviderFrom', () => {
  it('has no provider when embeddings are off, and an unloaded one for use-lite', () => {
    expect(embeddingProviderFrom('off')).toBeNull();
    const provider = embeddingProviderFrom('use-lite');
    expect(provider).toMatchObject({ id: 'use-lite', dimensions: 512, loaded: false });
  });
});
