import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit after release; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // Every Open Badges credential the program issued (domain/recognition/issued.ts): its id (the
  // JWT's jti), its place in the program's Bitstring Status List, and the unsigned credential for
  // the public verification page. Revocation is permanent: revoked_at is set once, never cleared.
  await db.schema
    .createTable('badge_credentials')
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('id', 'uuid', (c) => c.notNull())
    .addColumn('mentor_id', 'uuid', (c) => c.notNull().references('mentors.id').onDelete('cascade'))
    .addColumn('status_index', 'integer', (c) => c.notNull().check(sql`status_index >= 0`))
    .addColumn('issued_at', 'timestamptz', (c) => c.notNull())
    .addColumn('credential', 'jsonb')
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_reason', 'text', (c) =>
      c.check(sql`revoked_reason in ('mentor_suspended', 'mentor_erased')`),
    )
    .addPrimaryKeyConstraint('badge_credentials_pk', ['tenant_id', 'id'])
    .addUniqueConstraint('badge_credentials_status_index_key', ['tenant_id', 'status_index'])
    .execute();
  await sql`create index badge_credentials_mentor_idx on badge_credentials (tenant_id, mentor_id, issued_at desc)`.execute(
    db,
  );

  // A mentor suspended or erased: every credential issued to them is revoked (its status bit set)
  // in the same transaction, whichever code path changed the row. Erasure also drops the stored
  // copy (it names the mentor); the row stays so that the bit stays set.
  await sql`
    create function badge_credentials_revoke() returns trigger language plpgsql as $$
    begin
      if new.deleted_at is not null and old.deleted_at is null then
        update badge_credentials
           set revoked_at = coalesce(revoked_at, new.deleted_at),
               revoked_reason = coalesce(revoked_reason, 'mentor_erased'),
               credential = null
         where tenant_id = new.tenant_id and mentor_id = new.id;
      elsif new.status = 'suspended' and old.status is distinct from 'suspended' then
        update badge_credentials
           set revoked_at = coalesce(new.status_changed_at, new.updated_at),
               revoked_reason = 'mentor_suspended'
         where tenant_id = new.tenant_id and mentor_id = new.id and revoked_at is null;
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger mentors_badge_credentials_revoke after update of status, deleted_at on mentors
            for each row execute function badge_credentials_revoke()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists mentors_badge_credentials_revoke on mentors`.execute(db);
  await sql`drop function if exists badge_credentials_revoke()`.execute(db);
  await db.schema.dropTable('badge_credentials').execute();
}
