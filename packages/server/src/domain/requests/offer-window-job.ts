import { lockHelpRequest } from '../../db/help-requests.js';
import { recordEvent } from '../events/record-event.js';
import { type JobHandler, jobTarget } from '../job-handler.js';
import { nextMatches } from './next-matches.js';
import { expireLiveOffers } from './unanswered-offers.js';

/**
 * `offers.expire-window`: nobody accepted the instant request in time. Its live offers expire
 * (counted against those mentors), they are told, and the learner gets scheduled slots instead.
 */
export const offerWindowJob: JobHandler = {
  async run(job, { db, clock }) {
    const { tenantId, id: requestId } = jobTarget(job, 'requestId');
    await db.transaction().execute(async (trx) => {
      const now = clock.now();
      const request = await lockHelpRequest(trx, tenantId, requestId);
      if (request?.status !== 'open') return;
      if ((await expireLiveOffers(trx, { tenantId, requestId, now })) === 0) return;
      await recordEvent(trx, {
        tenantId,
        type: 'request.offers_expired',
        data: { requestId, reason: 'window', matches: await nextMatches(trx, request, now) },
        userIds: [request.learner_id],
        at: now,
      });
    });
  },
};
