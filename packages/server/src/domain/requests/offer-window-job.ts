import { findTenantById } from '../../db/tenants.js';
import { recordEvent } from '../events/record-event.js';
import { readSettings } from '../tenants/settings.js';
import { handOverRequest } from './hand-over.js';
import { nextMatches } from './next-matches.js';
import { openRequestJob } from './open-request-job.js';
import { expireLiveOffers } from './unanswered-offers.js';

/**
 * `offers.expire-window`: nobody accepted the instant request in time. Its live offers expire
 * (counted against those mentors), they are told, and the request goes to the next online mentors
 * who were never offered it (up to the program's `maxHandovers`); with nobody left online the
 * learner gets scheduled slots instead.
 */
export const offerWindowJob = openRequestJob(async (trx, request, now, semantic) => {
  const { tenant_id: tenantId, id: requestId } = request;
  if ((await expireLiveOffers(trx, { tenantId, requestId, now })) === 0) return;
  const tenant = await findTenantById(trx, tenantId);
  const handover = await handOverRequest(trx, {
    request,
    released: [],
    reason: 'no_reply',
    settings: readSettings(tenant?.settings),
    now,
    semantic,
  });
  if (handover && handover.offers.length > 0) return;
  await recordEvent(trx, {
    tenantId,
    type: 'request.offers_expired',
    data: {
      requestId,
      reason: 'window',
      matches: await nextMatches(trx, handover?.request ?? request, now, semantic),
    },
    userIds: [request.learner_id],
    at: now,
  });
});
