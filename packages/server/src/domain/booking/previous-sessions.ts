import type { Kysely } from 'kysely';
import { pastSessionsWith } from '../../db/bookings.js';
import type { Database } from '../../db/database.js';
import { PREVIOUS_SESSIONS_MAX, type PreviousSession } from '../../schemas/bookings.js';

/** Rows read for one page at most: a page's learners rarely have more earlier sessions than this. */
const ROWS_PER_PAGE = 500;

/** What one card asks for: the mentor's sessions with this learner before `before`, except one. */
export interface PreviousSessionsAsk {
  learnerId: string;
  before: Date;
  exceptBookingId?: string | null | undefined;
}

/**
 * For each ask, in order: the mentor's sessions with that learner that took place (ended by
 * `now`, not cancelled) and started before the ask's time, newest first, with the mentor's notes.
 * One query for all the asks, scoped to the tenant and to this mentor only.
 */
export async function previousSessionsFor(
  db: Kysely<Database>,
  tenantId: string,
  mentorId: string,
  asks: readonly PreviousSessionsAsk[],
  now: Date,
): Promise<PreviousSession[][]> {
  if (asks.length === 0) return [];
  const latest = new Date(Math.max(...asks.map((a) => a.before.getTime())));
  const rows = await pastSessionsWith(db, {
    tenantId,
    mentorId,
    learnerIds: asks.map((a) => a.learnerId),
    endedBy: now,
    startedBefore: latest,
    limit: ROWS_PER_PAGE,
  });
  return asks.map((ask) =>
    rows
      .filter(
        (r) => r.learner_id === ask.learnerId && r.start_at < ask.before && r.id !== ask.exceptBookingId,
      )
      .slice(0, PREVIOUS_SESSIONS_MAX)
      .map((r) => ({
        id: r.id,
        start: r.start_at.toISOString(),
        end: r.end_at.toISOString(),
        format: r.format,
        status: r.status,
        requestTitle: r.request_title,
        notes: r.summary?.trim() ? r.summary : null,
      })),
  );
}
