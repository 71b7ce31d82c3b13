import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { type InboundReply, refusalReason, takeInboundReply } from '../domain/email/inbound-reply.js';
import { type ReplyAddressOptions, verifyReplyAddress } from '../domain/email/reply-address.js';

/** A reply is a few lines of text: anything bigger is not one (attachments included). */
export const INBOUND_MAX_BYTES = 256 * 1024;

export interface InboundSmtpOptions extends ReplyAddressOptions {
  db: Kysely<Database>;
  clock: Clock;
  port: number;
  host: string;
  maxBytes?: number;
  /** One line per message taken or refused (and per internal error). */
  log?: (line: Record<string, unknown>) => void;
}

export interface InboundSmtpListener {
  /** The port it listens on (the one chosen when asked for 0). */
  port: number;
  close(): Promise<void>;
}

/** An error smtp-server answers with our reply code. */
function smtpError(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * The inbound SMTP listener of reply by email. It takes mail for one reply address at a time
 * (a second RCPT is told 452, so the sending server retries it in a transaction of its own),
 * checks the address's signature at RCPT (550 for anything not a live reply address), and
 * posts the reply at DATA: 250 posted, 550 refused with the reason, 552 too big, 451 on our
 * own failure (the sender retries). No AUTH and no TLS: it sits behind the operator's MTA,
 * which does TLS, spam filtering and the MX; it never relays.
 */
export async function startInboundSmtp(options: InboundSmtpOptions): Promise<InboundSmtpListener> {
  const maxBytes = options.maxBytes ?? INBOUND_MAX_BYTES;
  const log = options.log ?? (() => {});
  const addressOptions = { domain: options.domain, key: options.key };
  const server = new SMTPServer({
    name: options.domain,
    banner: 'Micromentor reply by email',
    logger: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    size: maxBytes,
    maxRecipients: 1,
    maxClients: 100,
    closeTimeout: 2_000,
    onRcptTo(address, _session, callback) {
      verifyReplyAddress(options.db, address.address, addressOptions).then(
        (check) => callback(check.ok ? null : smtpError(550, refusalReason(check.refusal))),
        (error: unknown) => {
          log({ level: 'error', msg: 'inbound reply: address check failed', error: String(error) });
          callback(smtpError(451, 'Temporary failure, try again later'));
        },
      );
    },
    onData(stream, session, callback) {
      receive(stream, session).then(
        (reply) => callback(reply),
        (error: unknown) => {
          log({ level: 'error', msg: 'inbound reply failed', error: String(error) });
          callback(smtpError(451, 'Temporary failure, try again later'));
        },
      );
    },
  });

  /** Resolves with the SMTP error to answer (null: 250). */
  async function receive(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<Error | null> {
    const raw = await readCapped(stream, maxBytes);
    if (stream.sizeExceeded || raw === null) {
      log({ level: 'info', msg: 'inbound reply refused', refusal: 'oversized', bytes: stream.byteLength });
      return smtpError(552, `Message exceeds the ${Math.floor(maxBytes / 1024)} KB limit for replies`);
    }
    const mail = await simpleParser(raw, { skipImageLinks: true, skipTextLinks: true, skipTextToHtml: true });
    const outcome = await takeInboundReply(
      { db: options.db, clock: options.clock },
      inboundReplyOf(mail, session, raw),
      addressOptions,
    );
    if (outcome.taken) {
      log({
        level: 'info',
        msg: 'inbound reply posted',
        tenant: outcome.tenantId,
        thread: outcome.threadId,
        message: outcome.message.id,
      });
      return null;
    }
    log({ level: 'info', msg: 'inbound reply refused', refusal: outcome.refusal });
    return smtpError(550, outcome.reason);
  }

  let listening = false;
  await new Promise<void>((resolve, reject) => {
    // Before it listens, an error (the port is taken) fails the start; after, a broken
    // connection must not take the process down: it is only logged.
    server.on('error', (error) => {
      if (!listening) return reject(error);
      log({ level: 'error', msg: 'inbound SMTP error', error: String(error) });
    });
    server.listen(options.port, options.host, () => {
      listening = true;
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    port,
    close: () => {
      closing ??= new Promise<void>((resolve) => server.close(() => resolve()));
      return closing;
    },
  };
}

/**
 * The message's bytes, or null past `maxBytes`; an oversized one is still read to its end, so
 * the client gets its 552 after DATA rather than a broken connection.
 */
async function readCapped(stream: Readable, maxBytes: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= maxBytes) chunks.push(chunk);
  }
  return size <= maxBytes ? Buffer.concat(chunks) : null;
}

function addressesOf(field: AddressObject | AddressObject[] | undefined): string[] {
  const objects = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return objects.flatMap((o) => o.value.flatMap((a) => (a.address ? [a.address] : [])));
}

function inboundReplyOf(mail: ParsedMail, session: SMTPServerSession, raw: Buffer): InboundReply {
  const headers = new Map<string, string>();
  for (const [name, value] of mail.headers) if (typeof value === 'string') headers.set(name, value);
  const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
  return {
    recipient: session.envelope.rcptTo[0]?.address ?? '',
    envelopeFrom,
    from: addressesOf(mail.from),
    messageId: mail.messageId ?? null,
    headers,
    text: mail.text ?? '',
    raw,
  };
}
