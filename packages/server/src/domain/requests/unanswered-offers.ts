import type { Kysely } from 'kysely';
import type { Database, MentorRow } from '../../db/database.js';
import { countUnansweredOffer, pauseApprovedMentors, resetUnansweredOffers } from '../../db/mentors.js';
import { closeLiveOffers } from '../../db/request-offers.js';
import { recordMentorEvents } from '../events/record-mentor-events.js';
import { UNRESPONSIVE } from '../mentors/presence.js';
import { refreshMedianResponse } from '../mentors/response-time.js';
import { recordOffersWithdrawn } from './request-state.js';

/** Offers in a row a mentor may let expire before the system pauses them from matching. */
export const UNRESPONSIVE_STREAK = 3;

/**
 * Answering an offer (either way) resets the mentor's unanswered streak, lifts a pause for it,
 * and updates their median response time.
 */
export async function recordOfferAnswered(db: Kysely<Database>, mentor: MentorRow, now: Date): Promise<void> {
  await resetUnansweredOffers(db, mentor, UNRESPONSIVE, now);
  await refreshMedianResponse(db, mentor.tenant_id, mentor.id);
}

/**
 * The request's live offers lapse unanswered: they become `expired`, their mentors are told,
 * and each counts against its mentor. Returns how many lapsed.
 */
export async function expireLiveOffers(
  db: Kysely<Database>,
  /** `onlyMentorId`: that mentor's offer alone (a hand-over's, whose window is its own). */
  input: { tenantId: string; requestId: string; now: Date; onlyMentorId?: string },
): Promise<number> {
  const { onlyMentorId } = input;
  const expired = await closeLiveOffers(
    db,
    input.tenantId,
    input.requestId,
    'expired',
    input.now,
    onlyMentorId ? { onlyMentorId } : {},
  );
  const mentorIds = expired.map((o) => o.mentor_id);
  await recordOffersWithdrawn(db, {
    tenantId: input.tenantId,
    requestId: input.requestId,
    now: input.now,
    mentorIds,
    reason: 'expired',
  });
  await countUnanswered(db, input.tenantId, mentorIds, input.now);
  return expired.length;
}

/**
 * Counts an offer each mentor let expire; the UNRESPONSIVE_STREAK-th in a row pauses them from
 * matching (`paused`, reason `unresponsive`) until they turn "available now" on or answer.
 */
async function countUnanswered(db: Kysely<Database>, tenantId: string, mentorIds: string[], now: Date) {
  const streaks = await countUnansweredOffer(db, tenantId, mentorIds);
  const due = streaks.filter((r) => r.status === 'approved' && r.unanswered_offers >= UNRESPONSIVE_STREAK);
  const paused = await pauseApprovedMentors(
    db,
    tenantId,
    due.map((r) => r.id),
    UNRESPONSIVE,
    now,
  );
  const streakOf = new Map(paused.map((p) => [p.id, p.unanswered_offers]));
  await recordMentorEvents(db, {
    tenantId,
    type: 'mentor.paused',
    mentorIds: paused.map((p) => p.id),
    data: (mentorId) => ({ mentorId, reason: UNRESPONSIVE, unansweredInARow: streakOf.get(mentorId) }),
    at: now,
  });
}
