import { isTaxonomySkill, neighboursOf } from './taxonomy-neighbours.js';
import type { TransitionModel } from './transitions.js';

/** One of the learner's past requests, as the engine reads it. */
export interface HistoryRequest {
  /** Taxonomy topics of the request (request-topics.ts). */
  topics: readonly string[];
  at: Date;
  /** A completed session without a "not solved" rating, or a session with action items. */
  solved: boolean;
}

export interface RecommendInput {
  /** The learner's requests, oldest first (the engine excludes every topic in it). */
  history: readonly HistoryRequest[];
  /** Topics the learner dismissed. */
  dismissed: ReadonlySet<string>;
  model: TransitionModel;
  limit: number;
}

/** Why a topic is suggested; params name skills by slug (the service adds labels and text). */
export type TopicReason =
  | { code: 'next_after'; params: { from: string; share: number; learners: number } }
  | { code: 'related_skill'; params: { from: string } }
  | { code: 'popular_in_program'; params: { learners: number } };

export interface TopicSuggestion {
  skill: string;
  /** The blended probability below, in [0, 1]. */
  score: number;
  reason: TopicReason;
}

/**
 * The formula (all weights here; evaluate.ts measures them on the synthetic history set):
 *
 * Sources: the learner's last `SOURCE_REQUESTS` requests; the one `j` steps before the latest
 * weighs `RECENCY^j`, times `UNSOLVED` when it was not solved (an unsolved question says less
 * about what comes next), split evenly over the request's topics. Sources are `s`, weights `w_s`.
 *
 * For a candidate topic `y`, from each source `s`, a smoothed next-topic probability
 *   P(y | s) = (c(s, y) + α · B(y | s)) / (n(s) + α)
 * where c(s, y) = learners who asked `y` right after `s`, n(s) = learners who asked anything
 * right after `s` (both ≥ MIN_LEARNERS or 0), and the back-off
 *   B(y | s) = λ · R(y | s) + (1 − λ) · Pop(y)
 * with R uniform over the taxonomy's related skills of `s` (λ = 0 when `s` has none) and Pop(y)
 * the share of the program's learners who asked about `y`. With little data from `s` the
 * taxonomy and popularity decide; with much, what learners actually did.
 *
 *   score(y) = Σ_s w_s · P(y | s) / Σ_s w_s        (no history: score(y) = Pop(y))
 *
 * Never suggested: a topic of the learner's history (they asked already), a dismissed one, a
 * free tag. The reason is the largest of the three parts of the score: learners' transitions
 * (`next_after`, from the source contributing most), the taxonomy (`related_skill`) or
 * popularity (`popular_in_program`). Ties: higher score, then slug, so the result is stable.
 */
export const RECOMMEND_WEIGHTS = {
  SOURCE_REQUESTS: 3,
  RECENCY: 0.5,
  UNSOLVED: 0.8,
  ALPHA: 2,
  LAMBDA: 0.7,
  /** Popular topics considered as candidates besides the sources' next and related topics. */
  POPULAR_CANDIDATES: 20,
} as const;

const W = RECOMMEND_WEIGHTS;

interface Source {
  topic: string;
  weight: number;
}

function sourcesOf(history: readonly HistoryRequest[]): Source[] {
  const weights = new Map<string, number>();
  const recent = history.slice(-W.SOURCE_REQUESTS).reverse();
  recent.forEach((request, stepsBack) => {
    if (!request.topics.length) return;
    const weight = (W.RECENCY ** stepsBack * (request.solved ? 1 : W.UNSOLVED)) / request.topics.length;
    for (const topic of request.topics) weights.set(topic, (weights.get(topic) ?? 0) + weight);
  });
  return [...weights].map(([topic, weight]) => ({ topic, weight }));
}

function popularShare(model: TransitionModel, topic: string): number {
  return model.popularityTotal > 0 ? (model.popularity.get(topic) ?? 0) / model.popularityTotal : 0;
}

