import { findHelpRequest, matchOpenRequest } from '../../db/help-requests.js';
import { cancelJobs, enqueueJobUnlessPending } from '../../db/jobs.js';
import { mentorOfUser } from '../../db/mentors.js';
import {
  listProgramQueue,
  markWaitingForMatch,
  type QueueCursor,
  type QueueRow,
  queueForProgram,
} from '../../db/program-queue.js';
import { closeLiveOffers, countLiveOffers } from '../../db/request-offers.js';
import type { ProgramQueueItem, TakenRequest } from '../../schemas/program-queue.js';
import type { HelpRequest } from '../../schemas/requests.js';
import type { Actor } from '../actor.js';
import type { DomainCtx } from '../context.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import { recordEvent } from '../events/record-event.js';
import { mentorAudience } from '../events/record-mentor-events.js';
import { type Page, pageOf } from '../page.js';
import { acceptScheduled } from './answer-offer.js';
import { REQUEST_EXPIRY_JOB, requestSubject } from './request-jobs.js';
import { recordOffersWithdrawn } from './request-state.js';
import { toHelpRequest } from './requests.js';

const HOUR = 3_600_000;

/** The request, for its own learner only: anyone else (the program's key alone included) gets 404. */
async function learnersOpenRequest(ctx: DomainCtx, actor: Actor, id: string) {
  const row = await findHelpRequest(ctx.db, actor.tenantId, id);
  if (!row || !actor.user || row.learner_id !== actor.user.id) throw new NotFoundError('Help request');
  if (row.status !== 'open') {
    throw new ConflictError('request_not_open', `This request is ${row.status}.`);
  }
  if (row.urgency === 'now' && (await countLiveOffers(ctx.db, actor.tenantId, id, ctx.clock.now())) > 0) {
    throw new ConflictError('offers_pending', 'Mentors online are still being asked; wait for their answer.');
  }
  return row;
}

/**
 * "Ask the program": the learner's open request, which nobody took, joins the program queue that
 * admins and every approved mentor see; one of them can take it. Asking again changes nothing.
 * `request.queued` is recorded (webhooks) the first time.
 */
export async function askProgram(ctx: DomainCtx, actor: Actor, id: string): Promise<HelpRequest> {
  const before = await learnersOpenRequest(ctx, actor, id);
  const now = ctx.clock.now();
  const row = await queueForProgram(ctx.db, actor.tenantId, id, now);
  if (!row) throw new ConflictError('request_not_open', 'This request is no longer open.');
  if (before.queued_at === null) {
    await recordEvent(ctx.db, {
      tenantId: actor.tenantId,
      type: 'request.queued',
      data: { requestId: row.id, learnerId: row.learner_id, title: row.title, skills: row.skills },
      userIds: [row.learner_id],
      at: now,
    });
  }
  return toHelpRequest(row);
}

/**
 * "Tell me when a mentor is here": the request waits; each time a mentor may fit it (approved,
 * profile or hours changed, a session freed) matching runs again and the learner is told once
 * (`request.match_found`, email). It ends when the learner cancels or the request expires after
 * the program's `requestSlaHours`. Asking again changes nothing.
 */
export async function waitForMatch(ctx: DomainCtx, actor: Actor, id: string): Promise<HelpRequest> {
  const before = await learnersOpenRequest(ctx, actor, id);
  const now = ctx.clock.now();
  const row = await markWaitingForMatch(ctx.db, actor.tenantId, id, now);
  if (!row) throw new ConflictError('request_not_open', 'This request is no longer open.');
  if (before.waiting_since === null) {
    await enqueueJobUnlessPending(
      ctx.db,
      {
        tenantId: actor.tenantId,
        kind: REQUEST_EXPIRY_JOB,
        subject: requestSubject(id),
        payload: { requestId: id },
        runAt: new Date(now.getTime() + actor.settings.requestSlaHours * HOUR),
      },
      now,
    );
  }
  return toHelpRequest(row);
}

/**
 * Who may see the queue: the program (secret key, admin) or an approved mentor. Returns the
 * mentor (null for the program); a mentor not approved sees nothing (undefined).
 */
async function queueViewer(ctx: DomainCtx, actor: Actor) {
  if (!actor.user) return actor.privileged ? null : undefined;
  const mentor = await mentorOfUser(ctx.db, actor.tenantId, actor.user.id);
  if (mentor?.status === 'approved') return mentor;
  return actor.privileged ? null : undefined;
}

