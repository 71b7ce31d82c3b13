import { randomUUID } from 'node:crypto';
import {
  blankEmails,
  type CopyTable,
  clearBookingDetails,
  clearLearnerWords,
  copiesMentioning,
  dropEmailIdentity,
  dropIdempotencyRecords,
  emailsOf,
  redactActionItems,
  redactMessagesBy,
  redactNotes,
  redactRequests,
  rewriteCopy,
  tombstoneMentors,
  tombstoneUser,
} from '../../db/erasure.js';
import { cancelJobs } from '../../db/jobs.js';
import { findMentorRow, setMentorExternalId } from '../../db/mentors.js';
import { type PersonalRows, personalRows } from '../../db/personal-data.js';
import { findUserByExternalId, upsertSeenUser } from '../../db/users.js';
import type { Erasure } from '../../schemas/privacy.js';
import type { Actor } from '../actor.js';
import { cancelBooking } from '../booking/change-booking.js';
import type { DomainCtx } from '../context.js';
import { NotFoundError } from '../errors.js';
import { cancelHelpRequest } from '../requests/requests.js';
import type { TenantSettings } from '../tenants/settings.js';
import { ERASED_NAME, ERASED_TEXT, Needles } from './scrub.js';

/** Whom to erase, in which program. */
export interface ErasureTarget {
  tenantId: string;
  settings: TenantSettings;
  userId: string;
}

/** Why their sessions ahead were cancelled, as the other party reads it. */
export const ERASURE_CANCEL_REASON = 'Cancelled: the other person’s account was erased.';

/** Copies of the person's words the program keeps for its own work, scrubbed where they are. */
const COPIES: readonly CopyTable[] = [
  'events',
  'webhook_deliveries',
  'webhook_attempts',
  'jobs',
  'email_digest_items',
  'request_matches',
];

/** Every text of theirs the program holds, and every id that names them or their things. */
function whatIsTheirs(rows: PersonalRows) {
  const { user, mentors } = rows;
  const mentorIds = new Set(mentors.map((m) => m.id));
  const mentoring = new Set(rows.bookings.filter((b) => mentorIds.has(b.mentor_id)).map((b) => b.id));
  const texts = new Needles([
    user.name,
    user.email,
    user.external_id,
    ...mentors.flatMap((m) => [
      m.name,
      m.headline,
      m.bio,
      m.external_id,
      m.contact_email,
      m.call_bridge,
      m.status_reason,
      m.paused_reason,
    ]),
    ...rows.availability.map((a) => a.meeting_url),
    ...rows.requests.flatMap((r) => [r.title, r.details, ...Object.values(r.context)]),
    ...rows.messages.map((m) => m.body),
    ...rows.notes.filter((n) => mentoring.has(n.booking_id)).map((n) => n.summary),
    ...rows.actionItems.map((i) => i.text),
    ...rows.feedback.filter((f) => f.learner_id === user.id).map((f) => f.comment),
    ...rows.reports.map((r) => r.details),
    ...rows.board.map((b) => b.label),
    ...rows.bookings.flatMap((b) =>
      b.learner_id === user.id
        ? [b.note, b.call_phone, b.cancelled_by === 'learner' ? b.cancel_reason : null]
        : [b.join_url, b.dial_in, b.cancelled_by === 'mentor' ? b.cancel_reason : null],
    ),
  ]);
  const ids = [
    user.id,
    ...mentorIds,
    ...rows.requests.map((r) => r.id),
    ...rows.bookings.map((b) => b.id),
    ...rows.threads.map((t) => t.id),
    ...rows.messages.map((m) => m.id),
  ];
  return { texts, ids, mentorIds: [...mentorIds], mentoring: [...mentoring] };
}

/**
 * Erases a person (`POST /v1/me/erase`, an admin's `POST /v1/admin/users/{userId}/erase`), in the
 * caller's one transaction. Who they were goes: the user row becomes a tombstone (a new external
 * id, so their `sub` signing in again is a new user; "Erased user"; no email, language, zone or
 * calendar feed), a mentor profile leaves the public with its texts, availability and badges.
 * What they wrote goes: request texts, their messages (the rows stay, reading "[erased]", so the
 * other party's thread still reads in order), notes they wrote, their sessions' action items,
 * feedback comments and report details they gave, their board, dismissed suggestions and decisions on questions; email to them or quoting them is
 * blanked (a pending one is never sent), and copies kept for the program's own work (events,
 * webhook payloads not yet sent and those sent, digests, jobs, replayable responses) are scrubbed
 * of their words. Their sessions ahead are cancelled through the booking domain, so the other
 * party is told. What stays: every row that counts (requests, sessions, ratings: analytics are
 * unchanged) and the other party's own words (their messages, notes, labels, reports).
 * Erasing someone already erased changes nothing.
 */
