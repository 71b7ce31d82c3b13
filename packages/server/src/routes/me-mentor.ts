import { createRoute } from '@hono/zod-openapi';
import { applyAsMentor } from '../domain/mentors/mentors.js';
import { getOwnMentor, type Me, mentorStats, updateOwnMentor } from '../domain/mentors/own-profile.js';
import { atomic, ctx } from '../http/atomic.js';
import { requireUser } from '../http/auth.js';
import type { Auth } from '../http/env.js';
import { createRouter } from '../http/router.js';
import {
  ANY_USER,
  commonErrors,
  conflictError,
  IdempotencyHeaderSchema,
  jsonBody,
  jsonResponse,
  notFoundError,
} from '../schemas/common.js';
import {
  ApplyMentorSchema,
  MyMentorStatsSchema,
  OwnMentorSchema,
  UpdateOwnMentorSchema,
} from '../schemas/mentors.js';

const apply = createRoute({
  method: 'post',
  path: '/v1/me/mentor',
  tags: ['Me'],
  summary: 'Apply to become a mentor',
  description:
    'Any signed-in user: creates their mentor profile (externalId = the token’s `sub`) with status ' +
    '`pending`, for the program to vet; they are not matched until approved. 409 `already_applied` ' +
    'when they have a profile; 403 `guest_not_allowed` for guests (they are learners only).',
  ...ANY_USER,
  middleware: [requireUser, atomic] as const,
  request: { headers: IdempotencyHeaderSchema, body: jsonBody(ApplyMentorSchema) },
  responses: { 201: jsonResponse(OwnMentorSchema, 'The application.'), ...commonErrors, ...conflictError },
});

const get = createRoute({
  method: 'get',
  path: '/v1/me/mentor',
  tags: ['Me'],
  summary: 'My mentor profile',
  description: 'Whatever its status, with the program’s reason when rejected or paused; 404 without one.',
  ...ANY_USER,
  middleware: [requireUser] as const,
  responses: { 200: jsonResponse(OwnMentorSchema, 'The profile.'), ...commonErrors, ...notFoundError },
});

const patch = createRoute({
  method: 'patch',
  path: '/v1/me/mentor',
  tags: ['Me'],
  summary: 'Edit my mentor profile',
  description:
    'Profile fields only: `status` and `externalId` belong to the program, and sending them is a 400 ' +
    '`validation_failed` naming the field.',
  ...ANY_USER,
  middleware: [requireUser, atomic] as const,
  request: { body: jsonBody(UpdateOwnMentorSchema) },
  responses: {
    200: jsonResponse(OwnMentorSchema, 'The updated profile.'),
    ...commonErrors,
    ...notFoundError,
    ...conflictError,
  },
});

const stats = createRoute({
  method: 'get',
  path: '/v1/me/stats',
  tags: ['Me'],
  summary: 'My mentor stats',
  description:
    'Sessions held (completed, or confirmed and ended) and their minutes, mean rating and count, median ' +
    'response time in minutes (as measured on the profile; null until there is one), upcoming sessions.',
  ...ANY_USER,
  middleware: [requireUser] as const,
  responses: { 200: jsonResponse(MyMentorStatsSchema, 'The figures.'), ...commonErrors, ...notFoundError },
});

function meOf(auth: Auth): Me {
  // requireUser has run.
  return { tenantId: auth.tenant.id, externalId: auth.user!.externalId };
}

export function meMentorRoutes() {
  return createRouter()
    .openapi(apply, async (c) => {
      const auth = c.get('auth');
      await applyAsMentor(ctx(c), auth.tenant.id, auth.user!, c.req.valid('json'));
      return c.json(await getOwnMentor(ctx(c), meOf(auth)), 201, { Location: '/v1/me/mentor' });
    })
    .openapi(get, async (c) => {
      return c.json(await getOwnMentor(ctx(c), meOf(c.get('auth'))), 200);
    })
    .openapi(patch, async (c) => {
      return c.json(await updateOwnMentor(ctx(c), meOf(c.get('auth')), c.req.valid('json')), 200);
    })
    .openapi(stats, async (c) => {
      return c.json(await mentorStats(ctx(c), meOf(c.get('auth'))), 200);
    });
}
