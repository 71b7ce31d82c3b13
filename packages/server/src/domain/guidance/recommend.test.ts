import { describe, expect, it } from 'vitest';
import { type HistoryRequest, popularTopics, recommendTopics } from './recommend.js';
import { buildTransitionModel, type LearnerSequence } from './transitions.js';

const asked = (...topics: string[][]): HistoryRequest[] =>
  topics.map((t, i) => ({ topics: t, at: new Date(Date.UTC(2026, 0, 1 + i)), solved: true }));

/** `n` learners who each asked the topics in this order. */
function walkers(n: number, prefix: string, ...path: string[]): LearnerSequence[] {
  return Array.from({ length: n }, (_, i) => ({
    learnerId: `${prefix}-${i}`,
    requests: path.map((topic) => ({ topics: [topic] })),
  }));
}

describe('buildTransitionModel', () => {
  it('counts learners, not requests, and drops counts below three learners', () => {
    const model = buildTransitionModel([
      ...walkers(3, 'a', 'sql', 'sql-joins'),
      ...walkers(2, 'b', 'sql', 'excel'),
      {
        learnerId: 'c',
        requests: [
          { topics: ['sql'] },
          { topics: ['sql-joins'] },
          { topics: ['sql'] },
          { topics: ['sql-joins'] },
        ],
      },
    ]);
    expect(model.next.get('sql')).toEqual(new Map([['sql-joins', 4]]));
    expect(model.followed.get('sql')).toBe(6);
    expect(model.popularity.get('sql')).toBe(6);
    expect(model.popularity.has('excel')).toBe(false);
    expect(model.learners).toBe(6);
  });
});

describe('recommendTopics', () => {
  const model = buildTransitionModel([
    ...walkers(6, 'a', 'sql', 'sql-joins', 'window-functions'),
    ...walkers(3, 'b', 'sql', 'postgresql'),
    ...walkers(5, 'c', 'html', 'css', 'javascript'),
  ]);

  it('suggests what learners asked next, explained with the share of them', () => {
    const [first, second] = recommendTopics({
      history: asked(['sql']),
      dismissed: new Set(),
      model,
      limit: 3,
    });
    expect(first).toMatchObject({
      skill: 'sql-joins',
      reason: { code: 'next_after', params: { from: 'sql', share: 0.67, learners: 6 } },
    });
    expect(second).toMatchObject({
      skill: 'postgresql',
      reason: { code: 'next_after', params: { share: 0.33 } },
    });
  });

  it('never suggests a topic the learner asked about or dismissed', () => {
    const history = asked(['sql'], ['sql-joins']);
    const topics = recommendTopics({ history, dismissed: new Set(['window-functions']), model, limit: 10 });
    const skills = topics.map((t) => t.skill);
    expect(skills).not.toContain('sql');
    expect(skills).not.toContain('sql-joins');
    expect(skills).not.toContain('window-functions');
    expect(skills.length).toBeGreaterThan(0);
  });

  it('backs off to the taxonomy when the program has no data after a topic', () => {
    const [first] = recommendTopics({
      history: asked(['kubernetes']),
      dismissed: new Set(),
      model,
      limit: 3,
    });
    expect(first?.reason).toEqual({ code: 'related_skill', params: { from: 'kubernetes' } });
  });

  it('weighs the latest request most', () => {
    const skills = recommendTopics({
      history: asked(['html'], ['sql']),
      dismissed: new Set(),
      model,
      limit: 2,
    }).map((t) => t.skill);
    expect(skills[0]).toBe('sql-joins');
  });

  it('suggests popular topics, explained, to a learner with no history; nothing when the program has none', () => {
    const topics = recommendTopics({ history: [], dismissed: new Set(), model, limit: 2 });
    expect(topics.map((t) => t.skill)).toEqual(['sql', 'sql-joins']);
    expect(topics[0]?.reason).toEqual({ code: 'popular_in_program', params: { learners: 9 } });
    const empty = buildTransitionModel([]);
    expect(recommendTopics({ history: [], dismissed: new Set(), model: empty, limit: 3 })).toEqual([]);
  });

  it('is deterministic and never suggests free tags', () => {
    const withTags = buildTransitionModel(walkers(4, 'x', 'sql', 'my-secret-project'));
    const input = { history: asked(['sql']), dismissed: new Set<string>(), model: withTags, limit: 5 };
    expect(recommendTopics(input)).toEqual(recommendTopics(input));
    expect(recommendTopics(input).map((t) => t.skill)).not.toContain('my-secret-project');
  });

  it('the popularity baseline leaves out what the learner asked', () => {
    expect(popularTopics({ history: asked(['sql']), dismissed: new Set(), model, limit: 2 })).toEqual([
      'sql-joins',
      'window-functions',
    ]);
  });
});
