import { createRoute, z } from '@hono/zod-openapi';
import {
  createMentor,
  deleteMentor,
  getMentor,
  searchMentors,
  updateMentorProfile,
  type Viewer,
} from '../domain/mentors/mentors.js';
import { atomic, ctx } from '../http/atomic.js';
import { auditTrail } from '../http/audit-trail.js';
import { hasRole, requireSecretKey, requireSecretKeyOrUser } from '../http/auth.js';
import { pageBody, withCursor } from '../http/cursor.js';
import type { Auth } from '../http/env.js';
import { createRouter } from '../http/router.js';
import {
  commonErrors,
  conflictError,
  EVERYONE,
  IdempotencyHeaderSchema,
  IdParamSchema,
  jsonBody,
  jsonResponse,
  notFoundError,
  SECRET,
  USER_OR_SECRET,
} from '../schemas/common.js';
import {
  CreateMentorSchema,
  ListMentorsQuerySchema,
  MentorPageSchema,
  MentorSchema,
  UpdateMentorSchema,
} from '../schemas/mentors.js';

const MentorCursorSchema = z.union([
  z.strictObject({ k: z.literal('name'), name: z.string().max(200), id: z.uuid() }),
  z.strictObject({ k: z.literal('rank'), rank: z.string().regex(/^\d+(\.\d+)?$/), id: z.uuid() }),
]);

export function viewerOf(auth: Auth): Viewer {
  return {
    tenantId: auth.tenant.id,
    privileged: auth.keyKind === 'secret' || hasRole(auth, 'admin'),
    externalId: auth.user?.externalId ?? null,
  };
}

const list = createRoute({
  method: 'get',
  path: '/v1/mentors',
  tags: ['Mentors'],
  summary: 'List and search mentors',
  description:
    'Approved mentors of the tenant (every status with the secret key). Filters combine with AND. ' +
    'Without `q` the list is ordered by name; with `q` by relevance.',
  ...EVERYONE,
  request: { query: ListMentorsQuerySchema },
  responses: { 200: jsonResponse(MentorPageSchema, 'A page of mentors.'), ...commonErrors },
});

const create = createRoute({
  method: 'post',
  path: '/v1/mentors',
  tags: ['Mentors'],
  summary: 'Create a mentor',
  description: 'Secret key only. `status` defaults to `approved`. Skills are normalised (synonyms folded).',
  ...SECRET,
  'x-audited': true,
  middleware: [requireSecretKey, atomic, auditTrail(['status'])] as const,
  request: { headers: IdempotencyHeaderSchema, body: jsonBody(CreateMentorSchema) },
  responses: { 201: jsonResponse(MentorSchema, 'The new mentor.'), ...commonErrors, ...conflictError },
});

const get = createRoute({
  method: 'get',
  path: '/v1/mentors/{id}',
  tags: ['Mentors'],
  summary: 'Get a mentor',
  ...EVERYONE,
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(MentorSchema, 'The mentor.'), ...commonErrors, ...notFoundError },
});

const patch = createRoute({
  method: 'patch',
  path: '/v1/mentors/{id}',
  tags: ['Mentors'],
  summary: 'Update a mentor',
  description:
    'With the secret key, any field. A mentor (user token whose `sub` is the profile’s `externalId`) ' +
    'may change their own profile fields, but not `status` or `externalId`.',
  ...USER_OR_SECRET,
  // The program's changes (the secret key) are in the audit log; a mentor's own edits are not.
  'x-audited': true,
  middleware: [
    requireSecretKeyOrUser,
    atomic,
    auditTrail(['status'], (auth) => auth.keyKind === 'secret'),
  ] as const,
  request: { params: IdParamSchema, body: jsonBody(UpdateMentorSchema) },
  responses: {
    200: jsonResponse(MentorSchema, 'The updated mentor.'),
    ...commonErrors,
    ...notFoundError,
    ...conflictError,
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/v1/mentors/{id}',
  tags: ['Mentors'],
  summary: 'Delete a mentor',
  description: 'Secret key only. The mentor disappears from every list and lookup.',
  ...SECRET,
  'x-audited': true,
  middleware: [requireSecretKey, atomic, auditTrail()] as const,
  request: { params: IdParamSchema },
  responses: { 204: { description: 'Deleted.' }, ...commonErrors, ...notFoundError },
});

export function mentorRoutes() {
  return createRouter()
    .openapi(list, async (c) => {
      const query = withCursor(c.req.valid('query'), MentorCursorSchema);
      return c.json(pageBody(await searchMentors(ctx(c), viewerOf(c.get('auth')), query)), 200);
    })
    .openapi(create, async (c) => {
      const mentor = await createMentor(ctx(c), c.get('auth').tenant.id, c.req.valid('json'));
      return c.json(mentor, 201, { Location: `/v1/mentors/${mentor.id}` });
    })
    .openapi(get, async (c) => {
      const mentor = await getMentor(ctx(c), viewerOf(c.get('auth')), c.req.valid('param').id);
      return c.json(mentor, 200);
    })
    .openapi(patch, async (c) => {
      const viewer = viewerOf(c.get('auth'));
      const mentor = await updateMentorProfile(ctx(c), viewer, c.req.valid('param').id, c.req.valid('json'));
      return c.json(mentor, 200);
    })
    .openapi(remove, async (c) => {
      await deleteMentor(ctx(c), c.get('auth').tenant.id, c.req.valid('param').id);
      return c.body(null, 204);
    });
}
