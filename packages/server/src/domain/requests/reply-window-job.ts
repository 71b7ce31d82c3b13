import type { Kysely } from 'kysely';
import { findRequestBooking } from '../../db/bookings.js';
import type { Database, HelpRequestRow } from '../../db/database.js';
import { lockHelpRequest } from '../../db/help-requests.js';
import { findOffer } from '../../db/request-offers.js';
import { findTenantById } from '../../db/tenants.js';
import { type JobHandler, jobTarget } from '../job-handler.js';
import { readSettings } from '../tenants/settings.js';
import { handOverRequest } from './hand-over.js';
import { expireLiveOffers } from './unanswered-offers.js';

/**
 * Is the request still waiting on this mentor? Open (offered to them, or the learner wrote to
 * them), or matched to them by an accepted offer with no session booked yet.
 */
async function waitingOn(db: Kysely<Database>, request: HelpRequestRow, mentorId: string): Promise<boolean> {
  if (request.declined_mentor_ids.includes(mentorId)) return false;
  if (request.status === 'open') return true;
  if (request.status !== 'matched' || request.matched_mentor_id !== mentorId) return false;
  const booking = await findRequestBooking(db, request.tenant_id, request.id, mentorId);
  return !booking || booking.status === 'cancelled';
}

/** Did the mentor write in the thread after the learner's message `afterSeq`? */
async function repliedInThread(
  db: Kysely<Database>,
  request: HelpRequestRow,
  threadId: string,
  afterSeq: number,
): Promise<boolean> {
  const reply = await db
    .selectFrom('messages')
    .select('id')
    .where('tenant_id', '=', request.tenant_id)
    .where('thread_id', '=', threadId)
    .where('author_id', '!=', request.learner_id)
    .where('seq', '>', afterSeq)
    .limit(1)
    .executeTakeFirst();
  return reply !== undefined;
}

/**
 * `requests.reply-window`: the program's `mentorReplyWindowHours` passed since a mentor was offered
 * a scheduled request (payload `mentorId`) or since the learner wrote to them about it (also
 * `threadId`, `afterSeq`: the learner's message). If they neither answered the offer nor wrote
 * back, the request is handed to the next best mentor, in one transaction under the request's
 * lock. Idempotent: a mentor already released, an answered offer or a reply make it a no-op.
 */
export const replyWindowJob: JobHandler = {
  async run(job, { db, clock, semantic }) {
    const { tenantId, id } = jobTarget(job, 'requestId');
    const { mentorId, threadId, afterSeq } = job.payload;
    if (typeof mentorId !== 'string') throw new Error(`job ${job.id} has no mentorId`);
    await db.transaction().execute(async (trx) => {
      const now = clock.now();
      const request = await lockHelpRequest(trx, tenantId, id);
      if (!request || !(await waitingOn(trx, request, mentorId))) return;
      let releasedToldAlready = false;
      if (typeof threadId === 'string' && typeof afterSeq === 'number') {
        if (await repliedInThread(trx, request, threadId, afterSeq)) return;
      } else {
        const offer = await findOffer(trx, tenantId, id, mentorId);
        if (offer?.status !== 'offered' || offer.expires_at > now) return;
        await expireLiveOffers(trx, { tenantId, requestId: id, now, onlyMentorId: mentorId });
        releasedToldAlready = true;
      }
      const tenant = await findTenantById(trx, tenantId);
      await handOverRequest(trx, {
        request,
        released: [mentorId],
        reason: 'no_reply',
        settings: readSettings(tenant?.settings),
        now,
        releasedToldAlready,
        semantic: semantic ?? null,
      });
    });
  },
};
