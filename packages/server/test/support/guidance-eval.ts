/**
 * The next-topic engine's offline figures, for the unit test (src/domain/guidance/evaluate.test.ts)
 * and the bench: the synthetic history set, its held-out split, the engine and the popularity
 * baseline scored in the same run.
 */
import { evaluateNextTopic, type GuidanceEvaluation } from '../../src/domain/guidance/evaluate.js';
import { learningHistories } from '../fixtures/learning-histories.js';

export function runGuidanceEvaluation(seed?: number): GuidanceEvaluation {
  return evaluateNextTopic(learningHistories(seed === undefined ? {} : { seed }));
}

/** One line a person reads: both hit rates, side by side. */
export function formatGuidanceEvaluation(result: GuidanceEvaluation): string {
  const f = (n: number) => n.toFixed(3);
  return (
    `next-topic suggestions, ${result.testLearners} held-out learners (${result.trainLearners} training): ` +
    `hit@3 engine ${f(result.engine.hitAt3)} vs popularity ${f(result.baseline.hitAt3)} ` +
    `(taxonomy only ${f(result.taxonomyOnly.hitAt3)}); ` +
    `hit@1 engine ${f(result.engine.hitAt1)} vs popularity ${f(result.baseline.hitAt1)} ` +
    `(taxonomy only ${f(result.taxonomyOnly.hitAt1)})`
  );
}
