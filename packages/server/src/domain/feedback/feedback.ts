import type { FeedbackRow } from '../../db/database.js';
import { addMentorRating, findFeedback, insertFeedbackOnce } from '../../db/feedback.js';
import type { CreateFeedbackInput, Feedback } from '../../schemas/feedback.js';
import type { Actor } from '../actor.js';
import type { DomainCtx } from '../context.js';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors.js';
import { recordEvent } from '../events/record-event.js';
import { mentorAudience } from '../events/record-mentor-events.js';
import { awardBadges } from '../recognition/badges.js';
import { sessionParties } from './session-parties.js';

export function toFeedback(row: FeedbackRow): Feedback {
  return {
    id: row.id,
    bookingId: row.booking_id,
    mentorId: row.mentor_id,
    learnerId: row.learner_id,
    rating: row.rating,
    solved: row.solved,
    comment: row.comment,
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * The learner rates a session once it has started: the feedback row, the mentor's rating
 * totals (which matching reads), any badge it earns and the `feedback.submitted` event commit together. A second
 * attempt, even a concurrent one, finds the unique booking_id taken and changes nothing.
 */
export async function submitFeedback(
  ctx: DomainCtx,
  actor: Actor,
  bookingId: string,
  input: CreateFeedbackInput,
): Promise<Feedback> {
  const { booking, mentor, isLearner } = await sessionParties(ctx, actor, bookingId);
  if (!isLearner) {
    throw new ForbiddenError('forbidden', 'Only the learner of this session can give feedback on it.');
  }
  if (booking.status === 'cancelled') {
    throw new ConflictError('booking_cancelled', 'This session was cancelled, so there is nothing to rate.');
  }
  const now = ctx.clock.now();
  if (booking.start_at > now) {
    throw new ConflictError(
      'session_not_started',
      `Feedback opens when the session starts (${booking.start_at.toISOString()}).`,
    );
  }
  const row = await insertFeedbackOnce(ctx.db, {
    tenantId: actor.tenantId,
    bookingId: booking.id,
    mentorId: booking.mentor_id,
    learnerId: booking.learner_id,
    rating: input.rating,
    solved: input.solved,
    comment: input.comment || null,
    now,
  });
  if (!row) throw new ConflictError('feedback_exists', 'You already gave feedback on this session.');
  await addMentorRating(ctx.db, actor.tenantId, booking.mentor_id, input.rating);
  await awardBadges(ctx.db, { tenantId: actor.tenantId, mentorId: booking.mentor_id, now });
  const feedback = toFeedback(row);
  await recordEvent(ctx.db, {
    tenantId: actor.tenantId,
    type: 'feedback.submitted',
    data: { feedback },
    userIds: mentor ? await mentorAudience(ctx.db, actor.tenantId, mentor.id) : [],
    at: now,
  });
  return feedback;
}

/** The session's feedback, for its learner, its mentor or the program. */
export async function getFeedback(ctx: DomainCtx, actor: Actor, bookingId: string): Promise<Feedback> {
  await sessionParties(ctx, actor, bookingId);
  const row = await findFeedback(ctx.db, actor.tenantId, bookingId);
  if (!row) throw new NotFoundError('Feedback');
  return toFeedback(row);
}
