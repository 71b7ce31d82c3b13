import { type Kysely, sql } from 'kysely';
import type {
  Database,
  EmailAttemptRow,
  EmailDigestItemRow,
  EmailMessageRow,
  EmailParty,
  EmailStatus,
  NewEmailMessage,
} from './database.js';
import { pastCursor } from './keyset.js';

type Db = Kysely<Database>;

/** Writes a message unless its cause already has one: the new id, or null for a repeat. */
export async function insertEmailMessage(db: Db, message: NewEmailMessage): Promise<string | null> {
  const row = await db
    .insertInto('email_messages')
    .values(message)
    .onConflict((oc) => oc.columns(['tenant_id', 'cause']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function findEmailMessage(
  db: Db,
  tenantId: string,
  id: string,
): Promise<EmailMessageRow | undefined> {
  return db
    .selectFrom('email_messages')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function setEmailStatus(
  db: Db,
  tenantId: string,
  id: string,
  status: EmailStatus,
  now: Date,
): Promise<void> {
  await db
    .updateTable('email_messages')
    .set({ status, updated_at: now, ...(status === 'sent' ? { sent_at: now } : {}) })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

/** Records one attempt to send a message, numbered after the ones before it. */
export async function insertEmailAttempt(
  db: Db,
  attempt: { tenantId: string; messageId: string; ok: boolean; reply: string; at: Date },
): Promise<void> {
  const last = await db
    .selectFrom('email_attempts')
    .select((eb) => eb.fn.max('attempt').as('n'))
    .where('tenant_id', '=', attempt.tenantId)
    .where('message_id', '=', attempt.messageId)
    .executeTakeFirst();
  await db
    .insertInto('email_attempts')
    .values({
      tenant_id: attempt.tenantId,
      message_id: attempt.messageId,
      attempt: Number(last?.n ?? 0) + 1,
      ok: attempt.ok,
      reply: attempt.reply,
      attempted_at: attempt.at,
    })
    .execute();
}

export async function listEmailAttempts(
  db: Db,
  tenantId: string,
  messageId: string,
): Promise<EmailAttemptRow[]> {
  return db
    .selectFrom('email_attempts')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('message_id', '=', messageId)
    .orderBy('attempt')
    .execute();
}

type Party = { tenantId: string; party: EmailParty; partyId: string };

/** The kinds of email this person (as learner or as mentor) turned off. */
export async function listOptOuts(db: Db, who: Party): Promise<string[]> {
  const rows = await db
    .selectFrom('email_opt_outs')
    .select('kind')
    .where('tenant_id', '=', who.tenantId)
    .where('party', '=', who.party)
    .where('party_id', '=', who.partyId)
    .execute();
  return rows.map((r) => r.kind);
}

export async function setOptOut(db: Db, who: Party, kind: string, off: boolean, now: Date): Promise<void> {
  if (off) {
    await db
      .insertInto('email_opt_outs')
      .values({ tenant_id: who.tenantId, party: who.party, party_id: who.partyId, kind, created_at: now })
      .onConflict((oc) => oc.doNothing())
      .execute();
    return;
  }
  await db
    .deleteFrom('email_opt_outs')
    .where('tenant_id', '=', who.tenantId)
    .where('party', '=', who.party)
    .where('party_id', '=', who.partyId)
    .where('kind', '=', kind)
    .execute();
}

/** The message an unsubscribe link came from (any tenant: the token's hash is the key). */
export async function findMessageByUnsubscribeHash(
  db: Db,
  hash: string,
): Promise<EmailMessageRow | undefined> {
  return db.selectFrom('email_messages').selectAll().where('unsubscribe_hash', '=', hash).executeTakeFirst();
}

/** Adds a notice to a batch; a cause already batched adds nothing. Returns whether it was new. */
export async function insertDigestItem(
  db: Db,
  item: Party & { batch: string; cause: string; data: Record<string, unknown>; now: Date },
): Promise<boolean> {
  const row = await db
    .insertInto('email_digest_items')
    .values({
      tenant_id: item.tenantId,
      party: item.party,
      party_id: item.partyId,
      batch: item.batch,
      cause: item.cause,
      data: JSON.stringify(item.data),
      created_at: item.now,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'cause']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** The notices of a batch no message has carried yet, oldest first, locked for the caller. */
export async function takeOpenDigestItems(
  db: Db,
  batch: Party & { batch: string },
): Promise<EmailDigestItemRow[]> {
  return db
    .selectFrom('email_digest_items')
    .selectAll()
    .where('tenant_id', '=', batch.tenantId)
    .where('party', '=', batch.party)
    .where('party_id', '=', batch.partyId)
    .where('batch', '=', batch.batch)
    .where('closed_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** Marks notices as carried (by a message, or by none when they no longer needed one). */
export async function closeDigestItems(
  db: Db,
  tenantId: string,
  ids: readonly string[],
  messageId: string | null,
  now: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('email_digest_items')
    .set({ message_id: messageId, closed_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...ids])
    .execute();
}

/** When a message of this batch last went out (its newest closed notice), if ever. */
export async function lastDigestClosedAt(db: Db, batch: Party & { batch: string }): Promise<Date | null> {
  const row = await db
    .selectFrom('email_digest_items')
    .select((eb) => eb.fn.max('closed_at').as('at'))
    .where('tenant_id', '=', batch.tenantId)
    .where('party', '=', batch.party)
    .where('party_id', '=', batch.partyId)
    .where('batch', '=', batch.batch)
    .where('message_id', 'is not', null)
    .executeTakeFirst();
  return row?.at ? new Date(row.at) : null;
}

export interface EmailMessageFilter {
  tenantId: string;
  status?: EmailStatus | undefined;
  kind?: string | undefined;
  /** A part of the recipient address, matched case-insensitively. */
  to?: string | undefined;
  limit: number;
  cursor?: { createdAt: string; id: string } | undefined;
}

/** A message without its bodies, with how many attempts it had and the last one's reply. */
export type EmailMessageSummaryRow = Omit<EmailMessageRow, 'text_body' | 'html_body' | 'ics'> & {
  attempt_count: number;
  last_reply: string | null;
};

/** `%` and `_` in what the admin typed are letters, not LIKE wildcards. */
const likeLiteral = (text: string): string => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** Messages newest first, by keyset on (created_at, id) descending (email_messages_recent_idx). */
export async function listEmailMessages(db: Db, f: EmailMessageFilter): Promise<EmailMessageSummaryRow[]> {
  let query = db
    .selectFrom('email_messages as m')
    .select([
      'm.id',
      'm.tenant_id',
      'm.cause',
      'm.kind',
      'm.to_address',
      'm.subject',
      'm.recipient_party',
      'm.recipient_id',
      'm.unsubscribe_hash',
      'm.list_unsubscribe',
      'm.reply_to',
      'm.status',
      'm.sent_at',
      'm.created_at',
      'm.updated_at',
    ])
    .select((eb) => [
      eb
        .selectFrom('email_attempts as a')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('a.message_id', '=', 'm.id')
        .as('attempt_count'),
      eb
        .selectFrom('email_attempts as a')
        .select('a.reply')
        .whereRef('a.message_id', '=', 'm.id')
        .orderBy('a.attempt', 'desc')
        .limit(1)
        .as('last_reply'),
    ])
    .where('m.tenant_id', '=', f.tenantId);
  if (f.status) query = query.where('m.status', '=', f.status);
  if (f.kind) query = query.where('m.kind', '=', f.kind);
  if (f.to) query = query.where('m.to_address', 'ilike', `%${likeLiteral(f.to)}%`);
  if (f.cursor) {
    query = query.where(pastCursor('m.created_at', 'm.id', '<', { at: f.cursor.createdAt, id: f.cursor.id }));
  }
  const rows = await query
    .orderBy('m.created_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(f.limit + 1)
    .execute();
  return rows.map((row) => ({ ...row, attempt_count: row.attempt_count ?? 0 }));
}

/** Whether any message with a cause starting so was written (e.g. a booking's, for one party). */
export async function hasMessageCausedLike(
  db: Db,
  tenantId: string,
  prefix: string,
  suffix: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('email_messages')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('cause', 'like', `${likeLiteral(prefix)}%${likeLiteral(suffix)}`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
