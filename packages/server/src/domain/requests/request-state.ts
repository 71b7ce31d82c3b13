import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { findHelpRequest, setRequestStatus } from '../../db/help-requests.js';
import { cancelJobs } from '../../db/jobs.js';
import { closeLiveOffers } from '../../db/request-offers.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { recordMentorEvents } from '../events/record-mentor-events.js';
import { requestSubject } from './request-jobs.js';

/**
 * The steps that change a request's state for someone else: a booking matches it, a
 * cancellation or a booking closes its offers. Booking, offers and requests all use them, so
 * this module imports none of those (no cycle).
 */

/** `released`: handed to another mentor (the mentor was silent, or the learner asked for another). */
export type WithdrawnReason = 'taken' | 'expired' | 'cancelled' | 'booked' | 'released';

/** Tells each mentor their offer of the request is gone, and why. */
export async function recordOffersWithdrawn(
  db: Kysely<Database>,
  input: { tenantId: string; requestId: string; mentorIds: string[]; reason: WithdrawnReason; now: Date },
): Promise<void> {
  await recordMentorEvents(db, {
    tenantId: input.tenantId,
    type: 'request.withdrawn',
    mentorIds: input.mentorIds,
    data: (mentorId) => ({ requestId: input.requestId, mentorId, reason: input.reason }),
    at: input.now,
  });
}

/**
 * The request stopped needing an answer (cancelled by the learner, or matched by a booking):
 * its jobs are cancelled and the mentors it was still offered to are told.
 */
export async function closeRequestOffers(
  db: Kysely<Database>,
  input: { tenantId: string; requestId: string; reason: 'cancelled' | 'booked'; now: Date },
): Promise<void> {
  await cancelJobs(db, { tenantId: input.tenantId, subject: requestSubject(input.requestId) }, input.now);
  const closed = await closeLiveOffers(db, input.tenantId, input.requestId, 'withdrawn', input.now);
  await recordOffersWithdrawn(db, { ...input, mentorIds: closed.map((o) => o.mentor_id) });
}

/** A booking made for a request: the request must be the learner's and still open. */
export async function markRequestMatched(
  db: Kysely<Database>,
  input: { tenantId: string; requestId: string; learnerId: string; mentorId: string; now: Date },
): Promise<void> {
  const row = await findHelpRequest(db, input.tenantId, input.requestId);
  if (!row || row.learner_id !== input.learnerId) throw new NotFoundError('Help request');
  if (row.status !== 'open' && row.status !== 'matched') {
    throw new ConflictError('request_not_open', `This request is ${row.status}; start a new one.`);
  }
  // `request.matched` is recorded with the booking (booking/lifecycle.ts), once.
  await setRequestStatus(db, input.tenantId, input.requestId, {
    status: 'matched',
    matched_mentor_id: input.mentorId,
    updated_at: input.now,
  });
}
