import { requestBookingsWith, updateBooking } from '../../db/bookings.js';
import type { BookingRow, HelpRequestRow } from '../../db/database.js';
import { lockHelpRequest } from '../../db/help-requests.js';
import { cancelJobs } from '../../db/jobs.js';
import { closeLiveOffers, countLiveOffers } from '../../db/request-offers.js';
import { requestThreadMentorIds } from '../../db/threads.js';
import type { AnotherMentor, AnotherMentorInput } from '../../schemas/requests.js';
import type { Actor } from '../actor.js';
import { onBookingCancelled } from '../booking/lifecycle.js';
import type { DomainCtx } from '../context.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { handOverRequest } from './hand-over.js';
import { OFFER_WINDOW_JOB, requestSubject } from './request-jobs.js';
import { toHelpRequest } from './requests.js';

/** The mentors the request is with now: its matched mentor, else its live offers, else its threads. */
async function currentMentors(ctx: DomainCtx, request: HelpRequestRow): Promise<string[]> {
  if (request.status === 'matched' && request.matched_mentor_id) return [request.matched_mentor_id];
  const now = ctx.clock.now();
  const offers = await ctx.db
    .selectFrom('request_offers')
    .select('mentor_id')
    .where('tenant_id', '=', request.tenant_id)
    .where('request_id', '=', request.id)
    .where('status', '=', 'offered')
    .where('expires_at', '>', now)
    .execute();
  if (offers.length > 0) return offers.map((o) => o.mentor_id);
  const threads = await requestThreadMentorIds(ctx.db, request.tenant_id, request.id);
  return threads.filter((id) => !request.declined_mentor_ids.includes(id));
}

/** Is the mentor one the request was matched, offered or written to? */
async function isRequestMentor(ctx: DomainCtx, request: HelpRequestRow, mentorId: string): Promise<boolean> {
  if (request.matched_mentor_id === mentorId) return true;
  const row = await ctx.db
    .selectFrom('request_matches')
    .select('mentor_id')
    .where('tenant_id', '=', request.tenant_id)
    .where('request_id', '=', request.id)
    .where('mentor_id', '=', mentorId)
    .union(
      ctx.db
        .selectFrom('request_offers')
        .select('mentor_id')
        .where('tenant_id', '=', request.tenant_id)
        .where('request_id', '=', request.id)
        .where('mentor_id', '=', mentorId),
    )
    .union(
      ctx.db
        .selectFrom('threads')
        .select('mentor_id')
        .where('tenant_id', '=', request.tenant_id)
        .where('request_id', '=', request.id)
        .where('mentor_id', '=', mentorId),
    )
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * A session with a released mentor: one still ahead is cancelled (by the learner, for this
 * reason); one that took place, or is under way, ends the request's story — unless the mentor
 * did not show.
 */
function sessionBlocksRelease(booking: BookingRow, now: Date): boolean {
  if (booking.status === 'no_show') return booking.no_show_party !== 'mentor';
  return booking.status === 'completed' || booking.start_at <= now;
}

/**
 * "Request another mentor": the learner releases the mentor their request is with (or the one
 * they name); that mentor joins the declined list and is told, a session with them still ahead is
 * cancelled, and the request is open again with its next matches — an instant request is offered
 * at once to the next online mentors. Anyone but the request's learner: 404.
 */
export async function requestAnotherMentor(
  ctx: DomainCtx,
  actor: Actor,
  requestId: string,
  input: AnotherMentorInput,
): Promise<AnotherMentor> {
  const user = actor.user;
  const request = user ? await lockHelpRequest(ctx.db, actor.tenantId, requestId) : undefined;
  if (!request || request.learner_id !== user?.id) throw new NotFoundError('Help request');
  if (request.status !== 'open' && request.status !== 'matched') {
    throw new ConflictError('request_not_open', `This request is ${request.status}; start a new one.`);
  }
  let released: string[];
  if (input.mentorId) {
    if (request.declined_mentor_ids.includes(input.mentorId)) {
      throw new ConflictError('mentor_already_released', 'That mentor is already off this request.');
    }
    if (!(await isRequestMentor(ctx, request, input.mentorId))) {
      throw new ConflictError('mentor_not_matched', 'That mentor is not one of this request’s mentors.');
    }
    released = [input.mentorId];
  } else {
    released = await currentMentors(ctx, request);
    if (released.length === 0) {
      throw new ConflictError(
        'no_current_mentor',
        'No mentor is on this request yet: pick one of its matches, or name the one to pass on (`mentorId`).',
      );
    }
  }
  const now = ctx.clock.now();
  const sessions = await requestBookingsWith(ctx.db, actor.tenantId, requestId, released);
  if (sessions.some((b) => sessionBlocksRelease(b, now))) {
    throw new ConflictError(
      'session_started',
      'This request’s session with that mentor has started or taken place; record a no-show, or ask a new question.',
    );
  }
  const reason = input.reason ?? 'The learner asked for another mentor.';
  for (const booking of sessions.filter((b) => b.status === 'confirmed')) {
    const cancelled = await updateBooking(ctx.db, actor.tenantId, booking.id, {
      status: 'cancelled',
      cancel_reason: reason,
      cancelled_by: 'learner',
      cancelled_at: now,
      call_phone: null,
      sequence: booking.sequence + 1,
      updated_at: now,
    });
    await onBookingCancelled(ctx.db, cancelled, now);
  }
  let withdrew = false;
  for (const mentorId of released) {
    const closed = await closeLiveOffers(ctx.db, actor.tenantId, requestId, 'withdrawn', now, {
      onlyMentorId: mentorId,
    });
    withdrew ||= closed.length > 0;
  }
  if (withdrew && (await countLiveOffers(ctx.db, actor.tenantId, requestId)) === 0) {
    await cancelJobs(
      ctx.db,
      { tenantId: actor.tenantId, subject: requestSubject(requestId), kinds: [OFFER_WINDOW_JOB] },
      now,
    );
  }
  const handover = await handOverRequest(ctx.db, {
    request,
    released,
    reason: 'learner_asked',
    note: input.reason ?? null,
    settings: actor.settings,
    now,
    semantic: ctx.semantic ?? null,
  });
  if (!handover) throw new Error('a hand-over the learner asked for always happens');
  return {
    request: toHelpRequest(handover.request),
    releasedMentorIds: released,
    matches: handover.matches,
    ...(request.urgency === 'now' ? { offers: handover.offers } : {}),
  };
}
