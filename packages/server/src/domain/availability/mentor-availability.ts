import { type AvailabilityValues, findAvailability, upsertAvailability } from '../../db/availability.js';
import type { AvailabilityRow, MentorRow } from '../../db/database.js';
import { findMentor, updateMentor } from '../../db/mentors.js';
import type { AvailabilityInput } from '../../schemas/availability.js';
import type { Actor } from '../actor.js';
import type { DomainCtx } from '../context.js';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../errors.js';
import { enqueueWaitingRematch } from '../requests/waiting-jobs.js';
import type { TenantSettings } from '../tenants/settings.js';
import type { AvailabilityPolicy, DateOverride, WeeklyRule } from './policy.js';
import { validatePolicy } from './policy.js';

/** What a mentor sets: the policy (its time zone is the profile's) and their own meeting link. */
export type AvailabilitySettings = Omit<AvailabilityPolicy, 'timeZone'> & { meetingUrl: string | null };

/** A mentor who never set availability offers nothing until they do. */
function defaultPolicy(mentor: MentorRow, settings: TenantSettings): AvailabilityPolicy {
  return {
    timeZone: mentor.time_zone,
    weekly: [],
    overrides: [],
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 0,
    minNoticeMinutes: 60,
    horizonDays: 30,
    maxPerDay: null,
    maxPerWeek: null,
    sessionLengths: settings.sessionLengths,
  };
}

/** The mentor's policy; the time zone is the mentor profile's (one fact, one place). */
export function policyFrom(
  mentor: MentorRow,
  row: AvailabilityRow | undefined,
  settings: TenantSettings,
): AvailabilityPolicy {
  if (!row) return defaultPolicy(mentor, settings);
  return {
    timeZone: mentor.time_zone,
    weekly: row.weekly as WeeklyRule[],
    overrides: row.overrides as DateOverride[],
    bufferBeforeMinutes: row.buffer_before_minutes,
    bufferAfterMinutes: row.buffer_after_minutes,
    minNoticeMinutes: row.min_notice_minutes,
    horizonDays: row.horizon_days,
    maxPerDay: row.max_per_day,
    maxPerWeek: row.max_per_week,
    sessionLengths: row.session_lengths,
  };
}

/** The availability row's columns for what a mentor sets. */
export function toAvailabilityValues(v: AvailabilitySettings): AvailabilityValues {
  return {
    weekly: JSON.stringify(v.weekly),
    overrides: JSON.stringify(v.overrides),
    buffer_before_minutes: v.bufferBeforeMinutes,
    buffer_after_minutes: v.bufferAfterMinutes,
    min_notice_minutes: v.minNoticeMinutes,
    horizon_days: v.horizonDays,
    max_per_day: v.maxPerDay,
    max_per_week: v.maxPerWeek,
    session_lengths: v.sessionLengths,
    meeting_url: v.meetingUrl,
  };
}

/** Whether the actor is the mentor themself (same external id). */
export function isMentorSelf(actor: Actor, mentor: MentorRow): boolean {
  return mentor.external_id != null && mentor.external_id === actor.user?.externalId;
}

/**
 * The mentor, if the actor may manage their availability: the mentor themself or the program.
 * Anyone else gets 404 for a mentor not approved (as if missing), 403 otherwise.
 */
async function managedMentor(ctx: DomainCtx, actor: Actor, mentorId: string): Promise<MentorRow> {
  const mentor = await findMentor(ctx.db, actor.tenantId, mentorId);
  const isSelf = mentor !== undefined && isMentorSelf(actor, mentor);
  if (!mentor || (!actor.privileged && !isSelf && mentor.status !== 'approved'))
    throw new NotFoundError('Mentor');
  if (!actor.privileged && !isSelf) {
    throw new ForbiddenError(
      'forbidden',
      'Only the mentor themself or the program can manage this availability.',
    );
  }
  return mentor;
}

export async function getMentorAvailability(
  ctx: DomainCtx,
  actor: Actor,
  mentorId: string,
): Promise<AvailabilityPolicy & { meetingUrl: string | null }> {
  const mentor = await managedMentor(ctx, actor, mentorId);
  const row = await findAvailability(ctx.db, actor.tenantId, mentor.id);
  return { ...policyFrom(mentor, row, actor.settings), meetingUrl: row?.meeting_url ?? null };
}

/** Replaces the mentor's rules; their time zone becomes the profile's. */
export async function setMentorAvailability(
  ctx: DomainCtx,
  actor: Actor,
  mentorId: string,
  input: AvailabilityInput,
): Promise<AvailabilityPolicy & { meetingUrl: string | null }> {
  const { tenantId, settings } = actor;
  const found = await managedMentor(ctx, actor, mentorId);
  const { meetingUrl: _meetingUrl, ...policy } = input;
  // One path style for every validation error: `weekly[2].end` → `body.weekly.2.end`.
  const problems = validatePolicy(policy).map((p) => ({
    path: `body.${p.path.replace(/\[(\d+)\]/g, '.$1')}`,
    message: p.message,
  }));
  input.sessionLengths.forEach((length, i) => {
    if (!settings.sessionLengths.includes(length)) {
      problems.push({
        path: `body.sessionLengths.${i}`,
        message: `this program offers ${settings.sessionLengths.join(', ')}-minute sessions`,
      });
    }
  });
  if (problems.length) {
    throw new InvalidInputError(
      `The availability is not valid: ${problems[0]?.path}: ${problems[0]?.message}`,
      problems,
    );
  }
  const now = ctx.clock.now();
  const mentor = await updateMentor(ctx.db, tenantId, found.id, {
    time_zone: input.timeZone,
    updated_at: now,
  });
  if (!mentor) throw new InvalidInputError('Mentor not found.');
  const row = await upsertAvailability(ctx.db, tenantId, mentor.id, toAvailabilityValues(input), now);
  // New hours may make the mentor a match for requests waiting for one.
  if (mentor.status === 'approved') await enqueueWaitingRematch(ctx.db, tenantId, now);
  return { ...policyFrom(mentor, row, settings), meetingUrl: input.meetingUrl };
}
