import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit after release; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // After a rotation the previous secret keeps signing (beside the new one) until it expires,
  // so receivers can switch secrets without rejecting deliveries in between.
  await sql`alter table webhook_endpoints add column previous_secret_sealed text`.execute(db);
  await sql`alter table webhook_endpoints add column previous_secret_expires_at timestamptz`.execute(db);
  await sql`alter table webhook_endpoints add constraint webhook_endpoints_previous_secret_check
            check ((previous_secret_sealed is null) = (previous_secret_expires_at is null))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table webhook_endpoints drop constraint webhook_endpoints_previous_secret_check`.execute(
    db,
  );
  await sql`alter table webhook_endpoints drop column previous_secret_expires_at`.execute(db);
  await sql`alter table webhook_endpoints drop column previous_secret_sealed`.execute(db);
}
