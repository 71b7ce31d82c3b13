import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit after release; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('availability')
    .addColumn('mentor_id', 'uuid', (c) => c.primaryKey().references('mentors.id').onDelete('cascade'))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('weekly', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('overrides', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('buffer_before_minutes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('buffer_after_minutes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('min_notice_minutes', 'integer', (c) => c.notNull().defaultTo(60))
    .addColumn('horizon_days', 'integer', (c) => c.notNull().defaultTo(30))
    .addColumn('max_per_day', 'integer')
    .addColumn('max_per_week', 'integer')
    .addColumn('session_lengths', sql`integer[]`, (c) => c.notNull())
    .addColumn('meeting_url', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index availability_tenant_idx on availability (tenant_id)`.execute(db);

  await db.schema
    .createTable('bookings')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('mentor_id', 'uuid', (c) => c.notNull().references('mentors.id'))
    .addColumn('learner_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('request_id', 'uuid')
    .addColumn('start_at', 'timestamptz', (c) => c.notNull())
    .addColumn('end_at', 'timestamptz', (c) => c.notNull())
    // The mentor's range padded by their buffers at booking time: what the mentor's exclusion
    // constraint compares, so buffers hold even under concurrent booking.
    .addColumn('blocked_range', sql`tstzrange`, (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('video', 'call', 'chat')`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('confirmed', 'cancelled', 'completed', 'no_show')`),
    )
    .addColumn('join_url', 'text')
    .addColumn('thread_id', 'uuid')
    .addColumn('note', 'text')
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('cancel_reason', 'text')
    .addColumn('cancelled_by', 'text')
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('bookings_ends_after_start', sql`end_at > start_at`)
    .execute();
  // Double booking is impossible by construction: PostgreSQL rejects overlapping live ranges
  // for one mentor (with buffers) and for one learner (SQLSTATE 23P01).
  await sql`alter table bookings add constraint bookings_mentor_no_overlap
    exclude using gist (mentor_id with =, blocked_range with &&) where (status <> 'cancelled')`.execute(db);
  await sql`alter table bookings add constraint bookings_learner_no_overlap
    exclude using gist (learner_id with =, tstzrange(start_at, end_at, '[)') with &&) where (status <> 'cancelled')`.execute(
    db,
  );
  await sql`create index bookings_tenant_start_idx on bookings (tenant_id, start_at, id)`.execute(db);
  await sql`create index bookings_mentor_start_idx on bookings (mentor_id, start_at)`.execute(db);
  await sql`create index bookings_learner_start_idx on bookings (learner_id, start_at)`.execute(db);

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('response_status', 'integer', (c) => c.notNull())
    .addColumn('response_headers', 'jsonb', (c) => c.notNull())
    .addColumn('response_body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['tenant_id', 'key'])
    .execute();
  await sql`create index idempotency_keys_expiry_idx on idempotency_keys (expires_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('idempotency_keys').execute();
  await db.schema.dropTable('bookings').execute();
  await db.schema.dropTable('availability').execute();
}
