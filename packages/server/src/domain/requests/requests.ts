import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.js';
import type { Database, HelpRequestRow, RequestStatus } from '../../db/database.js';
import {
  findHelpRequest,
  insertHelpRequestWithMatches,
  listHelpRequests,
  setRequestStatus,
} from '../../db/help-requests.js';
import type { OfferSummary } from '../../schemas/offers.js';
import type { CreateRequestInput, HelpRequest, Match } from '../../schemas/requests.js';
import type { Actor } from '../actor.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.js';
import { normalizeSkills } from '../skills/normalize.js';
import { findMatches } from './find-matches.js';
import { afterHelpRequestCreated, closeRequestOffers } from './offers.js';

interface Ctx {
  db: Kysely<Database>;
  clock: Clock;
}

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
  };
}

type MatchedFields = Pick<
  HelpRequestRow,
  | 'learner_id'
  | 'title'
  | 'details'
  | 'skills'
  | 'context'
  | 'format'
  | 'urgency'
  | 'languages'
  | 'declined_mentor_ids'
>;

function matchInput(actor: Actor, row: MatchedFields, now: Date) {
  const user = actor.user!;
  return {
    tenantId: actor.tenantId,
    settings: actor.settings,
    learner: { id: row.learner_id, externalId: user.externalId },
    query: {
      title: row.title,
      details: row.details,
      skills: row.skills,
      topic: row.context.topic,
      selection: row.context.selection,
      pageTitle: row.context.pageTitle,
    },
    format: row.format,
    urgency: row.urgency,
    languages: row.languages,
    excludeMentorIds: row.declined_mentor_ids,
    now,
  };
}

/** Stores the learner's request with its context and returns it with the ranked matches. */
export async function createHelpRequest(
  ctx: Ctx,
  actor: Actor,
  input: CreateRequestInput,
): Promise<{ request: HelpRequest; matches: Match[]; offers?: OfferSummary[] }> {
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
    matchInput(actor, { ...values, declined_mentor_ids: [] }, now),
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
  return { request, matches, ...(offers ? { offers } : {}) };
}

/** The request if the actor is its learner or the program; otherwise not found. */
export async function accessRequest(ctx: Ctx, actor: Actor, id: string): Promise<HelpRequestRow> {
  const row = await findHelpRequest(ctx.db, actor.tenantId, id);
  if (!row || (!actor.privileged && row.learner_id !== actor.user?.id))
    throw new NotFoundError('Help request');
  return row;
}

export async function recomputeMatches(ctx: Ctx, actor: Actor, id: string): Promise<Match[]> {
  const row = await accessRequest(ctx, actor, id);
  const learner = await ctx.db
    .selectFrom('users')
    .select(['id', 'external_id'])
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', row.learner_id)
    .executeTakeFirstOrThrow();
  const asLearner: Actor = { ...actor, user: { id: learner.id, externalId: learner.external_id } };
  return (await findMatches(ctx.db, matchInput(asLearner, row, ctx.clock.now()))).matches;
}

export async function cancelHelpRequest(ctx: Ctx, actor: Actor, id: string): Promise<HelpRequest> {
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

/** A booking made for a request: the request must be the learner's and still open. */
export async function markRequestMatched(
  ctx: Ctx,
  tenantId: string,
  requestId: string,
  learnerId: string,
  mentorId: string,
): Promise<void> {
  const row = await findHelpRequest(ctx.db, tenantId, requestId);
  if (!row || row.learner_id !== learnerId) throw new NotFoundError('Help request');
  if (row.status !== 'open' && row.status !== 'matched') {
    throw new ConflictError('request_not_open', `This request is ${row.status}; start a new one.`);
  }
  // `request.matched` is recorded with the booking (booking/lifecycle.ts), once.
  await setRequestStatus(ctx.db, tenantId, requestId, {
    status: 'matched',
    matched_mentor_id: mentorId,
    updated_at: ctx.clock.now(),
  });
}

export async function listRequestsFor(
  ctx: Ctx,
  actor: Actor,
  query: {
    status?: RequestStatus | undefined;
    limit: number;
    cursor?: { createdAt: string; id: string } | undefined;
  },
): Promise<{ data: HelpRequest[]; next: { createdAt: string; id: string } | null }> {
  if (!actor.privileged && !actor.user)
    throw new InvalidInputError('Listing your requests needs a user token.');
  const rows = await listHelpRequests(ctx.db, {
    tenantId: actor.tenantId,
    learnerId: actor.privileged ? undefined : actor.user?.id,
    status: query.status,
    limit: query.limit,
    cursor: query.cursor,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(toHelpRequest),
    next:
      rows.length > query.limit && last ? { createdAt: last.created_at.toISOString(), id: last.id } : null,
  };
}