export async function eraseUser(ctx: DomainCtx, target: ErasureTarget): Promise<Erasure> {
  const { tenantId, userId } = target;
  const rows = await personalRows(ctx.db, tenantId, userId);
  if (!rows) throw new NotFoundError('User');
  if (rows.user.erased_at) {
    return { userId, erasedAt: rows.user.erased_at.toISOString(), counts: {} };
  }
  const now = ctx.clock.now();
  const { texts, ids, mentorIds, mentoring } = whatIsTheirs(rows);
  const counts: Record<string, number> = {};

  // Names first: what the cancellations below record and send already says "Erased user".
  await tombstoneUser(ctx.db, tenantId, userId, {
    externalId: `erased:${randomUUID()}`,
    name: ERASED_NAME,
    now,
  });
  counts.mentorProfiles = await tombstoneMentors(ctx.db, tenantId, mentorIds, { name: ERASED_NAME, now });

  const program: Actor = { tenantId, settings: target.settings, privileged: true, user: null };
  counts.bookingsCancelled = 0;
  for (const booking of rows.bookings) {
    if (booking.status !== 'confirmed' || booking.start_at <= now) continue;
    await cancelBooking(ctx, program, booking.id, ERASURE_CANCEL_REASON);
    counts.bookingsCancelled += 1;
  }
  counts.requestsCancelled = 0;
  for (const request of rows.requests) {
    if (request.status !== 'open') continue;
    await cancelHelpRequest(ctx, program, request.id);
    counts.requestsCancelled += 1;
  }

  counts.requests = await redactRequests(
    ctx.db,
    tenantId,
    rows.requests.map((r) => r.id),
    ERASED_TEXT,
    now,
  );
  counts.messages = await redactMessagesBy(ctx.db, tenantId, userId, ERASED_TEXT, now);
  counts.notes = await redactNotes(ctx.db, tenantId, mentoring, ERASED_TEXT, now);
  counts.actionItems = await redactActionItems(
    ctx.db,
    tenantId,
    rows.bookings.map((b) => b.id),
    ERASED_TEXT,
  );
  Object.assign(counts, await clearLearnerWords(ctx.db, tenantId, userId));
  counts.bookings = await clearBookingDetails(ctx.db, tenantId, { learnerId: userId, mentorIds });
  Object.assign(counts, await dropEmailIdentity(ctx.db, tenantId, { userId, mentorIds }, now));

  const searchable = texts.searchable();
  const emails = await emailsOf(ctx.db, tenantId, {
    userId,
    mentorIds,
    addresses: [rows.user.email, ...rows.mentors.map((m) => m.contact_email)].filter((a): a is string => !!a),
    ids,
    texts: searchable,
  });
  for (const email of emails) {
    if (email.status === 'pending') await cancelJobs(ctx.db, { tenantId, subject: `email:${email.id}` }, now);
  }
  counts.emails = await blankEmails(ctx.db, tenantId, emails, now);

  for (const table of COPIES) {
    let changed = 0;
    for (const copy of await copiesMentioning(ctx.db, table, tenantId, [...searchable])) {
      const scrubbed = scrubCopy(copy.text, texts);
      if (scrubbed === null) continue;
      await rewriteCopy(ctx.db, table, tenantId, copy.key, scrubbed);
      changed += 1;
    }
    counts[table] = changed;
  }
  counts.idempotencyRecords = await dropIdempotencyRecords(ctx.db, tenantId, [...ids, ...searchable]);
  return { userId, erasedAt: now.toISOString(), counts };
}

/**
 * Erases the person behind a mentor profile (`POST /v1/admin/mentors/{id}/erase`), deleted
 * profiles included, for the profiles the program made for someone who never signed in: they
 * have no user, so the one erasure path above is given one to erase (the user their external id
 * would have become; a profile without an external id first gets one of its own). A profile whose
 * person did sign in erases that user, as `POST /v1/admin/users/{userId}/erase` does.
 */
export async function eraseMentorProfile(
  ctx: DomainCtx,
  target: Omit<ErasureTarget, 'userId'> & { mentorId: string },
): Promise<Erasure> {
  const { tenantId, mentorId } = target;
  const mentor = await findMentorRow(ctx.db, tenantId, mentorId);
  if (!mentor) throw new NotFoundError('Mentor');
  let externalId = mentor.external_id;
  if (externalId === null) {
    externalId = `profile:${mentor.id}`;
    await setMentorExternalId(ctx.db, tenantId, mentor.id, externalId);
  }
  const user =
    (await findUserByExternalId(ctx.db, tenantId, externalId)) ??
    (await upsertSeenUser(
      ctx.db,
      {
        tenantId,
        externalId,
        name: mentor.name,
        email: null,
        roles: ['mentor'],
        isGuest: false,
        locale: null,
        timeZone: null,
      },
      ctx.clock.now(),
      null,
    ));
  return eraseUser(ctx, { tenantId, settings: target.settings, userId: user.id });
}

/** A stored copy with the person's words out (JSON string by string), or null when none were in it. */
function scrubCopy(text: string, texts: Needles): string | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const scrubbed = texts.text(text);
    return scrubbed === text ? null : scrubbed;
  }
  const scrubbed = JSON.stringify(texts.json(value));
  return scrubbed === JSON.stringify(value) ? null : scrubbed;
}
