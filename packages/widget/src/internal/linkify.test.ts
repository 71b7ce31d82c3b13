import { expect } from '@open-wc/testing';
import { segments } from './linkify.js';

describe('segments()', () => {
  it('makes http(s) URLs links and leaves trailing punctuation as text', () => {
    expect(segments('Docs: https://example.com/a?b=1, and http://x.test.')).to.deep.equal([
      { text: 'Docs: ' },
      { text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { text: ', and ' },
      { text: 'http://x.test', href: 'http://x.test/' },
      { text: '.' },
    ]);
  });

  it('never links javascript:, data: or markup', () => {
    const text = 'javascript:alert(1) data:text/html,<b>x</b> <a href="/x" onclick="y()">y</a>';
    const out = segments(text);
    expect(out.filter((s) => s.href).map((s) => s.href)).to.deep.equal([]);
    expect(out.map((s) => s.text).join('')).to.equal(text);
  });
});
