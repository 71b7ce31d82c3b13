import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.js';
import { findAvailability } from '../../db/availability.js';
import {
  findBooking,
  insertBooking,
  learnerLiveBookings,
  listBookings,
  lockMentor,
  mentorLiveBookings,
  type Range,
  rangeLiteral,
  updateBooking,
} from '../../db/bookings.js';
import type { BookingRow, Database, MentorRow, SessionFormat } from '../../db/database.js';
import { findMentor, findMentorByExternalId } from '../../db/mentors.js';
import type { Booking, CreateBookingInput, ListBookingsQuery } from '../../schemas/bookings.js';
import type { Actor } from '../actor.js';
import { policyFrom } from '../availability/mentor-availability.js';
import type { AvailabilityPolicy } from '../availability/policy.js';
import { isSlotOffered } from '../availability/slots.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.js';
import { markRequestMatched } from '../requests/requests.js';
import { attachBookingThread, chatThreadIdFor } from '../threads/threads.js';
import { toBooking, toBookings } from './booking-view.js';
import { joinDetails } from './join-details.js';
import { onBookingCancelled, onBookingCreated, onBookingRescheduled } from './lifecycle.js';

interface Ctx {
  db: Kysely<Database>;
  clock: Clock;
}

export type BookingRole = 'learner' | 'mentor' | 'program';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

function overlaps(a: Range, b: Range): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Busy ranges around a start wide enough for buffers and the weekly cap. */
function busyWindow(start: Date, end: Date): Range {
  return { start: new Date(start.getTime() - 8 * DAY), end: new Date(end.getTime() + 8 * DAY) };
}

async function bookableMentor(ctx: Ctx, actor: Actor, mentorId: string): Promise<MentorRow> {
  const mentor = await findMentor(ctx.db, actor.tenantId, mentorId);
  if (mentor?.status !== 'approved') throw new NotFoundError('Mentor');
  return mentor;
}

interface SlotCheck {
  mentor: MentorRow;
  policy: AvailabilityPolicy;
  learnerId: string;
  start: Date;
  durationMinutes: number;
  exceptBookingId?: string;
}

/**
 * Decides, under the mentor's row lock, whether the range is one availability offers and is
 * free. The exclusion constraints are the final word; this gives the precise reason first.
 */
async function assertSlotFree(ctx: Ctx, actor: Actor, check: SlotCheck): Promise<Date> {
  const { mentor, policy, start, durationMinutes } = check;
  if (!policy.sessionLengths.includes(durationMinutes)) {
    throw new ConflictError(
      'slot_unavailable',
      `${mentor.name} offers ${policy.sessionLengths.join(' or ')}-minute sessions, not ${durationMinutes}.`,
    );
  }
  const end = new Date(start.getTime() + durationMinutes * MINUTE);
  const window = busyWindow(start, end);
  const learnerBusy = await learnerLiveBookings(
    ctx.db,
    actor.tenantId,
    check.learnerId,
    window,
    check.exceptBookingId,
  );
  if (learnerBusy.some((b) => overlaps(b, { start, end }))) {
    throw new ConflictError('slot_unavailable', 'The learner already has a session at that time.');
  }
  const mentorBusy = await mentorLiveBookings(
    ctx.db,
    actor.tenantId,
    mentor.id,
    window,
    check.exceptBookingId,
  );
  const offered = isSlotOffered(
    { policy, durationMinutes, now: ctx.clock.now(), mentorBusy, learnerBusy },
    start,
  );
  if (!offered) {
    throw new ConflictError(
      'slot_unavailable',
      `That time is not available with ${mentor.name}; pick one of the offered slots.`,
    );
  }
  return end;
}

function blockedRange(policy: AvailabilityPolicy, start: Date, end: Date): string {
  return rangeLiteral(
    new Date(start.getTime() - policy.bufferBeforeMinutes * MINUTE),
    new Date(end.getTime() + policy.bufferAfterMinutes * MINUTE),
  );
}

