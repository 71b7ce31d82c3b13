import type { Kysely } from 'kysely';
import type { Database, HelpRequestRow } from '../../db/database.js';
import { markUnanswered, recordHandover } from '../../db/help-requests.js';
import { enqueueJob } from '../../db/jobs.js';
import { mentorNames } from '../../db/mentors.js';
import { offeredMentorIds } from '../../db/request-offers.js';
import { requestThreadMentorIds } from '../../db/threads.js';
import { findUser } from '../../db/users.js';
import type { OfferSummary } from '../../schemas/offers.js';
import type { Match } from '../../schemas/requests.js';
import { recordEvent } from '../events/record-event.js';
import type { SemanticSearch } from '../matching/semantic/semantic-search.js';
import type { TenantSettings } from '../tenants/settings.js';
import { findMatches, requestMatchInput } from './find-matches.js';
import { offerInstantHelp, offerRequest } from './offer-instant-help.js';
import { REPLY_WINDOW_JOB, requestSubject } from './request-jobs.js';
import { recordOffersWithdrawn } from './request-state.js';

const HOUR = 3_600_000;

/** `no_reply`: the mentor let the program's window pass; `learner_asked`: "request another mentor". */
export type HandoverReason = 'no_reply' | 'learner_asked';

export interface Handover {
  request: HelpRequestRow;
  /** The request's matches now, the released and already-tried mentors left out. */
  matches: Match[];
  /** Whom it was offered to now (none: see `unanswered`, or the learner picks from `matches`). */
  offers: OfferSummary[];
  /** Nobody was left to hand it to, or the cap was reached: it waits for the program. */
  unanswered: boolean;
}

/**
 * Hands a request (locked by the caller) on from the released mentors: they join its declined
 * list, and the next best mentor who was never offered it (nor written to about it) gets it — the online, free ones for an
 * instant request (`instantHelpWindowMinutes` to answer), the top match for a scheduled one
 * (`mentorReplyWindowHours`). When the learner asked, a scheduled request is not offered on: the
 * learner picks from the matches. Automatic hand-overs stop at `maxHandovers`, or when nobody fits
 * any more: the request stays open, marked unanswered, for the program. The learner is told
 * (`request.reassigned`; emailed when the mentor was silent).
 *
 * Returns undefined, changing nothing, when a silent instant request finds nobody new online (or
 * reached the cap): the caller tells the learner to book instead, as before.
 */
export async function handOverRequest(
  db: Kysely<Database>,
  input: {
    request: HelpRequestRow;
    released: readonly string[];
    reason: HandoverReason;
    settings: TenantSettings;
    now: Date;
    /** The learner's words on why (for the program; the released mentor is not shown them). */
    note?: string | null;
    /** The released mentors already heard their offer expired (no `request.withdrawn` again). */
    releasedToldAlready?: boolean;
    /** Matching by meaning, as the request's first matching had it. */
    semantic?: SemanticSearch | null;
  },
): Promise<Handover | undefined> {
  const { request, settings, now, reason } = input;
  const tenantId = request.tenant_id;
  const learner = await findUser(db, tenantId, request.learner_id);
  if (!learner) throw new Error(`request ${request.id} has no learner`);
  const tried = [
    ...new Set([
      ...request.declined_mentor_ids,
      ...input.released,
      ...(await offeredMentorIds(db, tenantId, request.id)),
      // Mentors the learner is already talking to about it are not "the next" mentor.
      ...(await requestThreadMentorIds(db, tenantId, request.id)),
    ]),
  ];
  const { matches } = await findMatches(
    db,
    {
      ...requestMatchInput(request, { tenantId, settings, learnerExternalId: learner.external_id, now }),
      excludeMentorIds: tried,
    },
    input.semantic ?? null,
  );
  // `request.handovers` counts the hand-overs before this one.
  const capped = reason === 'no_reply' && request.handovers >= settings.maxHandovers;
  let offers: OfferSummary[] = [];
  if (capped && request.urgency === 'now') return undefined;
  if (!capped && request.urgency === 'now') {
    offers = await offerInstantHelp(db, {
      row: request,
      matches,
      settings,
      learnerExternalId: learner.external_id,
      now,
      excludeMentorIds: tried,
    });
    // Nobody new online: the instant request falls back to scheduled help, which the caller offers.
    if (offers.length === 0 && reason === 'no_reply') return undefined;
  } else if (!capped && reason === 'no_reply' && matches[0]) {
    const next = matches[0].mentor;
    const expiresAt = new Date(now.getTime() + settings.mentorReplyWindowHours * HOUR);
    await offerRequest(db, request, [next], expiresAt, now);
    await enqueueJob(
      db,
      {
        tenantId,
        kind: REPLY_WINDOW_JOB,
        subject: requestSubject(request.id),
        payload: { requestId: request.id, mentorId: next.id },
        runAt: expiresAt,
      },
      now,
    );
    offers = [{ mentorId: next.id, expiresAt: expiresAt.toISOString() }];
  }
  const row = await recordHandover(db, tenantId, request.id, input.released, now);
  await recordOffersWithdrawn(db, {
    tenantId,
    requestId: request.id,
    mentorIds: input.releasedToldAlready ? [] : [...input.released],
    reason: 'released',
    now,
  });
  const unanswered = reason === 'no_reply' && offers.length === 0;
  if (unanswered) await markUnanswered(db, tenantId, row.id, now);
  const names = await mentorNames(
    db,
    tenantId,
    offers.map((o) => o.mentorId),
  );
  await recordEvent(db, {
    tenantId,
    type: 'request.reassigned',
    data: {
      requestId: row.id,
      title: row.title,
      reason,
      note: input.note ?? null,
      releasedMentorIds: [...input.released],
      offeredTo: offers.map((o) => ({ mentorId: o.mentorId, name: names.get(o.mentorId) ?? '' })),
      handovers: row.handovers,
      unanswered,
      // How long the released mentors had: a scheduled request's reply window (the reply-window job
      // releases the silent mentor), an instant request's offer window (its offers expired, nobody released).
      windowMinutes:
        reason !== 'no_reply'
          ? null
          : input.released.length > 0
            ? settings.mentorReplyWindowHours * 60
            : settings.instantHelpWindowMinutes,
      matches: matches.map((m) => ({ mentorId: m.mentor.id, name: m.mentor.name, nextSlots: m.nextSlots })),
    },
    userIds: [row.learner_id],
    at: now,
  });
  return { request: row, matches, offers, unanswered };
}
