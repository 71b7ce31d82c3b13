import ts from 'typescript';
import type { Plugin } from 'vite';

// Lit's `html` and `css` templates survive minification as written, indentation included:
// about a tenth of the bundle. This plugin squeezes their static text at build time, using
// TypeScript's parser to find them (a regex would trip on nested templates).

/** Whitespace in markup: runs with a newline collapse to one space, and vanish between tags. */
export function minifyHtml(text: string, first = false, last = false): string {
  let out = text;
  // A template's own leading and trailing line breaks, next to a tag, render nothing.
  if (first) out = out.replace(/^\s*\n\s*(?=<)/, '');
  if (last) out = out.replace(/(?<=>)\s*\n\s*$/, '');
  return (
    out
      .replace(/>\s*\n\s*</g, '><')
      // Before a tag's own `>` (`.client=${c}⏎>`), and at the end of a block's content, where
      // CSS drops trailing white space anyway.
      .replace(/\s*\n\s*(?=>|<\/(?:button|p|li|h\d|div|section|ul|form|fieldset|dialog|article)>)/g, '')
      .replace(/\s*\n\s*/g, ' ')
  );
}

/** Where a scan of a template's markup stands: inside a tag, and inside a quoted value. */
export interface MarkupState {
  inTag: boolean;
  quote: string;
}

/**
 * Drops the quotes around plain attribute values (`type="button"` → `type=button`), inside tags
 * only: text that reads `x="y"` stays as written. A template's pieces are scanned in order with
 * one `state`, since an expression may sit in the middle of a tag or of a quoted value. A value
 * keeps its quotes when anything but white space or `>` follows it (`/` would join the value,
 * and so would an expression).
 */
export function unquoteAttributes(text: string, state: MarkupState): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (!state.inTag) {
      if (char === '<' && /[a-z]/i.test(text[i + 1] ?? '')) state.inTag = true;
    } else if (state.quote) {
      if (char === state.quote) state.quote = '';
    } else if (char === '>') {
      state.inTag = false;
    } else if (char === '"' || char === "'") {
      state.quote = char;
    } else if (char === '=') {
      const plain = /^=(["'])([\w-]+)\1(?=[\s>])/.exec(text.slice(i));
      if (plain) {
        out += `=${plain[2]}`;
        i += plain[0].length - 1;
        continue;
      }
    }
    out += char;
  }
  return out;
}

/** CSS: comments out, whitespace collapsed, and none around punctuation that needs none. */
export function minifyCss(text: string, first = false, last = false): string {
  const out = text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')
    .replace(/ ?\/ ?/g, '/')
    .replace(/([\s:,(/])0\.(\d)/g, '$1.$2')
    .replace(/\[([\w-]+)([~^$*|]?=)'([a-z][\w-]*)'\]/gi, '[$1$2$3]');
  // A stylesheet's own leading and trailing space goes; not the space beside an expression
  // (`margin: ${x} auto`).
  const start = first ? out.trimStart() : out;
  return last ? start.trimEnd() : start;
}

function edits(code: string, fileName: string): { start: number; end: number; text: string }[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      const isHtml = node.tag.text === 'html';
      if (isHtml || node.tag.text === 'css') {
        const template = node.template;
        const markup: MarkupState = { inTag: false, quote: '' };
        const pieces: ts.Node[] = ts.isNoSubstitutionTemplateLiteral(template)
          ? [template]
          : [template.head, ...template.templateSpans.map((span) => span.literal)];
        for (const piece of pieces) {
          // The raw text sits between the opening `\`` or `}` and the closing `\`` or `${`.
          const start = piece.getStart(source) + 1;
          const end =
            piece.getEnd() -
            (piece.kind === ts.SyntaxKind.TemplateHead || piece.kind === ts.SyntaxKind.TemplateMiddle
              ? 2
              : 1);
          const raw = code.slice(start, end);
          const first = piece === pieces[0];
          const last = piece === pieces[pieces.length - 1];
          const text = isHtml
            ? unquoteAttributes(minifyHtml(raw, first, last), markup)
            : minifyCss(raw, first, last);
          if (text !== raw) out.push({ start, end, text });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

export function minifyLiterals(code: string, fileName: string): string {
  let result = code;
  for (const edit of edits(code, fileName).sort((a, b) => b.start - a.start))
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

export function minifyLiteralsPlugin(): Plugin {
  return {
    name: 'mm-minify-lit-literals',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id) || !/\b(html|css)`/.test(code)) return null;
      return { code: minifyLiterals(code, id), map: null };
    },
  };
}
