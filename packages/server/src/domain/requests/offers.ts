import { type Kysely, sql } from 'kysely';
import type { Clock } from '../../clock.js';
import type { Database, HelpRequestRow, JobRow, MentorRow, OfferStatus } from '../../db/database.js';
import { findHelpRequest } from '../../db/help-requests.js';
import {
  busyMentorIds,
  closeLiveOffers,
  countLiveOffers,
  findOffer,
  type InboxRow,
  insertOffers,
  listMentorOffers,
  mentorOfUser,
  mentorUserIds,
  onlineCandidates,
} from '../../db/request-offers.js';
import { cancelJobs, enqueueJob } from '../../jobs/queue.js';
import type { JobHandler } from '../../jobs/worker.js';
import type { AcceptedOffer, MentorOffer, OfferSummary } from '../../schemas/offers.js';
import type { HelpRequest, Match } from '../../schemas/requests.js';
import type { Actor } from '../actor.js';
import { toBooking } from '../booking/booking-view.js';
import { createInstantSession } from '../booking/bookings.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import { recordEvent } from '../events/record-event.js';
import { analyzeQuery } from '../matching/analyze.js';
import { UNRESPONSIVE } from '../mentors/presence.js';
import { refreshMedianResponse } from '../mentors/response-time.js';
import { readSettings, type TenantSettings } from '../tenants/settings.js';
import { findMatches } from './find-matches.js';

interface Ctx {
  db: Kysely<Database>;
  clock: Clock;
}

/** Offers in a row a mentor may let expire before the system pauses them from matching. */
export const UNRESPONSIVE_STREAK = 3;
/** Job kinds of this module. */
export const OFFER_WINDOW_JOB = 'offers.expire-window';
export const REQUEST_EXPIRY_JOB = 'requests.expire';
/** How many online mentors are considered before the best free ones get the offer. */
const ONLINE_POOL = 100;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const requestSubject = (requestId: string): string => `request:${requestId}`;

/** A match the learner can book instead, as events carry it. */
export interface NextMatch {
  mentorId: string;
  name: string;
  nextSlots: { start: string; end: string }[];
}

function toNextMatches(matches: Match[]): NextMatch[] {
  return matches.map((m) => ({ mentorId: m.mentor.id, name: m.mentor.name, nextSlots: m.nextSlots }));
}

/**
 * Records `request.created` (tenant-level) and, for an instant request (`urgency: now`), offers
 * it to the online top matches. Returns the offers for an instant request, undefined otherwise.
 */
export async function afterHelpRequestCreated(
  db: Kysely<Database>,
  input: {
    row: HelpRequestRow;
    /** The request as the API shows it (webhook receivers get it whole). */
    request: HelpRequest;
    matches: Match[];
    settings: TenantSettings;
    learnerExternalId: string;
    now: Date;
  },
): Promise<OfferSummary[] | undefined> {
  const { row, now } = input;
  await recordEvent(db, {
    tenantId: row.tenant_id,
    type: 'request.created',
    data: {
      requestId: row.id,
      learnerId: row.learner_id,
      urgency: row.urgency,
      matches: input.matches.length,
      request: input.request,
    },
    at: now,
  });
  if (row.urgency !== 'now') return undefined;
  return offerInstantHelp(db, input);
}

/**
 * Offers an instant request to up to `instantHelpMaxOffers` mentors who are online and free
 * for the next session length: the ranked matches first, then other online mentors who fit,
 * most relevant first. Each gets a `request.offered` event; the window and SLA jobs are queued.
 */
