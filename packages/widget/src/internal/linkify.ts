import { html, type TemplateResult } from 'lit';

export type Segment = { text: string; href?: string };

// http(s) URLs only: a `javascript:` or `data:` "link" stays plain text.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/gi;
const TRAILING = /[.,;:!?)\]]+$/;

/** Splits plain text into text and http(s) link segments; nothing is ever parsed as HTML. */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const raw = match[0].replace(TRAILING, '');
    const start = match.index ?? 0;
    let href: string | undefined;
    try {
      const url = new URL(raw);
      if (url.protocol === 'http:' || url.protocol === 'https:') href = url.href;
    } catch {
      href = undefined;
    }
    if (!href) continue;
    if (start > last) out.push({ text: text.slice(last, start) });
    out.push({ text: raw, href });
    last = start + raw.length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

/** Text with its http(s) links clickable, opened in a new tab without access to this page. */
export function linkified(text: string): TemplateResult[] {
  return segments(text).map((s) =>
    s.href
      ? html`<a href=${s.href} target="_blank" rel="noopener noreferrer nofollow">${s.text}</a>`
      : html`${s.text}`,
  );
}
