import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit after release; add a new migration instead.

export async function up(db: Kysely<any>): Promise<void> {
  // LTI 1.3 platforms (an LMS: Moodle, Canvas, …) a tenant registered. A launch finds its tenant
  // by (issuer, client_id) and then the deployment: hosted Canvas and Blackboard share one
  // issuer across all their customers, the client id (the developer key) tells them apart.
  await sql`create table lti_platforms (
    id uuid primary key default gen_random_uuid(),
    tenant_id uuid not null references tenants(id) on delete cascade,
    name text not null,
    issuer text not null,
    client_id text not null,
    deployment_ids text[] not null,
    auth_login_url text not null,
    auth_token_url text not null,
    jwks_url text,
    public_jwks jsonb,
    role_mapping jsonb not null default '{}'::jsonb,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    constraint lti_platforms_keys check ((jwks_url is null) <> (public_jwks is null)),
    constraint lti_platforms_deployments check (cardinality(deployment_ids) between 1 and 100)
  )`.execute(db);
  await sql`create unique index lti_platforms_client on lti_platforms (issuer, client_id)`.execute(db);
  await sql`create index lti_platforms_tenant on lti_platforms (tenant_id, created_at, id)`.execute(db);

  // One login initiation waiting for its launch: the state and nonce sent to the platform, used once.
  await sql`create table lti_login_states (
    state text primary key,
    platform_id uuid not null references lti_platforms(id) on delete cascade,
    nonce text not null,
    target_link_uri text not null,
    -- 'cookie': a SameSite=None; Partitioned cookie binds it to the browser; 'storage': the
    -- platform's postMessage storage does (lti_storage_target, Canvas and Blackboard).
    binding text not null check (binding in ('cookie', 'storage')),
    created_at timestamptz not null,
    expires_at timestamptz not null
  )`.execute(db);
  await sql`create index lti_login_states_expiry on lti_login_states (expires_at)`.execute(db);

  // The tool's own RS256 keys (one set for the whole installation: platforms fetch it from
  // /lti/jwks). The private key is sealed; a retired key stays listed until its overlap ends.
  await sql`create table lti_tool_keys (
    kid text primary key,
    public_jwk jsonb not null,
    private_key_sealed text not null,
    created_at timestamptz not null,
    retired_at timestamptz
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table if exists lti_tool_keys`.execute(db);
  await sql`drop table if exists lti_login_states`.execute(db);
  await sql`drop table if exists lti_platforms`.execute(db);
}
