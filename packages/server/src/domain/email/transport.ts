import { createTransport } from 'nodemailer';

/** One message as it leaves: the outbox's row with its sender. */
export interface MailToSend {
  /** The same on every attempt, so a message sent again after a crash is recognisably one. */
  messageId?: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** An iCalendar invitation (METHOD inside the file): sent as the message's calendar part. */
  ics?: string | null;
  replyTo?: string | null;
  /** One-click unsubscribe (RFC 8058): List-Unsubscribe with List-Unsubscribe-Post. */
  listUnsubscribe?: string | null;
}

/** Sends one message: resolves with the receiving server's reply, rejects with why it failed. */
export interface MailTransport {
  send(mail: MailToSend): Promise<string>;
  close(): void;
}

/** The calendar method an invitation declares (REQUEST, CANCEL…): mail clients read it from the part too. */
function calendarMethod(ics: string): string {
  return /^METHOD:([A-Z-]+)\r?$/m.exec(ics)?.[1] ?? 'PUBLISH';
}

/**
 * SMTP from `SMTP_URL`: `smtp://user:pass@host:port`, `smtps://…`, or plain `smtp://host:port`
 * for a local relay with no authentication (STARTTLS is used when the server offers it, and
 * not required when it does not).
 */
export function smtpTransport(url: string): MailTransport {
  const transporter = createTransport(url);
  return {
    async send(mail) {
      const info = await transporter.sendMail({
        ...(mail.messageId ? { messageId: mail.messageId } : {}),
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        ...(mail.ics ? { icalEvent: { method: calendarMethod(mail.ics), content: mail.ics } } : {}),
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
        ...(mail.listUnsubscribe
          ? {
              list: { unsubscribe: mail.listUnsubscribe },
              headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
            }
          : {}),
      });
      return info.response;
    },
    close: () => transporter.close(),
  };
}

/**
 * Without `SMTP_URL` (local development): nothing leaves the machine; each message stays in the
 * outbox, marked sent, where the local mailbox shows it.
 */
export const localMailbox: MailTransport = {
  send: async () => 'kept in the local mailbox (no SMTP_URL)',
  close: () => {},
};
