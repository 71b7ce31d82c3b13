/**
 * What counts as hostile text, defined once. PostgreSQL refuses U+0000 in text and jsonb (a 500
 * if it gets that far); the other C0 controls and DEL print nothing and break line-based formats
 * (iCalendar, email headers, CSV, logs); an unpaired surrogate is not Unicode at all and would be
 * silently replaced on its way to the database. Used by the request validation hook
 * (`http/router.ts`), the schemas' one-line fields, user-token claims, the calendar writer and
 * the inbound mail path.
 */

/** Multi-line text may hold tab, LF and CR; nothing else below U+0020, nor DEL. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it finds.
const NON_PRINTING = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|\p{Cs}/u;
const NON_PRINTING_ALL = new RegExp(NON_PRINTING.source, 'gu');

/**
 * One-line text (names, titles, identifiers, query strings) holds no control character at all
 * (C0, DEL, C1 including NEL) and no Unicode line or paragraph separator.
 */
const LINE_BREAKING = /[\p{Cc}\u2028\u2029]|\p{Cs}/u;
const LINE_BREAKING_ALL = new RegExp(LINE_BREAKING.source, 'gu');

export type TextKind = 'multi-line' | 'single-line';

/** The first character `text` may not hold, named for an error message (`U+0000`), or null. */
export function refusedCharacter(text: string, kind: TextKind): string | null {
  const found = (kind === 'single-line' ? LINE_BREAKING : NON_PRINTING).exec(text)?.[0];
  if (found === undefined) return null;
  const code = found.codePointAt(0) ?? 0;
  if (code >= 0xd800 && code <= 0xdfff) return 'an unpaired surrogate';
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** True when `text` is one line of printable text (identifiers, names, titles). */
export function isSingleLine(text: string): boolean {
  return !LINE_BREAKING.test(text);
}

/** Multi-line text without what `refusedCharacter` refuses (where refusing is impossible: email). */
export function stripNonPrinting(text: string): string {
  return text.replace(NON_PRINTING_ALL, '');
}

/** One-line text without any control character or line break (where refusing is impossible). */
export function stripLineBreaking(text: string): string {
  return text.replace(LINE_BREAKING_ALL, '');
}
