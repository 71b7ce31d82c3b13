/**
 * Offline evaluation of the next-topic engine on a history set (the synthetic one is
 * test/fixtures/learning-histories.ts): each test learner's last request is held out; the
 * transitions are learned from the training learners and the test learners' earlier requests;
 * hit@k = the held-out request's topic is among the top k suggestions. A popularity baseline
 * (the most asked topics the learner has not asked) is scored in the same run.
 */
import { type HistoryRequest, popularTopics, type RecommendInput, recommendTopics } from './recommend.js';
import { buildTransitionModel } from './transitions.js';

export interface LearnerHistory {
  learnerId: string;
  /** Oldest first. */
  requests: readonly HistoryRequest[];
}

export interface HitRates {
  hitAt1: number;
  hitAt3: number;
}

export interface GuidanceEvaluation {
  trainLearners: number;
  testLearners: number;
  engine: HitRates;
  /** The engine without the learners' transitions (taxonomy and popularity only): what the transitions add. */
  taxonomyOnly: HitRates;
  baseline: HitRates;
}

/** Test learners: every `testEvery`-th learner with at least two requests (a deterministic split). */
export function evaluateNextTopic(histories: readonly LearnerHistory[], testEvery = 4): GuidanceEvaluation {
  const test: LearnerHistory[] = [];
  const train: LearnerHistory[] = [];
  histories.forEach((h, i) => {
    if (i % testEvery === 0 && h.requests.length >= 2) test.push(h);
    else train.push(h);
  });
  const model = buildTransitionModel([
    ...train,
    ...test.map((h) => ({ learnerId: h.learnerId, requests: h.requests.slice(0, -1) })),
  ]);
  const withoutTransitions = { ...model, next: new Map(), followed: new Map() };
  const hits = { engine: [0, 0], taxonomyOnly: [0, 0], baseline: [0, 0] };
  const count = (kind: keyof typeof hits, ranked: readonly string[], heldOut: string) => {
    if (ranked[0] === heldOut) hits[kind][0]! += 1;
    if (ranked.includes(heldOut)) hits[kind][1]! += 1;
  };
  for (const h of test) {
    const heldOut = h.requests.at(-1)!.topics[0]!;
    const input: RecommendInput = { history: h.requests.slice(0, -1), dismissed: new Set(), model, limit: 3 };
    count(
      'engine',
      recommendTopics(input).map((s) => s.skill),
      heldOut,
    );
    count(
      'taxonomyOnly',
      recommendTopics({ ...input, model: withoutTransitions }).map((s) => s.skill),
      heldOut,
    );
    count('baseline', popularTopics(input), heldOut);
  }
  const rates = ([at1, at3]: number[]): HitRates => ({
    hitAt1: test.length ? at1! / test.length : 0,
    hitAt3: test.length ? at3! / test.length : 0,
  });
  return {
    trainLearners: train.length,
    testLearners: test.length,
    engine: rates(hits.engine),
    taxonomyOnly: rates(hits.taxonomyOnly),
    baseline: rates(hits.baseline),
  };
}
