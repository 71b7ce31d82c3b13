/**
 * Time-zone arithmetic on top of `Intl.DateTimeFormat` — no date library.
 *
 * Vocabulary:
 * - a *local date* is `'YYYY-MM-DD'`, a *local time* is `'HH:MM'` (24 h; `'24:00'` = 00:00 next day);
 * - a *wall* value is a local date + time encoded as if it were UTC milliseconds
 *   (`Date.UTC(y, m - 1, d, hh, mm)`), which makes calendar arithmetic plain integer arithmetic;
 * - an *offset* is `wall − instant` in milliseconds (New York in winter: −5 h).
 */

/** ISO weekdays, Monday first, as weekly rules name them. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export interface LocalDateTime {
  date: string;
  time: string;
  weekday: Weekday;
}

const WEEKDAY_BY_UTC_DAY: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{2}):(\d{2})$/;

/** Parses `'YYYY-MM-DD'` to the UTC-midnight milliseconds of that date; `null` unless a real calendar date. */
export function parseLocalDate(date: string): number | null {
  const m = DATE_RE.exec(date);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC maps years 0–99 to 1900–1999; the round trip rejects those as well as 31 April etc.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms;
}

/**
 * Parses `'HH:MM'` (00:00–23:59) to minutes after midnight; `'24:00'` (= 1440) only when `allow24`.
 * `null` when malformed.
 */
export function parseLocalTime(time: string, allow24 = false): number | null {
  const m = TIME_RE.exec(time);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h === 24 && min === 0) return allow24 ? 1440 : null;
  if (h > 23 || min > 59) return null;
  return h * 60 + min;
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n;
const pad4 = (n: number): string => String(n).padStart(4, '0');

