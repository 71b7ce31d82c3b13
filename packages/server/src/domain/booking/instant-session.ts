import type { MentorRow, SessionFormat } from '../../db/database.js';
import type { Booking } from '../../schemas/bookings.js';
import type { Actor } from '../actor.js';
import { busyWindow, loadBusy } from '../availability/busy.js';
import type { DomainCtx } from '../context.js';
import { ConflictError } from '../errors.js';
import { lockMentorPolicy, MINUTE, overlaps } from './booking-slot.js';
import { bookingView } from './booking-view.js';
import { insertSession } from './session-insert.js';

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
  ctx: DomainCtx,
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
  const { policy, meetingUrl } = await lockMentorPolicy(ctx, input.tenantId, mentor, settings);
  const lengths = settings.sessionLengths.filter((l) => policy.sessionLengths.includes(l));
  const minutes = Math.min(...(lengths.length > 0 ? lengths : policy.sessionLengths));
  const now = ctx.clock.now();
  const { mentorBusy, learnerBusy } = await loadBusy(ctx.db, {
    tenantId: input.tenantId,
    mentorId: mentor.id,
    learnerId: input.learnerId,
    window: busyWindow(now, now),
  });
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
    meetingUrl,
    format,
    note: null,
    // Nobody typed a number for an instant call: the mentor's dial-in if any, else the chat beside it.
    call: { phone: null, dialIn: mentor.call_bridge },
    withThread: true,
    requestAlreadyMatched: true,
  });
  return bookingView(ctx.db, input.tenantId, row, { mentorId: mentor.id, now: ctx.clock.now() });
}
