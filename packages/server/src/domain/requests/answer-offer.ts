import { findRequestBooking } from '../../db/bookings.js';
import type { HelpRequestRow, OfferStatus } from '../../db/database.js';
import {
  addDeclinedMentor,
  findHelpRequest,
  lockHelpRequest,
  matchOpenRequest,
} from '../../db/help-requests.js';
import { cancelJobs } from '../../db/jobs.js';
import { mentorOfUser } from '../../db/mentors.js';
import { closeLiveOffers, countLiveOffers, findOffer } from '../../db/request-offers.js';
import { findRequestThread, insertThreadIfAbsent } from '../../db/threads.js';
import type { AcceptedOffer, MentorOffer } from '../../schemas/offers.js';
import type { Actor } from '../actor.js';
import { bookingView } from '../booking/booking-view.js';
import { createInstantSession } from '../booking/instant-session.js';
import type { DomainCtx } from '../context.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import { recordEvent } from '../events/record-event.js';
import { mentorAudience } from '../events/record-mentor-events.js';
import { UNRESPONSIVE } from '../mentors/presence.js';
import { mentorOfferView } from './mentor-inbox.js';
import { nextMatches } from './next-matches.js';
import { OFFER_WINDOW_JOB, requestSubject } from './request-jobs.js';
import { recordOffersWithdrawn } from './request-state.js';
import { recordOfferAnswered } from './unanswered-offers.js';

/**
 * The caller's mentor profile and their offer for the request. Anyone the request was not
 * offered to (the learner, other mentors, another tenant) gets 404, as for a missing request.
 */
async function myOffer(ctx: DomainCtx, actor: Actor, requestId: string) {
  const request = await findHelpRequest(ctx.db, actor.tenantId, requestId);
  if (!request) throw new NotFoundError('Help request');
  if (!actor.user) {
    throw new ForbiddenError(
      'user_token_required',
      'Only a mentor the request was offered to can answer it: act for them with their user token.',
    );
  }
  const mentor = await mentorOfUser(ctx.db, actor.tenantId, actor.user.id);
  const offer = mentor ? await findOffer(ctx.db, actor.tenantId, requestId, mentor.id) : undefined;
  if (!mentor || !offer) throw new NotFoundError('Help request');
  return { request, mentor, offer };
}

function notOpen(status: OfferStatus, request: HelpRequestRow, expired: boolean): ConflictError {
  if (status === 'declined') return new ConflictError('offer_declined', 'You declined this request.');
  if (status === 'accepted') return new ConflictError('offer_accepted', 'You already accepted this request.');
  if (status === 'expired' || expired) {
    return new ConflictError('offer_expired', 'This offer expired before it was answered.');
  }
  if (request.status === 'matched') {
    return new ConflictError('already_taken', 'Another mentor already took this request.');
  }
  return new ConflictError('request_not_open', `This request is ${request.status}.`);
}

/**
 * A mentor accepts an offered request. The first wins in one conditional update of the request
 * (`status = 'open'` → `matched`); everyone after gets 409 `already_taken`. The winner's
 * acceptance is told to the learner and the mentor, the other offers are withdrawn.
 */
export async function acceptOffer(ctx: DomainCtx, actor: Actor, requestId: string): Promise<AcceptedOffer> {
  const { request, mentor, offer } = await myOffer(ctx, actor, requestId);
  const now = ctx.clock.now();
  if (offer.status === 'accepted') {
    // Answered before (a retry): the same offer and the session it made.
    const view = await mentorOfferView(ctx, actor.tenantId, mentor.id, requestId);
    const row = await findRequestBooking(ctx.db, actor.tenantId, requestId, mentor.id);
    const booking = row
      ? await bookingView(ctx.db, actor.tenantId, row, { mentorId: mentor.id, now: ctx.clock.now() })
      : null;
    return { ...view, booking };
  }
  // Suspended (or otherwise taken off the program) since the offer: they may decline, not take it.
  if (
    mentor.status !== 'approved' &&
    !(mentor.status === 'paused' && mentor.paused_reason === UNRESPONSIVE)
  ) {
    throw new ConflictError('mentor_not_active', `Your mentor profile is ${mentor.status}.`);
  }
  if (offer.status !== 'offered' || offer.expires_at <= now) {
    // Read the request again: the offer may have been closed by a winner who committed after our
    // first read of the request (their change to both rows is one transaction).
    const current = (await findHelpRequest(ctx.db, actor.tenantId, requestId)) ?? request;
    throw notOpen(offer.status, current, offer.expires_at <= now);
  }
  const won = await matchOpenRequest(ctx.db, actor.tenantId, requestId, mentor.id, now);
  if (!won) {
    const current = (await findHelpRequest(ctx.db, actor.tenantId, requestId)) ?? request;
    throw notOpen('withdrawn', current, false);
  }
  // Our own offer must still be live: an expiry job that ran in between would have closed it.
  const mine = await closeLiveOffers(ctx.db, actor.tenantId, requestId, 'accepted', now, {
    onlyMentorId: mentor.id,
  });
  if (mine.length === 0) throw notOpen('expired', won, true);
  const others = await closeLiveOffers(ctx.db, actor.tenantId, requestId, 'withdrawn', now, {
    exceptMentorId: mentor.id,
  });
  await cancelJobs(ctx.db, { tenantId: actor.tenantId, subject: requestSubject(requestId) }, now);
  await recordOfferAnswered(ctx.db, mentor, now);
  if (won.urgency !== 'now') {
    // A scheduled request handed over to this mentor: no session now. They and the learner talk in
    // the request's thread, and the learner books one of the mentor's slots.
    await acceptScheduled(ctx, actor.tenantId, won, mentor.id, mentor.name, now);
    return { ...(await mentorOfferView(ctx, actor.tenantId, mentor.id, requestId)), booking: null };
  }
  // The session itself, in this transaction: a rolled-back accept leaves no booking behind.
  const booking = await createInstantSession(ctx, {
    tenantId: actor.tenantId,
    settings: actor.settings,
    mentor,
    learnerId: won.learner_id,
    requestId,
    format: won.format,
  });

  const session = { bookingId: booking.id, threadId: booking.threadId, start: booking.start };
  await recordEvent(ctx.db, {
    tenantId: actor.tenantId,
    type: 'request.accepted',
    data: { requestId, mentorId: mentor.id, mentorName: mentor.name, ...session },
    userIds: [won.learner_id, ...(await mentorAudience(ctx.db, actor.tenantId, mentor.id))],
    at: now,
  });
  await recordEvent(ctx.db, {
    tenantId: actor.tenantId,
    type: 'request.matched',
    data: { requestId, mentorId: mentor.id, learnerId: won.learner_id, bookingId: booking.id, via: 'offer' },
    at: now,
  });
  await recordOffersWithdrawn(ctx.db, {
    tenantId: actor.tenantId,
    requestId,
    mentorIds: others.map((o) => o.mentor_id),
    reason: 'taken',
    now,
  });
  return { ...(await mentorOfferView(ctx, actor.tenantId, mentor.id, requestId)), booking };
}

