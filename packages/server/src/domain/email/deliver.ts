import type { JobRow } from '../../db/database.js';
import { findEmailMessage, insertEmailAttempt, setEmailStatus } from '../../db/email.js';
import type { DomainCtx } from '../context.js';
import { type JobHandler, jobTarget } from '../job-handler.js';
import type { MailTransport } from './transport.js';

export interface EmailDeliveryOptions {
  transport: MailTransport;
  /** The sender, e.g. `"Program name <noreply@example.org>"` (MICROMENTOR_MAIL_FROM). */
  from: string;
}

/** Thrown to make the worker retry the job later (with backoff). */
export class EmailAttemptFailed extends Error {}

/**
 * The `email.send` job: one attempt to hand the message to the transport, recorded with the
 * server's reply. Sent → done; refused or unreachable → retried with backoff until the job's
 * last attempt, then `failed`. A message that is no longer pending is never sent again.
 */
export function emailDeliveryHandler(options: EmailDeliveryOptions): JobHandler {
  return {
    async run(job: JobRow, { db, clock }: DomainCtx): Promise<void> {
      const { tenantId, id } = jobTarget(job, 'messageId');
      const message = await findEmailMessage(db, tenantId, id);
      if (message?.status !== 'pending') return;
      let reply: string;
      try {
        reply = await options.transport.send({
          messageId: `<${message.id}@${/@([^>\s]+)>?\s*$/.exec(options.from)?.[1] ?? 'micromentor'}>`,
          from: options.from,
          to: message.to_address,
          subject: message.subject,
          text: message.text_body,
          html: message.html_body,
          ics: message.ics,
          replyTo: message.reply_to,
          listUnsubscribe: message.list_unsubscribe,
        });
      } catch (error) {
        const why = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
        const now = clock.now();
        await insertEmailAttempt(db, { tenantId, messageId: id, ok: false, reply: why, at: now });
        if (job.attempts >= job.max_attempts) await setEmailStatus(db, tenantId, id, 'failed', now);
        throw new EmailAttemptFailed(why);
      }
      const now = clock.now();
      await insertEmailAttempt(db, { tenantId, messageId: id, ok: true, reply, at: now });
      await setEmailStatus(db, tenantId, id, 'sent', now);
    },
  };
}
