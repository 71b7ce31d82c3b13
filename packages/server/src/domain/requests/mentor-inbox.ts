import type { OfferStatus } from '../../db/database.js';
import { mentorOfUser } from '../../db/mentors.js';
import { type InboxRow, listMentorOffers } from '../../db/request-offers.js';
import type { PreviousSession } from '../../schemas/bookings.js';
import type { MentorOffer } from '../../schemas/offers.js';
import type { Actor } from '../actor.js';
import { earlierAdviceByRequest } from '../advice/earlier-advice.js';
import { previousSessionsFor } from '../booking/previous-sessions.js';
import type { DomainCtx } from '../context.js';
import { NotFoundError } from '../errors.js';
import { type Page, pageOf } from '../page.js';

type InboxCursor = { offeredAt: string; requestId: string };

/** The API's view of an offer to a mentor; an offer past its expiry reads `expired` before the job closes it. */
export function toMentorOffer(row: InboxRow, now: Date, previousSessions: PreviousSession[]): MentorOffer {
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
    previousSessions,
  };
}

/** Offers with the mentor's earlier sessions with each learner (one query for all of them). */
async function toMentorOffers(
  ctx: DomainCtx,
  tenantId: string,
  mentorId: string,
  rows: readonly InboxRow[],
): Promise<MentorOffer[]> {
  const now = ctx.clock.now();
  const previous = await previousSessionsFor(
    ctx.db,
    tenantId,
    mentorId,
    rows.map((row) => ({ learnerId: row.learner_id, before: now })),
    now,
  );
  const earlier = await earlierAdviceByRequest(
    ctx.db,
    tenantId,
    rows.map((row) => row.request_id),
    mentorId,
    now,
  );
  return rows.map((row, i) => {
    const offer = toMentorOffer(row, now, previous[i] ?? []);
    const advice = earlier.get(row.request_id);
    return advice ? { ...offer, request: { ...offer.request, ...advice } } : offer;
  });
}

/** One offer as its mentor sees it in the inbox. */
export async function mentorOfferView(
  ctx: DomainCtx,
  tenantId: string,
  mentorId: string,
  requestId: string,
): Promise<MentorOffer> {
  const [row] = await listMentorOffers(ctx.db, { tenantId, mentorId, requestId, limit: 1 });
  if (!row) throw new NotFoundError('Help request');
  const [offer] = await toMentorOffers(ctx, tenantId, mentorId, [row]);
  return offer as MentorOffer;
}

/** The calling mentor's offers, newest first; someone with no mentor profile has none. */
export async function listMyOffers(
  ctx: DomainCtx,
  actor: Actor,
  query: { status?: OfferStatus | undefined; limit: number; cursor?: InboxCursor | undefined },
): Promise<Page<MentorOffer, InboxCursor>> {
  const mentor = actor.user ? await mentorOfUser(ctx.db, actor.tenantId, actor.user.id) : undefined;
  if (!mentor) return { data: [], next: null };
  const rows = await listMentorOffers(ctx.db, {
    tenantId: actor.tenantId,
    mentorId: mentor.id,
    status: query.status,
    limit: query.limit,
    cursor: query.cursor,
  });
  const page = pageOf(
    rows,
    query.limit,
    (r) => r,
    (last) => ({ offeredAt: last.offered_at.toISOString(), requestId: last.request_id }),
  );
  return { data: await toMentorOffers(ctx, actor.tenantId, mentor.id, page.data), next: page.next };
}
