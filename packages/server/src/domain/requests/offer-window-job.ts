import { recordEvent } from '../events/record-event.js';
import { nextMatches } from './next-matches.js';
import { openRequestJob } from './open-request-job.js';
import { expireLiveOffers } from './unanswered-offers.js';

/**
 * `offers.expire-window`: nobody accepted the instant request in time. Its live offers expire
 * (counted against those mentors), they are told, and the learner gets scheduled slots instead.
 */
export const offerWindowJob = openRequestJob(async (trx, request, now, semantic) => {
  const { tenant_id: tenantId, id: requestId } = request;
  if ((await expireLiveOffers(trx, { tenantId, requestId, now })) === 0) return;
  await recordEvent(trx, {
    tenantId,
    type: 'request.offers_expired',
    data: { requestId, reason: 'window', matches: await nextMatches(trx, request, now, semantic) },
    userIds: [request.learner_id],
    at: now,
  });
});
