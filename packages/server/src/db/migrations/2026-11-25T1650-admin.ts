import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit after release; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // Why a mentor is in their status (a rejection reason the applicant sees, `reports`, …).
  // `if not exists`: another branch's migration may add the same column.
  await sql`alter table mentors add column if not exists status_reason text`.execute(db);
  await sql`alter table mentors add column if not exists status_changed_at timestamptz`.execute(db);
  await sql`create index if not exists mentors_status_idx on mentors (tenant_id, status, created_at, id)
            where deleted_at is null`.execute(db);

  // Learners' reports about a mentor, reviewed by the program.
  await db.schema
    .createTable('reports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('reporter_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('mentor_id', 'uuid', (c) => c.notNull().references('mentors.id'))
    .addColumn('booking_id', 'uuid', (c) => c.references('bookings.id'))
    .addColumn('reason', 'text', (c) =>
      c
        .notNull()
        .check(sql`reason in ('no_show', 'inappropriate', 'harassment', 'spam', 'unqualified', 'other')`),
    )
    .addColumn('details', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'resolved')`))
    .addColumn('resolution', 'text', (c) => c.check(sql`resolution in ('dismiss', 'pause', 'suspend')`))
    .addColumn('resolution_note', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`create index reports_queue_idx on reports (tenant_id, status, created_at, id)`.execute(db);
  await sql`create index reports_open_mentor_idx on reports (mentor_id) where status = 'open'`.execute(db);

  // Fixed-window request counters shared by every server process.
  await db.schema
    .createTable('rate_limits')
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('window_start', 'timestamptz', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_limits_pk', ['key', 'window_start'])
    .execute();
  await sql`create index rate_limits_window_idx on rate_limits (window_start)`.execute(db);

  // Analytics: requests by time with their best score (index-only per-bucket counts), bookings by
  // creation time (first response to a request), bookings by mentor in a range (mentor load).
  // Ascending with id, so CSV exports page by keyset on (created_at, id).
  await sql`create index help_requests_analytics_idx on help_requests (tenant_id, created_at, id)
            include (best_score)`.execute(db);
  await sql`create index bookings_tenant_created_idx on bookings (tenant_id, created_at)
            include (request_id) where request_id is not null`.execute(db);
  await sql`create index if not exists bookings_tenant_mentor_start_idx on bookings (tenant_id, mentor_id, start_at)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists bookings_tenant_mentor_start_idx`.execute(db);
  await sql`drop index if exists bookings_tenant_created_idx`.execute(db);
  await sql`drop index if exists help_requests_analytics_idx`.execute(db);
  await db.schema.dropTable('rate_limits').execute();
  await db.schema.dropTable('reports').execute();
  await sql`drop index if exists mentors_status_idx`.execute(db);
  await sql`alter table mentors drop column if exists status_changed_at`.execute(db);
  await sql`alter table mentors drop column if exists status_reason`.execute(db);
}
