import { describe, expect, it } from 'vitest';
import { linkify } from '../src/index.js';

const links = (text: string) => linkify(text).filter((s) => s.type === 'link');

describe('linkify', () => {
  it('turns http and https URLs into links and keeps everything else as text', () => {
    expect(linkify('See https://example.com/a?b=1&c=2#x and http://test.example.')).toEqual([
      { type: 'text', text: 'See ' },
      { type: 'link', text: 'https://example.com/a?b=1&c=2#x', href: 'https://example.com/a?b=1&c=2#x' },
      { type: 'text', text: ' and ' },
      { type: 'link', text: 'http://test.example', href: 'http://test.example/' },
      { type: 'text', text: '.' },
    ]);
  });

  it('never makes a link of javascript:, data: or other schemes, however they are written', () => {
    for (const text of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(document.cookie)',
      ' javascript://%0aalert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'click <a href="javascript:alert(1)">here</a>',
      'java\nscript:alert(1)',
      'ftp://files.example/x',
    ]) {
      expect(links(text), text).toEqual([]);
      expect(linkify(text)).toEqual([{ type: 'text', text }]);
    }
    // A URL inside such text is linked only from its own http(s) start.
    const mixed = linkify('javascript:location="https://evil.example"');
    expect(mixed.filter((s) => s.type === 'link').map((s) => (s as { href: string }).href)).toEqual([
      'https://evil.example/',
    ]);
    for (const s of linkify('x javascript:https://a.example y')) {
      if (s.type === 'link') expect(s.href.startsWith('https://')).toBe(true);
    }
  });

  it('leaves trailing punctuation and markup out of the link, but keeps a balanced parenthesis', () => {
    expect(links('(see https://example.com/x).')).toEqual([
      { type: 'link', text: 'https://example.com/x', href: 'https://example.com/x' },
    ]);
    expect(links('https://en.wikipedia.org/wiki/Foo_(bar), ok')[0]?.text).toBe(
      'https://en.wikipedia.org/wiki/Foo_(bar)',
    );
    expect(links('<https://example.com/a>')[0]?.text).toBe('https://example.com/a');
    expect(links('"https://example.com/q"><script>')[0]?.text).toBe('https://example.com/q');
  });

  it('keeps the text intact: joining the segments gives the input back', () => {
    for (const text of [
      '',
      'plain',
      'a https://x.example b https://y.example/c?d. e',
      'http:// nothing',
      'https://',
    ]) {
      expect(
        linkify(text)
          .map((s) => s.text)
          .join(''),
      ).toBe(text);
    }
    expect(links('http:// nothing')).toEqual([]);
  });
});
