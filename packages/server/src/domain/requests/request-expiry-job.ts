import { setRequestStatus } from '../../db/help-requests.js';
import { cancelJobs } from '../../db/jobs.js';
import { recordEvent } from '../events/record-event.js';
import { nextMatches } from './next-matches.js';
import { openRequestJob } from './open-request-job.js';
import { OFFER_WINDOW_JOB, requestSubject } from './request-jobs.js';
import { expireLiveOffers } from './unanswered-offers.js';

/**
 * `requests.expire`: a request that needed an answer got none within the tenant's SLA. It
 * becomes `expired`; the learner is told and shown the next matches.
 */
export const requestExpiryJob = openRequestJob(async (trx, request, now, semantic) => {
  const { tenant_id: tenantId, id: requestId } = request;
  const updated = await setRequestStatus(trx, tenantId, requestId, { status: 'expired', updated_at: now });
  await expireLiveOffers(trx, { tenantId, requestId, now });
  await cancelJobs(trx, { tenantId, subject: requestSubject(requestId), kinds: [OFFER_WINDOW_JOB] }, now);
  await recordEvent(trx, {
    tenantId,
    type: 'request.expired',
    data: { requestId, matches: await nextMatches(trx, updated, now, semantic) },
    userIds: [request.learner_id],
    at: now,
  });
});
