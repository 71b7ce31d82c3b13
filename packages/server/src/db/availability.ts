import type { Kysely } from 'kysely';
import type { AvailabilityRow, Database } from './database.js';

type Db = Kysely<Database>;

export async function findAvailability(
  db: Db,
  tenantId: string,
  mentorId: string,
): Promise<AvailabilityRow | undefined> {
  return db
    .selectFrom('availability')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('mentor_id', '=', mentorId)
    .executeTakeFirst();
}

export interface AvailabilityValues {
  weekly: unknown;
  overrides: unknown;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
  maxPerDay: number | null;
  maxPerWeek: number | null;
  sessionLengths: number[];
  meetingUrl: string | null;
}

export async function upsertAvailability(
  db: Db,
  tenantId: string,
  mentorId: string,
  v: AvailabilityValues,
  now: Date,
): Promise<AvailabilityRow> {
  const values = {
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
    updated_at: now,
  };
  return db
    .insertInto('availability')
    .values({ mentor_id: mentorId, tenant_id: tenantId, ...values })
    .onConflict((oc) => oc.column('mentor_id').doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
}
