import { createRoute, z } from '@hono/zod-openapi';
import { startGuestSession } from '../domain/tenants/guest-session.js';
import type { AppDeps } from '../http/env.js';
import { createRouter } from '../http/router.js';
import { commonErrors, EVERYONE } from '../schemas/common.js';

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
    const { name, email } = c.req.valid('json');
    const session = await startGuestSession(deps, {
      tenant: c.get('auth').tenant,
      name,
      email,
      now: deps.clock.now(),
    });
    return c.json(session, 201);
  });
}
