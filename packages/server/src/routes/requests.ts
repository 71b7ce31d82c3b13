import { createRoute, z } from '@hono/zod-openapi';
import { requestAnotherMentor } from '../domain/requests/another-mentor.js';
import {
  askProgram as askProgramFor,
  waitForMatch as waitForMatchOf,
} from '../domain/requests/program-queue.js';
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
  AnotherMentorInputSchema,
  AnotherMentorSchema,
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

const anotherMentor = createRoute({
  method: 'post',
  path: '/v1/requests/{id}/another-mentor',
  tags: ['Requests'],
  summary: 'Request another mentor',
  description:
    'The request’s learner passes on the mentor it is with (or the one named): that mentor is left out from now ' +
    'on and told, a session with them still ahead is cancelled, and the request is open again with its next ' +
    'matches; an instant request is offered at once to the next online mentors. 409 `request_not_open` ' +
    '(cancelled, expired, resolved), `no_current_mentor`, `mentor_not_matched`, `mentor_already_released`, ' +
    '`session_started` (record a no-show first). Only with the learner’s token: anyone else, the program’s ' +
    'key alone included, gets 404.',
  ...USER_OR_SECRET,
  middleware: [requireSecretKeyOrUser, atomic] as const,
  request: {
    params: IdParamSchema,
    headers: IdempotencyHeaderSchema,
    body: jsonBody(AnotherMentorInputSchema),
  },
  responses: {
    200: jsonResponse(AnotherMentorSchema, 'The request, open again, with its next matches.'),
    ...commonErrors,
    ...notFoundError,
    ...conflictError,
  },
});

const askProgram = createRoute({
  method: 'post',
  path: '/v1/requests/{id}/ask-program',
  tags: ['Requests'],
  summary: 'Ask the program',
  description:
    'When nobody fits: the learner puts their open request in the program queue (`GET /v1/program-queue`) that ' +
    'admins and every approved mentor see, and one of them can take it. Asking again changes nothing. 409 ' +
    '`request_not_open` (matched, cancelled, expired, resolved), `offers_pending` (online mentors are still ' +
    'being asked). Only with the learner’s token: anyone else, the program’s key alone included, gets 404.',
  ...USER_OR_SECRET,
  middleware: [requireSecretKeyOrUser, atomic] as const,
  request: { params: IdParamSchema, headers: IdempotencyHeaderSchema },
  responses: {
    200: jsonResponse(HelpRequestSchema, 'The request, queued (`queuedAt`).'),
    ...commonErrors,
    ...notFoundError,
    ...conflictError,
  },
});

const waitForMatch = createRoute({
  method: 'post',
  path: '/v1/requests/{id}/wait-for-match',
  tags: ['Requests'],
  summary: 'Wait for a match',
  description:
    'When nobody fits: the request waits, and when a mentor who fits joins or frees up (approved, profile or ' +
    'hours changed, a session cancelled) the learner is told once — `request.match_found` live and by email. ' +
    'Waiting ends when the learner cancels or the request expires after the program’s `requestSlaHours`. ' +
    'Asking again changes nothing. 409 `request_not_open`, `offers_pending`. Only with the learner’s token.',
  ...USER_OR_SECRET,
  middleware: [requireSecretKeyOrUser, atomic] as const,
  request: { params: IdParamSchema, headers: IdempotencyHeaderSchema },
  responses: {
    200: jsonResponse(HelpRequestSchema, 'The request, waiting (`waitingSince`).'),
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
    })
    .openapi(anotherMentor, async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await requestAnotherMentor(ctx(c), actorOf(c.get('auth')), id, c.req.valid('json')), 200);
    })
    .openapi(askProgram, async (c) => {
      return c.json(await askProgramFor(ctx(c), actorOf(c.get('auth')), c.req.valid('param').id), 200);
    })
    .openapi(waitForMatch, async (c) => {
      return c.json(await waitForMatchOf(ctx(c), actorOf(c.get('auth')), c.req.valid('param').id), 200);
    });
}
