import { parseLocalDate, parseLocalTime, WEEKDAYS, type Weekday } from './zoned-time.js';

/** A stretch of local wall-clock time: 'HH:MM' 24 h; `end` may be '24:00'; `end` > `start`. */
export interface LocalInterval {
  start: string;
  end: string;
}

export interface WeeklyRule {
  day: Weekday;
  start: string;
  end: string;
}

/**
 * Replaces the weekly rules for one local date ('YYYY-MM-DD', in the policy's zone).
 * `intervals: []` makes the date a day off.
 */
export interface DateOverride {
  date: string;
  intervals: LocalInterval[];
}

export interface AvailabilityPolicy {
  /** IANA zone the weekly rules and overrides are written in. */
  timeZone: string;
  weekly: WeeklyRule[];
  overrides: DateOverride[];
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  /** Per mentor-local calendar day. */
  maxPerDay: number | null;
  /** Per mentor-local ISO week (Mon–Sun). */
  maxPerWeek: number | null;
  sessionLengths: number[];
}

/** Half-open `[start, end)`. */
export interface TimeRange {
  start: Date;
  end: Date;
}

export interface PolicyProblem {
  path: string;
  message: string;
}

export const POLICY_LIMITS = {
  bufferMinutes: { min: 0, max: 240 },
  minNoticeMinutes: { min: 0, max: 43_200 },
  horizonDays: { min: 1, max: 365 },
  cap: { min: 1, max: 100 },
  sessionLength: { min: 10, max: 60 },
} as const;

const WEEKDAY_SET: ReadonlySet<string> = new Set(WEEKDAYS);

/** Minutes after midnight of a checked interval; used for the overlap pass. */
interface Span {
  index: number;
  start: number;
  end: number;
}

/** Checks `start`/`end` of one interval; returns its span when both are valid. */
function checkInterval(
  interval: { start: unknown; end: unknown },
  path: string,
  problems: PolicyProblem[],
): { start: number; end: number } | null {
  const start = typeof interval.start === 'string' ? parseLocalTime(interval.start) : null;
  const end = typeof interval.end === 'string' ? parseLocalTime(interval.end, true) : null;
  if (start === null) {
    problems.push({ path: `${path}.start`, message: 'must be a time HH:MM between 00:00 and 23:59' });
  }
  if (end === null) {
    problems.push({ path: `${path}.end`, message: 'must be a time HH:MM between 00:00 and 24:00' });
  }
  if (start === null || end === null) return null;
  if (end <= start) {
    problems.push({ path: `${path}.end`, message: `must be after start (${String(interval.start)})` });
    return null;
  }
  return { start, end };
}

/** Reports every span that overlaps an earlier-listed one (touching is fine), at `pathOf(later)`. */
function checkOverlaps(
  spans: Span[],
  pathOf: (index: number) => string,
  describe: (index: number) => string,
  problems: PolicyProblem[],
): void {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.index - b.index);
  const reported = new Set<number>();
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    if (a === undefined) continue;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j];
      if (b === undefined || b.start >= a.end) break;
      const later = Math.max(a.index, b.index);
      const earlier = Math.min(a.index, b.index);
      if (reported.has(later)) continue;
      reported.add(later);
      problems.push({ path: pathOf(later), message: `overlaps ${describe(earlier)}` });
    }
  }
}

function checkIntegerRange(
  value: unknown,
  path: string,
  min: number,
  max: number,
  problems: PolicyProblem[],
): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    problems.push({ path, message: `must be a whole number from ${min} to ${max}` });
  }
}

