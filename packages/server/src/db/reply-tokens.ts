import type { Kysely } from 'kysely';
import type { Database, EmailParty, EmailReplyTokenRow } from './database.js';

type Db = Kysely<Database>;

export interface ReplyTokenOwner {
  tenantId: string;
  threadId: string;
  party: EmailParty;
  partyId: string;
}

/** The live (not revoked) reply token of a recipient in a thread, if there is one. */
export async function findLiveReplyToken(
  db: Db,
  owner: ReplyTokenOwner,
): Promise<EmailReplyTokenRow | undefined> {
  return db
    .selectFrom('email_reply_tokens')
    .selectAll()
    .where('tenant_id', '=', owner.tenantId)
    .where('thread_id', '=', owner.threadId)
    .where('party', '=', owner.party)
    .where('party_id', '=', owner.partyId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

/**
 * Writes a recipient's token unless they already have a live one in the thread (a concurrent
 * call may have written it first): true when this row was written.
 */
export async function insertReplyTokenIfAbsent(
  db: Db,
  token: ReplyTokenOwner & { id: string; tokenHash: string; now: Date },
): Promise<boolean> {
  const row = await db
    .insertInto('email_reply_tokens')
    .values({
      id: token.id,
      tenant_id: token.tenantId,
      thread_id: token.threadId,
      party: token.party,
      party_id: token.partyId,
      token_hash: token.tokenHash,
      created_at: token.now,
    })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'thread_id', 'party', 'party_id']).where('revoked_at', 'is', null).doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** A token by its id, revoked or not (the id comes from an address, so any tenant's). */
export async function findReplyToken(db: Db, id: string): Promise<EmailReplyTokenRow | undefined> {
  return db.selectFrom('email_reply_tokens').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Revokes a person's live tokens (in one thread, or all of theirs): how many were revoked. */
export async function revokeReplyTokens(
  db: Db,
  who: { tenantId: string; party: EmailParty; partyId: string; threadId?: string | undefined },
  now: Date,
): Promise<number> {
  let query = db
    .updateTable('email_reply_tokens')
    .set({ revoked_at: now })
    .where('tenant_id', '=', who.tenantId)
    .where('party', '=', who.party)
    .where('party_id', '=', who.partyId)
    .where('revoked_at', 'is', null);
  if (who.threadId !== undefined) query = query.where('thread_id', '=', who.threadId);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Revokes one token (its key no longer signs it: the server secret changed). */
export async function revokeReplyTokenById(db: Db, id: string, now: Date): Promise<void> {
  await db
    .updateTable('email_reply_tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

/**
 * Records an inbound message as taken: false when the tenant already took one with this
 * Message-ID (a replay). A concurrent delivery of the same message waits on the primary key
 * and then finds it taken.
 */
export async function takeInboundMessageId(
  db: Db,
  inbound: { tenantId: string; messageId: string; tokenId: string; now: Date },
): Promise<boolean> {
  const row = await db
    .insertInto('inbound_emails')
    .values({
      tenant_id: inbound.tenantId,
      message_id: inbound.messageId,
      token_id: inbound.tokenId,
      received_at: inbound.now,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'message_id']).doNothing())
    .returning('message_id')
    .executeTakeFirst();
  return row !== undefined;
}
