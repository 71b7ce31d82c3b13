import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit after release; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // Erasure (domain/privacy/erase.ts): the person's row stays (their sessions still count), with
  // a tombstone external id and no name or email; `erased_at` says so.
  await sql`alter table users add column erased_at timestamptz`.execute(db);
  // Texts taken out, by erasure or by the program's retention period: the rows stay (counts,
  // threads, sessions), their words go. Retention sweeps only rows not done yet, oldest first,
  // so each kind has a partial index on the rows still holding their text.
  for (const table of ['help_requests', 'messages', 'session_notes']) {
    await sql.raw(`alter table ${table} add column redacted_at timestamptz`).execute(db);
  }
  await sql`create index help_requests_retention_idx on help_requests (tenant_id, created_at)
            where redacted_at is null`.execute(db);
  await sql`create index messages_retention_idx on messages (tenant_id, created_at)
            where redacted_at is null`.execute(db);
  await sql`create index session_notes_retention_idx on session_notes (tenant_id, updated_at)
            where redacted_at is null`.execute(db);
  // Finding a user for an admin by their host id or name (`GET /v1/admin/users`).
  await sql`create index users_tenant_name_idx on users (tenant_id, lower(name))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index users_tenant_name_idx`.execute(db);
  await sql`drop index session_notes_retention_idx`.execute(db);
  await sql`drop index messages_retention_idx`.execute(db);
  await sql`drop index help_requests_retention_idx`.execute(db);
  for (const table of ['help_requests', 'messages', 'session_notes']) {
    await sql.raw(`alter table ${table} drop column redacted_at`).execute(db);
  }
  await sql`alter table users drop column erased_at`.execute(db);
}
