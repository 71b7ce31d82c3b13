import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit after release; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // Who a message is for and how to reach them: a user's language (the token's `locale`
  // claim), a mentor's own contact address (wins over their token's email).
  await sql`alter table users add column locale text`.execute(db);
  // The user's IANA time zone (the token's `zoneinfo` claim): times in their email are in it.
  await sql`alter table users add column time_zone text`.execute(db);
  await sql`alter table mentors add column contact_email text`.execute(db);
  // A message knows its recipient (learner: a user; mentor: a mentor row), so an unsubscribe
  // link stops exactly that kind for exactly them; headers such as List-Unsubscribe and
  // Reply-To travel with it.
  await sql`alter table email_messages add column recipient_party text
            check (recipient_party in ('learner', 'mentor'))`.execute(db);
  await sql`alter table email_messages add column recipient_id uuid`.execute(db);
  await sql`alter table email_messages add column unsubscribe_hash text`.execute(db);
  await sql`alter table email_messages add column reply_to text`.execute(db);
  // The one-click unsubscribe link (its token is in the message body anyway; the hash finds it).
  await sql`alter table email_messages add column list_unsubscribe text`.execute(db);
  // A message nobody could be sent (the recipient has no address) is kept as `unaddressed`, so
  // the admin view says who was not reached and why.
  await sql`alter table email_messages drop constraint email_messages_status_check`.execute(db);
  await sql`alter table email_messages add constraint email_messages_status_check
            check (status in ('pending', 'sent', 'failed', 'unaddressed'))`.execute(db);
  await sql`create unique index email_messages_unsubscribe_idx on email_messages (unsubscribe_hash)
            where unsubscribe_hash is not null`.execute(db);
  await sql`create index email_messages_recent_idx on email_messages (tenant_id, created_at desc, id desc)`.execute(
    db,
  );
  // The kinds of message a person turned off, as learner (a user id) or as mentor (a mentor id).
  await sql`create table email_opt_outs (
    tenant_id uuid not null references tenants(id) on delete cascade,
    party text not null check (party in ('learner', 'mentor')),
    party_id uuid not null,
    kind text not null,
    created_at timestamptz not null,
    primary key (tenant_id, party, party_id, kind)
  )`.execute(db);
  // Notices waiting to be batched into one message (a mentor's new requests, a thread's
  // messages): each cause once; closed when a message carried it (`message_id`) or when it no
  // longer needs one (the messages were read meanwhile).
  await sql`create table email_digest_items (
    id uuid primary key default gen_random_uuid(),
    tenant_id uuid not null references tenants(id) on delete cascade,
    party text not null check (party in ('learner', 'mentor')),
    party_id uuid not null,
    batch text not null,
    cause text not null,
    data jsonb not null,
    message_id uuid references email_messages(id) on delete set null,
    created_at timestamptz not null,
    closed_at timestamptz,
    unique (tenant_id, cause)
  )`.execute(db);
  await sql`create index email_digest_items_open_idx on email_digest_items (tenant_id, party, party_id, batch)
            where closed_at is null`.execute(db);
  // Reply by email: one revocable token per recipient and thread, carried in the reply
  // address (only its hash is kept); each inbound message is taken once.
  await sql`create table email_reply_tokens (
    id uuid primary key default gen_random_uuid(),
    tenant_id uuid not null references tenants(id) on delete cascade,
    thread_id uuid not null,
    party text not null check (party in ('learner', 'mentor')),
    party_id uuid not null,
    token_hash text not null unique,
    created_at timestamptz not null,
    revoked_at timestamptz,
    unique (tenant_id, thread_id, party, party_id)
  )`.execute(db);
  await sql`create table inbound_emails (
    tenant_id uuid not null references tenants(id) on delete cascade,
    message_id text not null,
    token_id uuid references email_reply_tokens(id) on delete set null,
    received_at timestamptz not null,
    primary key (tenant_id, message_id)
  )`.execute(db);
  // A private calendar feed per user: only the secret's hash is kept; regenerating replaces it.
  await sql`alter table users add column calendar_feed_hash text`.execute(db);
  await sql`create unique index users_calendar_feed_idx on users (calendar_feed_hash)
            where calendar_feed_hash is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index users_calendar_feed_idx`.execute(db);
  await sql`alter table users drop column calendar_feed_hash`.execute(db);
  await sql`drop table inbound_emails`.execute(db);
  await sql`drop table email_reply_tokens`.execute(db);
  await sql`drop table email_digest_items`.execute(db);
  await sql`drop table email_opt_outs`.execute(db);
  await sql`drop index email_messages_recent_idx`.execute(db);
  await sql`drop index email_messages_unsubscribe_idx`.execute(db);
  await sql`delete from email_messages where status = 'unaddressed'`.execute(db);
  await sql`alter table email_messages drop constraint email_messages_status_check`.execute(db);
  await sql`alter table email_messages add constraint email_messages_status_check
            check (status in ('pending', 'sent', 'failed'))`.execute(db);
  await sql`alter table email_messages drop column list_unsubscribe`.execute(db);
  await sql`alter table email_messages drop column reply_to`.execute(db);
  await sql`alter table email_messages drop column unsubscribe_hash`.execute(db);
  await sql`alter table email_messages drop column recipient_id`.execute(db);
  await sql`alter table email_messages drop column recipient_party`.execute(db);
  await sql`alter table mentors drop column contact_email`.execute(db);
  await sql`alter table users drop column time_zone`.execute(db);
  await sql`alter table users drop column locale`.execute(db);
}
