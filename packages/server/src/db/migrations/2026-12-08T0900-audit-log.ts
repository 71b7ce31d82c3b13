import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit after release; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // What an admin did, by whom, from where: one row per successful admin write or export. Only
  // ids and key prefixes name the actor (names are resolved when read), so erasing a person
  // leaves nothing personal here. No foreign key to users: an erased user's id stays on record.
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id'))
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    .addColumn('actor_user_id', 'uuid')
    .addColumn('actor_key_kind', 'text', (c) =>
      c.notNull().check(sql`actor_key_kind in ('secret', 'publishable', 'cli')`),
    )
    .addColumn('actor_key_prefix', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text')
    .addColumn('summary', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('client_ip', 'text')
    .addColumn('request_id', 'text')
    .execute();
  await sql`create index audit_log_tenant_at_idx on audit_log (tenant_id, at desc, id desc)`.execute(db);
  await sql`create index audit_log_tenant_action_idx on audit_log (tenant_id, action, at desc)`.execute(db);
  await sql`create index audit_log_tenant_actor_idx on audit_log (tenant_id, actor_user_id, at desc)`.execute(
    db,
  );
  // Append-only whatever the caller: the API has no route to change it, and the database refuses
  // UPDATE, DELETE and TRUNCATE from anyone (a bug or a stolen connection string included).
  await sql`
    create function audit_log_append_only() returns trigger language plpgsql as $$
    begin
      raise exception 'audit_log is append-only: % refused', tg_op using errcode = '42501';
    end $$`.execute(db);
  await sql`create trigger audit_log_no_change before update or delete on audit_log
            for each row execute function audit_log_append_only()`.execute(db);
  await sql`create trigger audit_log_no_truncate before truncate on audit_log
            for each statement execute function audit_log_append_only()`.execute(db);

  // Replies that carried a secret (a new key, a webhook signing secret) are kept sealed, or not
  // at all: 'sealed' = response_body is SecretBox output; 'withheld' = the body was dropped and a
  // replay says the secret was shown once (no server key to seal with).
  await sql`alter table idempotency_keys add column response_secret text
            check (response_secret in ('sealed', 'withheld'))`.execute(db);
  // Expired records are pruned per tenant on every claim (db/idempotency.ts).
  await sql`create index idempotency_keys_tenant_expiry_idx on idempotency_keys (tenant_id, expires_at)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index idempotency_keys_tenant_expiry_idx`.execute(db);
  // A withheld or sealed body cannot be replayed by the older code: forget those records.
  await sql`delete from idempotency_keys where response_secret is not null`.execute(db);
  await sql`alter table idempotency_keys drop column response_secret`.execute(db);
  await sql`drop table audit_log`.execute(db);
  await sql`drop function audit_log_append_only()`.execute(db);
}