/** The engine: up to `limit` topics to ask about next, best first, each with its reason. */
export function recommendTopics(input: RecommendInput): TopicSuggestion[] {
  const { model } = input;
  const asked = new Set(input.history.flatMap((r) => r.topics));
  const allowed = (topic: string) =>
    isTaxonomySkill(topic) && !asked.has(topic) && !input.dismissed.has(topic);
  const sources = sourcesOf(input.history);
  const totalWeight = sources.reduce((sum, s) => sum + s.weight, 0);

  const candidates = new Set<string>();
  for (const s of sources) {
    for (const topic of model.next.get(s.topic)?.keys() ?? []) candidates.add(topic);
    for (const topic of neighboursOf(s.topic)) candidates.add(topic);
  }
  const popular = [...model.popularity]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, W.POPULAR_CANDIDATES);
  for (const [topic] of popular) candidates.add(topic);

  const scored: TopicSuggestion[] = [];
  for (const y of candidates) {
    if (!allowed(y)) continue;
    const pop = popularShare(model, y);
    if (!sources.length) {
      if (pop > 0) {
        scored.push({
          skill: y,
          score: pop,
          reason: { code: 'popular_in_program', params: { learners: model.popularity.get(y) ?? 0 } },
        });
      }
      continue;
    }
    let transitionPart = 0;
    let relatedPart = 0;
    let popularPart = 0;
    let bestNext: { from: string; part: number; count: number; followed: number } | null = null;
    let bestRelated: { from: string; part: number } | null = null;
    for (const s of sources) {
      const count = model.next.get(s.topic)?.get(y) ?? 0;
      const followed = model.followed.get(s.topic) ?? 0;
      const neighbours = neighboursOf(s.topic);
      const lambda = neighbours.length ? W.LAMBDA : 0;
      const related = neighbours.includes(y) ? 1 / neighbours.length : 0;
      const denominator = followed + W.ALPHA;
      const next = (s.weight * count) / denominator;
      const rel = (s.weight * W.ALPHA * lambda * related) / denominator;
      transitionPart += next;
      relatedPart += rel;
      popularPart += (s.weight * W.ALPHA * (1 - lambda) * pop) / denominator;
      if (count > 0 && (!bestNext || next > bestNext.part))
        bestNext = { from: s.topic, part: next, count, followed };
      if (rel > 0 && (!bestRelated || rel > bestRelated.part)) bestRelated = { from: s.topic, part: rel };
    }
    const score = (transitionPart + relatedPart + popularPart) / totalWeight;
    if (score <= 0) continue;
    let reason: TopicReason;
    if (bestNext && transitionPart >= relatedPart && transitionPart >= popularPart) {
      reason = {
        code: 'next_after',
        params: {
          from: bestNext.from,
          share: Math.round((bestNext.count / bestNext.followed) * 100) / 100,
          learners: bestNext.count,
        },
      };
    } else if (bestRelated && relatedPart >= popularPart) {
      reason = { code: 'related_skill', params: { from: bestRelated.from } };
    } else if (model.popularity.has(y)) {
      reason = { code: 'popular_in_program', params: { learners: model.popularity.get(y) ?? 0 } };
    } else if (bestRelated) {
      reason = { code: 'related_skill', params: { from: bestRelated.from } };
    } else continue;
    scored.push({ skill: y, score, reason });
  }
  scored.sort((a, b) => b.score - a.score || (a.skill < b.skill ? -1 : a.skill > b.skill ? 1 : 0));
  return scored.slice(0, input.limit);
}

/** The baseline the evaluation compares against: the program's most asked topics the learner has not asked. */
export function popularTopics(input: RecommendInput): string[] {
  const asked = new Set(input.history.flatMap((r) => r.topics));
  return [...input.model.popularity]
    .filter(([topic]) => !asked.has(topic) && !input.dismissed.has(topic))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, input.limit)
    .map(([topic]) => topic);
}
