import { createHmac, timingSafeEqual } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signUserToken } from '../src/node/index.js';

const secret = 'ids_test_secret_0123456789';
const now = new Date('2026-11-25T12:00:00Z');
const nowSeconds = now.getTime() / 1000;

function decode(part: string): unknown {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
}

function verifyHs256(token: string, key: string): { header: unknown; claims: Record<string, unknown> } {
  const [head, body, signature, ...rest] = token.split('.');
  if (head === undefined || body === undefined || signature === undefined || rest.length > 0) {
    throw new Error('not a three-part JWT');
  }
  const expected = createHmac('sha256', key).update(`${head}.${body}`).digest();
  const actual = Buffer.from(signature, 'base64url');
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual))
    throw new Error('bad signature');
  return { header: decode(head), claims: decode(body) as Record<string, unknown> };
}

describe('signUserToken', () => {
  it('signs an HS256 JWT whose signature verifies with the identity secret', () => {
    const token = signUserToken({
      identitySecret: secret,
      sub: 'user-42',
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      roles: ['mentor'],
      ttlSeconds: 600,
      now,
    });
    expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    const { header, claims } = verifyHs256(token, secret);
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(claims).toEqual({
      sub: 'user-42',
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      roles: ['mentor'],
      iat: nowSeconds,
      exp: nowSeconds + 600,
    });
  });

  it('fails verification with another secret', () => {
    const token = signUserToken({ identitySecret: secret, sub: 'u', name: 'U', now });
    expect(() => verifyHs256(token, 'ids_other')).toThrow('bad signature');
  });

  it('defaults to one hour and leaves out email and roles when not given', () => {
    const { claims } = verifyHs256(
      signUserToken({ identitySecret: secret, sub: 'u', name: 'Ünïcødé ✓', now }),
      secret,
    );
    expect(claims).toEqual({ sub: 'u', name: 'Ünïcødé ✓', iat: nowSeconds, exp: nowSeconds + 3600 });
  });

  it('uses the current time when `now` is not given', () => {
    const before = Math.floor(Date.now() / 1000);
    const { claims } = verifyHs256(signUserToken({ identitySecret: secret, sub: 'u', name: 'U' }), secret);
    expect(claims.iat).toBeGreaterThanOrEqual(before);
    expect(claims.iat).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
  });

  it.each([0, -1, 86_401, 1.5, Number.NaN])('rejects ttlSeconds %s', (ttlSeconds) => {
    expect(() => signUserToken({ identitySecret: secret, sub: 'u', name: 'U', ttlSeconds })).toThrow(
      RangeError,
    );
  });

  it('accepts the bounds 1 and 86400', () => {
    for (const ttlSeconds of [1, 86_400]) {
      const { claims } = verifyHs256(
        signUserToken({ identitySecret: secret, sub: 'u', name: 'U', ttlSeconds, now }),
        secret,
      );
      expect(claims.exp).toBe(nowSeconds + ttlSeconds);
    }
  });

  it('requires a secret, a subject and a name', () => {
    expect(() => signUserToken({ identitySecret: '', sub: 'u', name: 'U' })).toThrow(TypeError);
    expect(() => signUserToken({ identitySecret: secret, sub: '', name: 'U' })).toThrow(TypeError);
    expect(() => signUserToken({ identitySecret: secret, sub: 'u', name: '  ' })).toThrow(TypeError);
  });
});
