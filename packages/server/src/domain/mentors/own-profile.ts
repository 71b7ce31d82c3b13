import { sql } from 'kysely';
import type { MentorRow } from '../../db/database.js';
import { findMentorByExternalId } from '../../db/mentors.js';
import type { MyMentorStats, OwnMentor, UpdateOwnMentorInput } from '../../schemas/mentors.js';
import type { DomainCtx } from '../context.js';
import { NotFoundError } from '../errors.js';
import { toMentor } from './mentor-profile.js';
import { updateMentorProfile } from './mentors.js';

export interface Me {
  tenantId: string;
  externalId: string;
}

export function toOwnMentor(row: MentorRow): OwnMentor {
  return {
    ...toMentor(row),
    statusReason: row.status_reason,
    callBridge: row.call_bridge,
    contactEmail: row.contact_email,
  };
}

async function ownRow(ctx: DomainCtx, me: Me): Promise<MentorRow> {
  const row = await findMentorByExternalId(ctx.db, me.tenantId, me.externalId);
  if (!row) throw new NotFoundError('Mentor profile');
  return row;
}

/** The caller's own mentor profile if they have one (`/v1/me`). */
export async function findOwnMentor(ctx: Pick<DomainCtx, 'db'>, me: Me): Promise<OwnMentor | null> {
  const row = await findMentorByExternalId(ctx.db, me.tenantId, me.externalId);
  return row ? toOwnMentor(row) : null;
}

/** The caller's own mentor profile, whatever its status, with the program's reason if any. */
export async function getOwnMentor(ctx: DomainCtx, me: Me): Promise<OwnMentor> {
  return toOwnMentor(await ownRow(ctx, me));
}

/** Edits the caller's own profile fields (never status: the schema has no such field). */
export async function updateOwnMentor(
  ctx: DomainCtx,
  me: Me,
  input: UpdateOwnMentorInput,
): Promise<OwnMentor> {
  const row = await ownRow(ctx, me);
  await updateMentorProfile(
    ctx,
    { tenantId: me.tenantId, privileged: false, externalId: me.externalId },
    row.id,
    input,
  );
  return toOwnMentor(await ownRow(ctx, me));
}

/**
 * The mentor's own figures, computed from their bookings at the clock's now: sessions held
 * (completed, or confirmed and already ended, so it does not wait for the completion job),
 * their minutes, confirmed sessions still to come; the rating from the running totals feedback
 * keeps; the median response time as stored on the profile (null until measured).
 */
export async function mentorStats(ctx: DomainCtx, me: Me): Promise<MyMentorStats> {
  const row = await ownRow(ctx, me);
  const now = ctx.clock.now();
  const held = sql<boolean>`(status = 'completed' or (status = 'confirmed' and end_at <= ${now}))`;
  const figures = await ctx.db
    .selectFrom('bookings')
    .select([
      sql<number>`(count(*) filter (where ${held}))::int`.as('sessions'),
      sql<number>`coalesce(round(sum(extract(epoch from (end_at - start_at)) / 60) filter (where ${held})), 0)::int`.as(
        'minutes',
      ),
      sql<number>`(count(*) filter (where status = 'confirmed' and start_at > ${now}))::int`.as('upcoming'),
    ])
    .where('tenant_id', '=', me.tenantId)
    .where('mentor_id', '=', row.id)
    .executeTakeFirstOrThrow();
  const mentor = toMentor(row);
  return {
    sessions: Number(figures.sessions),
    minutes: Number(figures.minutes),
    rating: mentor.stats.rating,
    ratingCount: mentor.stats.ratingCount,
    medianResponseMinutes: mentor.stats.medianResponseMinutes,
    upcoming: Number(figures.upcoming),
  };
}
