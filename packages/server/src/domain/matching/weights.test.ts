import { describe, expect, it } from 'vitest';
import { MATCH_WEIGHTS as W } from './weights.js';

describe('MATCH_WEIGHTS', () => {
  const urgencies = Object.keys(W.availability) as (keyof typeof W.availability)[];

  it('lets relevance outweigh every other signal combined, at any urgency', () => {
    for (const urgency of urgencies) {
      const secondary = W.seniority + W.quality + W.availability[urgency] + W.newMentor + W.board;
      expect(W.relevance.weight).toBeGreaterThan(secondary);
    }
  });

  it('keeps the overload penalty too small to push a topical match to zero (relevance > overload / gate)', () => {
    expect(W.relevance.weight).toBeGreaterThan(W.overload / W.relevance.gate);
    // Both penalties at once, no-shows included.
    expect(W.relevance.weight).toBeGreaterThan((W.overload + W.noShow) / W.relevance.gate);
  });

  it('weighs availability more the more urgent the request', () => {
    expect(W.availability.now).toBeGreaterThan(W.availability.today);
    expect(W.availability.today).toBeGreaterThan(W.availability.this_week);
    expect(W.availability.this_week).toBeGreaterThan(W.availability.flexible);
  });

  it('ranks query evidence explicit ≥ topic > text > fuzzy > subsumed word, and related below its parent', () => {
    const q = W.query;
    expect(q.explicit).toBeGreaterThanOrEqual(q.topic);
    expect(q.topic).toBeGreaterThan(q.text);
    expect(q.text).toBeGreaterThan(q.fuzzy);
    expect(q.fuzzy).toBeGreaterThan(q.textSubsumed);
    expect(q.related).toBeGreaterThan(0);
    expect(q.related).toBeLessThan(1);
  });

  it('gives a direct skill more relevance than a related one, and the relevance parts sum to 1', () => {
    const r = W.relevance;
    expect(r.skill).toBeGreaterThan(r.related);
    expect(r.text + r.skill + r.related).toBeCloseTo(1, 10);
    expect(W.mmrSkillShare + W.mmrHeadlineShare).toBeCloseTo(1, 10);
  });

  it('keeps the fuzzy threshold in the 0.4–0.5 band where one-letter typos pass', () => {
    expect(W.query.fuzzyThreshold).toBeGreaterThanOrEqual(0.4);
    expect(W.query.fuzzyThreshold).toBeLessThanOrEqual(0.5);
  });
});
