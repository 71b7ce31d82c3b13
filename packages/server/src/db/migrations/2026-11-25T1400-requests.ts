import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit after release; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // When a mentor became approved: matching gives newly approved mentors some exposure.
  await db.schema.alterTable('mentors').addColumn('approved_at', 'timestamptz').execute();
  await sql`update mentors set approved_at = created_at where status = 'approved'`.execute(db);

  await db.schema
    .createTable('help_requests')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('learner_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('skills', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('format', 'text', (c) => c.check(sql`format in ('video', 'call', 'chat')`))
    .addColumn('urgency', 'text', (c) =>
      c.notNull().check(sql`urgency in ('now', 'today', 'this_week', 'flexible')`),
    )
    .addColumn('languages', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('context', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('open', 'matched', 'resolved', 'expired', 'cancelled')`),
    )
    .addColumn('matched_mentor_id', 'uuid', (c) => c.references('mentors.id'))
    .addColumn('declined_mentor_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('best_score', 'real')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index help_requests_tenant_created_idx on help_requests (tenant_id, created_at desc, id desc)`.execute(
    db,
  );
  await sql`create index help_requests_learner_idx on help_requests (learner_id, created_at desc, id desc)`.execute(
    db,
  );

  // The ranked list shown when the request was made (analytics: match quality, unmet skills).
  await db.schema
    .createTable('request_matches')
    .addColumn('request_id', 'uuid', (c) => c.notNull().references('help_requests.id').onDelete('cascade'))
    .addColumn('mentor_id', 'uuid', (c) => c.notNull().references('mentors.id'))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('score', 'real', (c) => c.notNull())
    .addColumn('reasons', 'jsonb', (c) => c.notNull())
    .addPrimaryKeyConstraint('request_matches_pk', ['request_id', 'mentor_id'])
    .execute();

  await db.schema
    .createTable('board_entries')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('learner_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('mentor_id', 'uuid', (c) => c.notNull().references('mentors.id'))
    .addColumn('label', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('board_entries_pk', ['learner_id', 'mentor_id'])
    .execute();

  await db.schema
    .alterTable('bookings')
    .addForeignKeyConstraint('bookings_request_fk', ['request_id'], 'help_requests', ['id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('bookings').dropConstraint('bookings_request_fk').execute();
  await db.schema.dropTable('board_entries').execute();
  await db.schema.dropTable('request_matches').execute();
  await db.schema.dropTable('help_requests').execute();
  await db.schema.alterTable('mentors').dropColumn('approved_at').execute();
}
