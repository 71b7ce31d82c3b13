import { createRoute, z } from '@hono/zod-openapi';
import { findOwnMentor } from '../domain/mentors/own-profile.js';
import type { AppDeps } from '../http/env.js';
import { createRouter } from '../http/router.js';
import { commonErrors, EVERYONE } from '../schemas/common.js';
import { FormatSchema, OwnMentorSchema } from '../schemas/mentors.js';

const MeSchema = z
  .object({
    tenant: z.object({
      id: z.uuid(),
      name: z.string(),
      settings: z.object({
        allowGuests: z.boolean(),
        formats: z.array(FormatSchema),
        sessionLengths: z.array(z.number().int()),
      }),
    }),
    user: z
      .object({
        id: z.uuid(),
        externalId: z.string(),
        name: z.string(),
        email: z.string().nullable(),
        roles: z.array(z.enum(['mentor', 'admin'])),
        isGuest: z.boolean(),
      })
      .nullable(),
    mentorProfile: OwnMentorSchema.nullable(),
    keyKind: z.enum(['publishable', 'secret']),
  })
  .openapi('Me');

const me = createRoute({
  method: 'get',
  path: '/v1/me',
  tags: ['Me'],
  summary: 'Who am I',
  description:
    'The tenant, the user the token vouches for (created on first sight) and their mentor profile.',
  ...EVERYONE,
  responses: {
    200: { description: 'The caller.', content: { 'application/json': { schema: MeSchema } } },
    ...commonErrors,
  },
});

export function meRoutes(deps: AppDeps) {
  return createRouter().openapi(me, async (c) => {
    const { tenant, user, keyKind } = c.get('auth');
    const profile = user
      ? await findOwnMentor(deps, { tenantId: tenant.id, externalId: user.externalId })
      : null;
    return c.json(
      {
        tenant: {
          id: tenant.id,
          name: tenant.name,
          settings: {
            allowGuests: tenant.settings.allowGuests,
            formats: tenant.settings.formats,
            sessionLengths: tenant.settings.sessionLengths,
          },
        },
        user,
        mentorProfile: profile,
        keyKind,
      },
      200,
    );
  });
}
