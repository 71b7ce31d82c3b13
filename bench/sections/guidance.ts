/**
 * Suggestions for what to ask next, measured offline: on the synthetic learning histories
 * (packages/server/test/fixtures/learning-histories.ts), each held-out learner's last request is
 * hidden and the engine's top 3 suggestions are checked for it, next to a popularity baseline
 * (the most asked topics the learner has not asked yet) scored on the same split in the same run.
 */
import { runGuidanceEvaluation } from '../../packages/server/test/support/guidance-eval.js';
import type { Section } from '../support/types.js';

export const guidanceSection: Section = {
  name: 'guidance',
  needsServer: false,
  async run({ log }) {
    log('scoring next-topic suggestions on the held-out learning histories…');
    const result = runGuidanceEvaluation();
    const split = `${result.testLearners} held-out learners, ${result.trainLearners} training`;
    return [
      {
        benchmark: 'next topic in top 3 suggestions (hit@3)',
        figure: { value: result.engine.hitAt3, unit: 'score' },
        baseline: { value: result.baseline.hitAt3, unit: 'score' },
        notes: `${split}; baseline = popularity; taxonomy only ${result.taxonomyOnly.hitAt3.toFixed(3)}`,
        check: { ok: result.engine.hitAt3 >= 0.5, message: 'hit@3 ≥ 0.5 (issue #18)' },
      },
      {
        benchmark: 'next topic first suggestion (hit@1)',
        figure: { value: result.engine.hitAt1, unit: 'score' },
        baseline: { value: result.baseline.hitAt1, unit: 'score' },
        notes: `taxonomy only ${result.taxonomyOnly.hitAt1.toFixed(3)}`,
      },
    ];
  },
};
