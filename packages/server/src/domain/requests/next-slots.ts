import type { Kysely } from 'kysely';
import type { Range } from '../../db/bookings.js';
import type { AvailabilityRow, Database, MentorRow } from '../../db/database.js';
import { policyFrom } from '../availability/mentor-availability.js';
import { computeSlots, type SlotQuery } from '../availability/slots.js';
import { DAY_MS, HOUR_MS } from '../availability/zoned-time.js';
import type { TenantSettings } from '../tenants/settings.js';

export const NEXT_SLOTS_WINDOW_DAYS = 14;

export interface ShortlistedMentor {
  mentor: MentorRow;
  /** The mentor's availability row; undefined when they never set one. */
  availability: AvailabilityRow | undefined;
}

/** The shortlisted mentors with their availability rows: one query (primary-key lookups). */
export async function loadShortlist(
  db: Kysely<Database>,
  tenantId: string,
  ids: string[],
): Promise<ShortlistedMentor[]> {
  if (ids.length === 0) return [];
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
    .where('m.tenant_id', '=', tenantId)
    .where('m.id', 'in', ids)
    .execute();
  return rows.map((r) => {
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
    return { mentor, availability };
  });
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

/**
 * The first few free slots of several mentors at once: one query for the mentors' and the
 * learner's bookings around the window, then the slot engine in memory.
 */
export async function nextSlotsFor(
  db: Kysely<Database>,
  input: {
    tenantId: string;
    settings: TenantSettings;
    mentors: ShortlistedMentor[];
    learnerId: string;
    now: Date;
    count: number;
  },
): Promise<Map<string, Range[]>> {
  const out = new Map<string, Range[]>();
  if (input.mentors.length === 0) return out;
  const ids = input.mentors.map((m) => m.mentor.id);
  const from = input.now;
  const to = new Date(from.getTime() + NEXT_SLOTS_WINDOW_DAYS * DAY_MS);
  const busyFrom = new Date(from.getTime() - 8 * DAY_MS);
  const busyTo = new Date(to.getTime() + 8 * DAY_MS);
  const bookings = await db
    .selectFrom('bookings')
    .select(['mentor_id', 'learner_id', 'start_at', 'end_at'])
    .where('tenant_id', '=', input.tenantId)
    .where('status', '<>', 'cancelled')
    .where((eb) =>
      eb.or([
        eb.and([eb('mentor_id', 'in', ids), eb('end_at', '>', busyFrom), eb('start_at', '<', busyTo)]),
        eb.and([eb('learner_id', '=', input.learnerId), eb('end_at', '>', from), eb('start_at', '<', to)]),
      ]),
    )
    .execute();
  const mentorBusy = new Map<string, Range[]>();
  const learnerBusy: Range[] = [];
  for (const b of bookings) {
    if (b.learner_id === input.learnerId && b.end_at > from && b.start_at < to) {
      learnerBusy.push({ start: b.start_at, end: b.end_at });
    }
    if (b.end_at > busyFrom && b.start_at < busyTo) {
      const list = mentorBusy.get(b.mentor_id);
      if (list) list.push({ start: b.start_at, end: b.end_at });
      else mentorBusy.set(b.mentor_id, [{ start: b.start_at, end: b.end_at }]);
    }
  }
  for (const { mentor, availability } of input.mentors) {
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
        mentorBusy: mentorBusy.get(mentor.id) ?? [],
        learnerBusy,
        count: input.count,
      }),
    );
  }
  return out;
}