export async function offerInstantHelp(
  db: Kysely<Database>,
  input: {
    row: HelpRequestRow;
    matches: Match[];
    settings: TenantSettings;
    learnerExternalId: string;
    now: Date;
  },
): Promise<OfferSummary[]> {
  const { row, settings, now } = input;
  const analyzed = analyzeQuery({
    title: row.title,
    details: row.details,
    skills: row.skills,
    topic: row.context.topic,
    selection: row.context.selection,
    pageTitle: row.context.pageTitle,
  });
  const online = await onlineCandidates(db, {
    tenantId: row.tenant_id,
    learnerExternalId: input.learnerExternalId,
    format: row.format,
    languages: row.languages,
    skills: [...analyzed.skills.map((s) => s.slug), ...analyzed.related.map((s) => s.slug)],
    terms: analyzed.terms,
    excludeMentorIds: row.declined_mentor_ids,
    now,
    limit: ONLINE_POOL,
  });
  const onlineById = new Map(online.map((m) => [m.id, m]));
  const ordered: MentorRow[] = [];
  for (const match of input.matches) {
    const mentor = onlineById.get(match.mentor.id);
    if (mentor) ordered.push(mentor);
  }
  for (const mentor of online) if (!ordered.includes(mentor)) ordered.push(mentor);

  const sessionMs = Math.min(...settings.sessionLengths) * MINUTE;
  const busy = await busyMentorIds(
    db,
    row.tenant_id,
    ordered.map((m) => m.id),
    now,
    new Date(now.getTime() + sessionMs),
  );
  const chosen = ordered.filter((m) => !busy.has(m.id)).slice(0, settings.instantHelpMaxOffers);
  if (chosen.length === 0) return [];

  const expiresAt = new Date(now.getTime() + settings.instantHelpWindowMinutes * MINUTE);
  await insertOffers(
    db,
    chosen.map((m) => ({
      requestId: row.id,
      mentorId: m.id,
      tenantId: row.tenant_id,
      offeredAt: now,
      expiresAt,
    })),
  );
  const users = await mentorUserIds(
    db,
    row.tenant_id,
    chosen.map((m) => m.id),
  );
  for (const mentor of chosen) {
    const userId = users.get(mentor.id);
    await recordEvent(db, {
      tenantId: row.tenant_id,
      type: 'request.offered',
      data: {
        requestId: row.id,
        mentorId: mentor.id,
        title: row.title,
        urgency: row.urgency,
        expiresAt: expiresAt.toISOString(),
      },
      userIds: userId ? [userId] : [],
      at: now,
    });
  }
  const subject = requestSubject(row.id);
  await enqueueJob(
    db,
    {
      tenantId: row.tenant_id,
      kind: OFFER_WINDOW_JOB,
      subject,
      payload: { requestId: row.id },
      runAt: expiresAt,
    },
    now,
  );
  await enqueueJob(
    db,
    {
      tenantId: row.tenant_id,
      kind: REQUEST_EXPIRY_JOB,
      subject,
      payload: { requestId: row.id },
      runAt: new Date(now.getTime() + settings.requestSlaHours * HOUR),
    },
    now,
  );
  return chosen.map((m) => ({ mentorId: m.id, expiresAt: expiresAt.toISOString() }));
}

/** The booking an accepted instant offer made (the first of the request with that mentor). */
async function instantBookingOf(db: Kysely<Database>, tenantId: string, requestId: string, mentorId: string) {
  return db
    .selectFrom('bookings')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('request_id', '=', requestId)
    .where('mentor_id', '=', mentorId)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
}

/** Locks the request row: accept, decline and the expiry jobs decide one at a time. */
async function lockRequest(db: Kysely<Database>, tenantId: string, id: string): Promise<void> {
  await db
    .selectFrom('help_requests')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .forUpdate()
    .execute();
}

/**
 * The caller's mentor profile and their offer for the request. Anyone the request was not
 * offered to (the learner, other mentors, another tenant) gets 404, as for a missing request.
 */
