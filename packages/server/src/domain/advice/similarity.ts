/** How far two sets of content words overlap: the shared words (sorted) and their Jaccard index. */
export interface Overlap {
  shared: string[];
  /** |A ∩ B| / |A ∪ B|, 0 when both are empty. */
  jaccard: number;
}

export function overlapOf(a: ReadonlySet<string>, b: ReadonlySet<string>): Overlap {
  const shared = [...a].filter((word) => b.has(word)).sort();
  const union = a.size + b.size - shared.length;
  return { shared, jaccard: union === 0 ? 0 : shared.length / union };
}

/**
 * Two pieces of advice agree when they share at least two content words and a quarter of all
 * their words ("Add an index on customer_id" / "Create an index on the customer_id column"), or
 * half of their words when they are short (one shared word out of two: "Use EXPLAIN" /
 * "Run EXPLAIN"). Below that they may touch the same thing (a shared word) yet say it differently.
 */
export const AGREE_MIN_SHARED = 2;
export const AGREE_MIN_JACCARD = 0.25;
export const AGREE_SHORT_JACCARD = 0.5;

export function agrees(overlap: Overlap): boolean {
  return (
    (overlap.shared.length >= AGREE_MIN_SHARED && overlap.jaccard >= AGREE_MIN_JACCARD) ||
    (overlap.shared.length >= 1 && overlap.jaccard >= AGREE_SHORT_JACCARD)
  );
}
