import type { Kysely } from 'kysely';
import { liveBookings } from '../../db/bookings.js';
import type { Database } from '../../db/database.js';
import type { TimeRange } from './policy.js';
import { DAY_MS } from './zoned-time.js';

/** Bookings this far either side of a window can touch its slots: buffers, and the ISO-week cap. */
const BUSY_MARGIN_MS = 8 * DAY_MS;

/** The range whose bookings `mentorBusy`/`learnerBusy` must hold for slots in `[from, to)`. */
export function busyWindow(from: Date, to: Date): TimeRange {
  return { start: new Date(from.getTime() - BUSY_MARGIN_MS), end: new Date(to.getTime() + BUSY_MARGIN_MS) };
}

/**
 * The mentor's and the learner's live bookings in the window, as the slot engine takes them
 * (no learner: none). A booking being moved (`exceptBookingId`) does not count against itself.
 */
export async function loadBusy(
  db: Kysely<Database>,
  input: {
    tenantId: string;
    mentorId: string;
    learnerId: string | null;
    window: TimeRange;
    exceptBookingId?: string | undefined;
  },
): Promise<{ mentorBusy: TimeRange[]; learnerBusy: TimeRange[] }> {
  const { tenantId, window, exceptBookingId } = input;
  const mentorBusy = await liveBookings(db, tenantId, { mentorId: input.mentorId }, window, exceptBookingId);
  const learnerBusy = input.learnerId
    ? await liveBookings(db, tenantId, { learnerId: input.learnerId }, window, exceptBookingId)
    : [];
  return { mentorBusy, learnerBusy };
}
