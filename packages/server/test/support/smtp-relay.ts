import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A local mail relay on loopback (port 0): what arrived, parsed, and its `smtp://` URL. */
export interface SmtpRelay {
  url: string;
  received: ParsedMail[];
  close(): Promise<void>;
}

/**
 * Starts an SMTP server as a plain local relay would be (no authentication, no STARTTLS), keeping
 * every message it takes, parsed with mailparser. `refuse(address)` returns the reply code (and
 * words) to refuse a recipient with, or nothing to take it.
 */
export async function startSmtpRelay(
  options: { refuse?: (address: string) => { code: number; message: string } | undefined } = {},
): Promise<SmtpRelay> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = options.refuse?.(address.address);
      if (!refusal) return callback();
      const error = new Error(refusal.message) as Error & { responseCode: number };
      error.responseCode = refusal.code;
      callback(error);
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