interface NewSession {
  tenantId: string;
  settings: Actor['settings'];
  mentor: MentorRow;
  learnerId: string;
  requestId: string | null;
  start: Date;
  end: Date;
  policy: AvailabilityPolicy;
  meetingUrl: string | null;
  format: SessionFormat;
  note: string | null;
  /** Give a video/call session a thread too (the chat beside the call); chat sessions always get one. */
  withThread?: boolean;
  /** The request was already matched (and `request.matched` recorded) by whoever called. */
  requestAlreadyMatched?: boolean;
}

/**
 * The one place a booking row is written: join link or thread, the row (the exclusion
 * constraints are the final word), its jobs and events (`onBookingCreated`), the thread's link.
 */
async function insertSession(ctx: Ctx, s: NewSession): Promise<BookingRow> {
  const now = ctx.clock.now();
  const join = joinDetails(s.format, s.settings.meetingLinkTemplate, s.meetingUrl);
  const proposedThread = join.threadId ?? (s.withThread ? randomUUID() : null);
  const threadId =
    proposedThread && (await chatThreadIdFor(ctx.db, s.tenantId, s.requestId, s.mentor.id, proposedThread));
  const row = await insertBooking(ctx.db, {
    tenant_id: s.tenantId,
    mentor_id: s.mentor.id,
    learner_id: s.learnerId,
    request_id: s.requestId,
    start_at: s.start,
    end_at: s.end,
    blocked_range: blockedRange(s.policy, s.start, s.end),
    format: s.format,
    status: 'confirmed',
    join_url: join.joinUrl,
    thread_id: threadId,
    note: s.note,
    created_at: now,
    updated_at: now,
  });
  await onBookingCreated(ctx.db, row, now, { requestAlreadyMatched: s.requestAlreadyMatched ?? false });
  if (threadId) {
    await attachBookingThread(ctx.db, {
      tenantId: s.tenantId,
      threadId,
      bookingId: row.id,
      requestId: row.request_id,
      learnerId: s.learnerId,
      mentorId: s.mentor.id,
      now,
    });
  }
  return row;
}

/** Formats in the order an instant session prefers them when the request named none. */
const INSTANT_FORMATS: SessionFormat[] = ['chat', 'video', 'call'];

/**
 * The session of an accepted instant request (`urgency: now`), in the accept's transaction:
 * with the winning mentor, starting at the next whole minute at which neither the mentor
 * (buffers included) nor the learner is busy, for the shortest session length both the program
 * and the mentor offer, in the request's format (or chat, video, call — the first the mentor and
 * program offer). The mentor said they are available now, so weekly rules do not apply; the
 * exclusion constraints still do. Every instant session has a thread (chat, or chat beside the call).
 */
export async function createInstantSession(
  ctx: Ctx,
  input: {
    tenantId: string;
    settings: Actor['settings'];
    mentor: MentorRow;
    learnerId: string;
    requestId: string;
    format: SessionFormat | null;
  },
): Promise<Booking> {
  const { mentor, settings } = input;
  const allowed = (f: SessionFormat) => mentor.formats.includes(f) && settings.formats.includes(f);
  const format =
    input.format && allowed(input.format)
      ? input.format
      : (INSTANT_FORMATS.find(allowed) ?? mentor.formats[0]);
  if (!format) throw new ConflictError('slot_unavailable', `${mentor.name} offers no session format.`);
  await lockMentor(ctx.db, input.tenantId, mentor.id);
  const availability = await findAvailability(ctx.db, input.tenantId, mentor.id);
  const policy = policyFrom(mentor, availability, settings);
  const lengths = settings.sessionLengths.filter((l) => policy.sessionLengths.includes(l));
  const minutes = Math.min(...(lengths.length > 0 ? lengths : policy.sessionLengths));
  const now = ctx.clock.now();
  const window = busyWindow(now, now);
  const mentorBusy = await mentorLiveBookings(ctx.db, input.tenantId, mentor.id, window);
  const learnerBusy = await learnerLiveBookings(ctx.db, input.tenantId, input.learnerId, window);
  const before = policy.bufferBeforeMinutes * MINUTE;
  const after = policy.bufferAfterMinutes * MINUTE;
  let start = new Date(Math.ceil(now.getTime() / MINUTE) * MINUTE);
  for (;;) {
    const end = new Date(start.getTime() + minutes * MINUTE);
    const blocked = { start: new Date(start.getTime() - before), end: new Date(end.getTime() + after) };
    // Another booking's own buffers count too: compare buffered ranges on the mentor's side.
    const clash = [
      ...mentorBusy
        .map((b) => ({ start: new Date(b.start.getTime() - before), end: new Date(b.end.getTime() + after) }))
        .filter((b) => overlaps(b, blocked)),
      ...learnerBusy.filter((b) => overlaps(b, { start, end })),
    ];
    if (clash.length === 0) break;
    const latest = Math.max(...clash.map((b) => b.end.getTime()));
    start = new Date(Math.ceil(latest / MINUTE) * MINUTE);
  }
  const row = await insertSession(ctx, {
    tenantId: input.tenantId,
    settings,
    mentor,
    learnerId: input.learnerId,
    requestId: input.requestId,
    start,
    end: new Date(start.getTime() + minutes * MINUTE),
    policy,
    meetingUrl: availability?.meeting_url ?? null,
    format,
    note: null,
    withThread: true,
    requestAlreadyMatched: true,
  });
  return toBooking(row, mentor.name);
}

