import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit after release; add a new migration instead.
export async function up(db: Kysely<any>): Promise<void> {
  // A revoked reply address stays on record (a reply to it is told "revoked", and the inbound
  // messages it took keep their link), so only the live token of a recipient and thread is
  // unique: after a revocation the next notification carries a new address.
  await sql`alter table email_reply_tokens
            drop constraint email_reply_tokens_tenant_id_thread_id_party_party_id_key`.execute(db);
  await sql`create unique index email_reply_tokens_live_idx
            on email_reply_tokens (tenant_id, thread_id, party, party_id)
            where revoked_at is null`.execute(db);
  // Revoking every address of a person (their email changed, they left) looks them up by party.
  await sql`create index email_reply_tokens_party_idx
            on email_reply_tokens (tenant_id, party, party_id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index email_reply_tokens_party_idx`.execute(db);
  await sql`drop index email_reply_tokens_live_idx`.execute(db);
  // Revoked tokens are refused either way; without them the old unique constraint holds again.
  await sql`delete from email_reply_tokens where revoked_at is not null`.execute(db);
  await sql`alter table email_reply_tokens
            add constraint email_reply_tokens_tenant_id_thread_id_party_party_id_key
            unique (tenant_id, thread_id, party, party_id)`.execute(db);
}