async function myOffer(ctx: Ctx, actor: Actor, requestId: string) {
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

/** Answering an offer resets the mentor's unanswered streak, lifts a pause for it, and updates their median response time. */
async function markAnswered(db: Kysely<Database>, mentor: MentorRow, now: Date): Promise<void> {
  const reinstate = mentor.status === 'paused' && mentor.paused_reason === UNRESPONSIVE;
  await db
    .updateTable('mentors')
    .set({
      unanswered_offers: 0,
      ...(reinstate ? { status: 'approved' as const, paused_reason: null, updated_at: now } : {}),
    })
    .where('tenant_id', '=', mentor.tenant_id)
    .where('id', '=', mentor.id)
    .execute();
  await refreshMedianResponse(db, mentor.tenant_id, mentor.id);
}

async function offerView(
  ctx: Ctx,
  tenantId: string,
  mentorId: string,
  requestId: string,
): Promise<MentorOffer> {
  const [row] = await listMentorOffers(ctx.db, { tenantId, mentorId, requestId, limit: 1 });
  if (!row) throw new NotFoundError('Help request');
  return toMentorOffer(row, ctx.clock.now());
}

export function toMentorOffer(row: InboxRow, now: Date): MentorOffer {
  const lapsed = row.status === 'offered' && row.expires_at <= now;
  return {
    requestId: row.request_id,
    status: lapsed ? 'expired' : row.status,
    offeredAt: row.offered_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
    respondedAt: row.responded_at?.toISOString() ?? null,
    request: {
      id: row.request_id,
      title: row.title,
      details: row.details,
      skills: row.skills,
      format: row.format as MentorOffer['request']['format'],
      urgency: row.urgency as MentorOffer['request']['urgency'],
      languages: row.languages,
      context: row.context,
      status: row.request_status as MentorOffer['request']['status'],
      createdAt: row.request_created_at.toISOString(),
    },
    learner: { name: row.learner_name },
  };
}

/**
 * A mentor accepts an offered request. The first wins in one conditional update of the request
 * (`status = 'open'` → `matched`); everyone after gets 409 `already_taken`. The winner's
 * acceptance is told to the learner and the mentor, the other offers are withdrawn.
 */
export async function acceptOffer(ctx: Ctx, actor: Actor, requestId: string): Promise<AcceptedOffer> {
  const { request, mentor, offer } = await myOffer(ctx, actor, requestId);
  const now = ctx.clock.now();
  if (offer.status === 'accepted') {
    // Answered before (a retry): the same offer and the session it made.
    const view = await offerView(ctx, actor.tenantId, mentor.id, requestId);
    const row = await instantBookingOf(ctx.db, actor.tenantId, requestId, mentor.id);
    return { ...view, booking: row ? toBooking(row, mentor.name) : null };
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
  const won = await ctx.db
    .updateTable('help_requests')
    .set({ status: 'matched', matched_mentor_id: mentor.id, updated_at: now })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', requestId)
    .where('status', '=', 'open')
    .returningAll()
    .executeTakeFirst();
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
  await markAnswered(ctx.db, mentor, now);
  // The session itself, in this transaction: a rolled-back accept leaves no booking behind.
  const booking = await createInstantSession(ctx, {
    tenantId: actor.tenantId,
    settings: actor.settings,
    mentor,
    learnerId: won.learner_id,
    requestId,
    format: won.format,
  });

  const users = await mentorUserIds(ctx.db, actor.tenantId, [mentor.id, ...others.map((o) => o.mentor_id)]);
  const mentorUser = users.get(mentor.id);
  const session = { bookingId: booking.id, threadId: booking.threadId, start: booking.start };
  await recordEvent(ctx.db, {
    tenantId: actor.tenantId,
    type: 'request.accepted',
    data: { requestId, mentorId: mentor.id, mentorName: mentor.name, ...session },
    userIds: [won.learner_id, ...(mentorUser ? [mentorUser] : [])],
    at: now,
  });
  await recordEvent(ctx.db, {
    tenantId: actor.tenantId,
    type: 'request.matched',
    data: { requestId, mentorId: mentor.id, learnerId: won.learner_id, bookingId: booking.id, via: 'offer' },
    at: now,
  });
  await withdrawnEvents(ctx.db, actor.tenantId, requestId, others, users, 'taken', now);
  return { ...(await offerView(ctx, actor.tenantId, mentor.id, requestId)), booking };
}

async function withdrawnEvents(
  db: Kysely<Database>,
  tenantId: string,
  requestId: string,
  offers: { mentor_id: string }[],
  users: Map<string, string>,
  reason: 'taken' | 'expired' | 'cancelled' | 'booked',
  now: Date,
): Promise<void> {
  for (const offer of offers) {
    const userId = users.get(offer.mentor_id);
    await recordEvent(db, {
      tenantId,
      type: 'request.withdrawn',
      data: { requestId, mentorId: offer.mentor_id, reason },
      userIds: userId ? [userId] : [],
      at: now,
    });
  }
}

/**
 * A mentor declines an offered request: they are left out of its matches from now on. When
 * that was the last live offer of an open request, the learner is told, with scheduled slots.
 */
export async function declineOffer(ctx: Ctx, actor: Actor, requestId: string): Promise<MentorOffer> {
  const found = await myOffer(ctx, actor, requestId);
  const { mentor } = found;
  const now = ctx.clock.now();
  await lockRequest(ctx.db, actor.tenantId, requestId);
  const request = (await findHelpRequest(ctx.db, actor.tenantId, requestId)) ?? found.request;
  const offer = (await findOffer(ctx.db, actor.tenantId, requestId, mentor.id)) ?? found.offer;
  if (offer.status !== 'offered' || offer.expires_at <= now) {
    throw notOpen(offer.status, request, offer.expires_at <= now);
  }
  await closeLiveOffers(ctx.db, actor.tenantId, requestId, 'declined', now, { onlyMentorId: mentor.id });
  await ctx.db
    .updateTable('help_requests')
    .set({ declined_mentor_ids: sql`array_append(declined_mentor_ids, ${mentor.id}::uuid)`, updated_at: now })
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', requestId)
    .where(sql<boolean>`not (${mentor.id}::uuid = any(declined_mentor_ids))`)
    .execute();
  await markAnswered(ctx.db, mentor, now);
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
      data: { requestId, reason: 'declined', matches: await nextMatches(ctx.db, latest, now) },
      userIds: [request.learner_id],
      at: now,
    });
  }
  return offerView(ctx, actor.tenantId, mentor.id, requestId);
}

