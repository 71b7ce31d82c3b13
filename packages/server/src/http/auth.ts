import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { findTenantById, findTenantByKeyHash } from '../db/tenants.js';
import { upsertSeenUser } from '../db/users.js';
import { readSettings } from '../domain/tenants/settings.js';
import { hashKey, keyDisplayPrefix } from '../security/keys.js';
import { type LaunchClaims, verifyLaunchToken } from '../security/launch-token.js';
import { claimedSubject, type UserRole, UserTokenError, verifyUserToken } from '../security/user-token.js';
import type { AppDeps, AppEnv, Auth, AuthUser } from './env.js';
import { ApiError } from './errors.js';
import { publicBaseUrl } from './public-url.js';

const KEY_PATTERN = /^(pk|sk)_[A-Za-z0-9_]{8,128}$/;
/** A launch token (security/launch-token.ts): minted by this server after an LTI launch. */
const LAUNCH_PATTERN = /^lt_[A-Za-z0-9_-]{10,4000}\.[A-Za-z0-9_-]{43}$/;

const TOKEN_FAILURE_CODES: Record<UserTokenError['reason'], string> = {
  malformed: 'invalid_user_token',
  algorithm_not_allowed: 'invalid_user_token',
  bad_signature: 'invalid_user_token',
  invalid_claims: 'invalid_user_token',
  expired: 'user_token_expired',
  not_yet_valid: 'invalid_user_token',
  lifetime_too_long: 'invalid_user_token',
};

function bearer(c: Context): string {
  const header = c.req.header('authorization');
  if (!header) {
    throw new ApiError(
      401,
      'missing_api_key',
      'Send your key as "Authorization: Bearer pk_…" or "Bearer sk_…".',
    );
  }
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match?.[1] || !(KEY_PATTERN.test(match[1]) || LAUNCH_PATTERN.test(match[1]))) {
    throw new ApiError(
      401,
      'invalid_api_key',
      'The Authorization header must be "Bearer pk_…" or "Bearer sk_…".',
    );
  }
  return match[1];
}

/**
 * Resolves the tenant from the API key, enforces the publishable key's origin rule and
 * verifies the user token. Every /v1 route sits behind it.
 */
/**
 * A launch token stands for the publishable key and the user token at once, for one user of one
 * tenant, from this server's own pages only (the LTI launch page): no Origin (same-origin reads)
 * or this server's origin.
 */
/**
 * The claims of a launch token presented from this server's own pages (no Origin, or ours);
 * 401 for an invalid or expired token, 403 from another origin.
 */
export function launchClaimsOf(c: Context<AppEnv>, deps: AppDeps, key: string, now: Date): LaunchClaims {
  const claims = verifyLaunchToken(key, deps.lti.launchKey, now);
  if (!claims) {
    throw new ApiError(
      401,
      'invalid_api_key',
      'This launch token is not valid or has expired; launch the tool again.',
    );
  }
  const origin = c.req.header('origin');
  if (origin !== undefined && origin !== publicBaseUrl(c)) {
    throw new ApiError(
      403,
      'origin_not_allowed',
      `Launch tokens only work from this server's own pages, and ${origin} is not one.`,
    );
  }
  return claims;
}

async function launchAuth(c: Context<AppEnv>, deps: AppDeps, key: string, now: Date): Promise<Auth> {
  const claims = launchClaimsOf(c, deps, key, now);
  const row = await findTenantById(deps.db, claims.tid);
  if (!row) throw new ApiError(401, 'invalid_api_key', 'The program of this launch no longer exists.');
  const user = await upsertSeenUser(
    deps.db,
    {
      tenantId: row.id,
      externalId: claims.sub,
      name: claims.name,
      email: claims.email ?? null,
      locale: claims.locale ?? null,
      timeZone: null,
      roles: claims.roles,
      isGuest: false,
    },
    now,
  );
  return {
    tenant: {
      id: row.id,
      name: row.name,
      allowedOrigins: row.allowed_origins,
      settings: readSettings(row.settings),
    },
    keyKind: 'publishable',
    keyHash: hashKey(`lti:${row.id}`),
    keyPrefix: 'lt_…',
    user: {
      id: user.id,
      externalId: user.external_id,
      name: user.name,
      email: user.email,
      roles: user.roles as UserRole[],
      isGuest: user.is_guest,
    },
  };
}