/**
 * The accept of a scheduled request (an offer accepted, or a mentor taking it from the program
 * queue): its thread with the mentor, and the learner told. Returns the thread's id.
 */
export async function acceptScheduled(
  ctx: DomainCtx,
  tenantId: string,
  request: HelpRequestRow,
  mentorId: string,
  mentorName: string,
  now: Date,
  via: 'offer' | 'program_queue' = 'offer',
): Promise<string | null> {
  const thread =
    (await insertThreadIfAbsent(ctx.db, {
      tenantId,
      requestId: request.id,
      bookingId: null,
      learnerId: request.learner_id,
      mentorId,
      now,
    })) ?? (await findRequestThread(ctx.db, tenantId, request.id, mentorId));
  await recordEvent(ctx.db, {
    tenantId,
    type: 'request.accepted',
    data: { requestId: request.id, mentorId, mentorName, bookingId: null, threadId: thread?.id ?? null },
    userIds: [request.learner_id, ...(await mentorAudience(ctx.db, tenantId, mentorId))],
    at: now,
  });
  await recordEvent(ctx.db, {
    tenantId,
    type: 'request.matched',
    data: { requestId: request.id, mentorId, learnerId: request.learner_id, bookingId: null, via },
    at: now,
  });
  return thread?.id ?? null;
}

/**
 * A mentor declines an offered request: they are left out of its matches from now on. When
 * that was the last live offer of an open request, the learner is told, with scheduled slots.
 */
export async function declineOffer(ctx: DomainCtx, actor: Actor, requestId: string): Promise<MentorOffer> {
  const found = await myOffer(ctx, actor, requestId);
  const { mentor } = found;
  const now = ctx.clock.now();
  const request = (await lockHelpRequest(ctx.db, actor.tenantId, requestId)) ?? found.request;
  const offer = (await findOffer(ctx.db, actor.tenantId, requestId, mentor.id)) ?? found.offer;
  if (offer.status !== 'offered' || offer.expires_at <= now) {
    throw notOpen(offer.status, request, offer.expires_at <= now);
  }
  await closeLiveOffers(ctx.db, actor.tenantId, requestId, 'declined', now, { onlyMentorId: mentor.id });
  await addDeclinedMentor(ctx.db, actor.tenantId, requestId, mentor.id, now);
  await recordOfferAnswered(ctx.db, mentor, now);
  if (request.status === 'open' && (await countLiveOffers(ctx.db, actor.tenantId, requestId)) === 0) {
    await cancelJobs(
      ctx.db,
      { tenantId: actor.tenantId, subject: requestSubject(requestId), kinds: [OFFER_WINDOW_JOB] },
      now,
    );
    const latest = (await findHelpRequest(ctx.db, actor.tenantId, requestId)) ?? request;
    await recordEvent(ctx.db, {
      tenantId: actor.tenantId,
      type: 'request.offers_expired',
      data: { requestId, reason: 'declined', matches: await nextMatches(ctx.db, latest, now, ctx.semantic) },
      userIds: [request.learner_id],
      at: now,
    });
  }
  return mentorOfferView(ctx, actor.tenantId, mentor.id, requestId);
}
