import { type Kysely, sql } from 'kysely';
import type { Database, StoredBadge } from '../../db/database.js';
import { BADGE_CODES, type Badge, type BadgeCode } from '../../schemas/mentors.js';
import { type ResponseFacts, responseFacts } from './response-time.js';

/**
 * Recognition badges. Every rule reads facts the database already holds, so awarding is a
 * pure function of them and can be re-run at any time (backfill) with the same result:
 *
 * - `first_session`, `sessions_10`, `sessions_50`: 1, 10, 50 completed sessions (bookings the
 *   completion job marked `completed`; cancelled and no-show ones never count).
 * - `five_star_streak`: five rated sessions in a row, in the order they were held (start time),
 *   all rated 5. A lower rating breaks the run; sessions without feedback neither count nor break it.
 * - `fast_responder`: a median response of at most 15 minutes over at least 5 responses
 *   (`responseFacts`: answered instant-help offers).
 *
 * A badge once earned is kept (a later 4-star rating does not take the streak badge away).
 */
export { BADGE_CODES, type BadgeCode };

export const SESSION_THRESHOLDS = { first_session: 1, sessions_10: 10, sessions_50: 50 } as const;
export const STREAK_LENGTH = 5;
export const FAST_RESPONDER = { maxMedianMinutes: 15, minResponses: 5 } as const;

export interface MentorFacts {
  sessions: number;
  minutes: number;
  fiveStarStreak: boolean;
  response: ResponseFacts;
}

/** Completed sessions and their minutes (rounded), for one mentor. */
export async function sessionFacts(
  db: Kysely<Database>,
  tenantId: string,
  mentorId: string,
): Promise<{ sessions: number; minutes: number; first: Date | null; last: Date | null }> {
  const row = await db
    .selectFrom('bookings')
    .select([
      sql<number>`count(*)::int`.as('sessions'),
      sql<number>`coalesce(round(sum(extract(epoch from (end_at - start_at)) / 60)), 0)::int`.as('minutes'),
      sql<Date | null>`min(start_at)`.as('first'),
      sql<Date | null>`max(start_at)`.as('last'),
    ])
    .where('tenant_id', '=', tenantId)
    .where('mentor_id', '=', mentorId)
    .where('status', '=', 'completed')
    .executeTakeFirstOrThrow();
  const date = (v: Date | string | null) => (v === null ? null : new Date(v));
  return {
    sessions: Number(row.sessions),
    minutes: Number(row.minutes),
    first: date(row.first),
    last: date(row.last),
  };
}

/** Whether some run of STREAK_LENGTH consecutive rated sessions (by start) are all 5 stars. */
async function hasFiveStarStreak(db: Kysely<Database>, tenantId: string, mentorId: string): Promise<boolean> {
  // Gaps and islands: each rating below 5 starts a new group; a group with ≥ 5 fives is a run.
  const result = await sql<{ streak: boolean }>`
    select exists (
      select 1 from (
        select f.rating,
               sum(case when f.rating < 5 then 1 else 0 end) over (order by b.start_at, b.id) as grp
        from feedback f
        join bookings b on b.id = f.booking_id and b.tenant_id = f.tenant_id
        where f.tenant_id = ${tenantId} and f.mentor_id = ${mentorId}
      ) runs
      where rating = 5
      group by grp
      having count(*) >= ${STREAK_LENGTH}
    ) as streak`.execute(db);
  return result.rows[0]?.streak === true;
}

export async function mentorFacts(
  db: Kysely<Database>,
  tenantId: string,
  mentorId: string,
): Promise<MentorFacts> {
  const { sessions, minutes } = await sessionFacts(db, tenantId, mentorId);
  return {
    sessions,
    minutes,
    fiveStarStreak: await hasFiveStarStreak(db, tenantId, mentorId),
    response: await responseFacts(db, tenantId, mentorId),
  };
}

