import { type Kysely, sql } from 'kysely';
import type { Database, MentorRow } from './database.js';

type Db = Kysely<Database>;

/** A request as the next-topic model reads it: who asked, when, and what it says its topic is. */
export interface TopicRequestRow {
  learner_id: string;
  skills: string[];
  title: string;
  page_topic: string | null;
  created_at: Date;
}

/**
 * The tenant's latest `limit` requests, newest first (the index on (tenant_id, created_at desc,
 * id desc) answers it). Requests whose texts were taken out (erasure, retention) are left out:
 * they no longer inform anyone's suggestions.
 */
export async function latestTopicRequests(
  db: Db,
  tenantId: string,
  limit: number,
): Promise<TopicRequestRow[]> {
  return db
    .selectFrom('help_requests')
    .select(['learner_id', 'skills', 'title', 'created_at'])
    .select(sql<string | null>`context->>'topic'`.as('page_topic'))
    .where('tenant_id', '=', tenantId)
    .where('redacted_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/** One of the learner's requests, and whether it was solved (see `learnerTopicHistory`). */
export interface LearnerRequestRow extends TopicRequestRow {
  solved: boolean;
}

/**
 * The learner's latest `limit` requests, oldest first. Solved: a session for it (booked on the
 * request, or the session of a thread about it) was completed without a "not solved" rating,
 * or its mentor left action items.
 */
export async function learnerTopicHistory(
  db: Db,
  tenantId: string,
  learnerId: string,
  limit: number,
): Promise<LearnerRequestRow[]> {
  const rows = await db
    .selectFrom('help_requests as r')
    .select(['r.learner_id', 'r.skills', 'r.title', 'r.created_at'])
    .select(sql<string | null>`r.context->>'topic'`.as('page_topic'))
    .select(
      sql<boolean>`exists (
        select 1 from bookings b
         where b.tenant_id = r.tenant_id
           and (b.request_id = r.id
                or b.id in (select t.booking_id from threads t where t.tenant_id = r.tenant_id and t.request_id = r.id))
           and ((b.status = 'completed'
                 and not exists (select 1 from feedback f where f.booking_id = b.id and f.solved = 'no'))
                or exists (select 1 from action_items a where a.booking_id = b.id)))`.as('solved'),
    )
    .where('r.tenant_id', '=', tenantId)
    .where('r.learner_id', '=', learnerId)
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit)
    .execute();
  return rows.reverse();
}

export async function dismissedTopics(db: Db, tenantId: string, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('recommendation_dismissals')
    .select('topic')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.topic);
}

/** Records a dismissal; dismissing the same topic again changes nothing (the first time stays). */
export async function addDismissal(
  db: Db,
  d: { tenantId: string; userId: string; topic: string; now: Date },
): Promise<void> {
  await db
    .insertInto('recommendation_dismissals')
    .values({ tenant_id: d.tenantId, user_id: d.userId, topic: d.topic, created_at: d.now })
    .onConflict((oc) => oc.columns(['tenant_id', 'user_id', 'topic']).doNothing())
    .execute();
}

/** Ids of the mentors on the learner's board (any status: none of them is suggested again). */
export async function boardMentorIds(db: Db, tenantId: string, learnerId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('board_entries')
    .select('mentor_id')
    .where('tenant_id', '=', tenantId)
    .where('learner_id', '=', learnerId)
    .execute();
  return rows.map((r) => r.mentor_id);
}

/**
 * Approved mentors holding the skill (the GIN index on skills), best first: a rating pulled
 * towards 4 by three phantom ratings (one 5★ does not beat forty 4.8★), then sessions, then id.
 * Leaves out the given mentors (the board) and the learner's own profile.
 */
export async function mentorsWithSkill(
  db: Db,
  q: {
    tenantId: string;
    skill: string;
    exceptIds: readonly string[];
    exceptExternalId: string;
    limit: number;
  },
): Promise<MentorRow[]> {
  let query = db
    .selectFrom('mentors')
    .selectAll()
    .where('tenant_id', '=', q.tenantId)
    .where('status', '=', 'approved')
    .where('deleted_at', 'is', null)
    .where('skills', '@>', sql<string[]>`array[${q.skill}]::text[]`)
    .where((eb) => eb.or([eb('external_id', 'is', null), eb('external_id', '!=', q.exceptExternalId)]));
  if (q.exceptIds.length) query = query.where('id', 'not in', [...q.exceptIds]);
  return query
    .orderBy(sql`(rating_sum + 12.0) / (rating_count + 3)`, 'desc')
    .orderBy('sessions_count', 'desc')
    .orderBy('id')
    .limit(q.limit)
    .execute();
}
