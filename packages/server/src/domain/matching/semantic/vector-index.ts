import { type DotsFunction, simdAvailable, simdDots, wasmMemory } from './simd-dots.js';

export interface Neighbour {
  id: string;
  /** Cosine similarity (dot product of unit vectors), -1..1. */
  similarity: number;
}

/** The query's similarity to a tenant's profiles, over all of them. */
export interface Spread {
  mean: number;
  sd: number;
}

/**
 * Unit vectors of one tenant's profiles in one contiguous block, searched exactly: a full scan by
 * dot product keeping the best k in a small min-heap. The block lives in WebAssembly memory and
 * the dot products run four lanes at a time (simd-dots.ts), with a plain JavaScript loop where
 * that is unavailable; 100k × 512 is a few tens of milliseconds either way (figures in
 * docs/features/matching.md), so no approximate index is needed.
 */
export class VectorIndex {
  readonly #positions = new Map<string, number>();
  readonly #ids: string[] = [];
  /** Room for `#capacity` vectors; the first `size` are in use. Grows by doubling. */
  #vectors!: Float32Array;
  #capacity = 0;
  /** With the SIMD kernel: the query's and the scores' places beside the vectors, and the kernel. */
  #simd: { dots: DotsFunction; query: Float32Array; scores: Float32Array; vectorsAt: number } | null = null;

  constructor(
    readonly dimensions: number,
    initialCapacity = 0,
  ) {
    this.#allocate(Math.max(1, initialCapacity));
  }

  static build(
    dimensions: number,
    entries: readonly { id: string; vector: ArrayLike<number> }[],
  ): VectorIndex {
    const index = new VectorIndex(dimensions, entries.length);
    for (const entry of entries) index.upsert(entry.id, entry.vector);
    return index;
  }

