import type { HelpRequestRow, RequestStatus } from '../../db/database.js';
import {
  findHelpRequest,
  insertHelpRequestWithMatches,
  listHelpRequests,
  setRequestStatus,
} from '../../db/help-requests.js';
import { countLiveOffers } from '../../db/request-offers.js';
import { findUser } from '../../db/users.js';
import type { OfferSummary } from '../../schemas/offers.js';
import type { CreateRequestInput, HelpRequest, Match } from '../../schemas/requests.js';
import type { Actor } from '../actor.js';
import type { DomainCtx } from '../context.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.js';
import { type CreatedAtCursor, createdAtCursor, type Page, pageOf } from '../page.js';
import { normalizeSkills } from '../skills/normalize.js';
import { findMatches, requestMatchInput } from './find-matches.js';
import { withHandovers } from './handover-view.js';
import { afterHelpRequestCreated, instantHelpAvailable } from './offer-instant-help.js';
import { closeRequestOffers } from './request-state.js';

export function toHelpRequest(row: HelpRequestRow): HelpRequest {
  return {
    id: row.id,
    learnerId: row.learner_id,
    title: row.title,
    details: row.details,
    skills: row.skills,
    format: row.format,
    urgency: row.urgency,
    languages: row.languages,
    context: row.context,
    status: row.status,
    matchedMentorId: row.matched_mentor_id,
    createdAt: row.created_at.toISOString(),
    ...(row.queued_at ? { queuedAt: row.queued_at.toISOString() } : {}),
    ...(row.waiting_since ? { waitingSince: row.waiting_since.toISOString() } : {}),
    ...(row.match_found_at ? { matchFoundAt: row.match_found_at.toISOString() } : {}),
  };
}

/** Stores the learner's request with its context and returns it with the ranked matches. */
export async function createHelpRequest(
  ctx: DomainCtx,
  actor: Actor,
  input: CreateRequestInput,
): Promise<{
  request: HelpRequest;
  matches: Match[];
  offers?: OfferSummary[];
  instantHelpAvailable?: boolean;
}> {
  const user = actor.user;
  if (!user) throw new InvalidInputError('A help request is made by a user: send their token.');
  if (input.format && !actor.settings.formats.includes(input.format)) {
    throw new InvalidInputError(`This program offers ${actor.settings.formats.join(', ')} sessions.`, [
      { path: 'body.format', message: `must be one of ${actor.settings.formats.join(', ')}` },
    ]);
  }
  const now = ctx.clock.now();
  const context = Object.fromEntries(
    Object.entries(input.context).filter(([, v]) => v !== undefined && v !== ''),
  ) as Record<string, string>;
  const values = {
    tenant_id: actor.tenantId,
    learner_id: user.id,
    title: input.title,
    details: input.details,
    skills: normalizeSkills(input.skills),
    format: input.format ?? null,
    urgency: input.urgency,
    languages: [...new Set(input.languages)],
    context,
    status: 'open' as const,
    created_at: now,
    updated_at: now,
  };
  // Ranked before the insert so the request is written once, with its best score.
  const { matches } = await findMatches(
    ctx.db,
    requestMatchInput(
      { ...values, declined_mentor_ids: [] },
      { tenantId: actor.tenantId, settings: actor.settings, learnerExternalId: user.externalId, now },
    ),
    ctx.semantic,
  );
  const row = await insertHelpRequestWithMatches(
    ctx.db,
    { ...values, best_score: matches[0]?.score ?? null },
    matches.map((m, i) => ({ mentorId: m.mentor.id, rank: i + 1, score: m.score, reasons: m.reasons })),
  );
  const request = toHelpRequest(row);
  const offers = await afterHelpRequestCreated(ctx.db, {
    row,
    request,
    matches,
    settings: actor.settings,
    learnerExternalId: user.externalId,
    now,
  });
  // Nobody fits: say whether instant help could reach someone now (an instant request was offered already).
  const instant =
    matches.length === 0 && row.urgency !== 'now'
      ? await instantHelpAvailable(ctx.db, {
          row,
          settings: actor.settings,
          learnerExternalId: user.externalId,
          now,
        })
      : undefined;
  return {
    request,
    matches,
    ...(offers ? { offers } : {}),
    ...(instant !== undefined ? { instantHelpAvailable: instant } : {}),
  };
}

