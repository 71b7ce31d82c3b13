import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit after release; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // Program analytics per tenant and UTC day, so a year reads 365 rows instead of 1M requests.
  // Requests by their creation day (with each first response, in minutes, sorted, so a median
  // over any set of days stays exact), sessions and their feedback by the session's start day.
  await db.schema
    .createTable('analytics_days')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('requests', 'integer', (c) => c.notNull())
    .addColumn('matched', 'integer', (c) => c.notNull())
    .addColumn('booked', 'integer', (c) => c.notNull())
    .addColumn('first_response_minutes', sql`float8[]`, (c) => c.notNull())
    .addColumn('sessions', 'integer', (c) => c.notNull())
    .addColumn('completed', 'integer', (c) => c.notNull())
    .addColumn('no_show', 'integer', (c) => c.notNull())
    .addColumn('cancelled', 'integer', (c) => c.notNull())
    .addColumn('rating_sum', 'integer', (c) => c.notNull())
    .addColumn('rating_count', 'integer', (c) => c.notNull())
    .addColumn('solved_yes', 'integer', (c) => c.notNull())
    .addColumn('solved_partly', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('analytics_days_pk', ['tenant_id', 'day'])
    .execute();
  // Requests per named skill and day, and how many of them had no good match.
  await db.schema
    .createTable('analytics_day_skills')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('skill', 'text', (c) => c.notNull())
    .addColumn('requests', 'integer', (c) => c.notNull())
    .addColumn('unmet', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('analytics_day_skills_pk', ['tenant_id', 'day', 'skill'])
    .execute();
  // Sessions (not cancelled) per mentor and start day: mentor load over any range.
  await db.schema
    .createTable('analytics_day_mentors')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('day', 'date', (c) => c.notNull())
    .addColumn('mentor_id', 'uuid', (c) => c.notNull())
    .addColumn('sessions', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('analytics_day_mentors_pk', ['tenant_id', 'day', 'mentor_id'])
    .execute();

  // Days whose figures changed since they were rolled up: an append-only log (no row is ever
  // updated, so writers never wait on each other), consumed with DELETE … RETURNING. No foreign
  // key: a tenant's cascaded delete must not trip over its own marks.
  await db.schema
    .createTable('analytics_dirty')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('day', 'date', (c) => c.notNull())
    .execute();
  await sql`create index analytics_dirty_tenant_day_idx on analytics_dirty (tenant_id, day)`.execute(db);

  // Statement-level triggers with transition tables mark the days a write touches, on every path
  // (API, jobs, bulk imports) and in the writer's transaction: one insert per statement.
  await sql`
    create function analytics_mark_requests() returns trigger language plpgsql as $$
    begin
      -- Each statement names only the transition tables its operation has.
      if tg_op = 'INSERT' then
        insert into analytics_dirty (tenant_id, day)
        select distinct n.tenant_id, (n.created_at at time zone 'UTC')::date from new_rows n;
      elsif tg_op = 'UPDATE' then
        insert into analytics_dirty (tenant_id, day)
        select distinct r.tenant_id, (r.created_at at time zone 'UTC')::date
          from new_rows n join old_rows o on o.id = n.id
               cross join lateral (values (n.tenant_id, n.created_at), (o.tenant_id, o.created_at))
                 as r (tenant_id, created_at)
         where (o.best_score, o.skills, o.created_at, o.tenant_id)
               is distinct from (n.best_score, n.skills, n.created_at, n.tenant_id);
      else
        insert into analytics_dirty (tenant_id, day)
        select distinct o.tenant_id, (o.created_at at time zone 'UTC')::date from old_rows o;
      end if;
      return null;
    end $$`.execute(db);

  // A booking counts on its start day (sessions, mentor load) and on its request's day (first response).
  await sql`
    create function analytics_mark_bookings() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into analytics_dirty (tenant_id, day)
        select distinct tenant_id, day from (
          select n.tenant_id, (n.start_at at time zone 'UTC')::date as day from new_rows n
          union all
          select hr.tenant_id, (hr.created_at at time zone 'UTC')::date
            from new_rows n join help_requests hr on hr.id = n.request_id
        ) d;
      elsif tg_op = 'UPDATE' then
        insert into analytics_dirty (tenant_id, day)
        select distinct tenant_id, day from (
          select b.tenant_id, b.start_at, b.request_id
            from new_rows n join old_rows o on o.id = n.id
                 cross join lateral (values (n.tenant_id, n.start_at, n.request_id),
                                            (o.tenant_id, o.start_at, o.request_id)) as b (tenant_id, start_at, request_id)
           where (o.status, o.start_at, o.created_at, o.mentor_id, o.request_id, o.tenant_id)
                 is distinct from (n.status, n.start_at, n.created_at, n.mentor_id, n.request_id, n.tenant_id)
        ) c
        cross join lateral (
          select (c.start_at at time zone 'UTC')::date as day
          union all
          select (hr.created_at at time zone 'UTC')::date from help_requests hr where hr.id = c.request_id
        ) d;
      else
        insert into analytics_dirty (tenant_id, day)
        select distinct tenant_id, day from (
          select o.tenant_id, (o.start_at at time zone 'UTC')::date as day from old_rows o
          union all
          select hr.tenant_id, (hr.created_at at time zone 'UTC')::date
            from old_rows o join help_requests hr on hr.id = o.request_id
        ) d;
      end if;
      return null;
    end $$`.execute(db);

  // Feedback counts on its session's start day.
  await sql`
    create function analytics_mark_feedback() returns trigger language plpgsql as $$
    begin
      if tg_op in ('INSERT', 'UPDATE') then
        insert into analytics_dirty (tenant_id, day)
        select distinct b.tenant_id, (b.start_at at time zone 'UTC')::date
          from new_rows n join bookings b on b.id = n.booking_id;
      end if;
      if tg_op in ('UPDATE', 'DELETE') then
        insert into analytics_dirty (tenant_id, day)
        select distinct b.tenant_id, (b.start_at at time zone 'UTC')::date
          from old_rows o join bookings b on b.id = o.booking_id;
      end if;
      return null;
    end $$`.execute(db);

  for (const [table, fn] of [
    ['help_requests', 'analytics_mark_requests'],
    ['bookings', 'analytics_mark_bookings'],
    ['feedback', 'analytics_mark_feedback'],
  ] as const) {
    await sql
      .raw(`create trigger ${table}_analytics_ins after insert on ${table}
              referencing new table as new_rows for each statement execute function ${fn}()`)
      .execute(db);
    await sql
      .raw(`create trigger ${table}_analytics_upd after update on ${table}
              referencing old table as old_rows new table as new_rows for each statement execute function ${fn}()`)
      .execute(db);
    await sql
      .raw(`create trigger ${table}_analytics_del after delete on ${table}
              referencing old table as old_rows for each statement execute function ${fn}()`)
      .execute(db);
  }

  // The feedback export pages by keyset on (created_at, id) within a tenant.
  await sql`create index feedback_tenant_created_idx on feedback (tenant_id, created_at, id)`.execute(db);

  // Backfill: every day that has data is dirty, and each tenant with data gets a rollup job.
  await sql`
    insert into analytics_dirty (tenant_id, day)
    select distinct tenant_id, (created_at at time zone 'UTC')::date from help_requests
    union
    select distinct tenant_id, (start_at at time zone 'UTC')::date from bookings`.execute(db);
  await sql`
    insert into jobs (tenant_id, kind, status, run_at, created_at, subject)
    select distinct tenant_id, 'analytics.rollup', 'pending', now(), now(), 'analytics'
      from analytics_dirty`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['help_requests', 'bookings', 'feedback']) {
    for (const op of ['ins', 'upd', 'del']) {
      await sql.raw(`drop trigger if exists ${table}_analytics_${op} on ${table}`).execute(db);
    }
  }
  await sql`drop function if exists analytics_mark_requests()`.execute(db);
  await sql`drop function if exists analytics_mark_bookings()`.execute(db);
  await sql`drop function if exists analytics_mark_feedback()`.execute(db);
  await sql`drop index if exists feedback_tenant_created_idx`.execute(db);
  await db.schema.dropTable('analytics_dirty').ifExists().execute();
  await db.schema.dropTable('analytics_day_mentors').ifExists().execute();
  await db.schema.dropTable('analytics_day_skills').ifExists().execute();
  await db.schema.dropTable('analytics_days').ifExists().execute();
}
