/**
 * Where a spreadsheet may start reading a formula: the start of the text, or of any part after a
 * `;` or `,` (spreadsheets in `;` locales split a comma-separated file on `;`, so `a;=1+1` is two
 * cells there, the second a formula) or a line break, past spaces; a formula starts with
 * = + - @ (or tab/CR, which some spreadsheets skip before one).
 */
const FORMULA_START = /(^|[;,\r\n])( *)(?=[=+\-@\t\r])/g;

/**
 * CSV cells per RFC 4180 (fields with a comma, quote, CR or LF are quoted, quotes doubled) with
 * a formula-injection guard: each part of a text cell that could start a formula (see
 * FORMULA_START) gets a single quote in front, so a spreadsheet shows it instead of running it.
 * Quoting only the cell's start would leave `a;'…` harmless but `=1+1` live after a `;` split.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text =
    value instanceof Date
      ? value.toISOString()
      : Array.isArray(value)
        ? value.join(';')
        : typeof value === 'object'
          ? JSON.stringify(value)
          : String(value);
  if (typeof value === 'string' || Array.isArray(value)) {
    text = text.replace(FORMULA_START, "$1$2'");
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, CRLF-terminated as RFC 4180 says. */
export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