/** The request if the actor is its learner or the program; otherwise not found. */
export async function accessRequest(ctx: DomainCtx, actor: Actor, id: string): Promise<HelpRequestRow> {
  const row = await findHelpRequest(ctx.db, actor.tenantId, id);
  if (!row || (!actor.privileged && row.learner_id !== actor.user?.id))
    throw new NotFoundError('Help request');
  return row;
}

/**
 * The request as its learner or the program sees it; an instant one (`urgency: now`) also says
 * how many mentors still have a live offer of it.
 */
export async function getHelpRequest(ctx: DomainCtx, actor: Actor, id: string): Promise<HelpRequest> {
  const row = await accessRequest(ctx, actor, id);
  const [request = toHelpRequest(row)] = await withHandovers(ctx.db, actor.tenantId, [row], toHelpRequest);
  if (row.urgency !== 'now') {
    // Nobody fitted it and it is still open: could instant help reach someone now?
    if (row.status !== 'open' || row.best_score !== null || row.match_found_at !== null) return request;
    const learner = await findUser(ctx.db, actor.tenantId, row.learner_id);
    if (!learner) return request;
    const instant = await instantHelpAvailable(ctx.db, {
      row,
      settings: actor.settings,
      learnerExternalId: learner.external_id,
      now: ctx.clock.now(),
    });
    return { ...request, instantHelpAvailable: instant };
  }
  return { ...request, liveOffers: await countLiveOffers(ctx.db, row.tenant_id, row.id, ctx.clock.now()) };
}

export async function recomputeMatches(ctx: DomainCtx, actor: Actor, id: string): Promise<Match[]> {
  const row = await accessRequest(ctx, actor, id);
  const learner = await findUser(ctx.db, actor.tenantId, row.learner_id);
  if (!learner) throw new NotFoundError('Help request');
  const input = requestMatchInput(row, {
    tenantId: actor.tenantId,
    settings: actor.settings,
    learnerExternalId: learner.external_id,
    now: ctx.clock.now(),
  });
  return (await findMatches(ctx.db, input, ctx.semantic)).matches;
}

export async function cancelHelpRequest(ctx: DomainCtx, actor: Actor, id: string): Promise<HelpRequest> {
  const row = await accessRequest(ctx, actor, id);
  if (row.status !== 'open' && row.status !== 'matched') {
    throw new ConflictError('request_not_cancellable', `This request is ${row.status}.`);
  }
  const now = ctx.clock.now();
  const updated = await setRequestStatus(ctx.db, actor.tenantId, id, {
    status: 'cancelled',
    updated_at: now,
  });
  await closeRequestOffers(ctx.db, { tenantId: actor.tenantId, requestId: id, reason: 'cancelled', now });
  return toHelpRequest(updated);
}

export async function listRequestsFor(
  ctx: DomainCtx,
  actor: Actor,
  query: {
    status?: RequestStatus | undefined;
    limit: number;
    cursor?: CreatedAtCursor | undefined;
  },
): Promise<Page<HelpRequest, CreatedAtCursor>> {
  if (!actor.privileged && !actor.user)
    throw new InvalidInputError('Listing your requests needs a user token.');
  const rows = await listHelpRequests(ctx.db, {
    tenantId: actor.tenantId,
    learnerId: actor.privileged ? undefined : actor.user?.id,
    status: query.status,
    limit: query.limit,
    cursor: query.cursor,
  });
  const page = pageOf(rows, query.limit, (row) => row, createdAtCursor);
  return { data: await withHandovers(ctx.db, actor.tenantId, page.data, toHelpRequest), next: page.next };
}
