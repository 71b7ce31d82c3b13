import { createHmac } from 'node:crypto';
import type { UserRole } from '../types.js';

export interface SignUserTokenOptions {
  /** The tenant's identity secret: keep it on your server, never ship it to a browser. */
  identitySecret: string;
  /** Your own, stable id for the user. */
  sub: string;
  name: string;
  email?: string;
  /** The user's language (BCP 47, e.g. `es`): the email we send them is written in it. */
  locale?: string;
  /** The user's IANA time zone (e.g. `America/Mexico_City`): times in their email use it. */
  zoneinfo?: string;
  roles?: readonly UserRole[];
  /** 1..86400 (the server refuses tokens that live longer than 24 h). Default 3600. */
  ttlSeconds?: number;
  now?: Date;
}

export const MAX_USER_TOKEN_TTL_SECONDS = 86_400;

function base64url(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

/** Mints the HS256 user token that the widget or SDK sends as `X-User-Token`. */
export function signUserToken(options: SignUserTokenOptions): string {
  const {
    identitySecret,
    sub,
    name,
    email,
    locale,
    zoneinfo,
    roles,
    ttlSeconds = 3600,
    now = new Date(),
  } = options;
  if (!identitySecret) throw new TypeError('signUserToken: identitySecret is required.');
  if (!sub) throw new TypeError('signUserToken: sub is required.');
  if (!name.trim()) throw new TypeError('signUserToken: name is required.');
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_USER_TOKEN_TTL_SECONDS) {
    throw new RangeError(
      `signUserToken: ttlSeconds must be an integer from 1 to ${MAX_USER_TOKEN_TTL_SECONDS}.`,
    );
  }
  const iat = Math.floor(now.getTime() / 1000);
  if (!Number.isFinite(iat)) throw new RangeError('signUserToken: now is not a valid date.');
  const claims = {
    sub,
    name,
    ...(email === undefined ? {} : { email }),
    ...(locale === undefined ? {} : { locale }),
    ...(zoneinfo === undefined ? {} : { zoneinfo }),
    ...(roles === undefined ? {} : { roles: [...roles] }),
    iat,
    exp: iat + ttlSeconds,
  };
  const signingInput = `${base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}`;
  const signature = createHmac('sha256', identitySecret).update(signingInput).digest('base64url');
  return `${signingInput}.${signature}`;
}
