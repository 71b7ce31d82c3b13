import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit after release; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // The email outbox: a message is written in the same transaction as the change that causes
  // it, at most once per cause, and a job sends it; every attempt is kept with the SMTP reply.
  await sql`create table email_messages (
    id uuid primary key default gen_random_uuid(),
    tenant_id uuid not null references tenants(id) on delete cascade,
    cause text not null,
    kind text not null,
    to_address text not null,
    subject text not null,
    text_body text not null,
    html_body text not null,
    ics text,
    status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
    sent_at timestamptz,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    unique (tenant_id, cause)
  )`.execute(db);
  await sql`create table email_attempts (
    id uuid primary key default gen_random_uuid(),
    tenant_id uuid not null references tenants(id) on delete cascade,
    message_id uuid not null references email_messages(id) on delete cascade,
    attempt integer not null,
    ok boolean not null,
    reply text not null,
    attempted_at timestamptz not null,
    unique (message_id, attempt)
  )`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table email_attempts`.execute(db);
  await sql`drop table email_messages`.execute(db);
}