export async function createBooking(ctx: Ctx, actor: Actor, input: CreateBookingInput): Promise<Booking> {
  const user = actor.user;
  if (!user) throw new InvalidInputError('A booking is made for a user: send their token.');
  const mentor = await bookableMentor(ctx, actor, input.mentorId);
  if (mentor.external_id !== null && mentor.external_id === user.externalId) {
    throw new ConflictError('cannot_book_yourself', 'You cannot book a session with yourself.');
  }
  const format = input.format as SessionFormat;
  if (!mentor.formats.includes(format) || !actor.settings.formats.includes(format)) {
    throw new ConflictError('slot_unavailable', `${mentor.name} does not offer ${format} sessions.`);
  }
  // Lock order everywhere: the request row, then the mentor row (as accepting an offer does).
  if (input.requestId) await markRequestMatched(ctx, actor.tenantId, input.requestId, user.id, mentor.id);
  await lockMentor(ctx.db, actor.tenantId, mentor.id);
  const availability = await findAvailability(ctx.db, actor.tenantId, mentor.id);
  const policy = policyFrom(mentor, availability, actor.settings);
  const start = new Date(input.start);
  const end = await assertSlotFree(ctx, actor, {
    mentor,
    policy,
    learnerId: user.id,
    start,
    durationMinutes: input.durationMinutes,
  });
  const row = await insertSession(ctx, {
    tenantId: actor.tenantId,
    settings: actor.settings,
    mentor,
    learnerId: user.id,
    requestId: input.requestId ?? null,
    start,
    end,
    policy,
    meetingUrl: availability?.meeting_url ?? null,
    format,
    note: input.note ?? null,
  });
  return toBooking(row, mentor.name);
}

/** The booking if the actor is its learner, its mentor or the program; otherwise not found. */
export async function accessBooking(
  ctx: Ctx,
  actor: Actor,
  id: string,
): Promise<{ row: BookingRow; role: BookingRole }> {
  const row = await findBooking(ctx.db, actor.tenantId, id);
  if (!row) throw new NotFoundError('Booking');
  if (actor.privileged) return { row, role: 'program' };
  if (actor.user && row.learner_id === actor.user.id) return { row, role: 'learner' };
  if (actor.user) {
    const mentor = await findMentor(ctx.db, actor.tenantId, row.mentor_id);
    if (mentor?.external_id && mentor.external_id === actor.user.externalId) return { row, role: 'mentor' };
  }
  throw new NotFoundError('Booking');
}

export async function getBooking(ctx: Ctx, actor: Actor, id: string): Promise<Booking> {
  const [booking] = await toBookings(ctx.db, actor.tenantId, [(await accessBooking(ctx, actor, id)).row]);
  return booking as Booking;
}

