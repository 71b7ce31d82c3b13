import type { Kysely } from 'kysely';
import type { Range } from '../../db/bookings.js';
import type { Database, MentorRow } from '../../db/database.js';
import { policyFrom } from '../availability/mentor-availability.js';
import { computeSlots } from '../availability/slots.js';
import { DAY_MS } from '../availability/zoned-time.js';
import type { TenantSettings } from '../tenants/settings.js';

export const NEXT_SLOTS_WINDOW_DAYS = 14;

/**
 * The first few free slots of several mentors at once: three queries in all (mentors'
 * availability, their bookings, the learner's bookings), then the slot engine in memory.
 */
export async function nextSlotsFor(
  db: Kysely<Database>,
  input: {
    tenantId: string;
    settings: TenantSettings;
    mentors: MentorRow[];
    learnerId: string;
    now: Date;
    count: number;
  },
): Promise<Map<string, Range[]>> {
  const out = new Map<string, Range[]>();
  if (input.mentors.length === 0) return out;
  const ids = input.mentors.map((m) => m.id);
  const from = input.now;
  const to = new Date(from.getTime() + NEXT_SLOTS_WINDOW_DAYS * DAY_MS);
  const busyFrom = new Date(from.getTime() - 8 * DAY_MS);
  const busyTo = new Date(to.getTime() + 8 * DAY_MS);
  const [availability, bookings, learnerBookings] = await Promise.all([
    db
      .selectFrom('availability')
      .selectAll()
      .where('tenant_id', '=', input.tenantId)
      .where('mentor_id', 'in', ids)
      .execute(),
    db
      .selectFrom('bookings')
      .select(['mentor_id', 'start_at', 'end_at'])
      .where('tenant_id', '=', input.tenantId)
      .where('mentor_id', 'in', ids)
      .where('status', '<>', 'cancelled')
      .where('end_at', '>', busyFrom)
      .where('start_at', '<', busyTo)
      .execute(),
    db
      .selectFrom('bookings')
      .select(['start_at', 'end_at'])
      .where('tenant_id', '=', input.tenantId)
      .where('learner_id', '=', input.learnerId)
      .where('status', '<>', 'cancelled')
      .where('end_at', '>', from)
      .where('start_at', '<', to)
      .execute(),
  ]);
  const learnerBusy = learnerBookings.map((b) => ({ start: b.start_at, end: b.end_at }));
  for (const mentor of input.mentors) {
    const row = availability.find((a) => a.mentor_id === mentor.id);
    if (!row) {
      out.set(mentor.id, []);
      continue;
    }
    const policy = policyFrom(mentor, row, input.settings);
    const mentorBusy = bookings
      .filter((b) => b.mentor_id === mentor.id)
      .map((b) => ({ start: b.start_at, end: b.end_at }));
    const duration = Math.min(...policy.sessionLengths);
    const slots = computeSlots({
      policy,
      from,
      to,
      durationMinutes: duration,
      now: input.now,
      mentorBusy,
      learnerBusy,
    });
    out.set(mentor.id, slots.slice(0, input.count));
  }
  return out;
}
