import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  encodeReplyToken,
  REPLY_TOKEN_LENGTH,
  type ReplyTokenClaims,
  replyTokenId,
  replyTokenSignedFor,
} from './reply-token.js';

const KEY = 'test-server-secret-key-0123456789';

function claims(overrides: Partial<ReplyTokenClaims> = {}): ReplyTokenClaims {
  return {
    id: randomUUID(),
    tenantId: randomUUID(),
    threadId: randomUUID(),
    party: 'learner',
    partyId: randomUUID(),
    ...overrides,
  };
}

describe('reply tokens', () => {
  it('fit a local part (reply+<token> within 64 characters) in lowercase base32', () => {
    const token = encodeReplyToken(claims(), KEY);
    expect(token).toMatch(/^[a-z2-7]+$/);
    expect(token).toHaveLength(REPLY_TOKEN_LENGTH);
    expect(`reply+${token}`.length).toBeLessThanOrEqual(64);
  });

  it('name their row and are signed for exactly what they grant, under exactly this key', () => {
    const granted = claims();
    const token = encodeReplyToken(granted, KEY);
    expect(replyTokenId(token)).toBe(granted.id);
    expect(replyTokenSignedFor(token, granted, KEY)).toBe(true);
    expect(replyTokenSignedFor(token, { ...granted, tenantId: randomUUID() }, KEY)).toBe(false);
    expect(replyTokenSignedFor(token, { ...granted, party: 'mentor' }, KEY)).toBe(false);
    expect(replyTokenSignedFor(token, { ...granted, threadId: randomUUID() }, KEY)).toBe(false);
    expect(replyTokenSignedFor(token, granted, `${KEY}-rotated`)).toBe(false);
  });

  it('reads nothing that is not a token: wrong length, other letters, a non-canonical spelling', () => {
    const token = encodeReplyToken(claims(), KEY);
    expect(replyTokenId(token.slice(1))).toBeNull();
    expect(replyTokenId(`${token.slice(0, -1)}1`)).toBeNull();
    expect(replyTokenId('garbage')).toBeNull();
    // The id's last character carries 2 spare bits: a token with them set names no row.
    const idEnd = Math.ceil(128 / 5) - 1;
    const last = token[idEnd]!;
    const bumped = 'abcdefghijklmnopqrstuvwxyz234567'['abcdefghijklmnopqrstuvwxyz234567'.indexOf(last) ^ 1]!;
    expect(replyTokenId(token.slice(0, idEnd) + bumped + token.slice(idEnd + 1))).toBeNull();
  });
});
