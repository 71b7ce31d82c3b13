import type { AvailabilityPolicy, LocalInterval, TimeRange } from './policy.js';
import {
  addDays,
  DAY_MS,
  formatWallDate,
  HOUR_MS,
  isoWeekKey,
  MINUTE_MS,
  parseLocalDate,
  parseLocalTime,
  utcMsToWall,
  utcToLocal,
  type Weekday,
  wallToUtcMs,
  wallToUtcMsOrNext,
  weekdayOf,
} from './zoned-time.js';

/**
 * The slot engine: which session starts a mentor offers, given their availability policy, their
 * bookings and (optionally) the asking learner's bookings. Pure and deterministic.
 *
 * Rules (see `computeSlots`):
 * 1. Each mentor-local date takes its override's intervals if it has one, else the weekly rules for its
 *    weekday. Candidate starts are the wall-clock times `interval.start + k·step` on that date; a wall
 *    time that does not exist (spring-forward gap) is skipped, an ambiguous one (fall-back) is taken once,
 *    at its earlier instant. The slot is `[start, start + duration)` in absolute time and must end no
 *    later than the interval's end converted to an instant — if that end wall time itself falls in a gap,
 *    the first valid instant after it (the transition instant) is used. Intervals are not merged:
 *    touching intervals (09:00–10:00 and 10:00–11:00) each run their own grid and a slot may not span both.
 * 2. `from ≤ start`, `end ≤ to`, `start ≥ now + minNotice`, `start < now + horizonDays × 24 h`.
 * 3. The slot padded `[start − before, end + after)` may not overlap a mentor booking padded the same way.
 * 4. The slot (unpadded) may not overlap a learner booking (unpadded).
 * 5. No slots on a mentor-local date whose bookings (counted by the booking's start) reached `maxPerDay`,
 *    nor in a mentor-local ISO week whose bookings reached `maxPerWeek`.
 * 6. Result sorted by start, one slot per start.
 */

export interface SlotQuery {
  policy: AvailabilityPolicy;
  /** Window: slots with `from ≤ start` and `end ≤ to`. The caller bounds it (≤ 31 days). */
  from: Date;
  to: Date;
  durationMinutes: number;
  now: Date;
  /** The mentor's live bookings (unpadded); each counts toward the caps. */
  mentorBusy: TimeRange[];
  /** The calling learner's live bookings (unpadded); no buffers apply. */
  learnerBusy?: TimeRange[];
  /** Grid step in minutes from each interval's start; default 15. */
  stepMinutes?: number;
}

export const DEFAULT_STEP_MINUTES = 15;

/** Bookings this far either side of a date can be in its ISO week (7 days + the widest offset swing). */
const CAP_RELEVANCE_MS = 9 * DAY_MS;

interface Candidate {
  start: number;
  end: number;
  /** Mentor-local date the candidate was generated for (= the local date of `start`). */
  date: string;
}

/** Everything derived from a query once, shared by `computeSlots` and `isSlotOffered`. */
interface Context {
  timeZone: string;
  durationMs: number;
  stepMinutes: number;
  overrides: Map<string, LocalInterval[]>;
  weekly: Map<Weekday, LocalInterval[]>;
  bufferBeforeMs: number;
  bufferAfterMs: number;
  earliestStart: number;
  /** Exclusive. */
  horizonEnd: number;
  /** Padded mentor bookings, merged, sorted. */
  mentorBlocks: Block[];
  /** Learner bookings, merged, sorted. */
  learnerBlocks: Block[];
  maxPerDay: number | null;
  maxPerWeek: number | null;
  perDay: Map<string, number>;
  perWeek: Map<string, number>;
  /** Memo of `isoWeekKey` for candidate dates. */
  weekOfDate: Map<string, string>;
}

interface Block {
  start: number;
  end: number;
}

