import { createRoute } from '@hono/zod-openapi';
import { getFeedback, submitFeedback } from '../domain/feedback/feedback.js';
import { getNotes, markActionItem, setNotes } from '../domain/feedback/notes.js';
import { actorOf } from '../http/actor.js';
import { atomic, ctx } from '../http/atomic.js';
import { requireSecretKeyOrUser } from '../http/auth.js';
import { createRouter } from '../http/router.js';
import {
  commonErrors,
  conflictError,
  IdempotencyHeaderSchema,
  IdParamSchema,
  jsonBody,
  jsonResponse,
  notFoundError,
  SECRET_ONLY,
  USER_LEVEL,
  USER_OR_SECRET,
} from '../schemas/common.js';
import {
  ActionItemSchema,
  CreateFeedbackSchema,
  FeedbackSchema,
  SessionNotesSchema,
  SetNotesSchema,
} from '../schemas/feedback.js';

const _ANY_PARTY = [...SECRET_ONLY, ...USER_LEVEL];

const postFeedback = createRoute({
  method: 'post',
  path: '/v1/bookings/{id}/feedback',
  tags: ['After the session'],
  summary: 'Rate a session',
  description:
    'The booking’s learner, once, from the session’s start on: rating 1–5, whether the problem was solved, ' +
    'an optional comment. The rating counts in the mentor’s stats (and so in matching) at once. ' +
    '409 `feedback_exists` the second time, `session_not_started` before the start, `booking_cancelled`.',
  ...USER_OR_SECRET,
  middleware: [requireSecretKeyOrUser, atomic] as const,
  request: { params: IdParamSchema, headers: IdempotencyHeaderSchema, body: jsonBody(CreateFeedbackSchema) },
  responses: {
    201: jsonResponse(FeedbackSchema, 'The feedback.'),
    ...commonErrors,
    ...notFoundError,
    ...conflictError,
  },
});

const getFeedbackRoute = createRoute({
  method: 'get',
  path: '/v1/bookings/{id}/feedback',
  tags: ['After the session'],
  summary: 'A session’s feedback',
  description: 'For its learner, its mentor or the program; 404 while there is none.',
  ...USER_OR_SECRET,
  middleware: [requireSecretKeyOrUser] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(FeedbackSchema, 'The feedback.'), ...commonErrors, ...notFoundError },
});

const putNotes = createRoute({
  method: 'put',
  path: '/v1/bookings/{id}/notes',
  tags: ['After the session'],
  summary: 'Write session notes',
  description:
    'The booking’s mentor: a summary and up to 20 action items, replacing the previous ones. Items sent ' +
    'with their `id` keep it and their done state; items left out are deleted. The learner hears of it ' +
    '(`notes.updated`).',
  ...USER_OR_SECRET,
  middleware: [requireSecretKeyOrUser, atomic] as const,
  request: { params: IdParamSchema, body: jsonBody(SetNotesSchema) },
  responses: {
    200: jsonResponse(SessionNotesSchema, 'The notes as stored.'),
    ...commonErrors,
    ...notFoundError,
    ...conflictError,
  },
});

const getNotesRoute = createRoute({
  method: 'get',
  path: '/v1/bookings/{id}/notes',
  tags: ['After the session'],
  summary: 'Session notes',
  description:
    'For its learner, its mentor or the program. Empty (`updatedAt: null`) until the mentor writes.',
  ...USER_OR_SECRET,
  middleware: [requireSecretKeyOrUser] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(SessionNotesSchema, 'The notes.'), ...commonErrors, ...notFoundError },
});

const tick = (done: boolean) =>
  createRoute({
    method: 'post',
    path: done ? '/v1/action-items/{id}/done' : '/v1/action-items/{id}/undone',
    tags: ['After the session'],
    summary: done ? 'Tick an action item off' : 'Untick an action item',
    description: 'The session’s learner only (the mentor writes items, the learner does them). Idempotent.',
    ...USER_OR_SECRET,
    middleware: [requireSecretKeyOrUser, atomic] as const,
    request: { params: IdParamSchema },
    responses: { 200: jsonResponse(ActionItemSchema, 'The item.'), ...commonErrors, ...notFoundError },
  });

export function feedbackRoutes() {
  return createRouter()
    .openapi(postFeedback, async (c) => {
      const { id } = c.req.valid('param');
      const feedback = await submitFeedback(ctx(c), actorOf(c.get('auth')), id, c.req.valid('json'));
      return c.json(feedback, 201, { Location: `/v1/bookings/${id}/feedback` });
    })
    .openapi(getFeedbackRoute, async (c) => {
      return c.json(await getFeedback(ctx(c), actorOf(c.get('auth')), c.req.valid('param').id), 200);
    })
    .openapi(putNotes, async (c) => {
      const notes = await setNotes(
        ctx(c),
        actorOf(c.get('auth')),
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json(notes, 200);
    })
    .openapi(getNotesRoute, async (c) => {
      return c.json(await getNotes(ctx(c), actorOf(c.get('auth')), c.req.valid('param').id), 200);
    })
    .openapi(tick(true), async (c) => {
      return c.json(await markActionItem(ctx(c), actorOf(c.get('auth')), c.req.valid('param').id, true), 200);
    })
    .openapi(tick(false), async (c) => {
      return c.json(
        await markActionItem(ctx(c), actorOf(c.get('auth')), c.req.valid('param').id, false),
        200,
      );
    });
}
