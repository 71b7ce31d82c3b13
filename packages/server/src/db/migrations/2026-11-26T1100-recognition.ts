import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit after release; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // Badges a mentor has earned (domain/recognition): one row per (mentor, code), never removed.
  await db.schema
    .createTable('mentor_badges')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('mentor_id', 'uuid', (c) => c.notNull().references('mentors.id').onDelete('cascade'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('earned_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('mentor_badges_pk', ['tenant_id', 'mentor_id', 'code'])
    .execute();
  // The same badges as [{code, earnedAt}] on the profile row, written only together with
  // mentor_badges, so every place that reads a mentor shows them without another query.
  await sql`alter table mentors add column if not exists badges jsonb not null default '[]'::jsonb`.execute(
    db,
  );

  // Each tenant's credential signing key (Ed25519); the private key sealed with the SecretBox.
  await db.schema
    .createTable('issuer_keys')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('kid', 'text', (c) => c.notNull())
    .addColumn('public_jwk', 'jsonb', (c) => c.notNull())
    .addColumn('private_key_sealed', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull())
    .addColumn('retired_at', 'timestamptz')
    .addPrimaryKeyConstraint('issuer_keys_pk', ['tenant_id', 'kid'])
    .execute();
  await sql`create unique index issuer_keys_current_idx on issuer_keys (tenant_id) where retired_at is null`.execute(
    db,
  );

  // The leaderboard: completed sessions of a tenant in a month.
  await sql`create index bookings_completed_start_idx on bookings (tenant_id, start_at)
            include (mentor_id, end_at) where status = 'completed'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists bookings_completed_start_idx`.execute(db);
  await db.schema.dropTable('issuer_keys').execute();
  await sql`alter table mentors drop column if exists badges`.execute(db);
  await db.schema.dropTable('mentor_badges').execute();
}
