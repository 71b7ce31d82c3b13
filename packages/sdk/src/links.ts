/** A piece of message text: plain text, or a link that is safe to render as `<a href>`. */
export type TextSegment = { type: 'text'; text: string } | { type: 'link'; text: string; href: string };

// Only http(s) URLs are candidates; anything else (javascript:, data:, vbscript:…) stays text.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?'")\]}>]+$/;

/**
 * Splits plain text into text and link segments for rendering: only `http:` and `https:` URLs
 * become links, trailing punctuation stays text, and nothing is ever parsed as HTML — render
 * text segments as text nodes and links with `href` (and `rel="noopener noreferrer"`).
 */
export function linkify(text: string): TextSegment[] {
  const out: TextSegment[] = [];
  let last = 0;
  const push = (s: string) => {
    if (!s) return;
    const prev = out[out.length - 1];
    if (prev?.type === 'text') prev.text += s;
    else out.push({ type: 'text', text: s });
  };
  for (const match of text.matchAll(URL_PATTERN)) {
    let candidate = match[0];
    // Keep a closing bracket that belongs to the URL, e.g. …/Foo_(bar).
    const trail = TRAILING.exec(candidate)?.[0] ?? '';
    candidate = candidate.slice(0, candidate.length - trail.length);
    if (trail.startsWith(')') && candidate.includes('(')) candidate += ')';
    const start = match.index;
    let href: string | null = null;
    try {
      const url = new URL(candidate);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.hostname) href = url.href;
    } catch {
      href = null;
    }
    if (href === null) continue;
    push(text.slice(last, start));
    out.push({ type: 'link', text: candidate, href });
    last = start + candidate.length;
  }
  push(text.slice(last));
  return out;
}