function toQueueItem(row: QueueRow): ProgramQueueItem {
  return {
    request: {
      id: row.id,
      title: row.title,
      details: row.details,
      skills: row.skills,
      format: row.format,
      urgency: row.urgency,
      languages: row.languages,
      context: row.context,
      createdAt: row.created_at.toISOString(),
    },
    learner: { name: row.learner_name },
    queuedAt: (row.unanswered_at ?? row.created_at).toISOString(),
    reason: row.queued_at ? 'learner_asked' : 'unanswered',
  };
}

/**
 * The program queue, oldest first: open requests nobody took that wait for the program (the
 * learner asked, or no mentor was left after hand-overs). For admins and approved mentors; a
 * mentor who is not approved (yet) gets an empty page.
 */
export async function listQueue(
  ctx: DomainCtx,
  actor: Actor,
  query: { limit: number; cursor?: QueueCursor | undefined },
): Promise<Page<ProgramQueueItem, QueueCursor>> {
  if ((await queueViewer(ctx, actor)) === undefined) return { data: [], next: null };
  const rows = await listProgramQueue(ctx.db, { tenantId: actor.tenantId, ...query });
  return pageOf(rows, query.limit, toQueueItem, (last) => ({
    at: (last.unanswered_at ?? last.created_at).toISOString(),
    id: last.id,
  }));
}

/**
 * An approved mentor takes a request from the queue: it is matched to them in one conditional
 * update (the same change as an accepted offer), so of two mentors taking it at once exactly one
 * wins; the other gets 409 `already_taken`. Their thread is opened, live offers withdrawn, the
 * request's jobs cancelled; the learner is told (`request.accepted` live, `request.taken` by email).
 */
export async function takeFromQueue(ctx: DomainCtx, actor: Actor, requestId: string): Promise<TakenRequest> {
  const request = await findHelpRequest(ctx.db, actor.tenantId, requestId);
  if (!request) throw new NotFoundError('Help request');
  if (!actor.user) {
    throw new ForbiddenError(
      'user_token_required',
      'Only a mentor takes a request: act for them with their user token.',
    );
  }
  const mentor = await mentorOfUser(ctx.db, actor.tenantId, actor.user.id);
  if (mentor?.status !== 'approved') {
    throw new ForbiddenError(
      'mentor_required',
      'Only an approved mentor of this program can take a request.',
    );
  }
  const inQueue = request.status === 'open' && request.unanswered_at !== null;
  if (!inQueue && request.status === 'matched') {
    throw new ConflictError('already_taken', 'Another mentor already took this request.');
  }
  if (!inQueue) {
    throw new ConflictError(
      request.status === 'open' ? 'not_queued' : 'request_not_open',
      request.status === 'open'
        ? 'This request is not in the program queue.'
        : `This request is ${request.status}.`,
    );
  }
  if (request.learner_id === actor.user.id) {
    throw new ConflictError('own_request', 'You cannot take your own request.');
  }
  if (request.declined_mentor_ids.includes(mentor.id)) {
    throw new ConflictError(
      'mentor_released',
      'This request was passed on from you; another mentor takes it.',
    );
  }
  const now = ctx.clock.now();
  const won = await matchOpenRequest(ctx.db, actor.tenantId, requestId, mentor.id, now);
  if (!won) throw new ConflictError('already_taken', 'Another mentor already took this request.');
  const withdrawn = await closeLiveOffers(ctx.db, actor.tenantId, requestId, 'withdrawn', now);
  await recordOffersWithdrawn(ctx.db, {
    tenantId: actor.tenantId,
    requestId,
    mentorIds: withdrawn.map((o) => o.mentor_id),
    reason: 'taken',
    now,
  });
  await cancelJobs(ctx.db, { tenantId: actor.tenantId, subject: requestSubject(requestId) }, now);
  const threadId = await acceptScheduled(
    ctx,
    actor.tenantId,
    won,
    mentor.id,
    mentor.name,
    now,
    'program_queue',
  );
  await recordEvent(ctx.db, {
    tenantId: actor.tenantId,
    type: 'request.taken',
    data: { requestId, mentorId: mentor.id, mentorName: mentor.name, learnerId: won.learner_id, threadId },
    userIds: [won.learner_id, ...(await mentorAudience(ctx.db, actor.tenantId, mentor.id))],
    at: now,
  });
  return { request: toHelpRequest(won), threadId };
}
