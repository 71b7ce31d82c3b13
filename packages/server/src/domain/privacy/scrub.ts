/** What an erased text reads as from now on (a message keeps its row so its thread still reads in order). */
export const ERASED_TEXT = '[erased]';
/** What a text taken out by the program's retention period reads as. */
export const EXPIRED_TEXT = '[expired]';
/** The name an erased person shows under, wherever the other party's records name them. */
export const ERASED_NAME = 'Erased user';

/**
 * Shorter texts are only taken out where a whole string is one of them: as a part of longer
 * texts ("Al", "ok", "SQL") they would cut words out of other people's copies.
 */
const MIN_PART = 4;

/**
 * The person's texts, prepared for finding them inside copies (event data, webhook payloads,
 * email digests, job payloads): the longest first, so a text that contains another is taken out
 * whole.
 */
export class Needles {
  readonly whole: ReadonlySet<string>;
  readonly parts: readonly string[];

  constructor(texts: Iterable<string | null | undefined>) {
    const all = new Set<string>();
    for (const text of texts) {
      const t = text?.trim();
      if (t) all.add(t);
    }
    this.whole = all;
    this.parts = [...all].filter((t) => t.length >= MIN_PART).sort((a, b) => b.length - a.length);
  }

  /** What to look for in stored text with `strpos`: each part raw, as JSON writes it, and as HTML escapes it. */
  searchable(): string[] {
    const out = new Set<string>();
    for (const part of this.parts) {
      out.add(part);
      out.add(JSON.stringify(part).slice(1, -1));
      out.add(escapeHtml(part));
    }
    return [...out];
  }

  /** The text with every one of the person's texts in it replaced by the marker. */
  text(value: string, marker = ERASED_TEXT): string {
    if (this.whole.has(value.trim())) return marker;
    let out = value;
    for (const part of this.parts) if (out.includes(part)) out = out.split(part).join(marker);
    return out;
  }

  /** A JSON value with every string scrubbed as `text` does (keys stay: they are the program's). */
  json(value: unknown, marker = ERASED_TEXT): unknown {
    if (typeof value === 'string') return this.text(value, marker);
    if (Array.isArray(value)) return value.map((v) => this.json(v, marker));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.json(v, marker)]));
    }
    return value;
  }
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
