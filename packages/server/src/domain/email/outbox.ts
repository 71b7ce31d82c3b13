import type { Kysely } from 'kysely';
import type { Database, EmailParty } from '../../db/database.js';
import { insertEmailMessage } from '../../db/email.js';
import { enqueueJob } from '../../db/jobs.js';

export const EMAIL_SEND_JOB = 'email.send';
/** Attempts per message before it is `failed` (the SMTP reply of each is kept). */
export const EMAIL_MAX_ATTEMPTS = 8;

/** A message to send, as its cause writes it. */
export interface OutgoingEmail {
  tenantId: string;
  /** What causes it, e.g. `booking:<id>:confirmed:learner`: one cause, at most one message. */
  cause: string;
  kind: string;
  /** '' when the recipient has no address: the message is kept `unaddressed`, never sent. */
  to: string;
  subject: string;
  text: string;
  html: string;
  /** An iCalendar invitation to attach (METHOD inside the file). */
  ics?: string;
  recipient?: { party: EmailParty; id: string };
  /** One-click unsubscribe: the link, and the hash of its token (to find the message by). */
  unsubscribe?: { url: string; hash: string };
  replyTo?: string;
}

/**
 * The transactional email outbox: call it in the transaction of the change that causes the
 * message. The message and its `email.send` job commit or roll back with that change; a cause
 * that already has a message adds nothing (never sent twice for one cause). Returns the new
 * message's id, or null for a repeat.
 */
export async function enqueueEmail(
  db: Kysely<Database>,
  email: OutgoingEmail,
  now: Date,
): Promise<string | null> {
  const id = await insertEmailMessage(db, {
    tenant_id: email.tenantId,
    cause: email.cause,
    kind: email.kind,
    to_address: email.to,
    subject: email.subject,
    text_body: email.text,
    html_body: email.html,
    ics: email.ics ?? null,
    recipient_party: email.recipient?.party ?? null,
    recipient_id: email.recipient?.id ?? null,
    unsubscribe_hash: email.unsubscribe?.hash ?? null,
    list_unsubscribe: email.unsubscribe?.url ?? null,
    reply_to: email.replyTo ?? null,
    status: email.to ? 'pending' : 'unaddressed',
    created_at: now,
    updated_at: now,
  });
  if (!id || !email.to) return id;
  await enqueueJob(
    db,
    {
      tenantId: email.tenantId,
      kind: EMAIL_SEND_JOB,
      payload: { messageId: id },
      subject: `email:${id}`,
      runAt: now,
      maxAttempts: EMAIL_MAX_ATTEMPTS,
    },
    now,
  );
  return id;
}
