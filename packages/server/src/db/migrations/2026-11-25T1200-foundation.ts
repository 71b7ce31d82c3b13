import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit after release; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create extension if not exists btree_gist`.execute(db);
  await sql`create extension if not exists pg_trgm`.execute(db);

  await db.schema
    .createTable('tenants')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('allowed_origins', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('settings', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await sql`create index tenants_allowed_origins_idx on tenants using gin (allowed_origins)`.execute(db);

  // Publishable and secret keys are stored as SHA-256 hashes; identity secrets must be usable,
  // so they are stored encrypted (or marked plain when no server key is configured).
  await db.schema
    .createTable('api_keys')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('publishable', 'secret', 'identity')`))
    .addColumn('key_hash', 'text')
    .addColumn('secret_enc', 'text')
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz')
    .addColumn('revoked_at', 'timestamptz')
    .addCheckConstraint(
      'api_keys_material',
      sql`(kind = 'identity') = (secret_enc is not null and key_hash is null)`,
    )
    .execute();
  await sql`create unique index api_keys_hash_idx on api_keys (key_hash) where key_hash is not null`.execute(
    db,
  );
  await sql`create index api_keys_tenant_idx on api_keys (tenant_id, kind)`.execute(db);

  await db.schema
    .createTable('users')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('roles', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('is_guest', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('users_tenant_external_uq', ['tenant_id', 'external_id'])
    .execute();

  // Generated columns must be immutable; array_to_string is only stable.
  await sql`
    create function mm_skills_text(text[]) returns text
    language sql immutable parallel safe
    as $$ select array_to_string($1, ' ') $$`.execute(db);

  await db.schema
    .createTable('mentors')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('external_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('skills', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('years_experience', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('languages', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{en}'`))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('formats', sql`text[]`, (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('pending', 'approved', 'paused', 'suspended', 'rejected')`),
    )
    .addColumn('sessions_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rating_sum', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rating_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('median_response_minutes', 'integer')
    .addColumn('search_doc', sql`tsvector`, (c) =>
      c
        .generatedAlwaysAs(sql`
        setweight(to_tsvector('simple', mm_skills_text(skills)), 'A') ||
        setweight(to_tsvector('english', headline), 'B') ||
        setweight(to_tsvector('english', bio), 'C')`)
        .stored(),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('deleted_at', 'timestamptz')
    .execute();
  await sql`create unique index mentors_external_idx on mentors (tenant_id, external_id)
            where external_id is not null and deleted_at is null`.execute(db);
  await sql`create index mentors_list_idx on mentors (tenant_id, name, id) where deleted_at is null`.execute(
    db,
  );
  await sql`create index mentors_search_idx on mentors using gin (search_doc)`.execute(db);
  await sql`create index mentors_skills_idx on mentors using gin (skills)`.execute(db);
  await sql`create index mentors_languages_idx on mentors using gin (languages)`.execute(db);
  await sql`create index mentors_skills_trgm_idx on mentors using gin (mm_skills_text(skills) gin_trgm_ops)`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mentors').execute();
  await sql`drop function mm_skills_text(text[])`.execute(db);
  await db.schema.dropTable('users').execute();
  await db.schema.dropTable('api_keys').execute();
  await db.schema.dropTable('tenants').execute();
}
