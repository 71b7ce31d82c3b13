import { describe, expect, it } from 'vitest';
import { ERASED_TEXT, Needles } from './scrub.js';

describe('Needles', () => {
  const needles = new Needles([
    'Lena Learner',
    'lena@example.org',
    'ok',
    '',
    null,
    '  Lena  ',
    'Lena Learner',
  ]);

  it('takes out whole strings of any length and longer texts inside others, longest first', () => {
    expect(needles.text('ok')).toBe(ERASED_TEXT);
    expect(needles.text('ok then')).toBe('ok then');
    expect(needles.text('Hi Lena Learner <lena@example.org>')).toBe(`Hi ${ERASED_TEXT} <${ERASED_TEXT}>`);
    expect(needles.text('Lena')).toBe(ERASED_TEXT);
    expect(needles.text('Nothing of hers')).toBe('Nothing of hers');
  });

  it('scrubs every string of a JSON value and keeps its keys, numbers and shape', () => {
    const data = {
      'Lena Learner': 1,
      message: { body: 'ok', author: 'Lena Learner', n: 3 },
      list: ['x', 'ok'],
    };
    expect(needles.json(data)).toEqual({
      'Lena Learner': 1,
      message: { body: ERASED_TEXT, author: ERASED_TEXT, n: 3 },
      list: ['x', ERASED_TEXT],
    });
  });

  it('searches stored text as written raw, inside JSON and inside HTML', () => {
    const quoted = new Needles(['Say "hi" & <go>']);
    expect(quoted.searchable()).toEqual(
      expect.arrayContaining([
        'Say "hi" & <go>',
        'Say \\"hi\\" & <go>',
        'Say &quot;hi&quot; &amp; &lt;go&gt;',
      ]),
    );
    expect(new Needles(['ok']).searchable()).toEqual([]);
  });
});
