import {
  type EmailMessageFilter,
  type EmailMessageSummaryRow,
  findEmailMessage,
  listEmailAttempts,
  listEmailMessages,
} from '../../db/email.js';
import type { AdminEmail, AdminEmailDetail } from '../../schemas/admin-emails.js';
import type { DomainCtx } from '../context.js';
import { NotFoundError } from '../errors.js';
import { type CreatedAtCursor, createdAtCursor, type Page, pageOf } from '../page.js';

// What the program's admins see of the outbox: every message the program sent or tried to send,
// with each attempt's SMTP reply, and the ones nobody could be sent for lack of an address.

function toAdminEmail(row: EmailMessageSummaryRow): AdminEmail {
  return {
    id: row.id,
    kind: row.kind,
    // An unaddressed message is stored with '' as its address: say "none", not an empty string.
    to: row.to_address === '' ? null : row.to_address,
    subject: row.subject,
    status: row.status,
    recipientParty: row.recipient_party,
    recipientId: row.recipient_id,
    createdAt: row.created_at.toISOString(),
    sentAt: row.sent_at?.toISOString() ?? null,
    attemptCount: row.attempt_count,
    lastReply: row.last_reply,
  };
}

/** The program's messages, newest first, filtered by status, kind or a part of the address. */
export async function listEmailsForAdmin(
  ctx: DomainCtx,
  filter: EmailMessageFilter,
): Promise<Page<AdminEmail, CreatedAtCursor>> {
  const rows = await listEmailMessages(ctx.db, filter);
  return pageOf(rows, filter.limit, toAdminEmail, createdAtCursor);
}

/** One message with its bodies, its invitation and every attempt; another tenant's is not found. */
export async function getEmailForAdmin(
  ctx: DomainCtx,
  tenantId: string,
  id: string,
): Promise<AdminEmailDetail> {
  const row = await findEmailMessage(ctx.db, tenantId, id);
  if (!row) throw new NotFoundError('Email');
  const attempts = await listEmailAttempts(ctx.db, tenantId, id);
  const last = attempts.at(-1);
  return {
    ...toAdminEmail({ ...row, attempt_count: attempts.length, last_reply: last?.reply ?? null }),
    cause: row.cause,
    replyTo: row.reply_to,
    text: row.text_body,
    html: row.html_body,
    ics: row.ics,
    attempts: attempts.map((a) => ({
      attempt: a.attempt,
      ok: a.ok,
      reply: a.reply,
      at: a.attempted_at.toISOString(),
    })),
  };
}