export function authenticate(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const key = bearer(c);
    const now = deps.clock.now();
    if (key.startsWith('lt_')) {
      c.set('auth', await launchAuth(c, deps, key, now));
      await next();
      return;
    }
    const token = c.req.header('x-user-token');
    const claimedSub = token === undefined ? null : claimedSubject(token);
    const keyHash = hashKey(key);
    const match = await findTenantByKeyHash(deps.db, keyHash, now, claimedSub);
    if (!match)
      throw new ApiError(401, 'invalid_api_key', 'This API key is not valid (unknown, revoked or expired).');

    const tenant = {
      id: match.tenant.id,
      name: match.tenant.name,
      allowedOrigins: match.tenant.allowed_origins,
      settings: readSettings(match.tenant.settings),
    };

    if (match.kind === 'publishable') {
      const origin = c.req.header('origin');
      if (!origin || !tenant.allowedOrigins.includes(origin)) {
        throw new ApiError(
          403,
          'origin_not_allowed',
          origin
            ? `Publishable keys only work from this tenant's allowed origins, and ${origin} is not one of them.`
            : 'Publishable keys only work from a browser on one of the tenant’s allowed origins.',
        );
      }
    }

    let user: AuthUser | null = null;
    if (token !== undefined) {
      const secrets = match.identitySecrets.map((s) => deps.secretBox.open(s));
      let claims: ReturnType<typeof verifyUserToken>;
      try {
        claims = verifyUserToken(token.trim(), secrets, now);
      } catch (error) {
        if (error instanceof UserTokenError)
          throw new ApiError(401, TOKEN_FAILURE_CODES[error.reason], error.message);
        throw error;
      }
      if (claims.guest && !tenant.settings.allowGuests) {
        throw new ApiError(
          403,
          'guests_not_allowed',
          'This program does not allow guests; sign in on the host site.',
        );
      }
      const row = await upsertSeenUser(
        deps.db,
        {
          tenantId: tenant.id,
          externalId: claims.sub,
          name: claims.name,
          email: claims.email ?? null,
          locale: claims.locale ?? null,
          timeZone: claims.zoneinfo ?? null,
          roles: claims.guest ? [] : claims.roles,
          isGuest: claims.guest,
        },
        now,
        claimedSub === claims.sub ? match.knownUser : undefined,
      );
      user = {
        id: row.id,
        externalId: row.external_id,
        name: row.name,
        email: row.email,
        roles: row.roles as UserRole[],
        isGuest: row.is_guest,
      };
    }

    c.set('auth', {
      tenant,
      keyKind: match.kind,
      keyHash,
      keyPrefix: keyDisplayPrefix(key),
      user,
    } satisfies Auth);
    await next();
  });
}

export const requireSecretKey = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get('auth').keyKind !== 'secret') {
    throw new ApiError(
      403,
      'secret_key_required',
      'This route needs the secret key; call it from your server.',
    );
  }
  await next();
});

export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get('auth').user) {
    throw new ApiError(
      401,
      'user_token_required',
      'This route acts for a user: send their token as X-User-Token.',
    );
  }
  await next();
});

export function hasRole(auth: Auth, role: UserRole): boolean {
  return auth.user?.roles.includes(role) ?? false;
}

/** The secret key, or a publishable key acting for a signed-in user. */
export const requireSecretKeyOrUser = createMiddleware<AppEnv>(async (c, next) => {
  const auth = c.get('auth');
  if (auth.keyKind !== 'secret' && !auth.user) {
    throw new ApiError(
      401,
      'user_token_required',
      'Send the user’s token as X-User-Token, or use the secret key.',
    );
  }
  await next();
});

/** The program (secret key or admin) or a mentor (role `mentor`): the program queue's callers. */
export const requireMentorOrProgram = createMiddleware<AppEnv>(async (c, next) => {
  const auth = c.get('auth');
  if (auth.keyKind !== 'secret' && !hasRole(auth, 'admin') && !hasRole(auth, 'mentor')) {
    if (!auth.user) {
      throw new ApiError(
        401,
        'user_token_required',
        'This route is for mentors and the program: send a mentor’s or an admin’s token as X-User-Token.',
      );
    }
    throw new ApiError(403, 'mentor_or_admin_required', 'This route is for mentors and program admins only.');
  }
  await next();
});

/** The program: the secret key, or a user token with the `admin` role (the admin console). */
export const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
  const auth = c.get('auth');
  if (auth.keyKind !== 'secret' && !hasRole(auth, 'admin')) {
    if (!auth.user) {
      throw new ApiError(
        401,
        'user_token_required',
        'This route is for the program: use the secret key, or send an admin’s token as X-User-Token.',
      );
    }
    throw new ApiError(403, 'admin_required', 'This route is for program admins (role `admin`) only.');
  }
  await next();
});
