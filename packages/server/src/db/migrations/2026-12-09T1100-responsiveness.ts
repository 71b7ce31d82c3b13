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
  // Hand-overs of a request to the next mentor after silence or at the learner's wish: how many
  // so far (the job stops at a cap), and when nobody was left to hand it to (an admin's case).
  await db.schema
    .alterTable('help_requests')
    .addColumn('handovers', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unanswered_at', 'timestamptz')
    .execute();
  // An unanswered request counts as unmet in the skills report: its day is rolled up again.
  await markRequests(', @unanswered_at').execute(db);
  // A booking moves at most the program's `maxReschedules` times; a no-show is recorded once, by
  // the other party, naming who did not come.
  await db.schema
    .alterTable('bookings')
    .addColumn('reschedule_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('no_show_party', 'text', (c) => c.check(sql`no_show_party in ('mentor', 'learner')`))
    .addColumn('no_show_recorded_at', 'timestamptz')
    .execute();
  // A mentor's no-shows, kept in the no-show's transaction, for ranking and the admin's lists
  // (a learner's are counted from their bookings: the auth path reads users on every call).
  await db.schema
    .alterTable('mentors')
    .addColumn('no_show_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_no_show_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mentors').dropColumn('no_show_count').dropColumn('last_no_show_at').execute();
  await db.schema
    .alterTable('bookings')
    .dropColumn('reschedule_count')
    .dropColumn('no_show_party')
    .dropColumn('no_show_recorded_at')
    .execute();
  await markRequests('').execute(db);
  await db.schema.alterTable('help_requests').dropColumn('handovers').dropColumn('unanswered_at').execute();
}
