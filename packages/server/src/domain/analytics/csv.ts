/**
 * CSV cells per RFC 4180 (fields with a comma, quote, CR or LF are quoted, quotes doubled) with
 * a formula-injection guard: a text cell starting with = + - @ (or tab/CR, which some spreadsheets
 * skip before one) gets a leading single quote, so a spreadsheet shows it instead of running it.
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
    if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, CRLF-terminated as RFC 4180 says. */
export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
