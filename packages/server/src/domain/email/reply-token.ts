import { createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { EmailParty } from '../../db/database.js';

/**
 * The token in a reply address: `<row id><signature>`, both lowercase base32 (some mail servers
 * lowercase local parts). The signature is an HMAC-SHA256 over the token row's id and what it
 * grants (tenant, thread, recipient), under a key derived from the server secret, so a token
 * can be recomputed from its row and nothing secret is stored: the row keeps only its hash.
 */

/** What a token grants: its row, and whose reply it carries into which thread. */
export interface ReplyTokenClaims {
  id: string;
  tenantId: string;
  threadId: string;
  party: EmailParty;
  partyId: string;
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
const ID_BYTES = 16;
/** 128 bits of the HMAC: guessing one over SMTP is hopeless. */
const SIGNATURE_BYTES = 16;
const encodedLength = (bytes: number) => Math.ceil((bytes * 8) / 5);
const ID_CHARS = encodedLength(ID_BYTES);
export const REPLY_TOKEN_LENGTH = ID_CHARS + encodedLength(SIGNATURE_BYTES);

function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

/** Decodes exactly `length` bytes, or null; a non-canonical spelling (stray low bits) is refused. */
function fromBase32(text: string, length: number): Buffer | null {
  if (text.length !== encodedLength(length)) return null;
  const out = Buffer.alloc(length);
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const char of text) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) return null;
    value = (value << 5) | digit;
    bits += 5;
    if (bits >= 8) {
      out[index++] = (value >>> (bits - 8)) & 255;
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  return value === 0 ? out : null;
}

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replaceAll('-', ''), 'hex');
}

function uuidOf(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The signing key, derived from the server secret (so it is never the secret itself). */
function signingKey(serverKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', serverKey, 'micromentor', 'reply-address v1', 32));
}

function signature(claims: ReplyTokenClaims, serverKey: string): Buffer {
  const signed = [
    'reply-address v1',
    claims.id,
    claims.tenantId,
    claims.threadId,
    claims.party,
    claims.partyId,
  ];
  return createHmac('sha256', signingKey(serverKey))
    .update(signed.join('\n'))
    .digest()
    .subarray(0, SIGNATURE_BYTES);
}

export function encodeReplyToken(claims: ReplyTokenClaims, serverKey: string): string {
  return base32(uuidBytes(claims.id)) + base32(signature(claims, serverKey));
}

/** The row id a token names, or null when it is not a token at all (wrong length or letters). */
export function replyTokenId(token: string): string | null {
  if (token.length !== REPLY_TOKEN_LENGTH) return null;
  const id = fromBase32(token.slice(0, ID_CHARS), ID_BYTES);
  const signed = fromBase32(token.slice(ID_CHARS), SIGNATURE_BYTES);
  return id && signed ? uuidOf(id) : null;
}

/** Whether the token is the one these claims give under this key (constant time). */
export function replyTokenSignedFor(token: string, claims: ReplyTokenClaims, serverKey: string): boolean {
  const expected = Buffer.from(encodeReplyToken(claims, serverKey));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** What the database keeps of a token. */
export function hashReplyToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