function requireMs(d: Date, name: string): number {
  const ms = d.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${name} is an invalid Date`);
  return ms;
}

function requirePositiveInteger(n: number, name: string): number {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`${name} must be a positive whole number`);
  return n;
}

/** Sorts and merges half-open blocks; empty blocks are dropped (they overlap nothing). */
function mergeBlocks(blocks: Block[]): Block[] {
  const sorted = blocks.filter((b) => b.end > b.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Block[] = [];
  for (const b of sorted) {
    const last = out[out.length - 1];
    // Touching blocks merge too: a range overlaps [a, b) ∪ [b, c) exactly when it overlaps [a, c).
    if (last !== undefined && b.start <= last.end) {
      if (b.end > last.end) last.end = b.end;
    } else {
      out.push({ start: b.start, end: b.end });
    }
  }
  return out;
}

/** Whether `[start, end)` overlaps any of the sorted, merged, disjoint `blocks`. */
function overlapsAny(blocks: Block[], start: number, end: number): boolean {
  // First block whose end is after `start`.
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const b = blocks[mid];
    if (b !== undefined && b.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const b = blocks[lo];
  return b !== undefined && b.start < end;
}

/**
 * Builds the shared context. `capRange` limits which bookings are converted for cap counting (only
 * those that can share a local date or ISO week with a slot in it matter); counts for every date/week
 * that range can produce slots for are exact.
 */
function buildContext(q: Omit<SlotQuery, 'from' | 'to'>, capRange: Block): Context {
  const { policy } = q;
  const durationMinutes = requirePositiveInteger(q.durationMinutes, 'durationMinutes');
  const stepMinutes = requirePositiveInteger(q.stepMinutes ?? DEFAULT_STEP_MINUTES, 'stepMinutes');
  const now = requireMs(q.now, 'now');
  const before = policy.bufferBeforeMinutes * MINUTE_MS;
  const after = policy.bufferAfterMinutes * MINUTE_MS;

  const overrides = new Map<string, LocalInterval[]>();
  for (const o of policy.overrides) {
    if (!overrides.has(o.date)) overrides.set(o.date, o.intervals); // first wins (duplicates are invalid)
  }
  const weekly = new Map<Weekday, LocalInterval[]>();
  for (const r of policy.weekly) {
    const list = weekly.get(r.day) ?? [];
    list.push({ start: r.start, end: r.end });
    weekly.set(r.day, list);
  }

  const mentorBlocks = mergeBlocks(
    q.mentorBusy.map((b) => ({
      start: requireMs(b.start, 'mentorBusy.start') - before,
      end: requireMs(b.end, 'mentorBusy.end') + after,
    })),
  );
  const learnerBlocks = mergeBlocks(
    (q.learnerBusy ?? []).map((b) => ({
      start: requireMs(b.start, 'learnerBusy.start'),
      end: requireMs(b.end, 'learnerBusy.end'),
    })),
  );

  const perDay = new Map<string, number>();
  const perWeek = new Map<string, number>();
  if (policy.maxPerDay !== null || policy.maxPerWeek !== null) {
    for (const b of q.mentorBusy) {
      const start = b.start.getTime();
      if (start < capRange.start - CAP_RELEVANCE_MS || start > capRange.end + CAP_RELEVANCE_MS) continue;
      const date = formatWallDate(utcMsToWall(start, policy.timeZone));
      perDay.set(date, (perDay.get(date) ?? 0) + 1);
      const week = isoWeekKey(date);
      perWeek.set(week, (perWeek.get(week) ?? 0) + 1);
    }
  }

  return {
    timeZone: policy.timeZone,
    durationMs: durationMinutes * MINUTE_MS,
    stepMinutes,
    overrides,
    weekly,
    bufferBeforeMs: before,
    bufferAfterMs: after,
    earliestStart: now + policy.minNoticeMinutes * MINUTE_MS,
    horizonEnd: now + policy.horizonDays * DAY_MS,
    mentorBlocks,
    learnerBlocks,
    maxPerDay: policy.maxPerDay,
    maxPerWeek: policy.maxPerWeek,
    perDay,
    perWeek,
    weekOfDate: new Map(),
  };
}

/** Rule 1: the grid candidates of one mentor-local date, before any filtering, ascending. */
/** Real UTC offsets lie within −12 h … +14 h; a wall time this far outside a window cannot be in it. */
const OFFSET_MARGIN_MS = 15 * HOUR_MS;

/**
 * The candidate starts of one mentor-local date. With `window`, wall times that cannot fall in
 * it under any UTC offset are not converted (the conversion is the engine's hot path): the same
 * candidates inside the window, much less work for short windows.
 */
function candidatesForDate(ctx: Context, date: string, window?: { from: number; to: number }): Candidate[] {
  const dayStart = parseLocalDate(date);
  if (dayStart === null) return [];
  const wallFrom = window ? window.from - OFFSET_MARGIN_MS : Number.NEGATIVE_INFINITY;
  const wallTo = window ? window.to + OFFSET_MARGIN_MS : Number.POSITIVE_INFINITY;
  const intervals = ctx.overrides.get(date) ?? ctx.weekly.get(weekdayOf(date)) ?? [];
  const out: Candidate[] = [];
  for (const interval of intervals) {
    // The engine trusts a validated policy; a malformed interval is skipped rather than guessed at.
    const startMin = parseLocalTime(interval.start);
    const endMin = parseLocalTime(interval.end, true);
    if (startMin === null || endMin === null || endMin <= startMin) continue;
    const intervalEnd = wallToUtcMsOrNext(dayStart + endMin * MINUTE_MS, ctx.timeZone);
    for (let m = startMin; m < endMin; m += ctx.stepMinutes) {
      const wall = dayStart + m * MINUTE_MS;
      if (wall < wallFrom || wall >= wallTo) continue;
      const start = wallToUtcMs(wall, ctx.timeZone);
      if (start === null) continue; // skipped wall time (spring forward)
      const end = start + ctx.durationMs;
      if (end > intervalEnd) continue;
      out.push({ start, end, date });
    }
  }
  return out;
}

/** Rules 2 (notice, horizon), 3, 4 and 5 — everything except the window. */
function passesRules(ctx: Context, c: Candidate): boolean {
  if (c.start < ctx.earliestStart || c.start >= ctx.horizonEnd) return false;
  if (ctx.maxPerDay !== null && (ctx.perDay.get(c.date) ?? 0) >= ctx.maxPerDay) return false;
  if (ctx.maxPerWeek !== null) {
    let week = ctx.weekOfDate.get(c.date);
    if (week === undefined) {
      week = isoWeekKey(c.date);
      ctx.weekOfDate.set(c.date, week);
    }
    if ((ctx.perWeek.get(week) ?? 0) >= ctx.maxPerWeek) return false;
  }
  // Rule 3: both sides padded the same way; the blocks already carry the padding.
  if (overlapsAny(ctx.mentorBlocks, c.start - ctx.bufferBeforeMs, c.end + ctx.bufferAfterMs)) return false;
  // Rule 4: no buffers for the learner.
  if (overlapsAny(ctx.learnerBlocks, c.start, c.end)) return false;
  return true;
}

/** The offered slots in `[from, to)`: sorted ascending by start, one per start. */
export function computeSlots(q: SlotQuery): TimeRange[] {
  const from = requireMs(q.from, 'from');
  const to = requireMs(q.to, 'to');
  const ctx = buildContext(q, { start: from, end: to });
  // Only starts in [max(from, earliest), min(to, horizonEnd)) can survive; visit the mentor-local dates
  // overlapping that range widened by a day each side (rule 1's "from − 1 day … to + 1 day", clipped).
  const lo = Math.max(from, ctx.earliestStart);
  const hi = Math.min(to, ctx.horizonEnd);
  if (lo >= hi) return [];
  const firstDate = formatWallDate(utcMsToWall(lo - DAY_MS, ctx.timeZone));
  const lastDate = formatWallDate(utcMsToWall(hi + DAY_MS, ctx.timeZone));

  const byStart = new Map<number, Candidate>();
  for (let date = firstDate; date <= lastDate; date = addDays(date, 1)) {
    for (const c of candidatesForDate(ctx, date, { from, to })) {
      if (c.start < from || c.end > to || byStart.has(c.start)) continue;
      if (passesRules(ctx, c)) byStart.set(c.start, c);
    }
  }
  return [...byStart.values()]
    .sort((a, b) => a.start - b.start)
    .map((c) => ({ start: new Date(c.start), end: new Date(c.end) }));
}

/**
 * Whether a session of `q.durationMinutes` starting at `start` is offered — the same rules as
 * {@link computeSlots} without the window, for validating a booking request. For any window containing
 * `[start, start + duration)`, `isSlotOffered(q, start)` is true exactly when `computeSlots` lists `start`.
 */
export function isSlotOffered(q: Omit<SlotQuery, 'from' | 'to'>, start: Date): boolean {
  const startMs = requireMs(start, 'start');
  const ctx = buildContext(q, { start: startMs, end: startMs });
  // A candidate generated for date D shows a wall time on D, so only the start's own local date can
  // produce it.
  const { date } = utcToLocal(start, ctx.timeZone);
  const candidate = candidatesForDate(ctx, date).find((c) => c.start === startMs);
  return candidate !== undefined && passesRules(ctx, candidate);
}
