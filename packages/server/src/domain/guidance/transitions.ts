/**
 * The program's transitions: which topic learners asked about next, after each topic, counted
 * over the tenant's learners. Pure: the caller reads the requests (transition-cache.ts) or
 * passes a synthetic history (evaluate.ts).
 */

/** One learner's requests, oldest first, each as its taxonomy topics. */
export interface LearnerSequence {
  learnerId: string;
  requests: readonly { topics: readonly string[] }[];
}

export interface TransitionModel {
  /** from → (next topic → learners who asked about it right after `from`). */
  next: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** from → learners who asked about anything right after it. */
  followed: ReadonlyMap<string, number>;
  /** topic → learners who asked about it. */
  popularity: ReadonlyMap<string, number>;
  /** The sum of `popularity` (the denominator of a topic's share). */
  popularityTotal: number;
  learners: number;
}

/**
 * Fewer learners than this never show in a count: a rare path is one person's path, so it
 * neither informs suggestions nor appears in a reason ("people who…" means at least three).
 */
export const MIN_LEARNERS = 3;

/**
 * Counts distinct learners, not requests: one learner asking X then Y three times is one vote
 * for X → Y. A request with several topics links each of them to each topic of the next
 * request. Counts below `MIN_LEARNERS` are dropped.
 */
export function buildTransitionModel(
  sequences: Iterable<LearnerSequence>,
  minLearners = MIN_LEARNERS,
): TransitionModel {
  const pairs = new Map<string, Map<string, number>>();
  const followedRaw = new Map<string, number>();
  const popularityRaw = new Map<string, number>();
  let learners = 0;
  for (const { requests } of sequences) {
    learners += 1;
    const seenPairs = new Set<string>();
    const seenFrom = new Set<string>();
    const seenTopics = new Set<string>();
    for (let i = 0; i < requests.length; i++) {
      const here = requests[i]!.topics;
      for (const topic of here) seenTopics.add(topic);
      const after = requests[i + 1]?.topics;
      if (!after?.length) continue;
      for (const from of here) {
        for (const to of after) {
          if (to === from) continue;
          seenFrom.add(from);
          seenPairs.add(`${from}\u0000${to}`);
        }
      }
    }
    for (const pair of seenPairs) {
      const [from, to] = pair.split('\u0000') as [string, string];
      const row = pairs.get(from) ?? new Map<string, number>();
      row.set(to, (row.get(to) ?? 0) + 1);
      pairs.set(from, row);
    }
    for (const from of seenFrom) followedRaw.set(from, (followedRaw.get(from) ?? 0) + 1);
    for (const topic of seenTopics) popularityRaw.set(topic, (popularityRaw.get(topic) ?? 0) + 1);
  }

  const next = new Map<string, Map<string, number>>();
  for (const [from, row] of pairs) {
    const kept = new Map([...row].filter(([, n]) => n >= minLearners));
    if (kept.size) next.set(from, kept);
  }
  const followed = new Map([...followedRaw].filter(([, n]) => n >= minLearners));
  const popularity = new Map([...popularityRaw].filter(([, n]) => n >= minLearners));
  let popularityTotal = 0;
  for (const n of popularity.values()) popularityTotal += n;
  return { next, followed, popularity, popularityTotal, learners };
}
