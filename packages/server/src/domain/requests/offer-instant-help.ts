import type { Kysely } from 'kysely';
import type { Database, HelpRequestRow, MentorRow } from '../../db/database.js';
import { enqueueJob } from '../../db/jobs.js';
import { busyMentorIds, insertOffers, onlineCandidates } from '../../db/request-offers.js';
import type { OfferSummary } from '../../schemas/offers.js';
import type { HelpRequest, Match } from '../../schemas/requests.js';
import { recordEvent } from '../events/record-event.js';
import { recordMentorEvents } from '../events/record-mentor-events.js';
import { analyzeQuery } from '../matching/analyze.js';
import type { TenantSettings } from '../tenants/settings.js';
import { matchQueryOf } from './find-matches.js';
import { OFFER_WINDOW_JOB, REQUEST_EXPIRY_JOB, requestSubject } from './request-jobs.js';

/** How many online mentors are considered before the best free ones get the offer. */
const ONLINE_POOL = 100;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface CreatedRequest {
  row: HelpRequestRow;
  matches: Match[];
  settings: TenantSettings;
  learnerExternalId: string;
  now: Date;
}

/**
 * Records `request.created` (tenant-level) and, for an instant request (`urgency: now`), offers
 * it to the online top matches. Returns the offers for an instant request, undefined otherwise.
 */
export async function afterHelpRequestCreated(
  db: Kysely<Database>,
  /** `request`: the request as the API shows it (webhook receivers get it whole). */
  input: CreatedRequest & { request: HelpRequest },
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
  const offers = await offerInstantHelp(db, input);
  if (offers.length > 0) {
    const job = { tenantId: row.tenant_id, subject: requestSubject(row.id), payload: { requestId: row.id } };
    await enqueueJob(
      db,
      {
        ...job,
        kind: REQUEST_EXPIRY_JOB,
        runAt: new Date(now.getTime() + input.settings.requestSlaHours * HOUR),
      },
      now,
    );
  }
  return offers;
}

/**
 * Offers an instant request to up to `instantHelpMaxOffers` mentors who are online and free
 * for the next session length: the ranked matches first, then other online mentors who fit,
 * most relevant first (`excludeMentorIds`, e.g. those offered it before, left out). Each gets a
 * `request.offered` event; the window job is queued.
 */
export async function offerInstantHelp(
  db: Kysely<Database>,
  input: CreatedRequest & { excludeMentorIds?: readonly string[] },
): Promise<OfferSummary[]> {
  const { row, settings, now } = input;
  const chosen = await freeOnlineMentors(db, input);
  if (chosen.length === 0) return [];

  const expiresAt = new Date(now.getTime() + settings.instantHelpWindowMinutes * MINUTE);
  await offerRequest(db, row, chosen, expiresAt, now);
  const job = { tenantId: row.tenant_id, subject: requestSubject(row.id), payload: { requestId: row.id } };
  await enqueueJob(db, { ...job, kind: OFFER_WINDOW_JOB, runAt: expiresAt }, now);
  return chosen.map((m) => ({ mentorId: m.id, expiresAt: expiresAt.toISOString() }));
}

/** Offers the request to these mentors until `expiresAt`; each gets a `request.offered` event. */
export async function offerRequest(
  db: Kysely<Database>,
  row: HelpRequestRow,
  mentors: readonly Pick<MentorRow, 'id'>[],
  expiresAt: Date,
  now: Date,
): Promise<void> {
  await insertOffers(
    db,
    mentors.map((m) => ({
      requestId: row.id,
      mentorId: m.id,
      tenantId: row.tenant_id,
      offeredAt: now,
      expiresAt,
    })),
  );
  await recordMentorEvents(db, {
    tenantId: row.tenant_id,
    type: 'request.offered',
    mentorIds: mentors.map((m) => m.id),
    data: (mentorId) => ({
      requestId: row.id,
      mentorId,
      title: row.title,
      urgency: row.urgency,
      expiresAt: expiresAt.toISOString(),
    }),
    at: now,
  });
}

/** The mentors to offer the request to: online, fitting, free for the shortest session, best first. */
async function freeOnlineMentors(
  db: Kysely<Database>,
  input: CreatedRequest & { excludeMentorIds?: readonly string[] },
): Promise<MentorRow[]> {
  const { row, settings, now } = input;
  const analyzed = analyzeQuery(matchQueryOf(row));
  const online = await onlineCandidates(db, {
    tenantId: row.tenant_id,
    learnerExternalId: input.learnerExternalId,
    format: row.format,
    languages: row.languages,
    skills: [...analyzed.skills.map((s) => s.slug), ...analyzed.related.map((s) => s.slug)],
    terms: analyzed.terms,
    excludeMentorIds: [...new Set([...row.declined_mentor_ids, ...(input.excludeMentorIds ?? [])])],
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
  return ordered.filter((m) => !busy.has(m.id)).slice(0, settings.instantHelpMaxOffers);
}

/**
 * Whether instant help could reach someone now: a mentor online, free for the shortest session
 * and plausibly fitting (the mentors an `urgency: now` request would be offered to). Asked only
 * when nobody fits, so the learner is offered it only when it can work.
 */
export async function instantHelpAvailable(
  db: Kysely<Database>,
  input: Omit<CreatedRequest, 'matches'>,
): Promise<boolean> {
  return (await freeOnlineMentors(db, { ...input, matches: [] })).length > 0;
}
