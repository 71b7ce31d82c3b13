import { type Kysely, sql } from 'kysely';
import type {
  MentorLoadRow,
  Range,
  RequestBucketRow,
  ResponseBucketRow,
  SatisfactionBucketRow,
  SessionBucketRow,
  SkillRow,
} from './analytics.js';
import { mentorLoadFrom, skillDemandFrom } from './analytics.js';
import type { Database } from './database.js';

type Db = Kysely<Database>;

const DAY_MS = 86_400_000;
/** `2026-11-02` → its UTC midnight. */
const midnight = (day: string) => new Date(`${day}T00:00:00.000Z`);
/** A UTC instant → its day, `2026-11-02`. */
export const utcDay = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Serialises rollup work per tenant (until the caller's transaction ends), so two refreshes never
 * rewrite the same day at once.
 */
export async function lockTenantRollup(db: Db, tenantId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`analytics-rollup:${tenantId}`}))`.execute(db);
}

/**
 * Takes the tenant's dirty marks (optionally only days in [fromDay, toDay)) and returns their
 * days, sorted. Only committed marks are taken, and a mark is committed with the write it reports,
 * so recomputing the returned days afterwards sees every write they stand for; a mark committed
 * later stays for the next refresh.
 */
export async function claimDirtyDays(
  db: Db,
  tenantId: string,
  window?: { fromDay: string; toDay: string },
): Promise<string[]> {
  const { rows } = await sql<{ day: string }>`
    with taken as (
      delete from analytics_dirty
       where tenant_id = ${tenantId}
         ${window ? sql`and day >= ${window.fromDay}::date and day < ${window.toDay}::date` : sql``}
      returning day
    )
    select distinct to_char(day, 'YYYY-MM-DD') as day from taken order by 1`.execute(db);
  return rows.map((r) => r.day);
}

/** Refreshes the planner's statistics of the rollup tables. */
export async function analyzeRollup(db: Db): Promise<void> {
  await sql`analyze analytics_days, analytics_day_skills, analytics_day_mentors`.execute(db);
}

/** Does the tenant have changes not rolled up yet? */
export async function hasDirtyDays(db: Db, tenantId: string): Promise<boolean> {
  const { rows } = await sql<{ one: number }>`
    select 1 as one from analytics_dirty where tenant_id = ${tenantId} limit 1`.execute(db);
  return rows.length > 0;
}

/**
 * Recomputes the given UTC days of a tenant from the live tables, exactly as the live queries in
 * analytics.ts count them: requests by creation day (matched at `threshold`, first responses as
 * sorted minutes), sessions and their feedback by start day, skills per day, sessions per mentor
 * per day. Run it under `lockTenantRollup` in a transaction.
 */
export async function rollupDays(db: Db, tenantId: string, days: readonly string[], threshold: number) {
  // Runs of days (gaps of up to a week closed: recomputing a clean day is harmless), each
  // recomputed with plain range scans.
  const sorted = [...days].sort();
  let i = 0;
  while (i < sorted.length) {
    const lo = midnight(sorted[i]!);
    let last = lo;
    while (i + 1 < sorted.length && midnight(sorted[i + 1]!).getTime() - last.getTime() <= 7 * DAY_MS) {
      last = midnight(sorted[++i]!);
    }
    i++;
    await rollupSpan(db, tenantId, lo, new Date(last.getTime() + DAY_MS), threshold);
  }
}

/** Recomputes every UTC day in [lo, hi) (both at midnight). */
async function rollupSpan(db: Db, tenantId: string, lo: Date, hi: Date, threshold: number) {
  const loDay = utcDay(lo);
  const lastDay = utcDay(new Date(hi.getTime() - DAY_MS));
  const t = tenantId;
  await sql`
    insert into analytics_days (tenant_id, day, requests, matched, booked, first_response_minutes,
                                sessions, completed, no_show, cancelled,
                                rating_sum, rating_count, solved_yes, solved_partly)
    with d as (select g::date as day from generate_series(${loDay}::date, ${lastDay}::date, interval '1 day') g),
    req as (
      select (created_at at time zone 'UTC')::date as day,
             count(*)::int as requests,
             (count(*) filter (where best_score >= ${threshold}))::int as matched
        from help_requests
       where tenant_id = ${t} and created_at >= ${lo} and created_at < ${hi}
       group by 1
    ),
    first_booking as (
      select request_id, min(created_at) as at
        from bookings
       where tenant_id = ${t} and request_id is not null and created_at >= ${lo}
       group by request_id
    ),
    resp as (
      select day, count(*)::int as booked, array_agg(minutes order by minutes) as minutes
        from (select (hr.created_at at time zone 'UTC')::date as day,
                     (extract(epoch from fb.at - hr.created_at) / 60)::float8 as minutes
                from first_booking fb
                join help_requests hr on hr.id = fb.request_id
               where hr.tenant_id = ${t} and hr.created_at >= ${lo} and hr.created_at < ${hi}) x
       group by day
    ),
    sess as (
      select (start_at at time zone 'UTC')::date as day,
             count(*)::int as sessions,
             (count(*) filter (where status = 'completed'))::int as completed,
             (count(*) filter (where status = 'no_show'))::int as no_show,
             (count(*) filter (where status = 'cancelled'))::int as cancelled
        from bookings
       where tenant_id = ${t} and start_at >= ${lo} and start_at < ${hi}
       group by 1
    ),
    fbk as (
      select (b.start_at at time zone 'UTC')::date as day,
             sum(f.rating)::int as rating_sum,
             count(*)::int as rating_count,
             (count(*) filter (where f.solved = 'yes'))::int as solved_yes,
             (count(*) filter (where f.solved = 'partly'))::int as solved_partly
        from bookings b
        join feedback f on f.booking_id = b.id and f.tenant_id = b.tenant_id
       where b.tenant_id = ${t} and b.start_at >= ${lo} and b.start_at < ${hi}
       group by 1
    )
    select ${t}::uuid, d.day,
           coalesce(req.requests, 0), coalesce(req.matched, 0),
           coalesce(resp.booked, 0), coalesce(resp.minutes, '{}'),
           coalesce(sess.sessions, 0), coalesce(sess.completed, 0), coalesce(sess.no_show, 0),
           coalesce(sess.cancelled, 0),
           coalesce(fbk.rating_sum, 0), coalesce(fbk.rating_count, 0), coalesce(fbk.solved_yes, 0),
           coalesce(fbk.solved_partly, 0)
      from d
      left join req using (day) left join resp using (day) left join sess using (day) left join fbk using (day)
    on conflict (tenant_id, day) do update set
      requests = excluded.requests, matched = excluded.matched, booked = excluded.booked,
      first_response_minutes = excluded.first_response_minutes, sessions = excluded.sessions,
      completed = excluded.completed, no_show = excluded.no_show, cancelled = excluded.cancelled,
      rating_sum = excluded.rating_sum, rating_count = excluded.rating_count,
      solved_yes = excluded.solved_yes, solved_partly = excluded.solved_partly`.execute(db);

  await sql`delete from analytics_day_skills where tenant_id = ${t} and day >= ${loDay}::date and day <= ${lastDay}::date`.execute(
    db,
  );
  await sql`
    insert into analytics_day_skills (tenant_id, day, skill, requests, unmet)
    select ${t}::uuid, (hr.created_at at time zone 'UTC')::date, skill,
           count(*)::int,
           (count(*) filter (where hr.best_score is null or hr.best_score < ${threshold} or hr.unanswered_at is not null or hr.waiting_since is not null))::int
      from help_requests hr, unnest(hr.skills) as skill
     where hr.tenant_id = ${t} and hr.created_at >= ${lo} and hr.created_at < ${hi} and cardinality(hr.skills) > 0
     group by 2, 3`.execute(db);

  await sql`delete from analytics_day_mentors where tenant_id = ${t} and day >= ${loDay}::date and day <= ${lastDay}::date`.execute(
    db,
  );
  await sql`
    insert into analytics_day_mentors (tenant_id, day, mentor_id, sessions)
    select ${t}::uuid, (start_at at time zone 'UTC')::date, mentor_id, count(*)::int
      from bookings
     where tenant_id = ${t} and start_at >= ${lo} and start_at < ${hi} and status <> 'cancelled'
     group by 2, 3`.execute(db);
}

// Reads over whole UTC days [from, to): the same row shapes as the live queries in analytics.ts.

const days = (r: Range) =>
  sql`tenant_id = ${r.tenantId} and day >= ${utcDay(r.from)}::date and day < ${utcDay(r.to)}::date`;
const bucketOf = (r: Range) => sql`(date_trunc(${r.bucket}, day::timestamp) at time zone 'UTC')`;

export async function rollupRequestSeries(db: Db, r: Range): Promise<RequestBucketRow[]> {
  const { rows } = await sql<RequestBucketRow>`
    select ${bucketOf(r)} as bucket, sum(requests)::int as requests, sum(matched)::int as matched
      from analytics_days where ${days(r)} and requests > 0
     group by 1`.execute(db);
  return rows;
}

export async function rollupResponseSeries(db: Db, r: Range): Promise<ResponseBucketRow[]> {
  const { rows } = await sql<ResponseBucketRow>`
    select bucket, count(*)::int as booked,
           (percentile_cont(0.5) within group (order by minutes))::float8 as median_first_minutes
      from (select ${bucketOf(r)} as bucket, m.minutes
              from analytics_days, unnest(first_response_minutes) as m (minutes)
             where ${days(r)} and booked > 0) x
     group by rollup (1)
     order by 1 nulls last`.execute(db);
  return rows;
}

export async function rollupSessionSeries(db: Db, r: Range): Promise<SessionBucketRow[]> {
  const { rows } = await sql<SessionBucketRow>`
    select ${bucketOf(r)} as bucket, sum(sessions)::int as booked, sum(completed)::int as completed,
           sum(no_show)::int as no_show, sum(cancelled)::int as cancelled
      from analytics_days where ${days(r)} and sessions > 0
     group by rollup (1)
     order by 1 nulls last`.execute(db);
  return rows;
}

export async function rollupSatisfactionSeries(db: Db, r: Range): Promise<SatisfactionBucketRow[]> {
  const { rows } = await sql<SatisfactionBucketRow>`
    select ${bucketOf(r)} as bucket, coalesce(sum(rating_sum), 0)::int as rating_sum,
           coalesce(sum(rating_count), 0)::int as rating_count, coalesce(sum(solved_yes), 0)::int as solved_yes
      from analytics_days where ${days(r)} and rating_count > 0
     group by rollup (1)
     order by 1 nulls last`.execute(db);
  return rows;
}

export async function rollupSkillDemand(db: Db, r: Range, limit = 10): Promise<SkillRow[]> {
  return skillDemandFrom(
    db,
    sql`select skill, sum(requests)::int as requests, sum(unmet)::int as unmet
          from analytics_day_skills where ${days(r)}
         group by skill`,
    limit,
  );
}

export async function rollupMentorLoad(db: Db, r: Range): Promise<MentorLoadRow> {
  return mentorLoadFrom(
    db,
    r.tenantId,
    sql`select mentor_id, sum(sessions)::int as n
          from analytics_day_mentors where ${days(r)}
         group by mentor_id`,
  );
}
