import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit after release; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // The calendar feed's secret is looked up by its hash (2026-12-07T1000-reach); users also
  // expect to find their feed's address again in the console, so the secret is kept sealed
  // (AES-256-GCM under MICROMENTOR_SECRET_KEY, like identity secrets) beside it, with when it
  // was made. All three are set together or not at all.
  await sql`alter table users add column calendar_feed_sealed text`.execute(db);
  await sql`alter table users add column calendar_feed_created_at timestamptz`.execute(db);
  await sql`alter table users add constraint users_calendar_feed_whole check (
    (calendar_feed_hash is null) = (calendar_feed_sealed is null)
    and (calendar_feed_hash is null) = (calendar_feed_created_at is null)
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table users drop constraint users_calendar_feed_whole`.execute(db);
  await sql`alter table users drop column calendar_feed_created_at`.execute(db);
  await sql`alter table users drop column calendar_feed_sealed`.execute(db);
}
