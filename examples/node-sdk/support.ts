// Small helpers for import-mentors.ts: a CSV reader, the `weekly` column's little language,
// and a progress bar. Nothing here talks to the API.
import type { AvailabilityParams } from '@micromentor/sdk';

/** Rows of an RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const rows: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.some((v) => v.trim() !== '')) rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += c;
  }
  cells.push(cell);
  if (cells.some((v) => v.trim() !== '')) rows.push({ line: rowLine, cells });
  return rows;
}

/** `sql; postgresql` → `['sql', 'postgresql']`. */
export const list = (cell: string): string[] =>
  cell
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Day = (typeof DAYS)[number];
const isDay = (value: string): value is Day => (DAYS as readonly string[]).includes(value);

/**
 * The `weekly` column: `mon-fri 09:00-12:00; tue/thu 14:00-17:00` — day ranges (`mon-fri`) or
 * lists (`tue/thu`), each with a 24-hour time range, separated by `;`. Throws a readable error.
 */
export function parseWeekly(cell: string): AvailabilityParams['weekly'] {
  const weekly: AvailabilityParams['weekly'] = [];
  for (const part of list(cell)) {
    const match = /^([a-z/-]+)\s+(\d{2}:\d{2})-(\d{2}:\d{2})$/i.exec(part);
    if (!match) throw new Error(`"${part}" is not like "mon-fri 09:00-17:00"`);
    const [, daySpec = '', start = '', end = ''] = match;
    const days: Day[] = [];
    for (const piece of daySpec.toLowerCase().split('/')) {
      const [from = '', to = from, ...rest] = piece.split('-');
      if (!isDay(from) || !isDay(to) || rest.length) {
        throw new Error(`"${piece}" is not a day or a range like mon-fri`);
      }
      const [a, b] = [DAYS.indexOf(from), DAYS.indexOf(to)];
      if (b < a) throw new Error(`"${piece}" runs backwards`);
      days.push(...DAYS.slice(a, b + 1));
    }
    for (const day of days) weekly.push({ day, start, end });
  }
  if (weekly.length === 0) throw new Error('is empty: give at least one "mon-fri 09:00-17:00"');
  return weekly;
}

/** A one-line progress bar on a terminal; silent when output is a file or a pipe. */
export function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr) {
  const width = 28;
  return {
    update(done: number, label: string): void {
      if (!stream.isTTY) return;
      const filled = Math.round((width * done) / Math.max(total, 1));
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      stream.write(
        `\r  ${bar} ${String(done).padStart(String(total).length)}/${total}  ${label.slice(0, 32).padEnd(32)}`,
      );
    },
    clear(): void {
      if (stream.isTTY) stream.write('\r\x1b[2K');
    },
  };
}

/** "in 40 min", "in 3 h", "on Tue 2 Dec, 10:00 UTC". */
export function describeSlot(startIso: string, now = Date.now()): string {
  const minutes = Math.round((Date.parse(startIso) - now) / 60_000);
  if (minutes < 60) return `in ${minutes} min`;
  if (minutes < 12 * 60) return `in ${Math.round(minutes / 60)} h`;
  const when = new Date(startIso).toLocaleString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  });
  return `on ${when} UTC`;
}
