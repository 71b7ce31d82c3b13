import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { isSingleLine } from './control-characters.js';

export const USER_ROLES = ['mentor', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** The claims a host site vouches for. */
export interface UserTokenClaims {
  sub: string;
  name: string;
  email?: string | undefined;
  /** The user's language (BCP 47, `es-MX`; `_` read as `-`): their email is written in it. */
  locale?: string | undefined;
  /** The user's IANA time zone (OIDC `zoneinfo`, e.g. `America/Mexico_City`): times in their email use it. */
  zoneinfo?: string | undefined;
  roles: UserRole[];
  iat?: number | undefined;
  exp: number;
  guest: boolean;
}

export const CLOCK_SKEW_SECONDS = 60;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
export const MAX_TOKEN_LIFETIME_SECONDS = 24 * 60 * 60;

// `sub` and `name` are stored, shown and written into calendar files and email headers: one
// line each, no control characters (a CR/LF in a name once made a second ATTENDEE line).
const SubSchema = z.string().min(1).max(200).refine(isSingleLine, 'must not contain control characters');

const claimsSchema = z.object({
  sub: SubSchema,
  name: z.string().trim().min(1).max(200).refine(isSingleLine, 'must not contain control characters'),
  email: z.email().max(320).optional(),
  locale: z
    .string()
    .regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/, 'must be a language tag such as es or es-MX')
    .max(35)
    .transform((tag) => tag.replace(/_/g, '-'))
    .optional(),
  zoneinfo: z
    .string()
    .max(64)
    .refine(isTimeZone, 'must be an IANA time zone such as Europe/Madrid')
    .optional(),
  roles: z.array(z.enum(USER_ROLES)).max(2).optional(),
  iat: z.number().int().optional(),
  exp: z.number().int(),
  nbf: z.number().int().optional(),
  guest: z.boolean().optional(),
});

export type TokenFailure =
  | 'malformed'
  | 'algorithm_not_allowed'
  | 'bad_signature'
  | 'expired'
  | 'not_yet_valid'
  | 'lifetime_too_long'
  | 'invalid_claims';

export class UserTokenError extends Error {
  constructor(
    readonly reason: TokenFailure,
    message: string,
  ) {
    super(message);
  }
}

function b64urlJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new UserTokenError('malformed', 'The user token is not a valid JWT.');
  }
}

/**
 * The `sub` a token claims, read WITHOUT verifying it: only to prefetch that user's row in the
 * same query as the key. Nothing may trust it before `verifyUserToken` succeeds.
 */
export function claimedSubject(token: string): string | null {
  const payload = token.trim().split('.')[1];
  if (!payload) return null;
  try {
    const claims = b64urlJson(payload);
    const sub = typeof claims === 'object' && claims !== null ? (claims as { sub?: unknown }).sub : undefined;
    // It goes into a query before anything is verified: only a sub the claims would accept.
    return SubSchema.safeParse(sub).success ? (sub as string) : null;
  } catch {
    return null;
  }
}

function hmac(secret: string, data: string): Buffer {
  return createHmac('sha256', secret).update(data).digest();
}

/**
 * Verifies an HS256 user token against any of the tenant's identity secrets (more than one
 * during key rotation). Only HS256 is accepted — `alg: none` and every other algorithm are
 * refused before the signature is looked at.
 */
export function verifyUserToken(token: string, secrets: readonly string[], now: Date): UserTokenClaims {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) {
    throw new UserTokenError('malformed', 'The user token is not a valid JWT.');
  }
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = b64urlJson(headerPart);
  if (typeof header !== 'object' || header === null || (header as { alg?: unknown }).alg !== 'HS256') {
    throw new UserTokenError('algorithm_not_allowed', 'The user token must be signed with HS256.');
  }
  const signature = Buffer.from(signaturePart, 'base64url');
  const signed = `${headerPart}.${payloadPart}`;
  const valid = secrets.some((secret) => {
    const expected = hmac(secret, signed);
    return expected.length === signature.length && timingSafeEqual(expected, signature);
  });
  if (!valid)
    throw new UserTokenError('bad_signature', 'The user token signature is not valid for this tenant.');

  const parsed = claimsSchema.safeParse(b64urlJson(payloadPart));
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path.join('.') || 'token').join(', ');
    throw new UserTokenError('invalid_claims', `The user token has missing or invalid claims: ${fields}.`);
  }
  const claims = parsed.data;
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (claims.exp <= nowSeconds - CLOCK_SKEW_SECONDS) {
    throw new UserTokenError('expired', 'The user token has expired.');
  }
  if (
    (claims.nbf !== undefined && claims.nbf > nowSeconds + CLOCK_SKEW_SECONDS) ||
    (claims.iat !== undefined && claims.iat > nowSeconds + CLOCK_SKEW_SECONDS)
  ) {
    throw new UserTokenError('not_yet_valid', 'The user token is not valid yet.');
  }
  const issuedAt = claims.iat ?? nowSeconds;
  if (
    claims.exp - issuedAt > MAX_TOKEN_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS ||
    claims.exp - nowSeconds > MAX_TOKEN_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS
  ) {
    throw new UserTokenError('lifetime_too_long', 'User tokens may live at most 24 hours.');
  }
  return {
    sub: claims.sub,
    name: claims.name,
    email: claims.email,
    locale: claims.locale,
    zoneinfo: claims.zoneinfo,
    roles: claims.roles ?? [],
    iat: claims.iat,
    exp: claims.exp,
    guest: claims.guest ?? false,
  };
}

export interface SignUserTokenInput {
  secret: string;
  sub: string;
  name: string;
  email?: string | undefined;
  locale?: string | undefined;
  zoneinfo?: string | undefined;
  roles?: readonly UserRole[] | undefined;
  ttlSeconds?: number | undefined;
  now?: Date | undefined;
  guest?: boolean | undefined;
}

/** Mints a user token (the CLI, guest sessions and tests use it; host sites use the SDK's). */
export function signUserToken(input: SignUserTokenInput): string {
  const iat = Math.floor((input.now ?? new Date()).getTime() / 1000);
  const ttl = input.ttlSeconds ?? 3600;
  const payload = {
    sub: input.sub,
    name: input.name,
    ...(input.email ? { email: input.email } : {}),
    ...(input.locale ? { locale: input.locale } : {}),
    ...(input.zoneinfo ? { zoneinfo: input.zoneinfo } : {}),
    ...(input.roles?.length ? { roles: [...input.roles] } : {}),
    ...(input.guest ? { guest: true } : {}),
    iat,
    exp: iat + ttl,
  };
  const head = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const sig = hmac(input.secret, `${head}.${body}`).toString('base64url');
  return `${head}.${body}.${sig}`;
}
