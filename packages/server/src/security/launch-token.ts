import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { UserRole } from './user-token.js';

// After a valid LTI launch the page in the LMS frame has no API key and no cookie: it gets a
// launch token, `lt_<payload>.<mac>`, minted by this server for one user of one tenant, which
// the widget sends as its key (and user token). HMAC-SHA256 under a key derived from
// MICROMENTOR_SECRET_KEY; short-lived; accepted only from this server's own origin.

export const LAUNCH_TOKEN_PREFIX = 'lt_';
export const LAUNCH_TOKEN_LIFETIME_SECONDS = 4 * 3_600;

export interface LaunchClaims {
  /** The tenant. */
  tid: string;
  /** The user's external id (`lti:<issuer hash>:<sub>`). */
  sub: string;
  name: string;
  email?: string | undefined;
  locale?: string | undefined;
  roles: UserRole[];
  exp: number;
}

const DEVELOPMENT_SECRET = 'micromentor-development-launch-secret';

/** The MAC key for launch tokens (a development constant when no server secret is set). */
export function launchTokenKey(serverSecret: string | undefined): Buffer {
  return createHash('sha256')
    .update(`micromentor:lti-launch-token:${serverSecret ?? DEVELOPMENT_SECRET}`)
    .digest();
}

/** `<prefix><payload>.<mac>`: a JSON value signed with the launch key (launch tokens, deep-link sessions). */
export function signValue(prefix: string, value: object, key: Buffer): string {
  const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
  const mac = createHmac('sha256', key).update(`${prefix}${payload}`).digest('base64url');
  return `${prefix}${payload}.${mac}`;
}

/** The value of a token `signValue` made with this prefix and key, unexpired (`exp`, seconds); else null. */
export function verifyValue<T extends { exp: number }>(
  prefix: string,
  token: string,
  key: Buffer,
  now: Date,
): T | null {
  if (!token.startsWith(prefix)) return null;
  const [payload, mac, extra] = token.slice(prefix.length).split('.');
  if (!payload || !mac || extra !== undefined) return null;
  const expected = createHmac('sha256', key).update(`${prefix}${payload}`).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let value: T;
  try {
    value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as T;
  } catch {
    return null;
  }
  if (!value || typeof value.exp !== 'number' || value.exp * 1000 <= now.getTime()) return null;
  return value;
}

export function signLaunchToken(claims: LaunchClaims, key: Buffer): string {
  return signValue(LAUNCH_TOKEN_PREFIX, claims, key);
}

/** The claims of a valid, unexpired launch token; null for anything else. */
export function verifyLaunchToken(token: string, key: Buffer, now: Date): LaunchClaims | null {
  const claims = verifyValue<LaunchClaims>(LAUNCH_TOKEN_PREFIX, token, key, now);
  if (!claims) return null;
  if (typeof claims.tid !== 'string' || typeof claims.sub !== 'string' || typeof claims.name !== 'string')
    return null;
  if (!Array.isArray(claims.roles)) return null;
  return claims;
}
