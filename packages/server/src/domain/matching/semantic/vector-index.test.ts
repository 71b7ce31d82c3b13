import { describe, expect, it } from 'vitest';
import { normalize } from './provider.js';
import { simdAvailable } from './simd-dots.js';
import { VectorIndex } from './vector-index.js';

/** Deterministic pseudo-random unit vectors. */
function randomVectors(count: number, dimensions: number, seed: number): Float32Array[] {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
  return Array.from({ length: count }, () => normalize(Float32Array.from({ length: dimensions }, next)));
}

const dot = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

describe('VectorIndex', () => {
  const d = 64;
  const vectors = randomVectors(2_000, d, 7);
  const entries = vectors.map((vector, i) => ({ id: `m${i}`, vector }));
  const index = VectorIndex.build(d, entries);

  it('returns exactly the top k of a brute-force sort, best first', () => {
    for (const query of randomVectors(20, d, 99)) {
      const brute = entries
        .map((e) => ({ id: e.id, similarity: dot(e.vector, query) }))
        .sort((a, b) => b.similarity - a.similarity)
        .slice(0, 25);
      const found = index.nearest(query, 25);
      expect(found.map((f) => f.id)).toEqual(brute.map((b) => b.id));
      for (const [i, f] of found.entries()) expect(f.similarity).toBeCloseTo(brute[i]!.similarity, 5);
    }
  });

  it('leaves out excluded ids and still returns k', () => {
    const query = randomVectors(1, d, 3)[0]!;
    const top = index.nearest(query, 10);
    const exclude = new Set(top.slice(0, 5).map((t) => t.id));
    const next = index.nearest(query, 10, exclude);
    expect(next).toHaveLength(10);
    expect(next.some((n) => exclude.has(n.id))).toBe(false);
    expect(next.slice(0, 5).map((n) => n.id)).toEqual(top.slice(5).map((t) => t.id));
  });

  it('replaces a vector in place and grows past its first capacity', () => {
    const small = new VectorIndex(d, 1);
    const [a, b, c] = randomVectors(3, d, 11);
    small.upsert('a', a!);
    small.upsert('b', b!);
    small.upsert('c', c!);
    expect(small.size).toBe(3);
    expect(small.nearest(c!, 1)[0]!.id).toBe('c');
    small.upsert('a', c!);
    expect(small.size).toBe(3);
    expect(small.similarity('a', c!)).toBeCloseTo(1, 5);
    expect(small.similarity('nobody', c!)).toBeUndefined();
  });

  it('answers k larger than the index with everything, and k = 0 with nothing', () => {
    const tiny = VectorIndex.build(d, entries.slice(0, 3));
    expect(tiny.nearest(vectors[0]!, 10)).toHaveLength(3);
    expect(tiny.nearest(vectors[0]!, 0)).toEqual([]);
    expect(new VectorIndex(d).nearest(vectors[0]!, 5)).toEqual([]);
  });

  it('refuses vectors of the wrong size', () => {
    expect(() => index.nearest(new Float32Array(3), 5)).toThrow(/dimensions/);
    expect(() => new VectorIndex(d).upsert('x', new Float32Array(3))).toThrow(/dimensions/);
  });

  it('runs the scan in WebAssembly SIMD on this runtime (the kernel validates)', () => {
    expect(simdAvailable()).toBe(true);
    // Its memory holds the query and scores beside the vectors: more than the vectors alone.
    expect(index.bytes).toBeGreaterThan(2_000 * d * 4);
  });

  it('scans in JavaScript, with the same answers, where the kernel cannot (dimensions not a multiple of 4)', () => {
    const odd = 63;
    const oddEntries = randomVectors(500, odd, 5).map((vector, i) => ({ id: `o${i}`, vector }));
    const oddIndex = VectorIndex.build(odd, oddEntries);
    expect(oddIndex.bytes).toBe(500 * odd * 4);
    const query = randomVectors(1, odd, 8)[0]!;
    const brute = oddEntries
      .map((e) => ({ id: e.id, similarity: dot(e.vector, query) }))
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, 10);
    expect(oddIndex.nearest(query, 10).map((n) => n.id)).toEqual(brute.map((b) => b.id));
    expect(oddIndex.similarity('o3', query)).toBeCloseTo(dot(oddEntries[3]!.vector, query), 6);
  });

  it('gives the same similarity for one profile as the scan does', () => {
    const query = randomVectors(1, d, 21)[0]!;
    for (const n of index.nearest(query, 5)) expect(index.similarity(n.id, query)).toBe(n.similarity);
  });
});
