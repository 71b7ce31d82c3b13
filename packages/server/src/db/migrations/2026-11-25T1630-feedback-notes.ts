import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit after release; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // Why an application was rejected (or a mentor paused): shown to the mentor themself.
  await db.schema.alterTable('mentors').addColumn('status_reason', 'text').execute();

  // The learner's word on one session, given once. Its rating is also folded into the mentor's
  // rating_sum/rating_count in the same transaction (matching reads those).
  await db.schema
    .createTable('feedback')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('booking_id', 'uuid', (c) => c.notNull().unique().references('bookings.id'))
    .addColumn('mentor_id', 'uuid', (c) => c.notNull().references('mentors.id'))
    .addColumn('learner_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('rating', 'integer', (c) => c.notNull().check(sql`rating between 1 and 5`))
    .addColumn('solved', 'text', (c) => c.notNull().check(sql`solved in ('yes', 'partly', 'no')`))
    .addColumn('comment', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`create index feedback_mentor_idx on feedback (tenant_id, mentor_id, created_at desc)`.execute(db);

  // The mentor's summary of a session, one per booking, and its action items in order.
  await db.schema
    .createTable('session_notes')
    .addColumn('booking_id', 'uuid', (c) => c.primaryKey().references('bookings.id'))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('action_items')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('booking_id', 'uuid', (c) =>
      c.notNull().references('session_notes.booking_id').onDelete('cascade'),
    )
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('done_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await sql`create index action_items_booking_idx on action_items (booking_id, position)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('action_items').execute();
  await db.schema.dropTable('session_notes').execute();
  await db.schema.dropTable('feedback').execute();
  await db.schema.alterTable('mentors').dropColumn('status_reason').execute();
}