/** `'YYYY-MM-DD'` of a wall value (or any UTC-midnight-based milliseconds). */
export function formatWallDate(wallMs: number): string {
  const d = new Date(wallMs);
  return `${pad4(d.getUTCFullYear())}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

function requireDate(date: string): number {
  const ms = parseLocalDate(date);
  if (ms === null) throw new RangeError(`Invalid local date ${JSON.stringify(date)} (expected YYYY-MM-DD)`);
  return ms;
}

function requireTime(time: string): number {
  const min = parseLocalTime(time, true);
  if (min === null) throw new RangeError(`Invalid local time ${JSON.stringify(time)} (expected HH:MM)`);
  return min;
}

function requireInstant(instant: Date): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  return ms;
}

// ---------------------------------------------------------------------------------------------
// Offsets

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One cached formatter per zone; throws `RangeError` for a zone Intl does not know. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (f === undefined) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The zone's offset at an instant, straight from Intl (second precision, like tzdata). */
function exactOffset(f: Intl.DateTimeFormat, instantMs: number): number {
  let y = 0;
  let mo = 1;
  let d = 1;
  let h = 0;
  let mi = 0;
  let s = 0;
  for (const part of f.formatToParts(instantMs)) {
    switch (part.type) {
      case 'year':
        y = Number(part.value);
        break;
      case 'month':
        mo = Number(part.value);
        break;
      case 'day':
        d = Number(part.value);
        break;
      case 'hour':
        h = Number(part.value);
        break;
      case 'minute':
        mi = Number(part.value);
        break;
      case 'second':
        s = Number(part.value);
        break;
      default:
        break;
    }
  }
  const wall = new Date(0);
  wall.setUTCFullYear(y, mo - 1, d);
  wall.setUTCHours(h, mi, s, 0);
  return wall.getTime() - Math.floor(instantMs / 1000) * 1000;
}

/** zone → (hour index since epoch → offset at the start of that hour). */
const hourOffsets = new Map<string, Map<number, number>>();
const HOUR_CACHE_LIMIT = 50_000;

function offsetAtHour(timeZone: string, hourIndex: number): number {
  let perZone = hourOffsets.get(timeZone);
  if (perZone === undefined) {
    perZone = new Map();
    hourOffsets.set(timeZone, perZone);
  }
  let off = perZone.get(hourIndex);
  if (off === undefined) {
    off = exactOffset(formatterFor(timeZone), hourIndex * HOUR_MS);
    if (perZone.size >= HOUR_CACHE_LIMIT) perZone.clear();
    perZone.set(hourIndex, off);
  }
  return off;
}

/**
 * The zone's UTC offset in milliseconds at an instant (`wall − instant`).
 *
 * Offsets are memoised per whole UTC hour: when the offset at the start of the hour equals the one at
 * the start of the next hour there is no transition inside it (zones never change twice within an
 * hour), so the cached value is exact; otherwise the instant is asked of Intl directly.
 */
export function offsetMsAt(instantMs: number, timeZone: string): number {
  const hour = Math.floor(instantMs / HOUR_MS);
  const a = offsetAtHour(timeZone, hour);
  if (a === offsetAtHour(timeZone, hour + 1)) return a;
  return exactOffset(formatterFor(timeZone), instantMs);
}

/** The offsets the zone could have for a wall value: those in force over the ±15 h around it. */
function candidateOffsets(wallMs: number, timeZone: string): number[] {
  // Real offsets lie within −12 h … +14 h, so the instant is within [wall − 14 h, wall + 12 h].
  const out: number[] = [];
  for (const probe of [wallMs - 15 * HOUR_MS, wallMs, wallMs + 15 * HOUR_MS]) {
    const off = offsetMsAt(probe, timeZone);
    if (!out.includes(off)) out.push(off);
  }
  return out;
}

/**
 * The instant (ms) at which the zone's clocks show `wallMs`, or `null` when that wall time is skipped
 * (spring-forward gap). For a repeated wall time (fall-back) the EARLIER instant is returned.
 */
export function wallToUtcMs(wallMs: number, timeZone: string): number | null {
  let best: number | null = null;
  for (const off of candidateOffsets(wallMs, timeZone)) {
    const instant = wallMs - off;
    if (offsetMsAt(instant, timeZone) === off && (best === null || instant < best)) best = instant;
  }
  return best;
}

/**
 * Like {@link wallToUtcMs}, but a skipped wall time maps to the first instant after it, i.e. the
 * transition instant itself (in New York, 02:30 on the spring-forward day → 03:00 EDT = 07:00Z).
 */
export function wallToUtcMsOrNext(wallMs: number, timeZone: string): number {
  const exact = wallToUtcMs(wallMs, timeZone);
  if (exact !== null) return exact;
  // In a gap, every candidate offset gives an instant on the "wrong" side of the transition; the
  // transition lies between the smallest and the largest of them. Binary search it to the second.
  const instants = candidateOffsets(wallMs, timeZone).map((off) => wallMs - off);
  let lo = Math.min(...instants); // before the transition
  let hi = Math.max(...instants); // at or after the transition
  const after = offsetMsAt(hi, timeZone);
  lo = Math.floor(lo / 1000) * 1000;
  hi = Math.ceil(hi / 1000) * 1000;
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (offsetMsAt(mid, timeZone) === after) hi = mid;
    else lo = mid;
  }
  return hi;
}

// ---------------------------------------------------------------------------------------------
// Public string-based API

/**
 * The UTC instant at which the zone's clocks show `date` `time`. `'24:00'` means 00:00 of the next day.
 * Returns `null` when that wall time does not exist (spring-forward gap); for an ambiguous wall time
 * (fall-back) returns the EARLIER instant. Throws `RangeError` for malformed input or an unknown zone.
 */
export function localToUtc(date: string, time: string, timeZone: string): Date | null {
  const ms = wallToUtcMs(requireDate(date) + requireTime(time) * MINUTE_MS, timeZone);
  return ms === null ? null : new Date(ms);
}

/**
 * Like {@link localToUtc}, but a wall time inside a spring-forward gap yields the first valid instant
 * after it (the transition instant) instead of `null`. Used for interval ends.
 */
export function localToUtcOrNext(date: string, time: string, timeZone: string): Date {
  return new Date(wallToUtcMsOrNext(requireDate(date) + requireTime(time) * MINUTE_MS, timeZone));
}

/** The wall value (see module doc) the zone's clocks show at an instant. */
export function utcMsToWall(instantMs: number, timeZone: string): number {
  return instantMs + offsetMsAt(instantMs, timeZone);
}

/** The local date, time (seconds dropped) and weekday the zone's clocks show at an instant. */
export function utcToLocal(instant: Date, timeZone: string): LocalDateTime {
  const wall = new Date(utcMsToWall(requireInstant(instant), timeZone));
  return {
    date: formatWallDate(wall.getTime()),
    time: `${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}`,
    weekday: WEEKDAY_BY_UTC_DAY[wall.getUTCDay()] ?? 'sun',
  };
}

/** The weekday of a local date. */
export function weekdayOf(date: string): Weekday {
  return WEEKDAY_BY_UTC_DAY[new Date(requireDate(date)).getUTCDay()] ?? 'sun';
}

/** Calendar arithmetic on a local date: `addDays('2026-02-28', 1) === '2026-03-01'`. */
export function addDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`addDays needs a whole number of days, got ${n}`);
  return formatWallDate(requireDate(date) + n * DAY_MS);
}

/** The ISO 8601 week (Monday–Sunday, week 1 holds the year's first Thursday) as `'2026-W48'`. */
export function isoWeekKey(date: string): string {
  const ms = requireDate(date);
  const mondayBased = (new Date(ms).getUTCDay() + 6) % 7; // Mon = 0 … Sun = 6
  const thursday = new Date(ms + (3 - mondayBased) * DAY_MS);
  const isoYear = thursday.getUTCFullYear();
  const jan1 = new Date(0);
  jan1.setUTCFullYear(isoYear, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1.getTime()) / (7 * DAY_MS)) + 1;
  return `${pad4(isoYear)}-W${pad2(week)}`;
}
