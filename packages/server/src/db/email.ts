import type { Kysely } from 'kysely';
import type { Database, EmailAttemptRow, EmailMessageRow, EmailStatus, NewEmailMessage } from './database.js';

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