/** The badges these facts earn, in BADGE_CODES order. */
export function earnedCodes(facts: MentorFacts): BadgeCode[] {
  const earned = new Set<BadgeCode>();
  for (const [code, n] of Object.entries(SESSION_THRESHOLDS)) {
    if (facts.sessions >= n) earned.add(code as BadgeCode);
  }
  if (facts.fiveStarStreak) earned.add('five_star_streak');
  const { medianMinutes, responses } = facts.response;
  if (responses >= FAST_RESPONDER.minResponses && medianMinutes !== null) {
    if (medianMinutes <= FAST_RESPONDER.maxMedianMinutes) earned.add('fast_responder');
  }
  return BADGE_CODES.filter((c) => earned.has(c));
}

/** A mentor's badges, oldest first (ties in BADGE_CODES order). */
export async function listBadges(db: Kysely<Database>, tenantId: string, mentorId: string): Promise<Badge[]> {
  const rows = await db
    .selectFrom('mentor_badges')
    .select(['code', 'earned_at'])
    .where('tenant_id', '=', tenantId)
    .where('mentor_id', '=', mentorId)
    .execute();
  const order = (code: string) => BADGE_CODES.indexOf(code as BadgeCode);
  return rows
    .sort((a, b) => a.earned_at.getTime() - b.earned_at.getTime() || order(a.code) - order(b.code))
    .map((r) => ({ code: r.code as BadgeCode, earnedAt: r.earned_at.toISOString() }));
}

/**
 * Awards whatever the mentor's facts now earn and has not been awarded yet; returns the new
 * codes. Call it inside the transaction that changed the facts (completion, feedback): it locks
 * the mentor row first, so two changes for one mentor are counted one after the other and a
 * threshold crossed by concurrent completions is still seen by the second. Idempotent: the
 * (tenant, mentor, code) key makes a repeat insert a no-op.
 */
export async function awardBadges(
  db: Kysely<Database>,
  input: { tenantId: string; mentorId: string; now: Date },
): Promise<BadgeCode[]> {
  const { tenantId, mentorId, now } = input;
  const mentor = await db
    .selectFrom('mentors')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', mentorId)
    .forUpdate()
    .executeTakeFirst();
  if (!mentor) return [];
  const codes = earnedCodes(await mentorFacts(db, tenantId, mentorId));
  if (codes.length === 0) return [];
  const inserted = await db
    .insertInto('mentor_badges')
    .values(codes.map((code) => ({ tenant_id: tenantId, mentor_id: mentorId, code, earned_at: now })))
    .onConflict((oc) => oc.columns(['tenant_id', 'mentor_id', 'code']).doNothing())
    .returning('code')
    .execute();
  if (inserted.length > 0) await refreshBadgeCache(db, tenantId, mentorId);
  return inserted.map((r) => r.code as BadgeCode);
}

/** Copies mentor_badges onto the profile row (`mentors.badges`), where profiles read them. */
async function refreshBadgeCache(db: Kysely<Database>, tenantId: string, mentorId: string): Promise<void> {
  const badges: StoredBadge[] = await listBadges(db, tenantId, mentorId);
  await db
    .updateTable('mentors')
    .set({ badges: JSON.stringify(badges) })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', mentorId)
    .execute();
}

/**
 * Backfill: re-evaluates every mentor of the tenant (one transaction each) and refreshes the
 * cache. Safe to run any time; returns how many badges were newly awarded.
 */
export async function recomputeBadges(
  db: Kysely<Database>,
  input: { tenantId: string; now: Date },
): Promise<number> {
  const mentors = await db
    .selectFrom('mentors')
    .select('id')
    .where('tenant_id', '=', input.tenantId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
  let awarded = 0;
  for (const { id } of mentors) {
    awarded += await db.transaction().execute(async (trx) => {
      const codes = await awardBadges(trx, { tenantId: input.tenantId, mentorId: id, now: input.now });
      await refreshBadgeCache(trx, input.tenantId, id);
      return codes.length;
    });
  }
  return awarded;
}
