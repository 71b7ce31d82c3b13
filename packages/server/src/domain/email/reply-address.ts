import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, EmailParty, EmailReplyTokenRow } from '../../db/database.js';
import {
  findLiveReplyToken,
  findReplyToken,
  insertReplyTokenIfAbsent,
  revokeReplyTokenById,
  revokeReplyTokens,
} from '../../db/reply-tokens.js';
import { findThread } from '../../db/threads.js';
import { NotFoundError } from '../errors.js';
import {
  encodeReplyToken,
  hashReplyToken,
  type ReplyTokenClaims,
  replyTokenId,
  replyTokenSignedFor,
} from './reply-token.js';

/** Where replies go and what signs their addresses. */
export interface ReplyAddressOptions {
  /** The domain of reply addresses (MICROMENTOR_INBOUND_DOMAIN), e.g. `reply.example.org`. */
  domain: string;
  /** The server secret (MICROMENTOR_SECRET_KEY); the signing key is derived from it. */
  key: string;
}

/** One recipient of a thread's notifications: the learner (a user id) or the mentor (a mentor id). */
export interface ReplyRecipient {
  tenantId: string;
  threadId: string;
  party: EmailParty;
  partyId: string;
  now: Date;
}

/** The local part before the token: `reply+<token>@domain`. */
const LOCAL_PREFIX = 'reply+';

function addressOf(token: string, domain: string): string {
  return `${LOCAL_PREFIX}${token}@${domain.toLowerCase()}`;
}

function claimsOf(row: EmailReplyTokenRow): ReplyTokenClaims {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    threadId: row.thread_id,
    party: row.party,
    partyId: row.party_id,
  };
}

/**
 * The recipient's reply address for the thread (for the Reply-To of its notifications). The
 * same address every time until it is revoked; then a new one. A thread of another tenant, or
 * a recipient who is not the thread's learner or mentor: not found.
 */
export async function replyAddressFor(
  db: Kysely<Database>,
  { tenantId, threadId, party, partyId, now }: ReplyRecipient,
  options: { domain: string; key: string },
): Promise<string> {
  const thread = await findThread(db, tenantId, threadId);
  const isParticipant = party === 'learner' ? thread?.learner_id === partyId : thread?.mentor_id === partyId;
  if (!thread || !isParticipant) throw new NotFoundError('Thread');
  const owner = { tenantId, threadId, party, partyId };
  // Three rounds at most: a live token signed with an older secret is retired, and a
  // concurrent call may write the new row first (then its token is the one to use).
  for (let round = 0; round < 3; round++) {
    const live = await findLiveReplyToken(db, owner);
    if (live) {
      const token = encodeReplyToken(claimsOf(live), options.key);
      if (hashReplyToken(token) === live.token_hash) return addressOf(token, options.domain);
      await revokeReplyTokenById(db, live.id, now);
      continue;
    }
    const id = randomUUID();
    const token = encodeReplyToken({ id, ...owner }, options.key);
    if (await insertReplyTokenIfAbsent(db, { id, ...owner, tokenHash: hashReplyToken(token), now })) {
      return addressOf(token, options.domain);
    }
  }
  throw new Error('could not settle on a reply address; try again');
}

/**
 * Revokes a recipient's reply addresses (one thread's, or all of theirs in the tenant): a reply
 * to one is refused from now on. Returns how many were revoked.
 */
export async function revokeReplyAddresses(
  db: Kysely<Database>,
  who: { tenantId: string; party: EmailParty; partyId: string; threadId?: string | undefined },
  now: Date,
): Promise<number> {
  return revokeReplyTokens(db, who, now);
}

/** Why an address is not a way into a thread. */
export type ReplyAddressRefusal = 'not_reply_address' | 'unknown_token' | 'bad_signature' | 'revoked';

export type ReplyAddressCheck =
  | { ok: true; token: EmailReplyTokenRow }
  | { ok: false; refusal: ReplyAddressRefusal };

/**
 * Reads a recipient address: a `reply+<token>` at our domain whose token is signed for its row
 * and not revoked gives the row (its tenant, thread and recipient); anything else, why not.
 * Case does not matter (mail servers may change it).
 */
export async function verifyReplyAddress(
  db: Kysely<Database>,
  address: string,
  options: ReplyAddressOptions,
): Promise<ReplyAddressCheck> {
  const lower = address.trim().toLowerCase();
  const at = lower.lastIndexOf('@');
  const local = lower.slice(0, at);
  if (at < 0 || lower.slice(at + 1) !== options.domain.toLowerCase() || !local.startsWith(LOCAL_PREFIX)) {
    return { ok: false, refusal: 'not_reply_address' };
  }
  const token = local.slice(LOCAL_PREFIX.length);
  const id = replyTokenId(token);
  if (!id) return { ok: false, refusal: 'not_reply_address' };
  const row = await findReplyToken(db, id);
  if (!row) return { ok: false, refusal: 'unknown_token' };
  const hash = Buffer.from(hashReplyToken(token));
  const stored = Buffer.from(row.token_hash);
  const hashMatches = hash.length === stored.length && timingSafeEqual(hash, stored);
  if (!hashMatches || !replyTokenSignedFor(token, claimsOf(row), options.key)) {
    return { ok: false, refusal: 'bad_signature' };
  }
  if (row.revoked_at) return { ok: false, refusal: 'revoked' };
  return { ok: true, token: row };
}
