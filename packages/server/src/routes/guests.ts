import { createRoute, z } from '@hono/zod-openapi';
import { findIdentitySecrets } from '../db/tenants.js';
import type { AppDeps } from '../http/env.js';
import { ApiError } from '../http/errors.js';
import { createRouter } from '../http/router.js';
import { commonErrors, EVERYONE } from '../schemas/common.js';
import { randomBase62 } from '../security/keys.js';
import { signUserToken } from '../security/user-token.js';

const GUEST_TOKEN_TTL_SECONDS = 12 * 60 * 60;

const GuestBodySchema = z
  .strictObject({
    name: z.string().trim().min(1, 'must not be empty').max(120),
    email: z.email('must be an email address').max(320),
  })
  .openapi('GuestSessionRequest');

const GuestSessionSchema = z
  .object({ userToken: z.string(), expiresAt: z.iso.datetime(), externalId: z.string() })
  .openapi('GuestSession');

const createGuest = createRoute({
  method: 'post',
  path: '/v1/guest-sessions',
  tags: ['Me'],
  summary: 'Start a guest session',
  description:
    'Only when the tenant allows guests. Returns a user token (12 h) for a learner without a host login; ' +
    'send it as X-User-Token like any other.',
  ...EVERYONE,
  request: { body: { required: true, content: { 'application/json': { schema: GuestBodySchema } } } },
  responses: {
    201: { description: 'The guest token.', content: { 'application/json': { schema: GuestSessionSchema } } },
    ...commonErrors,
  },
});

export function guestRoutes(deps: AppDeps) {
  return createRouter().openapi(createGuest, async (c) => {
    const { tenant } = c.get('auth');
    if (!tenant.settings.allowGuests) {
      throw new ApiError(
        403,
        'guests_not_allowed',
        'This program does not allow guests; sign in on the host site.',
      );
    }
    const now = deps.clock.now();
    const [sealed] = await findIdentitySecrets(deps.db, tenant.id, now);
    if (!sealed)
      throw new ApiError(403, 'guests_not_allowed', 'This program has no identity secret configured.');
    const input = c.req.valid('json');
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
    return c.json({ userToken, expiresAt: expiresAt.toISOString(), externalId }, 201);
  });
}