export async function listMyOffers(
  ctx: Ctx,
  actor: Actor,
  query: {
    status?: OfferStatus | undefined;
    limit: number;
    cursor?: { offeredAt: string; requestId: string } | undefined;
  },
): Promise<{ data: MentorOffer[]; next: { offeredAt: string; requestId: string } | null }> {
  const mentor = actor.user ? await mentorOfUser(ctx.db, actor.tenantId, actor.user.id) : undefined;
  if (!mentor) return { data: [], next: null };
  const rows = await listMentorOffers(ctx.db, {
    tenantId: actor.tenantId,
    mentorId: mentor.id,
    status: query.status,
    limit: query.limit,
    cursor: query.cursor,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const now = ctx.clock.now();
  return {
    data: page.map((r) => toMentorOffer(r, now)),
    next:
      rows.length > query.limit && last
        ? { offeredAt: last.offered_at.toISOString(), requestId: last.request_id }
        : null,
  };
}

/**
 * The request stopped needing an answer (cancelled by the learner, or matched by a booking):
 * its jobs are cancelled and the mentors it was still offered to are told.
 */
export async function closeRequestOffers(
  db: Kysely<Database>,
  input: { tenantId: string; requestId: string; reason: 'cancelled' | 'booked'; now: Date },
): Promise<void> {
  await cancelJobs(db, { tenantId: input.tenantId, subject: requestSubject(input.requestId) }, input.now);
  const closed = await closeLiveOffers(db, input.tenantId, input.requestId, 'withdrawn', input.now);
  if (closed.length === 0) return;
  const users = await mentorUserIds(
    db,
    input.tenantId,
    closed.map((o) => o.mentor_id),
  );
  await withdrawnEvents(db, input.tenantId, input.requestId, closed, users, input.reason, input.now);
}

/** The request's best matches now, with their next free slots, for the learner to book instead. */
export async function nextMatches(
  db: Kysely<Database>,
  request: HelpRequestRow,
  now: Date,
): Promise<NextMatch[]> {
  const tenant = await db
    .selectFrom('tenants')
    .select('settings')
    .where('id', '=', request.tenant_id)
    .executeTakeFirstOrThrow();
  const learner = await db
    .selectFrom('users')
    .select('external_id')
    .where('tenant_id', '=', request.tenant_id)
    .where('id', '=', request.learner_id)
    .executeTakeFirstOrThrow();
  const { matches } = await findMatches(db, {
    tenantId: request.tenant_id,
    settings: readSettings(tenant.settings),
    learner: { id: request.learner_id, externalId: learner.external_id },
    query: {
      title: request.title,
      details: request.details,
      skills: request.skills,
      topic: request.context.topic,
      selection: request.context.selection,
      pageTitle: request.context.pageTitle,
    },
    format: request.format,
    // Nobody took it now: rank for the soonest scheduled help instead.
    urgency: request.urgency === 'now' ? 'today' : request.urgency,
    languages: request.languages,
    excludeMentorIds: request.declined_mentor_ids,
    now,
  });
  return toNextMatches(matches);
}

/**
 * Counts an offer the mentor let expire; the UNRESPONSIVE_STREAK-th in a row pauses them from
 * matching (`paused`, reason `unresponsive`) until they turn "available now" on or answer.
 */
async function countUnanswered(db: Kysely<Database>, tenantId: string, mentorIds: string[], now: Date) {
  if (mentorIds.length === 0) return;
  const rows = await db
    .updateTable('mentors')
    .set({ unanswered_offers: sql`unanswered_offers + 1` })
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', mentorIds)
    .returning(['id', 'status', 'unanswered_offers'])
    .execute();
  const due = rows.filter((r) => r.status === 'approved' && r.unanswered_offers >= UNRESPONSIVE_STREAK);
  if (due.length === 0) return;
  const paused = await db
    .updateTable('mentors')
    .set({ status: 'paused', paused_reason: UNRESPONSIVE, online_until: null, updated_at: now })
    .where('tenant_id', '=', tenantId)
    .where(
      'id',
      'in',
      due.map((r) => r.id),
    )
    .where('status', '=', 'approved')
    .returning(['id', 'unanswered_offers'])
    .execute();
  const users = await mentorUserIds(
    db,
    tenantId,
    paused.map((p) => p.id),
  );
  for (const mentor of paused) {
    const userId = users.get(mentor.id);
    await recordEvent(db, {
      tenantId,
      type: 'mentor.paused',
      data: { mentorId: mentor.id, reason: UNRESPONSIVE, unansweredInARow: mentor.unanswered_offers },
      userIds: userId ? [userId] : [],
      at: now,
    });
  }
}

function requestIdOf(job: JobRow): string {
  const id = job.payload.requestId;
  if (typeof id !== 'string' || !job.tenant_id) throw new Error(`job ${job.id} has no requestId`);
  return id;
}

/**
 * `offers.expire-window`: nobody accepted the instant request in time. Its live offers expire
 * (counted against those mentors), they are told, and the learner gets scheduled slots instead.
 */
export const offerWindowJob: JobHandler = {
  async run(job, { db, clock }) {
    const requestId = requestIdOf(job);
    const tenantId = job.tenant_id!;
    await db.transaction().execute(async (trx) => {
      const now = clock.now();
      await lockRequest(trx, tenantId, requestId);
      const request = await findHelpRequest(trx, tenantId, requestId);
      if (request?.status !== 'open') return;
      const expired = await closeLiveOffers(trx, tenantId, requestId, 'expired', now);
      if (expired.length === 0) return;
      const mentorIds = expired.map((o) => o.mentor_id);
      const users = await mentorUserIds(trx, tenantId, mentorIds);
      await withdrawnEvents(trx, tenantId, requestId, expired, users, 'expired', now);
      await countUnanswered(trx, tenantId, mentorIds, now);
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

/**
 * `requests.expire`: a request that needed an answer got none within the tenant's SLA. It
 * becomes `expired`; the learner is told and shown the next matches.
 */
export const requestExpiryJob: JobHandler = {
  async run(job, { db, clock }) {
    const requestId = requestIdOf(job);
    const tenantId = job.tenant_id!;
    await db.transaction().execute(async (trx) => {
      const now = clock.now();
      await lockRequest(trx, tenantId, requestId);
      const request = await findHelpRequest(trx, tenantId, requestId);
      if (request?.status !== 'open') return;
      const updated = await trx
        .updateTable('help_requests')
        .set({ status: 'expired', updated_at: now })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', requestId)
        .returningAll()
        .executeTakeFirstOrThrow();
      const expired = await closeLiveOffers(trx, tenantId, requestId, 'expired', now);
      await cancelJobs(trx, { tenantId, subject: requestSubject(requestId), kinds: [OFFER_WINDOW_JOB] }, now);
      if (expired.length > 0) {
        const mentorIds = expired.map((o) => o.mentor_id);
        const users = await mentorUserIds(trx, tenantId, mentorIds);
        await withdrawnEvents(trx, tenantId, requestId, expired, users, 'expired', now);
        await countUnanswered(trx, tenantId, mentorIds, now);
      }
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
