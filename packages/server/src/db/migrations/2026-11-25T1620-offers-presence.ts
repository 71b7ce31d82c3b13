import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit after release; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // A mentor is online while online_until is in the future: "available now" sets it 15 min
  // ahead, each live-connection heartbeat pushes it ~60 s ahead.
  await db.schema.alterTable('mentors').addColumn('online_until', 'timestamptz').execute();
  // Why a mentor is paused: 'unresponsive' (set by the system, lifted by the mentor) or others.
  await db.schema.alterTable('mentors').addColumn('paused_reason', 'text').execute();
  // Offers in a row the mentor let expire; reset by any answer. Three pause them from matching.
  await db.schema
    .alterTable('mentors')
    .addColumn('unanswered_offers', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`create index mentors_online_idx on mentors (tenant_id, online_until) where online_until is not null`.execute(
    db,
  );

  // A request offered to a mentor who must accept it: instant help ("now") offers it to the
  // online top matches at once; the first to accept wins.
  await db.schema
    .createTable('request_offers')
    .addColumn('request_id', 'uuid', (c) => c.notNull().references('help_requests.id').onDelete('cascade'))
    .addColumn('mentor_id', 'uuid', (c) => c.notNull().references('mentors.id'))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('offered', 'accepted', 'declined', 'expired', 'withdrawn')`),
    )
    .addColumn('offered_at', 'timestamptz', (c) => c.notNull())
    .addColumn('responded_at', 'timestamptz')
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('request_offers_pk', ['request_id', 'mentor_id'])
    .execute();
  // The mentor's inbox, newest first.
  await sql`create index request_offers_mentor_idx on request_offers (tenant_id, mentor_id, offered_at desc, request_id desc)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('request_offers').execute();
  await sql`drop index if exists mentors_online_idx`.execute(db);
  await db.schema.alterTable('mentors').dropColumn('unanswered_offers').execute();
  await db.schema.alterTable('mentors').dropColumn('paused_reason').execute();
  await db.schema.alterTable('mentors').dropColumn('online_until').execute();
}
