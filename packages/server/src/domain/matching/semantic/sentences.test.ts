import { describe, expect, it } from 'vitest';
import { MAX_QUOTABLE_SENTENCES, MAX_SENTENCE_CHARS, profileSentences, splitSentences } from './sentences.js';

describe('profileSentences', () => {
  it('quotes the headline and each bio sentence, and lists the skills by label apart', () => {
    const out = profileSentences({
      headline: '  Frontend lead  ',
      bio: 'I debug double-firing effects in React 18 strict mode. I also mentor new leads on code review.',
      skills: ['react-hooks', 'typescript'],
    });
    expect(out.quotable).toEqual([
      'Frontend lead',
      'I debug double-firing effects in React 18 strict mode.',
      'I also mentor new leads on code review.',
    ]);
    expect(out.skills).toBe('Skills: React hooks, TypeScript');
  });

  it('joins fragments of fewer than three words to the sentence before, and drops a lone one', () => {
    expect(splitSentences('Hi! I build data pipelines in Python. Cheers.')).toEqual([
      'Hi! I build data pipelines in Python. Cheers.',
    ]);
    expect(splitSentences('Thanks.')).toEqual([]);
  });

  it('treats lines and list bullets as sentence breaks', () => {
    expect(splitSentences('- Ran the platform team for years\n• Wrote our incident playbooks')).toEqual([
      'Ran the platform team for years',
      'Wrote our incident playbooks',
    ]);
  });

  it('caps long sentences at a word boundary, keeps at most twelve and each once', () => {
    const long = `I ${'really '.repeat(60)}like teaching.`;
    const bio = [
      long,
      ...Array.from({ length: 20 }, (_, i) => `Sentence number ${i} is here.`),
      'Sentence number 1 is here.',
    ];
    const out = profileSentences({ headline: 'Teacher of things', bio: bio.join(' '), skills: [] });
    expect(out.quotable).toHaveLength(MAX_QUOTABLE_SENTENCES);
    expect(out.quotable[1]!.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    expect(out.quotable[1]).toMatch(/really…$/);
    expect(new Set(out.quotable).size).toBe(out.quotable.length);
    expect(out.skills).toBeNull();
  });

  it('has nothing to embed for an erased profile', () => {
    expect(profileSentences({ headline: '', bio: '', skills: [] })).toEqual({ quotable: [], skills: null });
  });
});
