import type { Kysely } from 'kysely';
import type { Clock } from '../../clock.js';
import { findAvailability, upsertAvailability } from '../../db/availability.js';
import type { AvailabilityRow, Database, MentorRow } from '../../db/database.js';
import { findMentor, updateMentor } from '../../db/mentors.js';
import type { AvailabilityInput } from '../../schemas/availability.js';
import { InvalidInputError } from '../errors.js';
import type { TenantSettings } from '../tenants/settings.js';
import type { AvailabilityPolicy, DateOverride, WeeklyRule } from './policy.js';
import { validatePolicy } from './policy.js';

interface Ctx {
  db: Kysely<Database>;
  clock: Clock;
}

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

export async function loadPolicy(
  db: Kysely<Database>,
  tenantId: string,
  mentor: MentorRow,
  settings: TenantSettings,
): Promise<AvailabilityPolicy> {
  return policyFrom(mentor, await findAvailability(db, tenantId, mentor.id), settings);
}

export async function setAvailability(
  ctx: Ctx,
  tenantId: string,
  mentorId: string,
  input: AvailabilityInput,
  settings: TenantSettings,
): Promise<AvailabilityPolicy> {
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
  const mentor = await updateMentor(ctx.db, tenantId, mentorId, {
    time_zone: input.timeZone,
    updated_at: now,
  });
  if (!mentor) throw new InvalidInputError('Mentor not found.');
  const row = await upsertAvailability(ctx.db, tenantId, mentorId, input, now);
  return policyFrom(mentor, row, settings);
}

export async function getMentorRow(db: Kysely<Database>, tenantId: string, mentorId: string) {
  return findMentor(db, tenantId, mentorId);
}
