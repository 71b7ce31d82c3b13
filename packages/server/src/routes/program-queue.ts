import { createRoute, z } from '@hono/zod-openapi';
import { listQueue, takeFromQueue } from '../domain/requests/program-queue.js';
import { actorOf } from '../http/actor.js';
import { atomic, ctx } from '../http/atomic.js';
import { requireMentorOrProgram } from '../http/auth.js';
import { pageBody, withCursor } from '../http/cursor.js';
import { createRouter } from '../http/router.js';
import {
  access,
  commonErrors,
  conflictError,
  IdempotencyHeaderSchema,
  jsonResponse,
  notFoundError,
} from '../schemas/common.js';
import {
  ProgramQueuePageSchema,
  ProgramQueueQuerySchema,
  RequestIdParamSchema,
  TakenRequestSchema,
} from '../schemas/program-queue.js';

const QueueCursorSchema = z.strictObject({ at: z.iso.datetime(), id: z.uuid() });
const MENTOR_OR_PROGRAM = access('mentor', 'admin', 'secret');

const list = createRoute({
  method: 'get',
  path: '/v1/program-queue',
  tags: ['Requests'],
  summary: 'The program queue',
  description:
    'Open requests nobody took that wait for the program, oldest first: the learner asked the program ' +
    '(`reason: learner_asked`) or no mentor was left after hand-overs (`unanswered`). For program admins and ' +
    'approved mentors (a mentor not approved yet gets an empty page); learners get 403.',
  ...MENTOR_OR_PROGRAM,
  middleware: [requireMentorOrProgram] as const,
  request: { query: ProgramQueueQuerySchema },
  responses: { 200: jsonResponse(ProgramQueuePageSchema, 'A page of the queue.'), ...commonErrors },
});

const take = createRoute({
  method: 'post',
  path: '/v1/program-queue/{requestId}/take',
  tags: ['Requests'],
  summary: 'Take a request from the program queue',
  description:
    'An approved mentor takes a queued request: it is matched to them (as an accepted offer is), their thread ' +
    'with the learner opens and the learner is told (`request.taken`, by email too). Of mentors taking it at ' +
    'once exactly one wins; the others get 409 `already_taken`. Other 409s: `not_queued`, `request_not_open`, ' +
    '`own_request`, `mentor_released`; 403 `mentor_required` for a caller with no approved mentor profile.',
  ...MENTOR_OR_PROGRAM,
  middleware: [requireMentorOrProgram, atomic] as const,
  request: { params: RequestIdParamSchema, headers: IdempotencyHeaderSchema },
  responses: {
    200: jsonResponse(TakenRequestSchema, 'The request, matched to the mentor, and its thread.'),
    ...commonErrors,
    ...notFoundError,
    ...conflictError,
  },
});

export function programQueueRoutes() {
  return createRouter()
    .openapi(list, async (c) => {
      const query = withCursor(c.req.valid('query'), QueueCursorSchema);
      return c.json(pageBody(await listQueue(ctx(c), actorOf(c.get('auth')), query)), 200);
    })
    .openapi(take, async (c) => {
      return c.json(await takeFromQueue(ctx(c), actorOf(c.get('auth')), c.req.valid('param').requestId), 200);
    });
}