function isValidTimeZone(timeZone: unknown): boolean {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  // Intl accepts offset strings such as '+05:00' on some ICU versions; those are not IANA zones.
  if (/^[+-]/.test(timeZone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Every problem with a policy, each with a JSON-ish path (`weekly[2].end`,
 * `overrides[0].intervals[1].start`, `timeZone`, …). Empty means valid.
 * Overlap problems are reported on the later-listed of the two entries.
 */
export function validatePolicy(policy: AvailabilityPolicy): PolicyProblem[] {
  const problems: PolicyProblem[] = [];

  if (!isValidTimeZone(policy.timeZone)) {
    problems.push({ path: 'timeZone', message: 'must be a valid IANA time zone, e.g. Europe/Berlin' });
  }

  // Weekly rules.
  const weekly = Array.isArray(policy.weekly) ? policy.weekly : [];
  if (!Array.isArray(policy.weekly)) problems.push({ path: 'weekly', message: 'must be a list' });
  const spansByDay = new Map<string, Span[]>();
  weekly.forEach((rule, index) => {
    const path = `weekly[${index}]`;
    const dayOk = WEEKDAY_SET.has(rule.day);
    if (!dayOk) problems.push({ path: `${path}.day`, message: `must be one of ${WEEKDAYS.join(', ')}` });
    const span = checkInterval(rule, path, problems);
    if (dayOk && span) {
      const list = spansByDay.get(rule.day) ?? [];
      list.push({ index, ...span });
      spansByDay.set(rule.day, list);
    }
  });
  for (const spans of spansByDay.values()) {
    checkOverlaps(
      spans,
      (i) => `weekly[${i}]`,
      (i) => {
        const r = weekly[i];
        return `weekly[${i}]${r ? ` (${r.day} ${r.start}–${r.end})` : ''}`;
      },
      problems,
    );
  }

  // Date overrides.
  const overrides = Array.isArray(policy.overrides) ? policy.overrides : [];
  if (!Array.isArray(policy.overrides)) problems.push({ path: 'overrides', message: 'must be a list' });
  const seenDates = new Map<string, number>();
  overrides.forEach((override, index) => {
    const path = `overrides[${index}]`;
    if (typeof override.date !== 'string' || parseLocalDate(override.date) === null) {
      problems.push({ path: `${path}.date`, message: 'must be a real calendar date YYYY-MM-DD' });
    } else {
      const first = seenDates.get(override.date);
      if (first === undefined) seenDates.set(override.date, index);
      else problems.push({ path: `${path}.date`, message: `duplicates overrides[${first}].date` });
    }
    if (!Array.isArray(override.intervals)) {
      problems.push({ path: `${path}.intervals`, message: 'must be a list ([] for a day off)' });
      return;
    }
    const spans: Span[] = [];
    override.intervals.forEach((interval, k) => {
      const span = checkInterval(interval, `${path}.intervals[${k}]`, problems);
      if (span) spans.push({ index: k, ...span });
    });
    checkOverlaps(
      spans,
      (k) => `${path}.intervals[${k}]`,
      (k) => `${path}.intervals[${k}]`,
      problems,
    );
  });

  // Numbers.
  const L = POLICY_LIMITS;
  checkIntegerRange(
    policy.bufferBeforeMinutes,
    'bufferBeforeMinutes',
    L.bufferMinutes.min,
    L.bufferMinutes.max,
    problems,
  );
  checkIntegerRange(
    policy.bufferAfterMinutes,
    'bufferAfterMinutes',
    L.bufferMinutes.min,
    L.bufferMinutes.max,
    problems,
  );
  checkIntegerRange(
    policy.minNoticeMinutes,
    'minNoticeMinutes',
    L.minNoticeMinutes.min,
    L.minNoticeMinutes.max,
    problems,
  );
  checkIntegerRange(policy.horizonDays, 'horizonDays', L.horizonDays.min, L.horizonDays.max, problems);
  for (const key of ['maxPerDay', 'maxPerWeek'] as const) {
    if (policy[key] !== null) checkIntegerRange(policy[key], key, L.cap.min, L.cap.max, problems);
  }

  // Session lengths.
  if (!Array.isArray(policy.sessionLengths) || policy.sessionLengths.length === 0) {
    problems.push({ path: 'sessionLengths', message: 'must list at least one session length' });
  } else {
    const seen = new Set<number>();
    policy.sessionLengths.forEach((length, i) => {
      const path = `sessionLengths[${i}]`;
      checkIntegerRange(length, path, L.sessionLength.min, L.sessionLength.max, problems);
      if (seen.has(length)) problems.push({ path, message: `duplicates another length (${length})` });
      seen.add(length);
    });
  }

  return problems;
}
