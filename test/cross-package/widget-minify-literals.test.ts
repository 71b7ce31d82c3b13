// The widget build's template minifier (packages/widget/build/minify-literals.ts): what it may
// take out of Lit's `html` and `css` literals, and what it must leave alone.
import { describe, expect, it } from 'vitest';
import {
  type MarkupState,
  minifyCss,
  minifyHtml,
  minifyLiterals,
  unquoteAttributes,
} from '../../packages/widget/build/minify-literals.js';

const outside = (): MarkupState => ({ inTag: false, quote: '' });

describe('minifyHtml', () => {
  it('drops the line breaks between tags and collapses the rest to one space', () => {
    expect(minifyHtml('\n  <ul>\n    <li>a</li>\n    <li>b</li>\n  </ul>\n', true, true)).toBe(
      '<ul><li>a</li><li>b</li></ul>',
    );
    // Inside an element the space stays: it may sit between inline content and an expression.
    expect(minifyHtml('<p>\n  Hello\n  world\n</p>')).toBe('<p> Hello world</p>');
  });

  it('keeps the space between inline content and an expression', () => {
    expect(minifyHtml('<span>★</span>\n  ')).toBe('<span>★</span> ');
    expect(minifyHtml('</span> <span>')).toBe('</span> <span>');
  });

  it('leaves attribute quotes alone (unquoteAttributes does that, inside tags only)', () => {
    expect(minifyHtml('<h3 id="heading">')).toBe('<h3 id="heading">');
  });
});

describe('unquoteAttributes', () => {
  const unquote = (text: string) => unquoteAttributes(text, outside());

  it('unquotes plain attribute values', () => {
    expect(unquote('<button part="launcher" type="button" aria-haspopup="dialog">')).toBe(
      '<button part=launcher type=button aria-haspopup=dialog>',
    );
    expect(unquote('<h3 id=\'heading\' tabindex="-1">')).toBe('<h3 id=heading tabindex=-1>');
  });

  it('keeps the quotes a value needs', () => {
    // A space, an entity or an empty value.
    expect(unquote('<button part="button slot-button" title="a&amp;b" alt="">')).toBe(
      '<button part="button slot-button" title="a&amp;b" alt="">',
    );
    // Before `/` an unquoted value would swallow the slash.
    expect(unquote('<input name="q"/>')).toBe('<input name="q"/>');
    // At the end of a piece an expression follows, and would join the value.
    expect(unquote('<p title="a"')).toBe('<p title="a"');
  });

  it('leaves text that reads like an attribute as written', () => {
    expect(unquote('<p>Say x="y" here</p>')).toBe('<p>Say x="y" here</p>');
    expect(unquote('<p title="a>b" id="c">x="y"</p>')).toBe('<p title="a>b" id=c>x="y"</p>');
  });

  it('carries the state across the pieces between expressions', () => {
    // html`<p class="${a}" lang="en">${b} x="y"</p>`
    const state = outside();
    expect(unquoteAttributes('<p class="', state)).toBe('<p class="');
    expect(state).toEqual({ inTag: true, quote: '"' });
    expect(unquoteAttributes('" lang="en">', state)).toBe('" lang=en>');
    expect(unquoteAttributes(' x="y"</p>', state)).toBe(' x="y"</p>');
    expect(state).toEqual({ inTag: false, quote: '' });
  });
});

describe('minifyCss', () => {
  it('drops comments and the space around punctuation, and shortens numbers and selectors', () => {
    expect(
      minifyCss(
        `
        /* the launcher */
        [part~='launcher'] {
          opacity: 0.7;
          box-shadow: 0 4px 14px rgb(0 0 0 / 0.18);
        }
      `,
        true,
        true,
      ),
    ).toBe('[part~=launcher]{opacity:.7;box-shadow:0 4px 14px rgb(0 0 0/.18)}');
  });

  it('keeps the space beside an expression', () => {
    // css`p { margin: ${x} auto; }`
    expect(minifyCss('\n  p {\n    margin: ', true, false)).toBe('p{margin:');
    expect(minifyCss(' auto;\n  }\n', false, true)).toBe(' auto}');
  });
});

describe('minifyLiterals', () => {
  it('rewrites only the static text of html and css templates', () => {
    const source = [
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template
      'const a = html`\n  <p class="hint">${text}</p>\n`;',
      'const b = css`\n  p {\n    margin: 0;\n  }\n`;',
      'const c = `\n  <p class="kept">\n`;',
    ].join('\n');
    expect(minifyLiterals(source, 'x.ts')).toBe(
      [
        // biome-ignore lint/suspicious/noTemplateCurlyInString: the source text of a template
        'const a = html`<p class=hint>${text}</p>`;',
        'const b = css`p{margin:0}`;',
        'const c = `\n  <p class="kept">\n`;',
      ].join('\n'),
    );
  });
});
