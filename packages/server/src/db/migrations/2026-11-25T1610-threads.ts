import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit after release; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // A conversation between one learner and one mentor: about a request (one per request and
  // mentor) and/or a chat booking (one per booking).
  await db.schema
    .createTable('threads')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('request_id', 'uuid', (c) => c.references('help_requests.id'))
    .addColumn('booking_id', 'uuid', (c) => c.references('bookings.id'))
    .addColumn('learner_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('mentor_id', 'uuid', (c) => c.notNull().references('mentors.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('last_message_at', 'timestamptz')
    .execute();
  await sql`create unique index threads_request_mentor_uq on threads (request_id, mentor_id) where request_id is not null`.execute(
    db,
  );
  await sql`create unique index threads_booking_uq on threads (booking_id) where booking_id is not null`.execute(
    db,
  );
  await sql`create index threads_learner_idx on threads (tenant_id, learner_id)`.execute(db);
  await sql`create index threads_mentor_idx on threads (tenant_id, mentor_id)`.execute(db);

  await db.schema
    .createTable('messages')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    // Order within a thread (ids are random; times can tie).
    .addColumn('seq', 'bigint', (c) => c.notNull().generatedAlwaysAsIdentity())
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('thread_id', 'uuid', (c) => c.notNull().references('threads.id').onDelete('cascade'))
    .addColumn('author_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull().check(sql`char_length(body) between 1 and 4000`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`create index messages_thread_seq_idx on messages (thread_id, seq)`.execute(db);

  // How far each participant has read.
  await db.schema
    .createTable('thread_reads')
    .addColumn('thread_id', 'uuid', (c) => c.notNull().references('threads.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('last_read_message_id', 'uuid', (c) => c.references('messages.id'))
    .addColumn('last_read_seq', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('read_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('thread_reads_pk', ['thread_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('thread_reads').execute();
  await db.schema.dropTable('messages').execute();
  await db.schema.dropTable('threads').execute();
}
