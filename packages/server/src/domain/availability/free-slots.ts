import { findAvailability } from '../../db/availability.js';
import { findMentor } from '../../db/mentors.js';
import type { Actor } from '../actor.js';
import type { DomainCtx } from '../context.js';
import { InvalidInputError, NotFoundError } from '../errors.js';
import { busyWindow, loadBusy } from './busy.js';
import { isMentorSelf, policyFrom } from './mentor-availability.js';
import type { TimeRange } from './policy.js';
import { computeSlots } from './slots.js';
import { DAY_MS } from './zoned-time.js';

/** The widest window one call may ask for. */
const MAX_WINDOW_MS = 31 * DAY_MS;

/**
 * A mentor's free session starts in `[from, to)`, minus the calling learner's own sessions.
 * Mentors not approved are visible only to themselves and the program.
 */
export async function listFreeSlots(
  ctx: DomainCtx,
  actor: Actor,
  mentorId: string,
  query: { from: Date; to: Date; duration: number },
): Promise<TimeRange[]> {
  const { from, to } = query;
  if (to <= from || to.getTime() - from.getTime() > MAX_WINDOW_MS) {
    throw new InvalidInputError('The window must have `to` after `from` and span at most 31 days.', [
      { path: 'query.to', message: 'must be after from and at most 31 days later' },
    ]);
  }
  const mentor = await findMentor(ctx.db, actor.tenantId, mentorId);
  if (!mentor || (mentor.status !== 'approved' && !actor.privileged && !isMentorSelf(actor, mentor))) {
    throw new NotFoundError('Mentor');
  }
  const policy = policyFrom(
    mentor,
    await findAvailability(ctx.db, actor.tenantId, mentor.id),
    actor.settings,
  );
  if (!policy.sessionLengths.includes(query.duration)) {
    throw new InvalidInputError(
      `${mentor.name} offers ${policy.sessionLengths.join(' or ')}-minute sessions.`,
      [{ path: 'query.duration', message: `must be one of ${policy.sessionLengths.join(', ')}` }],
    );
  }
  const busy = await loadBusy(ctx.db, {
    tenantId: actor.tenantId,
    mentorId: mentor.id,
    learnerId: actor.user?.id ?? null,
    window: busyWindow(from, to),
  });
  return computeSlots({
    ...busy,
    policy,
    from,
    to,
    durationMinutes: query.duration,
    now: ctx.clock.now(),
  });
}
