import { createRoute, z } from '@hono/zod-openapi';
import {
  cancelHelpRequest,
  createHelpRequest,
  getHelpRequest,
  listRequestsFor,
  recomputeMatches,
} from '../domain/requests/requests.js';
import { actorOf } from '../http/actor.js';
import { atomic, ctx } from '../http/atomic.js';
import { requireSecretKeyOrUser, requireUser } from '../http/auth.js';
import { pageBody, withCursor } from '../http/cursor.js';
import { createRouter } from '../http/router.js';
import {
  ANY_USER,
  commonErrors,
  conflictError,
  IdempotencyHeaderSchema,
  IdParamSchema,
  jsonBody,
  jsonResponse,
  notFoundError,
  USER_OR_SECRET,
} from '../schemas/common.js';
import {
  CreateRequestSchema,
  HelpRequestSchema,
  ListRequestsQuerySchema,
  MatchesSchema,
  RequestPageSchema,
  RequestWithMatchesSchema,
} from '../schemas/requests.js';

const RequestCursorSchema = z.strictObject({ createdAt: z.iso.datetime(), id: z.uuid() });

const create = createRoute({
  method: 'post',
  path: '/v1/requests',
  tags: ['Requests'],
  summary: 'Ask for help',
  description:
    'Stores the learner’s problem with its context and answers with up to five ranked mentors: a score in 0..1, ' +
    '2–4 reasons with stable codes, and each mentor’s next three free slots.',
  ...ANY_USER,
  middleware: [requireUser, atomic] as const,
  request: {
    headers: IdempotencyHeaderSchema,
    body: jsonBody(CreateRequestSchema),
  },
  responses: { 201: jsonResponse(RequestWithMatchesSchema, 'The request and its matches.'), ...commonErrors },
});

const list = createRoute({
  method: 'get',
  path: '/v1/requests',
  tags: ['Requests'],
  summary: 'List help requests',
  description: 'The caller’s own requests, newest first; tenant-wide with the secret key.',
  ...USER_OR_SECRET,
  middleware: [requireSecretKeyOrUser] as const,
  request: { query: ListRequestsQuerySchema },
  responses: { 200: jsonResponse(RequestPageSchema, 'A page of requests.'), ...commonErrors },
});

const get = createRoute({
  method: 'get',
  path: '/v1/requests/{id}',
  tags: ['Requests'],
  summary: 'Get a help request',
  ...USER_OR_SECRET,
  middleware: [requireSecretKeyOrUser] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(HelpRequestSchema, 'The request.'), ...commonErrors, ...notFoundError },
});

const matches = createRoute({
  method: 'get',
  path: '/v1/requests/{id}/matches',
  tags: ['Requests'],
  summary: 'Matches, recomputed now',
  description: 'Ranks again with current availability and load, leaving out mentors who declined.',
  ...USER_OR_SECRET,
  middleware: [requireSecretKeyOrUser] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(MatchesSchema, 'The matches.'), ...commonErrors, ...notFoundError },
});

const cancel = createRoute({
  method: 'post',
  path: '/v1/requests/{id}/cancel',
  tags: ['Requests'],
  summary: 'Cancel a help request',
  ...USER_OR_SECRET,
  middleware: [requireSecretKeyOrUser, atomic] as const,
  request: { params: IdParamSchema, headers: IdempotencyHeaderSchema },
  responses: {
    200: jsonResponse(HelpRequestSchema, 'The cancelled request.'),
    ...commonErrors,
    ...notFoundError,
    ...conflictError,
  },
});

export function requestRoutes() {
  return createRouter()
    .openapi(create, async (c) => {
      const result = await createHelpRequest(ctx(c), actorOf(c.get('auth')), c.req.valid('json'));
      return c.json(result, 201, { Location: `/v1/requests/${result.request.id}` });
    })
    .openapi(list, async (c) => {
      const query = withCursor(c.req.valid('query'), RequestCursorSchema);
      return c.json(pageBody(await listRequestsFor(ctx(c), actorOf(c.get('auth')), query)), 200);
    })
    .openapi(get, async (c) => {
      return c.json(await getHelpRequest(ctx(c), actorOf(c.get('auth')), c.req.valid('param').id), 200);
    })
    .openapi(matches, async (c) => {
      return c.json(
        { data: await recomputeMatches(ctx(c), actorOf(c.get('auth')), c.req.valid('param').id) },
        200,
      );
    })
    .openapi(cancel, async (c) => {
      return c.json(await cancelHelpRequest(ctx(c), actorOf(c.get('auth')), c.req.valid('param').id), 200);
    });
}
