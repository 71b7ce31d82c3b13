import { type Kysely, sql } from 'kysely';
import type { Range } from '../../db/bookings.js';
import type { AvailabilityRow, Database, MentorRow } from '../../db/database.js';
import { busyWindow } from '../availability/busy.js';
import { policyFrom } from '../availability/mentor-availability.js';
import { computeSlots, type SlotQuery } from '../availability/slots.js';
import { DAY_MS, HOUR_MS } from '../availability/zoned-time.js';
import type { TenantSettings } from '../tenants/settings.js';

export const NEXT_SLOTS_WINDOW_DAYS = 14;

export interface ShortlistedMentor {
  mentor: MentorRow;
  /** The mentor's availability row; undefined when they never set one. */
  availability: AvailabilityRow | undefined;
  /** The mentor's bookings around the next-slots window (buffers reach a little beyond it). */
  busy: Range[];
}

export interface Shortlist {
  mentors: ShortlistedMentor[];
  /** The learner's own bookings in the window: they cannot be in two sessions at once. */
  learnerBusy: Range[];
}

/** `[[start, end], …]` as json_agg returns it. */
const toRanges = (pairs: [string, string][]): Range[] =>
  pairs.map(([start, end]) => ({ start: new Date(start), end: new Date(end) }));

/**
 * The shortlisted mentors with their availability rows and bookings, and the learner's bookings:
 * everything the slot engine needs for their next free slots, in one query (primary-key lookups
 * and one index range per mentor).
 */
export async function loadShortlist(
  db: Kysely<Database>,
  input: { tenantId: string; ids: string[]; learnerId: string; now: Date },
): Promise<Shortlist> {
  if (input.ids.length === 0) return { mentors: [], learnerBusy: [] };
  const { from, to } = slotsWindow(input.now);
  const { start: busyFrom, end: busyTo } = busyWindow(from, to);
  const rows = await db
    .selectFrom('mentors as m')
    .leftJoin('availability as a', 'a.mentor_id', 'm.id')
    .selectAll('m')
    .select([
      'a.mentor_id as a_mentor_id',
      'a.tenant_id as a_tenant_id',
      'a.weekly as a_weekly',
      'a.overrides as a_overrides',
      'a.buffer_before_minutes as a_buffer_before_minutes',
      'a.buffer_after_minutes as a_buffer_after_minutes',
      'a.min_notice_minutes as a_min_notice_minutes',
      'a.horizon_days as a_horizon_days',
      'a.max_per_day as a_max_per_day',
      'a.max_per_week as a_max_per_week',
      'a.session_lengths as a_session_lengths',
      'a.meeting_url as a_meeting_url',
      'a.updated_at as a_updated_at',
    ])
    .select([
      sql<[string, string][]>`coalesce((
        select json_agg(json_build_array(b.start_at, b.end_at)) from bookings b
        where b.tenant_id = m.tenant_id and b.mentor_id = m.id and b.status <> 'cancelled'
          and b.end_at > ${busyFrom} and b.start_at < ${busyTo}
      ), '[]'::json)`.as('busy'),
      sql<[string, string][]>`coalesce((
        select json_agg(json_build_array(b.start_at, b.end_at)) from bookings b
        where b.tenant_id = ${input.tenantId} and b.learner_id = ${input.learnerId} and b.status <> 'cancelled'
          and b.end_at > ${from} and b.start_at < ${to}
      ), '[]'::json)`.as('learner_busy'),
    ])
    .where('m.tenant_id', '=', input.tenantId)
    .where('m.id', 'in', input.ids)
    .execute();
  const mentors = rows.map((r) => {
    const {
      a_mentor_id,
      a_tenant_id,
      a_weekly,
      a_overrides,
      a_buffer_before_minutes,
      a_buffer_after_minutes,
      a_min_notice_minutes,
      a_horizon_days,
      a_max_per_day,
      a_max_per_week,
      a_session_lengths,
      a_meeting_url,
      a_updated_at,
      busy,
      learner_busy: _learnerBusy,
      ...mentor
    } = r;
    const availability: AvailabilityRow | undefined =
      a_mentor_id === null
        ? undefined
        : {
            mentor_id: a_mentor_id,
            tenant_id: a_tenant_id as string,
            weekly: a_weekly,
            overrides: a_overrides,
            buffer_before_minutes: a_buffer_before_minutes as number,
            buffer_after_minutes: a_buffer_after_minutes as number,
            min_notice_minutes: a_min_notice_minutes as number,
            horizon_days: a_horizon_days as number,
            max_per_day: a_max_per_day,
            max_per_week: a_max_per_week,
            session_lengths: a_session_lengths as number[],
            meeting_url: a_meeting_url,
            updated_at: a_updated_at as Date,
          };
    return { mentor, availability, busy: toRanges(busy) };
  });
  return { mentors, learnerBusy: toRanges(rows[0]?.learner_busy ?? []) };
}

/** The window matching shows next free slots in: from now, two weeks. */
function slotsWindow(now: Date): { from: Date; to: Date } {
  return { from: now, to: new Date(now.getTime() + NEXT_SLOTS_WINDOW_DAYS * DAY_MS) };
}

/** Where the search for a mentor's first slots stops, in hours from `from`: most mentors are done after the first. */
const CHUNK_ENDS_HOURS = [3, 24, 96];

/**
 * The first `count` slots of `computeSlots` over `[from, to)`, computed a chunk at a time and
 * stopping as soon as there are enough: the whole 14-day window cost ~10× more per mentor than
 * the first day (far more in zones with DST), and matching only shows three slots. A chunk
 * `[a, b)` is asked as the window `[a, min(b + duration, to))` and keeps starts before `b`, so a
 * slot across a chunk edge is still found; `computeSlots` does not depend on the window beyond
 * its bounds (see `isSlotOffered`), so the result equals the whole window's first `count`.
 */
export function firstSlots(
  q: Omit<SlotQuery, 'learnerBusy'> & { learnerBusy: Range[]; count: number },
): Range[] {
  const { count, ...query } = q;
  const from = q.from.getTime();
  const to = q.to.getTime();
  const durationMs = q.durationMinutes * 60_000;
  const found: Range[] = [];
  let start = from;
  for (const endHours of [...CHUNK_ENDS_HOURS, Number.POSITIVE_INFINITY]) {
    if (start >= to || found.length >= count) break;
    const end = Math.min(from + endHours * HOUR_MS, to);
    const slots = computeSlots({
      ...query,
      from: new Date(start),
      to: new Date(Math.min(end + durationMs, to)),
    });
    for (const slot of slots) if (slot.start.getTime() < end) found.push(slot);
    start = end;
  }
  return found.slice(0, count);
}

/** The first few free slots of each shortlisted mentor: the slot engine, in memory. */
export function nextSlotsFor(input: {
  settings: TenantSettings;
  shortlist: Shortlist;
  now: Date;
  count: number;
}): Map<string, Range[]> {
  const out = new Map<string, Range[]>();
  const { from, to } = slotsWindow(input.now);
  for (const { mentor, availability, busy } of input.shortlist.mentors) {
    if (!availability) {
      out.set(mentor.id, []);
      continue;
    }
    const policy = policyFrom(mentor, availability, input.settings);
    out.set(
      mentor.id,
      firstSlots({
        policy,
        from,
        to,
        durationMinutes: Math.min(...policy.sessionLengths),
        now: input.now,
        mentorBusy: busy,
        learnerBusy: input.shortlist.learnerBusy,
        count: input.count,
      }),
    );
  }
  return out;
}
