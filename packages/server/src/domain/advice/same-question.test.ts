import { describe, expect, it } from 'vitest';
import { questionIdsOf } from './same-question.js';

const at = (day: number) => new Date(Date.UTC(2026, 11, day));

describe('questionIdsOf', () => {
  it('groups a re-asked question (same skills, similar title) under its first request', () => {
    const ids = questionIdsOf([
      { id: 'r3', title: 'My SQL query is still slow', skills: ['sql'], createdAt: at(3) },
      { id: 'r1', title: 'Why is my SQL query slow?', skills: ['sql'], createdAt: at(1) },
      { id: 'r2', title: 'How do I present to stakeholders?', skills: ['communication'], createdAt: at(2) },
      // Similar title, other skills: another question.
      { id: 'r4', title: 'Slow query in SQL', skills: ['sql', 'postgres'], createdAt: at(4) },
      // Same skills, another subject.
      { id: 'r5', title: 'Window functions ranking rows', skills: ['sql'], createdAt: at(5) },
    ]);
    expect(Object.fromEntries(ids)).toEqual({ r1: 'r1', r2: 'r2', r3: 'r1', r4: 'r4', r5: 'r5' });
  });
});
