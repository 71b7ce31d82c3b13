import { createHash } from 'node:crypto';
import type { EmailReplyTokenRow, UserRow } from '../../db/database.js';
import { findMentor } from '../../db/mentors.js';
import { takeInboundMessageId } from '../../db/reply-tokens.js';
import { findTenantById } from '../../db/tenants.js';
import { findThread } from '../../db/threads.js';
import { inTransaction } from '../../db/transaction.js';
import { findUser, findUserByExternalId } from '../../db/users.js';
import { MESSAGE_MAX_CHARS, type Message } from '../../schemas/threads.js';
import { stripLineBreaking } from '../../security/control-characters.js';
import type { Actor } from '../actor.js';
import type { DomainCtx } from '../context.js';
import { NotFoundError } from '../errors.js';
import { readSettings } from '../tenants/settings.js';
import { postMessage } from '../threads/threads.js';
import { type ReplyAddressOptions, type ReplyAddressRefusal, verifyReplyAddress } from './reply-address.js';
import { replyTextOf } from './reply-text.js';

/** One message that arrived for a reply address, as the mail listener read it. */
export interface InboundReply {
  /** The envelope recipient (RCPT TO): the reply address. */
  recipient: string;
  /** The envelope sender (MAIL FROM); empty for bounces and other automatic mail. */
  envelopeFrom: string;
  /** The addresses in the header From. */
  from: readonly string[];
  /** The Message-ID header, or null when it has none. */
  messageId: string | null;
  /** Header values by lowercase name (Auto-Submitted, Precedence…): what tells automatic mail. */
  headers: ReadonlyMap<string, string>;
  /** The text/plain part, or the HTML part turned into text. */
  text: string;
  /** The whole message as received: its hash names a message without a Message-ID. */
  raw: Uint8Array;
}

export type InboundRefusal =
  | ReplyAddressRefusal
  | 'automatic'
  | 'other_sender'
  | 'not_participant'
  | 'empty'
  | 'too_long'
  | 'replayed';

export type InboundOutcome =
  | { taken: true; tenantId: string; threadId: string; message: Message }
  | { taken: false; refusal: InboundRefusal; reason: string };

/** What the sender reads in the bounce (plain ASCII: it travels in an SMTP reply). */
const REASONS: Record<InboundRefusal, string> = {
  not_reply_address: 'No such reply address',
  unknown_token: 'No such reply address',
  bad_signature: 'No such reply address',
  revoked: 'This reply address is no longer in use; reply in the app instead',
  automatic: 'Automatic replies are not posted to the conversation',
  other_sender: 'Replies to this address must come from the address the notification was sent to',
  not_participant: 'You can no longer post in this conversation',
  empty: 'The reply has no text of its own above the quoted message',
  too_long: `The reply is longer than ${MESSAGE_MAX_CHARS} characters; shorten it or reply in the app`,
  replayed: 'This message was already posted',
};

/** What a refused sender is told. */
export function refusalReason(refusal: InboundRefusal): string {
  return REASONS[refusal];
}

function refused(refusal: InboundRefusal): InboundOutcome {
  return { taken: false, refusal, reason: REASONS[refusal] };
}

/**
 * Posts an emailed reply into its thread as the person the reply address was made for, exactly
 * as if they had posted it in the app (events, unread counts, response times). Refused: an
 * address that is not a signed, live reply address; automatic mail; a From that is not the
 * recipient's current address; no text of one's own, or too much; a Message-ID this tenant
 * already took (a replay, also when two deliveries race: the inbound row and the message commit
 * together). Call it with the database, not inside another transaction.
 */
export async function takeInboundReply(
  ctx: DomainCtx,
  reply: InboundReply,
  options: ReplyAddressOptions,
): Promise<InboundOutcome> {
  const address = await verifyReplyAddress(ctx.db, reply.recipient, options);
  if (!address.ok) return refused(address.refusal);
  if (isAutomatic(reply)) return refused('automatic');
  const token = address.token;
  const party = await replyingParty(ctx, token);
  if (!party) return refused('not_participant');
  const from = reply.from.map((a) => a.trim().toLowerCase());
  if (from.length !== 1 || !party.email || from[0] !== party.email.trim().toLowerCase()) {
    return refused('other_sender');
  }
  const body = replyTextOf(reply.text);
  if (body === '') return refused('empty');
  if ([...body].length > MESSAGE_MAX_CHARS) return refused('too_long');
  const tenant = await findTenantById(ctx.db, token.tenant_id);
  if (!tenant) return refused('unknown_token');
  const actor: Actor = {
    tenantId: token.tenant_id,
    settings: readSettings(tenant.settings),
    privileged: false,
    user: { id: party.user.id, externalId: party.user.external_id },
  };
  try {
    return await inTransaction(ctx.db, async (db): Promise<InboundOutcome> => {
      const messageId = inboundMessageId(reply);
      const first = await takeInboundMessageId(db, {
        tenantId: token.tenant_id,
        messageId,
        tokenId: token.id,
        now: ctx.clock.now(),
      });
      if (!first) return refused('replayed');
      const message = await postMessage({ db, clock: ctx.clock }, actor, token.thread_id, body);
      return { taken: true, tenantId: token.tenant_id, threadId: token.thread_id, message };
    });
  } catch (error) {
    // The thread changed hands between the check above and the post: nothing was written.
    if (error instanceof NotFoundError) return refused('not_participant');
    throw error;
  }
}

/**
 * The recipient of the token as they are now, if they still take part in the thread: their
 * user (the author of what they post) and their current address (a mentor's contact email
 * wins over their sign-in one).
 */
async function replyingParty(
  ctx: DomainCtx,
  token: EmailReplyTokenRow,
): Promise<{ user: UserRow; email: string | null } | null> {
  const thread = await findThread(ctx.db, token.tenant_id, token.thread_id);
  if (!thread) return null;
  if (token.party === 'learner') {
    if (thread.learner_id !== token.party_id) return null;
    const user = await findUser(ctx.db, token.tenant_id, token.party_id);
    return user ? { user, email: user.email } : null;
  }
  if (thread.mentor_id !== token.party_id) return null;
  const mentor = await findMentor(ctx.db, token.tenant_id, token.party_id);
  // A mentor who never signed in has no user to write as.
  const user = mentor?.external_id
    ? await findUserByExternalId(ctx.db, token.tenant_id, mentor.external_id)
    : undefined;
  return mentor && user ? { user, email: mentor.contact_email ?? user.email } : null;
}

/** Out-of-office notices, bounces and list mail (RFC 3834 and the older conventions). */
function isAutomatic(reply: InboundReply): boolean {
  if (reply.envelopeFrom.trim() === '') return true;
  const header = (name: string) => reply.headers.get(name)?.trim().toLowerCase();
  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted && autoSubmitted !== 'no') return true;
  if (['bulk', 'junk', 'list', 'auto_reply'].includes(header('precedence') ?? '')) return true;
  return reply.headers.has('x-autoreply') || reply.headers.has('x-autorespond');
}

/** The Message-ID, or for a message without one a hash of its bytes (the same message, the same id). */
function inboundMessageId(reply: InboundReply): string {
  // Stored as text: a NUL or line break a sender put in the header must not reach the database.
  const given = stripLineBreaking(reply.messageId ?? '').trim();
  if (given) return given.slice(0, 998);
  return `sha256:${createHash('sha256').update(reply.raw).digest('hex')}`;
}
