import { describe, expect, it } from 'vitest';
import { compareAdvice, type MentorAdvice } from './compare.js';
import { contentWords } from './content-words.js';
import { noteSentences } from './note-sentences.js';

const item = (id: string, text: string) => ({ id, kind: 'action_item' as const, text });
const note = (id: string, text: string) => ({ id, kind: 'note' as const, text });

describe('contentWords', () => {
  it('drops function words and meets plurals and verb forms', () => {
    expect([...contentWords('Add the indexes before indexing the queries')].sort()).toEqual([
      'add',
      'index',
      'query',
    ]);
    expect([...contentWords('Añade un índice a la tabla', ['es'])].sort()).toEqual([
      'anade',
      'indice',
      'tabla',
    ]);
  });
});

describe('noteSentences', () => {
  it('splits a summary into its points', () => {
    expect(noteSentences('We looked at the plan. It scans orders!\n- Try a covering index')).toEqual([
      'We looked at the plan.',
      'It scans orders!',
      'Try a covering index',
    ]);
  });
});

describe('compareAdvice', () => {
  const ana: MentorAdvice = {
    mentorId: 'ana',
    mentorName: 'Ana',
    pieces: [
      item('a1', 'Add an index on orders.customer_id'),
      item('a2', 'Run EXPLAIN ANALYZE before and after'),
      note('n1#0', 'Denormalise the totals into a summary table.'),
    ],
  };
  const ben: MentorAdvice = {
    mentorId: 'ben',
    mentorName: 'Ben',
    pieces: [
      item('b1', 'Create an index on the customer_id column of orders'),
      item('b2', 'Keep the totals normalised and use a materialized view'),
      item('b3', 'Read the chapter on vacuum'),
    ],
  };

  it('marks agreement by the words both mentors used', () => {
    const { agreements } = compareAdvice([ana, ben]);
    expect(agreements).toHaveLength(1);
    expect(agreements[0]!.pieces.map((p) => p.id)).toEqual(['a1', 'b1']);
    expect(agreements[0]!.explanation).toMatchObject({
      code: 'agree',
      params: { shared: ['customer', 'id', 'index', 'order'] },
    });
    expect(agreements[0]!.explanation.params.similarity).toBeGreaterThanOrEqual(0.5);
  });

  it('marks a conflict (same subject, other advice) apart from advice only one mentor gave', () => {
    const { differences } = compareAdvice([ana, ben]);
    const byId = new Map(differences.map((d) => [d.piece.id, d.explanation]));
    expect([...byId.keys()]).toEqual(['a2', 'n1#0', 'b2', 'b3']);
    // Both spoke of the totals, one says denormalise, the other keep normalised: read both.
    expect(byId.get('n1#0')).toMatchObject({
      code: 'differs',
      params: { shared: ['total'], closestMentorId: 'ben', closest: ben.pieces[1]!.text },
    });
    expect(byId.get('b2')).toMatchObject({ code: 'differs', params: { closestMentorId: 'ana' } });
    expect(byId.get('a2')).toMatchObject({ code: 'only_one_mentor', params: { mentorName: 'Ana' } });
    expect(byId.get('b3')).toEqual({
      code: 'only_one_mentor',
      text: 'Only Ben advised this.',
      params: { mentorName: 'Ben' },
    });
  });

  it('finds partial agreement between a note sentence and a short action item', () => {
    const cy: MentorAdvice = {
      mentorId: 'cy',
      mentorName: 'Cy',
      pieces: [item('c1', 'Use EXPLAIN ANALYZE')],
    };
    const { agreements } = compareAdvice([ana, cy]);
    expect(agreements.map((a) => [a.pieces[0].id, a.pieces[1].id])).toEqual([['a2', 'c1']]);
    expect(agreements[0]!.explanation.params).toEqual({ shared: ['analyze', 'explain'], similarity: 0.5 });
  });

  it('is deterministic and finds nothing to agree on between unrelated advice', () => {
    const dee: MentorAdvice = {
      mentorId: 'dee',
      mentorName: 'Dee',
      pieces: [item('d1', 'Practise the talk twice')],
    };
    expect(compareAdvice([ana, ben, dee])).toEqual(compareAdvice([ana, ben, dee]));
    const { agreements, differences } = compareAdvice([ana, dee]);
    expect(agreements).toEqual([]);
    expect(differences.map((d) => d.explanation.code)).toEqual([
      'only_one_mentor',
      'only_one_mentor',
      'only_one_mentor',
      'only_one_mentor',
    ]);
  });
});