  /**
   * Room for `capacity` vectors, the ones held copied over. In WebAssembly memory laid out as
   * [query | scores | vectors] when the kernel can run (dimensions a multiple of 4).
   */
  #allocate(capacity: number): void {
    const d = this.dimensions;
    const old = this.#vectors?.subarray(0, this.#ids.length * d);
    this.#capacity = capacity;
    this.#simd = null;
    if (d % 4 === 0 && simdAvailable()) {
      // Scores rounded up to four floats keeps every vector on a 16-byte boundary.
      const scoreRoom = Math.ceil(capacity / 4) * 4;
      const bytes = (d + scoreRoom + capacity * d) * 4;
      try {
        const memory = wasmMemory(Math.ceil(bytes / 65_536));
        const dots = simdDots(memory);
        if (dots) {
          const buffer = memory.buffer;
          const vectorsAt = (d + scoreRoom) * 4;
          this.#simd = {
            dots,
            query: new Float32Array(buffer, 0, d),
            scores: new Float32Array(buffer, d * 4, scoreRoom),
            vectorsAt,
          };
          this.#vectors = new Float32Array(buffer, vectorsAt, capacity * d);
          if (old) this.#vectors.set(old);
          return;
        }
      } catch {
        // Past WebAssembly's 4 GB, or memory refused: the plain array below.
      }
    }
    this.#vectors = new Float32Array(capacity * d);
    if (old) this.#vectors.set(old);
  }

  /** Adds a profile's vector, or replaces it in place. */
  upsert(id: string, vector: ArrayLike<number>): void {
    if (vector.length !== this.dimensions) {
      throw new Error(`vector of ${id} has ${vector.length} dimensions, not ${this.dimensions}`);
    }
    let at = this.#positions.get(id);
    if (at === undefined) {
      at = this.#ids.length;
      if (at + 1 > this.#capacity) this.#allocate(this.#capacity * 2);
      this.#ids.push(id);
      this.#positions.set(id, at);
    }
    this.#vectors.set(vector, at * this.dimensions);
  }

  get ids(): readonly string[] {
    return this.#ids;
  }

  get size(): number {
    return this.#ids.length;
  }

  has(id: string): boolean {
    return this.#positions.has(id);
  }

  /** The query's similarity to one profile; undefined when it is not in the index. */
  similarity(id: string, query: Float32Array): number | undefined {
    const at = this.#positions.get(id);
    if (at === undefined) return undefined;
    const simd = this.#simd;
    if (!simd) return this.#dot(at * this.dimensions, query);
    // The kernel, as the scan computes it (float32 sums), so both give the same figure.
    simd.query.set(query);
    simd.dots(0, simd.vectorsAt + at * this.dimensions * 4, 1, this.dimensions, simd.query.byteLength);
    return simd.scores[0]!;
  }

  #dot(offset: number, query: Float32Array): number {
    const v = this.#vectors;
    const d = this.dimensions;
    // Four accumulators: fewer dependent additions per step, ~1.5× faster than one on V8.
    let a = 0;
    let b = 0;
    let c = 0;
    let e = 0;
    let i = 0;
    for (; i + 3 < d; i += 4) {
      a += v[offset + i]! * query[i]!;
      b += v[offset + i + 1]! * query[i + 1]!;
      c += v[offset + i + 2]! * query[i + 2]!;
      e += v[offset + i + 3]! * query[i + 3]!;
    }
    for (; i < d; i++) a += v[offset + i]! * query[i]!;
    return a + b + c + e;
  }

  /** The k most similar profiles, best first (ties by position), those in `exclude` left out. */
  nearest(query: Float32Array, k: number, exclude?: ReadonlySet<string>): Neighbour[] {
    return this.search(query, k, exclude).nearest;
  }

  /**
   * `nearest`, and the mean and standard deviation of the query's similarity to every profile
   * (in the same pass): how far above the crowd a profile stands, which a raw cosine does not say
   * (unrelated texts sit at 0.3–0.4 with some models).
   */
  search(query: Float32Array, k: number, exclude?: ReadonlySet<string>): Spread & { nearest: Neighbour[] } {
    if (query.length !== this.dimensions) {
      throw new Error(`query has ${query.length} dimensions, not ${this.dimensions}`);
    }
    const limit = Math.min(k, this.size);
    if (limit <= 0) return { nearest: [], mean: 0, sd: 0 };
    let sum = 0;
    let sumSquares = 0;
    // A min-heap of the best so far: its root is the one to beat.
    const heapScore = new Float64Array(limit);
    const heapAt = new Int32Array(limit);
    let filled = 0;
    const n = this.size;
    const simd = this.#simd;
    if (simd) {
      simd.query.set(query);
      simd.dots(0, simd.vectorsAt, n, this.dimensions, simd.query.byteLength);
    }
    for (let at = 0; at < n; at++) {
      const score = simd ? simd.scores[at]! : this.#dot(at * this.dimensions, query);
      sum += score;
      sumSquares += score * score;
      if (filled === limit && score <= heapScore[0]!) continue;
      if (exclude?.size && exclude.has(this.#ids[at]!)) continue;
      if (filled < limit) {
        // Sift up.
        let i = filled++;
        while (i > 0) {
          const parent = (i - 1) >> 1;
          if (heapScore[parent]! <= score) break;
          heapScore[i] = heapScore[parent]!;
          heapAt[i] = heapAt[parent]!;
          i = parent;
        }
        heapScore[i] = score;
        heapAt[i] = at;
      } else {
        // Replace the root and sift down.
        let i = 0;
        for (;;) {
          const left = 2 * i + 1;
          if (left >= limit) break;
          const right = left + 1;
          const child = right < limit && heapScore[right]! < heapScore[left]! ? right : left;
          if (heapScore[child]! >= score) break;
          heapScore[i] = heapScore[child]!;
          heapAt[i] = heapAt[child]!;
          i = child;
        }
        heapScore[i] = score;
        heapAt[i] = at;
      }
    }
    const out: { at: number; similarity: number }[] = [];
    for (let i = 0; i < filled; i++) out.push({ at: heapAt[i]!, similarity: heapScore[i]! });
    out.sort((x, y) => y.similarity - x.similarity || x.at - y.at);
    const mean = sum / n;
    return {
      nearest: out.map((o) => ({ id: this.#ids[o.at]!, similarity: o.similarity })),
      mean,
      sd: Math.sqrt(Math.max(0, sumSquares / n - mean * mean)),
    };
  }

  /** Bytes held by the vectors, room to grow included (with the kernel: its whole memory). */
  get bytes(): number {
    return this.#simd ? this.#vectors.buffer.byteLength : this.#vectors.byteLength;
  }
}
