import { randomUUID } from 'node:crypto';
import { insertBooking } from '../../db/bookings.js';
import type { BookingRow, MentorRow, SessionFormat } from '../../db/database.js';
import type { Actor } from '../actor.js';
import type { AvailabilityPolicy } from '../availability/policy.js';
import type { DomainCtx } from '../context.js';
import { attachBookingThread, chatThreadIdFor } from '../threads/threads.js';
import { blockedRange } from './booking-slot.js';
import { type CallDetails, joinDetails } from './join-details.js';
import { onBookingCreated } from './lifecycle.js';

export interface NewSession {
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
  /** A call's number or dial-in (only for `call`). */
  call?: CallDetails;
  /** Give a video/call session a thread too (the chat beside the call); chat sessions always get one. */
  withThread?: boolean;
  /** The request was already matched (and `request.matched` recorded) by whoever called. */
  requestAlreadyMatched?: boolean;
}

/**
 * The one place a booking row is written: join link or thread, the row (the exclusion
 * constraints are the final word), its jobs and events (`onBookingCreated`), the thread's link.
 */
export async function insertSession(ctx: DomainCtx, s: NewSession): Promise<BookingRow> {
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
    call_phone: s.format === 'call' ? (s.call?.phone ?? null) : null,
    dial_in: s.format === 'call' ? (s.call?.dialIn ?? null) : null,
    thread_id: threadId,
    note: s.note,
    created_at: now,
    updated_at: now,
  });
  await onBookingCreated(ctx.db, row, now, {
    reminderMinutes: s.settings.reminderMinutesBefore,
    requestAlreadyMatched: s.requestAlreadyMatched ?? false,
  });
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
