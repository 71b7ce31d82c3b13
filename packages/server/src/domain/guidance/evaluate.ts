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
  const hits = { engine: [0, 0], baseline: [0, 0] };
  for (const h of test) {
    const heldOut = h.requests.at(-1)!.topics[0]!;
    const input: RecommendInput = { history: h.requests.slice(0, -1), dismissed: new Set(), model, limit: 3 };
    const engine = recommendTopics(input).map((s) => s.skill);
    const baseline = popularTopics(input);
    if (engine[0] === heldOut) hits.engine[0]! += 1;
    if (engine.includes(heldOut)) hits.engine[1]! += 1;
    if (baseline[0] === heldOut) hits.baseline[0]! += 1;
    if (baseline.includes(heldOut)) hits.baseline[1]! += 1;
  }
  const rate = (n: number) => (test.length ? n / test.length : 0);
  return {
    trainLearners: train.length,
    testLearners: test.length,
    engine: { hitAt1: rate(hits.engine[0]!), hitAt3: rate(hits.engine[1]!) },
    baseline: { hitAt1: rate(hits.baseline[0]!), hitAt3: rate(hits.baseline[1]!) },
  };
}
