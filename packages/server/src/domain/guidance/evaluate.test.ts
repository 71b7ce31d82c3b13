import { describe, expect, it } from 'vitest';
import { LEARNING_PATHS, learningHistories } from '../../../test/fixtures/learning-histories.js';
import { formatGuidanceEvaluation, runGuidanceEvaluation } from '../../../test/support/guidance-eval.js';
import { isKnownSkill } from '../skills/normalize.js';

describe('the synthetic history set', () => {
  it('is reproducible, large enough and names taxonomy skills only', () => {
    const histories = learningHistories();
    expect(learningHistories()).toEqual(histories);
    expect(learningHistories({ seed: 19 })).not.toEqual(histories);
    expect(histories.length).toBeGreaterThanOrEqual(400);
    for (const path of LEARNING_PATHS)
      for (const step of path.steps) expect(isKnownSkill(step), step).toBe(true);
    for (const h of histories) {
      expect(h.requests.length).toBeGreaterThanOrEqual(2);
      for (const r of h.requests) for (const t of r.topics) expect(isKnownSkill(t), t).toBe(true);
      const firsts = h.requests.map((r) => r.topics[0]);
      expect(new Set(firsts).size, h.learnerId).toBe(firsts.length);
    }
  });
});

describe('offline evaluation: the next topic asked is in the top 3', () => {
  it('at least half the time, well above the popularity baseline', () => {
    const result = runGuidanceEvaluation();
    console.log(formatGuidanceEvaluation(result));
    expect(result.testLearners).toBeGreaterThanOrEqual(100);
    expect(result.engine.hitAt3).toBeGreaterThanOrEqual(0.5);
    expect(result.engine.hitAt3).toBeGreaterThan(result.baseline.hitAt3 + 0.2);
    // The learners' transitions carry it: the taxonomy and popularity alone do far worse.
    expect(result.engine.hitAt3).toBeGreaterThan(result.taxonomyOnly.hitAt3 + 0.1);
  });

  it('holds on other seeds (the figure is not one lucky draw)', () => {
    for (const seed of [1, 2, 3]) {
      const result = runGuidanceEvaluation(seed);
      expect(result.engine.hitAt3, `seed ${seed}`).toBeGreaterThanOrEqual(0.5);
      expect(result.engine.hitAt3, `seed ${seed}`).toBeGreaterThan(result.baseline.hitAt3 + 0.2);
    }
  });
});
