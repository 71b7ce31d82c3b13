import { sql } from 'kysely';
import type { MentorRow } from '../../db/database.js';
import { findMentorByExternalId } from '../../db/mentors.js';
import type { Badge } from '../../schemas/mentors.js';
import type { Leaderboard, LeaderboardQuery, MentorRecord } from '../../schemas/recognition.js';
import type { DomainCtx } from '../context.js';
import { NotFoundError } from '../errors.js';
import { listBadges, sessionFacts } from './badges.js';

/** The caller's own mentor profile (any status); 404 without one. */
export async function ownMentorRow(ctx: DomainCtx, tenantId: string, externalId: string): Promise<MentorRow> {
  const row = await findMentorByExternalId(ctx.db, tenantId, externalId);
  if (!row) throw new NotFoundError('Mentor profile');
  return row;
}

/** Completed sessions, their minutes, first and last, and the badges: what the credential states. */
export async function mentorRecord(ctx: DomainCtx, mentor: MentorRow): Promise<MentorRecord> {
  const facts = await sessionFacts(ctx.db, mentor.tenant_id, mentor.id);
  return {
    mentorId: mentor.id,
    name: mentor.name,
    sessions: facts.sessions,
    minutes: facts.minutes,
    firstSessionAt: facts.first?.toISOString() ?? null,
    lastSessionAt: facts.last?.toISOString() ?? null,
    badges: await listBadges(ctx.db, mentor.tenant_id, mentor.id),
  };
}

/** The UTC calendar month around `now`: [first day 00:00, next month's first day). */
export function monthOf(now: Date): { month: string; from: Date; to: Date } {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { month: from.toISOString().slice(0, 7), from, to };
}

/**
 * Approved mentors ranked by completed sessions (or minutes) that started this UTC month.
 * Public fields only. The caller checks the program's `leaderboard` setting.
 */
export async function leaderboard(
  ctx: DomainCtx,
  tenantId: string,
  query: LeaderboardQuery,
): Promise<Leaderboard> {
  const { month, from, to } = monthOf(ctx.clock.now());
  const sessions = sql<number>`count(*)::int`;
  const minutes = sql<number>`coalesce(round(sum(extract(epoch from (b.end_at - b.start_at)) / 60)), 0)::int`;
  const [first, second] = query.by === 'minutes' ? [minutes, sessions] : [sessions, minutes];
  const rows = await ctx.db
    .selectFrom('bookings as b')
    .innerJoin('mentors as m', (j) =>
      j.onRef('m.id', '=', 'b.mentor_id').onRef('m.tenant_id', '=', 'b.tenant_id'),
    )
    .select(['m.id', 'm.name', 'm.headline', 'm.badges', sessions.as('sessions'), minutes.as('minutes')])
    .where('b.tenant_id', '=', tenantId)
    .where('b.status', '=', 'completed')
    .where('b.start_at', '>=', from)
    .where('b.start_at', '<', to)
    .where('m.status', '=', 'approved')
    .where('m.deleted_at', 'is', null)
    .groupBy(['m.id', 'm.name', 'm.headline', 'm.badges'])
    .orderBy(first, 'desc')
    .orderBy(second, 'desc')
    .orderBy('m.name')
    .orderBy('m.id')
    .limit(query.limit)
    .execute();
  let previous: number | null = null;
  let rank = 0;
  const entries = rows.map((r, i) => {
    const value = Number(query.by === 'minutes' ? r.minutes : r.sessions);
    if (value !== previous) rank = i + 1;
    previous = value;
    return {
      rank,
      mentor: { id: r.id, name: r.name, headline: r.headline, badges: (r.badges ?? []) as Badge[] },
      sessions: Number(r.sessions),
      minutes: Number(r.minutes),
    };
  });
  return { month, from: from.toISOString(), to: to.toISOString(), by: query.by, entries };
}
