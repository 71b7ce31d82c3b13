import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from './database.js';
import { pastCursor } from './keyset.js';

type Db = Kysely<Database>;

export interface Range {
  tenantId: string;
  from: Date;
  to: Date;
  bucket: 'day' | 'week';
}

export interface RequestBucketRow {
  bucket: Date;
  requests: number;
  matched: number;
}

/**
 * Requests per bucket and how many had a match scoring at least the threshold: one hash
 * aggregate over the (tenant_id, created_at) index, no join and no sort.
 */
export async function requestSeries(db: Db, r: Range, threshold: number): Promise<RequestBucketRow[]> {
  const { rows } = await sql<RequestBucketRow>`
    select date_trunc(${r.bucket}, created_at, 'UTC') as bucket,
           count(*)::int as requests,
           (count(*) filter (where best_score >= ${threshold}))::int as matched
      from help_requests
     where tenant_id = ${r.tenantId} and created_at >= ${r.from} and created_at < ${r.to}
     group by 1`.execute(db);
  return rows;
}

export interface ResponseBucketRow {
  /** null on the totals row (ROLLUP). */
  bucket: Date | null;
  booked: number;
  median_first_minutes: number | null;
}

/**
 * Requests of the range that led to a booking, and the median minutes from the request to its
 * first booking, per bucket and in total. Driven from the bookings (far fewer than requests),
 * each joined to its request by primary key.
 */
export async function responseSeries(db: Db, r: Range): Promise<ResponseBucketRow[]> {
  const { rows } = await sql<ResponseBucketRow>`
    with first_booking as (
      select request_id, min(created_at) as at
        from bookings
       where tenant_id = ${r.tenantId} and request_id is not null and created_at >= ${r.from}
       group by request_id
    )
    select date_trunc(${r.bucket}, hr.created_at, 'UTC') as bucket,
           count(*)::int as booked,
           (percentile_cont(0.5) within group (order by extract(epoch from fb.at - hr.created_at) / 60))::float8
             as median_first_minutes
      from first_booking fb
      join help_requests hr on hr.id = fb.request_id
     where hr.tenant_id = ${r.tenantId} and hr.created_at >= ${r.from} and hr.created_at < ${r.to}
     group by rollup (1)
     order by 1 nulls last`.execute(db);
  return rows;
}

export interface SessionBucketRow {
  bucket: Date | null;
  booked: number;
  completed: number;
  no_show: number;
  cancelled: number;
}

/** Sessions starting in the range, by outcome, per bucket and in total. */
export async function sessionSeries(db: Db, r: Range): Promise<SessionBucketRow[]> {
  const { rows } = await sql<SessionBucketRow>`
    select date_trunc(${r.bucket}, start_at, 'UTC') as bucket,
           count(*)::int as booked,
           (count(*) filter (where status = 'completed'))::int as completed,
           (count(*) filter (where status = 'no_show'))::int as no_show,
           (count(*) filter (where status = 'cancelled'))::int as cancelled
      from bookings
     where tenant_id = ${r.tenantId} and start_at >= ${r.from} and start_at < ${r.to}
     group by rollup (1)
     order by 1 nulls last`.execute(db);
  return rows;
}

/**
 * Bookings made (created) in the range, whatever their status and whenever the session is: one
 * count over the (tenant_id, created_at) index. Small enough to count live on every read.
 */
