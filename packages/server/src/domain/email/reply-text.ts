import { stripNonPrinting } from '../../security/control-characters.js';

/**
 * What a person wrote in an emailed reply, without what their mail client added: the quoted
 * history (Gmail's "On … wrote:", Apple Mail's, Outlook's header block or "Original Message"
 * line, in English, Spanish, French and German), lines quoted with `>`, the signature after a
 * `-- ` line, and a trailing "Sent from my iPhone". Everything after the first sign of quoted
 * history goes: an answer written between quoted lines is lost, as on most reply-by-email
 * services, rather than posting someone's inbox into the thread.
 */
export function replyTextOf(text: string): string {
  // Mail cannot be answered with a 400: what the API refuses (NUL, other controls) is dropped.
  const lines = stripNonPrinting(text).replace(/\r\n?/g, '\n').split('\n');
  const kept = lines.slice(0, quoteStart(lines)).filter((line) => !QUOTED.test(line));
  while (kept.length > 0) {
    const last = kept[kept.length - 1]!;
    if (last.trim() !== '' && !SENT_FROM.test(last)) break;
    kept.pop();
  }
  return kept.join('\n').trim();
}

const QUOTED = /^\s*>/;
/** RFC 3676's `-- ` signature line; many clients drop its trailing space. */
const SIGNATURE = /^--\s*$/;
const ORIGINAL_MESSAGE =
  /^\s*-{2,}\s*(original message|mensaje original|message d'origine|ursprüngliche nachricht)\s*-{2,}\s*$/i;
/** An attribution line starts so… */
const ATTRIBUTION_OPENS = /^\s*(on|el|le|am)\s/i;
/** …and ends so, possibly on a later line (Gmail wraps it before the address). */
const ATTRIBUTION_ENDS = /\s(wrote|escribió|a écrit|schrieb)\s*:\s*$/i;
/** The first line of Outlook's header block, and the lines that follow it. */
const HEADER_FROM = /^\s*\*?(from|de|von)\s*:/i;
const HEADER_NEXT =
  /^\s*\*?(sent|date|to|cc|subject|enviado|fecha|para|asunto|envoyé|à|objet|gesendet|datum|an|betreff)\s*\*?\s*:/i;
/** Outlook's rule above its header block. */
const DIVIDER = /^\s*_{8,}\s*$/;
const SENT_FROM =
  /^\s*(sent from (my )?\S.*|get outlook for \S.*|enviado desde (mi )?\S.*|obtener outlook para \S.*|envoyé de(puis)? (mon )?\S.*|obtenir outlook pour \S.*|von meinem \S.* gesendet)\s*$/i;

/** The index of the first line of quoted history or signature (the text's length if none). */
function quoteStart(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (SIGNATURE.test(line) || ORIGINAL_MESSAGE.test(line) || isAttribution(lines, i)) return i;
    if (isHeaderBlock(lines, i)) {
      let start = i;
      while (start > 0 && (lines[start - 1]!.trim() === '' || DIVIDER.test(lines[start - 1]!))) start--;
      return start;
    }
  }
  return lines.length;
}

/**
 * "On Wed, Nov 25, 2026 at 12:05 PM Grace <…> wrote:", over at most three lines. It always
 * holds a date, which tells it from a sentence such as "On second thought, here is what I wrote:".
 */
function isAttribution(lines: readonly string[], i: number): boolean {
  if (!ATTRIBUTION_OPENS.test(lines[i]!)) return false;
  let joined = '';
  for (let j = i; j < Math.min(i + 3, lines.length); j++) {
    if (j > i && lines[j]!.trim() === '') return false;
    joined += ` ${lines[j]!.trim()}`;
    if (ATTRIBUTION_ENDS.test(joined)) return /\d/.test(joined);
  }
  return false;
}

/** "From: …" followed within a few lines by "Sent: …", "To: …" or "Subject: …" (or their translations). */
function isHeaderBlock(lines: readonly string[], i: number): boolean {
  if (!HEADER_FROM.test(lines[i]!)) return false;
  return lines.slice(i + 1, i + 5).some((line) => HEADER_NEXT.test(line));
}
