import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { findIdentitySecrets } from '../../db/tenants.js';
import { randomBase62, type SecretBox } from '../../security/keys.js';
import { signUserToken } from '../../security/user-token.js';
import { ForbiddenError } from '../errors.js';
import type { TenantSettings } from './settings.js';

/** How long a guest's token lasts: one sitting, not an account. */
export const GUEST_TOKEN_TTL_SECONDS = 12 * 60 * 60;

/**
 * A user token for a learner without a host login, signed with the tenant's newest identity
 * secret under a fresh `guest_…` external id. Only for programs that allow guests.
 */
export async function startGuestSession(
  deps: { db: Kysely<Database>; secretBox: SecretBox },
  input: {
    tenant: { id: string; settings: TenantSettings };
    name: string;
    email: string;
    now: Date;
  },
): Promise<{ userToken: string; expiresAt: string; externalId: string }> {
  const { tenant, now } = input;
  if (!tenant.settings.allowGuests) {
    throw new ForbiddenError(
      'guests_not_allowed',
      'This program does not allow guests; sign in on the host site.',
    );
  }
  const [sealed] = await findIdentitySecrets(deps.db, tenant.id, now);
  if (!sealed)
    throw new ForbiddenError('guests_not_allowed', 'This program has no identity secret configured.');
  const externalId = `guest_${randomBase62(20)}`;
  const userToken = signUserToken({
    secret: deps.secretBox.open(sealed),
    sub: externalId,
    name: input.name,
    email: input.email,
    ttlSeconds: GUEST_TOKEN_TTL_SECONDS,
    now,
    guest: true,
  });
  const expiresAt = new Date(Math.floor(now.getTime() / 1000) * 1000 + GUEST_TOKEN_TTL_SECONDS * 1000);
  return { userToken, expiresAt: expiresAt.toISOString(), externalId };
}