export async function cancelBooking(ctx: Ctx, actor: Actor, id: string, reason: string): Promise<Booking> {
  const { row, role } = await accessBooking(ctx, actor, id);
  if (row.status !== 'confirmed') {
    throw new ConflictError(
      'booking_not_cancellable',
      `This booking is ${row.status}; only confirmed bookings can be cancelled.`,
    );
  }
  const now = ctx.clock.now();
  if (row.start_at <= now) {
    throw new ConflictError('booking_not_cancellable', 'This session has already started.');
  }
  const updated = await updateBooking(ctx.db, actor.tenantId, id, {
    status: 'cancelled',
    cancel_reason: reason,
    cancelled_by: role,
    cancelled_at: now,
    sequence: row.sequence + 1,
    updated_at: now,
  });
  await onBookingCancelled(ctx.db, updated, now);
  const [booking] = await toBookings(ctx.db, actor.tenantId, [updated]);
  return booking as Booking;
}

export async function rescheduleBooking(
  ctx: Ctx,
  actor: Actor,
  id: string,
  input: { start: string; durationMinutes?: number | undefined },
): Promise<Booking> {
  const { row } = await accessBooking(ctx, actor, id);
  const now = ctx.clock.now();
  if (row.status !== 'confirmed' || row.start_at <= now) {
    throw new ConflictError(
      'booking_not_reschedulable',
      'Only confirmed sessions that have not started can be moved.',
    );
  }
  const mentor = await findMentor(ctx.db, actor.tenantId, row.mentor_id);
  if (!mentor) throw new NotFoundError('Mentor');
  await lockMentor(ctx.db, actor.tenantId, mentor.id);
  const availability = await findAvailability(ctx.db, actor.tenantId, mentor.id);
  const policy = policyFrom(mentor, availability, actor.settings);
  const start = new Date(input.start);
  const duration =
    input.durationMinutes ?? Math.round((row.end_at.getTime() - row.start_at.getTime()) / MINUTE);
  // The booking's own old range does not count against the new one: one row, one update.
  const end = await assertSlotFree(ctx, actor, {
    mentor,
    policy,
    learnerId: row.learner_id,
    start,
    durationMinutes: duration,
    exceptBookingId: row.id,
  });
  const updated = await updateBooking(ctx.db, actor.tenantId, id, {
    start_at: start,
    end_at: end,
    blocked_range: blockedRange(policy, start, end),
    sequence: row.sequence + 1,
    updated_at: now,
  });
  await onBookingRescheduled(ctx.db, updated, { start: row.start_at, end: row.end_at }, now);
  return toBooking(updated, mentor.name);
}

export type BookingCursor = { start: string; id: string };

export async function listBookingsFor(
  ctx: Ctx,
  actor: Actor,
  query: Omit<ListBookingsQuery, 'cursor'> & { cursor?: BookingCursor | undefined },
): Promise<{ data: Booking[]; next: BookingCursor | null }> {
  let learnerId: string | undefined;
  let mentorId: string | undefined = query.mentorId;
  if (!actor.privileged || query.as) {
    if (!actor.user) throw new InvalidInputError('Listing your bookings needs a user token.');
    if (query.mentorId && !actor.privileged) {
      throw new InvalidInputError('Only the program (secret key) can filter by mentorId.', [
        { path: 'query.mentorId', message: 'may only be used with the secret key' },
      ]);
    }
    if (query.as === 'mentor') {
      const mentor = await findMentorByExternalId(ctx.db, actor.tenantId, actor.user.externalId);
      if (!mentor) return { data: [], next: null };
      mentorId = mentor.id;
    } else {
      learnerId = actor.user.id;
    }
  }
  const rows = await listBookings(ctx.db, {
    tenantId: actor.tenantId,
    learnerId,
    mentorId,
    status: query.status,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    limit: query.limit,
    cursor: query.cursor,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: await toBookings(ctx.db, actor.tenantId, page),
    next: rows.length > query.limit && last ? { start: last.start_at.toISOString(), id: last.id } : null,
  };
}
