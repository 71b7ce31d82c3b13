import http from 'node:http';
import https from 'node:https';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddingModelUnavailableError, lazyProvider } from './provider.js';
import { useLiteProvider } from './use-lite.js';

const cosine = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

// Every way out to the network the model could take while loading and embedding, counted.
const outgoing: string[] = [];
const realFetch = globalThis.fetch;
const realHttp = http.request;
const realHttps = https.request;
globalThis.fetch = (input, init) => {
  outgoing.push(`fetch ${String(input)}`);
  return realFetch(input, init);
};
(http as { request: unknown }).request = (...args: unknown[]) => {
  outgoing.push('http.request');
  return (realHttp as (...a: unknown[]) => http.ClientRequest)(...args);
};
(https as { request: unknown }).request = (...args: unknown[]) => {
  outgoing.push('https.request');
  return (realHttps as (...a: unknown[]) => http.ClientRequest)(...args);
};
afterAll(() => {
  globalThis.fetch = realFetch;
  (http as { request: unknown }).request = realHttp;
  (https as { request: unknown }).request = realHttps;
});

describe('the use-lite provider (Universal Sentence Encoder lite)', () => {
  const provider = useLiteProvider();

  it('loads from the package folder without a network request, once for concurrent first calls', async () => {
    expect(provider.loaded).toBe(false);
    const started = performance.now();
    const [a, b] = await Promise.all([provider.embed(['first call']), provider.embed(['second call'])]);
    console.log(
      `use-lite: model loaded and first embeddings in ${Math.round(performance.now() - started)} ms`,
    );
    expect(provider.loaded).toBe(true);
    expect(a[0]).toHaveLength(512);
    expect(b[0]).toHaveLength(512);
    expect(outgoing).toEqual([]);
  });

  it('returns unit vectors, the same for the same text whatever the batch', async () => {
    const [alone] = await provider.embed(['How do I profile a slow SQL query?']);
    const batch = await provider.embed(['something else first', 'How do I profile a slow SQL query?']);
    for (const v of [alone!, ...batch]) expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    for (const [i, x] of alone!.entries()) expect(x).toBeCloseTo(batch[1]![i]!, 5);
  });

  it('puts a paraphrase closer than an unrelated sentence', async () => {
    const [question, paraphrase, unrelated] = await provider.embed([
      'my useEffect runs twice',
      'double-firing effects in React strict mode',
      'negotiating a salary',
    ]);
    expect(cosine(question!, paraphrase!)).toBeGreaterThan(cosine(question!, unrelated!) + 0.15);
  });

  it('measures per-query time (printed, not asserted)', async () => {
    const times: number[] = [];
    for (let i = 0; i < 50; i++) {
      const started = performance.now();
      await provider.embed([`How do I get better at question number ${i} about deploying services?`]);
      times.push(performance.now() - started);
    }
    times.sort((x, y) => x - y);
    console.log(
      `use-lite: one query p50 ${times[24]!.toFixed(1)} ms, p95 ${times[47]!.toFixed(1)} ms; ` +
        `RSS ${Math.round(process.memoryUsage().rss / 1e6)} MB`,
    );
    expect(times).toHaveLength(50);
  });
});

describe('lazyProvider', () => {
  it('reports a failed load once, fails fast until the retry period, then loads again', async () => {
    const reported: Error[] = [];
    let attempts = 0;
    const provider = lazyProvider({
      id: 'flaky',
      dimensions: 2,
      retryAfterMs: 50,
      load: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('weights missing');
        return { embed: async (texts) => texts.map(() => [3, 4]) };
      },
      onLoadError: (e) => reported.push(e),
    });
    await expect(provider.embed(['x'])).rejects.toBeInstanceOf(EmbeddingModelUnavailableError);
    await expect(provider.embed(['x'])).rejects.toThrow(/"flaky" could not be loaded: weights missing/);
    expect(attempts).toBe(1);
    expect(reported).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 60));
    const [v] = await provider.embed(['x']);
    expect(attempts).toBe(2);
    // Normalised: 3-4-5.
    expect([...v!]).toEqual([expect.closeTo(0.6, 6), expect.closeTo(0.8, 6)]);
  });
});
