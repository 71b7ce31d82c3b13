import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit after release; add a new migration instead.

/** The analytics rollup's dirty marks for requests (2026-11-26T1000), watching `extra` columns too. */
function markRequests(extra: string) {
  return sql.raw(`
    create or replace function analytics_mark_requests() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into analytics_dirty (tenant_id, day)
        select distinct n.tenant_id, (n.created_at at time zone 'UTC')::date from new_rows n;
      elsif tg_op = 'UPDATE' then
        insert into analytics_dirty (tenant_id, day)
        select distinct r.tenant_id, (r.created_at at time zone 'UTC')::date
          from new_rows n join old_rows o on o.id = n.id
               cross join lateral (values (n.tenant_id, n.created_at), (o.tenant_id, o.created_at))
                 as r (tenant_id, created_at)
         where (o.best_score, o.skills, o.created_at, o.tenant_id${extra.replaceAll('@', 'o.')})
               is distinct from (n.best_score, n.skills, n.created_at, n.tenant_id${extra.replaceAll('@', 'n.')});
      else
        insert into analytics_dirty (tenant_id, day)
        select distinct o.tenant_id, (o.created_at at time zone 'UTC')::date from old_rows o;
      end if;
      return null;
    end $$`);
}

export async function up(db: Kysely<any>): Promise<void> {
  // Honest when nobody fits. `queued_at`: the learner asked the program; the request then also
  // has `unanswered_at` (it waits for the program: the queue is the open requests that have it).
  // `waiting_since`: the learner waits for a match, re-checked when mentors join or free up;
  // `match_found_at`: a fitting mentor was found and the learner told (once).
  await db.schema
    .alterTable('help_requests')
    .addColumn('queued_at', 'timestamptz')
    .addColumn('waiting_since', 'timestamptz')
    .addColumn('match_found_at', 'timestamptz')
    .execute();
  // The program queue, oldest first, per tenant.
  await sql`create index help_requests_program_queue on help_requests (tenant_id, unanswered_at, id)
            where status = 'open' and unanswered_at is not null`.execute(db);
  // The requests still waiting for a match, oldest first, per tenant.
  await sql`create index help_requests_waiting on help_requests (tenant_id, waiting_since, id)
            where status = 'open' and waiting_since is not null and match_found_at is null`.execute(db);
  // A request waiting for a match counts as unmet in the skills report: its day is rolled up again.
  await markRequests(', @unanswered_at, @waiting_since').execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await markRequests(', @unanswered_at').execute(db);
  await sql`drop index if exists help_requests_waiting`.execute(db);
  await sql`drop index if exists help_requests_program_queue`.execute(db);
  await db.schema
    .alterTable('help_requests')
    .dropColumn('queued_at')
    .dropColumn('waiting_since')
    .dropColumn('match_found_at')
    .execute();
}