export async function bookingsMade(db: Db, r: Range): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n
      from bookings
     where tenant_id = ${r.tenantId} and created_at >= ${r.from} and created_at < ${r.to}`.execute(db);
  return rows[0]?.n ?? 0;
}

export interface SatisfactionBucketRow {
  bucket: Date | null;
  rating_sum: number;
  rating_count: number;
  solved_yes: number;
}

/** Feedback on sessions starting in the range (the session's bucket), per bucket and in total. */
export async function satisfactionSeries(db: Db, r: Range): Promise<SatisfactionBucketRow[]> {
  const { rows } = await sql<SatisfactionBucketRow>`
    select date_trunc(${r.bucket}, b.start_at, 'UTC') as bucket,
           coalesce(sum(f.rating), 0)::int as rating_sum,
           count(*)::int as rating_count,
           (count(*) filter (where f.solved = 'yes'))::int as solved_yes
      from bookings b
      join feedback f on f.booking_id = b.id and f.tenant_id = b.tenant_id
     where b.tenant_id = ${r.tenantId} and b.start_at >= ${r.from} and b.start_at < ${r.to}
     group by rollup (1)
     order by 1 nulls last`.execute(db);
  return rows;
}

export interface SkillRow {
  kind: 'top' | 'unmet';
  skill: string;
  requests: number;
}

/** The ten most requested skills, and the ten most requested among requests with no good match. */
export async function skillDemand(db: Db, r: Range, threshold: number, limit = 10): Promise<SkillRow[]> {
  return skillDemandFrom(
    db,
    sql`select skill,
               count(*)::int as requests,
               (count(*) filter (where hr.best_score is null or hr.best_score < ${threshold} or hr.unanswered_at is not null or hr.waiting_since is not null))::int as unmet
          from help_requests hr, unnest(hr.skills) as skill
         where hr.tenant_id = ${r.tenantId} and hr.created_at >= ${r.from} and hr.created_at < ${r.to}
           and cardinality(hr.skills) > 0
         group by skill`,
    limit,
  );
}

/** Top and unmet skills from `source`: rows of (skill, requests, unmet), one per skill. */
export async function skillDemandFrom(db: Db, source: RawBuilder<unknown>, limit = 10): Promise<SkillRow[]> {
  const { rows } = await sql<SkillRow>`
    with s as (${source})
    (select 'top' as kind, skill, requests from s order by requests desc, skill limit ${limit})
    union all
    (select 'unmet' as kind, skill, unmet as requests from s where unmet > 0 order by unmet desc, skill limit ${limit})`.execute(
    db,
  );
  return rows;
}

export interface MentorLoadRow {
  mentors: number;
  sessions: number;
  top_sessions: number | null;
  gini: number | null;
}

/**
 * Sessions (not cancelled) per mentor in the range, over approved mentors plus anyone who had
 * sessions: the busiest 10 % (at least one mentor) and the Gini coefficient
 * G = 2·Σ i·xᵢ / (n·Σ xᵢ) − (n + 1)/n with x sorted ascending, i from 1.
 */
export async function mentorLoad(db: Db, r: Range): Promise<MentorLoadRow> {
  return mentorLoadFrom(
    db,
    r.tenantId,
    sql`select mentor_id, count(*)::int as n
          from bookings
         where tenant_id = ${r.tenantId} and start_at >= ${r.from} and start_at < ${r.to} and status <> 'cancelled'
         group by mentor_id`,
  );
}

/** Mentor load from `perMentor`: rows of (mentor_id, n), sessions per mentor with any. */
export async function mentorLoadFrom(
  db: Db,
  tenantId: string,
  perMentor: RawBuilder<unknown>,
): Promise<MentorLoadRow> {
  const { rows } = await sql<MentorLoadRow>`
    with per_mentor as materialized (${perMentor}),
    counts as (
      select coalesce(pm.n, 0) as n
        from mentors m
        left join per_mentor pm on pm.mentor_id = m.id
       where m.tenant_id = ${tenantId} and (m.status = 'approved' and m.deleted_at is null or pm.n is not null)
    ),
    ranked as (
      select n,
             row_number() over (order by n) as i,
             row_number() over (order by n desc) as d,
             count(*) over () as total_m,
             sum(n) over () as total_s
        from counts
    )
    select coalesce(max(total_m), 0)::int as mentors,
           coalesce(max(total_s), 0)::int as sessions,
           (sum(n) filter (where d <= greatest(1, ceil(total_m * 0.1))))::int as top_sessions,
           case when max(total_s) > 0
                then (2.0 * sum(i * n) / (max(total_m) * max(total_s)) - (max(total_m) + 1.0) / max(total_m))::float8
           end as gini
      from ranked`.execute(db);
  return rows[0]!;
}

/** One page of an export: rows created in `[from, to)`, after the last row of the previous page. */
export interface ExportPageFilter {
  tenantId: string;
  from: Date;
  to: Date;
  after: { createdAt: Date; id: string } | null;
  limit: number;
}

/** The tenant's rows of table `alias` created in the filter's range, after the previous page's last. */
function exportWindow(alias: 'hr' | 'b' | 'f', f: ExportPageFilter): RawBuilder<boolean> {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  const inRange = sql<boolean>`${column('tenant_id')} = ${f.tenantId} and ${column('created_at')} >= ${f.from} and ${column('created_at')} < ${f.to}`;
  if (!f.after) return inRange;
  const after = pastCursor(`${alias}.created_at`, `${alias}.id`, '>', {
    at: f.after.createdAt,
    id: f.after.id,
  });
  return sql<boolean>`${inRange} and ${after}`;
}

/** A page of rows for a CSV export, by keyset on (created_at, id). */
export async function exportRequestsPage(db: Db, f: ExportPageFilter) {
  return db
    .selectFrom('help_requests as hr')
    .innerJoin('users as u', 'u.id', 'hr.learner_id')
    .select([
      'hr.id',
      'hr.created_at',
      'hr.status',
      'hr.title',
      'hr.skills',
      'hr.urgency',
      'hr.format',
      'hr.best_score',
      'hr.matched_mentor_id',
      'hr.context',
      'u.external_id as learner_external_id',
    ])
    .where(exportWindow('hr', f))
    .orderBy('hr.created_at')
    .orderBy('hr.id')
    .limit(f.limit)
    .execute();
}

export async function exportBookingsPage(db: Db, f: ExportPageFilter) {
  return db
    .selectFrom('bookings as b')
    .innerJoin('users as u', 'u.id', 'b.learner_id')
    .innerJoin('mentors as m', 'm.id', 'b.mentor_id')
    .select([
      'b.id',
      'b.created_at',
      'b.start_at',
      'b.end_at',
      'b.status',
      'b.format',
      'b.mentor_id',
      'm.name as mentor_name',
      'u.external_id as learner_external_id',
      'b.request_id',
      'b.cancel_reason',
    ])
    .where(exportWindow('b', f))
    .orderBy('b.created_at')
    .orderBy('b.id')
    .limit(f.limit)
    .execute();
}

/** A page of feedback given in the range, by keyset on (created_at, id), with its session. */
export async function exportFeedbackPage(db: Db, f: ExportPageFilter) {
  return db
    .selectFrom('feedback as f')
    .innerJoin('bookings as b', (j) =>
      j.onRef('b.id', '=', 'f.booking_id').onRef('b.tenant_id', '=', 'f.tenant_id'),
    )
    .innerJoin('mentors as m', 'm.id', 'f.mentor_id')
    .innerJoin('users as u', 'u.id', 'f.learner_id')
    .select([
      'f.id',
      'f.created_at',
      'f.booking_id',
      'b.start_at',
      'f.mentor_id',
      'm.name as mentor_name',
      'u.external_id as learner_external_id',
      'f.rating',
      'f.solved',
      'f.comment',
    ])
    .where(exportWindow('f', f))
    .orderBy('f.created_at')
    .orderBy('f.id')
    .limit(f.limit)
    .execute();
}

export interface NoShowRow {
  party: 'mentor' | 'learner';
  id: string;
  name: string;
  n: number;
}

/**
 * No-shows of sessions starting in the range, per person who did not come: mentors (party
 * `mentor`) and learners (party `learner`), each with their count. Few rows: counted live.
 */
export async function noShowsByPerson(db: Db, r: Range): Promise<NoShowRow[]> {
  const { rows } = await sql<NoShowRow>`
    select 'mentor' as party, b.mentor_id as id, m.name, count(*)::int as n
      from bookings b
      join mentors m on m.id = b.mentor_id and m.tenant_id = b.tenant_id
     where b.tenant_id = ${r.tenantId} and b.start_at >= ${r.from} and b.start_at < ${r.to}
       and b.status = 'no_show' and b.no_show_party = 'mentor'
     group by b.mentor_id, m.name
    union all
    select 'learner' as party, b.learner_id as id, u.name, count(*)::int as n
      from bookings b
      join users u on u.id = b.learner_id and u.tenant_id = b.tenant_id
     where b.tenant_id = ${r.tenantId} and b.start_at >= ${r.from} and b.start_at < ${r.to}
       and b.status = 'no_show' and b.no_show_party = 'learner'
     group by b.learner_id, u.name`.execute(db);
  return rows;
}
