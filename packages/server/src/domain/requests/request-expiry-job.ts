import { lockHelpRequest, setRequestStatus } from '../../db/help-requests.js';
import { cancelJobs } from '../../db/jobs.js';
import { recordEvent } from '../events/record-event.js';
import { type JobHandler, jobTarget } from '../job-handler.js';
import { nextMatches } from './next-matches.js';
import { OFFER_WINDOW_JOB, requestSubject } from './request-jobs.js';
import { expireLiveOffers } from './unanswered-offers.js';

/**
 * `requests.expire`: a request that needed an answer got none within the tenant's SLA. It
 * becomes `expired`; the learner is told and shown the next matches.
 */
export const requestExpiryJob: JobHandler = {
  async run(job, { db, clock }) {
    const { tenantId, id: requestId } = jobTarget(job, 'requestId');
    await db.transaction().execute(async (trx) => {
      const now = clock.now();
      const request = await lockHelpRequest(trx, tenantId, requestId);
      if (request?.status !== 'open') return;
      const updated = await setRequestStatus(trx, tenantId, requestId, {
        status: 'expired',
        updated_at: now,
      });
      await expireLiveOffers(trx, { tenantId, requestId, now });
      await cancelJobs(trx, { tenantId, subject: requestSubject(requestId), kinds: [OFFER_WINDOW_JOB] }, now);
      await recordEvent(trx, {
        tenantId,
        type: 'request.expired',
        data: { requestId, matches: await nextMatches(trx, updated, now) },
        userIds: [request.learner_id],
        at: now,
      });
    });
  },
};
