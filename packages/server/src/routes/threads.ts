import { createRoute, z } from '@hono/zod-openapi';
import {
  getThread,
  listMyThreads,
  listThreadMessages,
  markThreadRead,
  postMessage,
  startRequestThread,
} from '../domain/threads/threads.js';
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
  SECRET_ONLY,
  USER_LEVEL,
  USER_OR_SECRET,
} from '../schemas/common.js';
import {
  ListMessagesQuerySchema,
  ListThreadsQuerySchema,
  MarkReadSchema,
  MessagePageSchema,
  MessageSchema,
  PostMessageSchema,
  StartThreadSchema,
  ThreadPageSchema,
  ThreadSchema,
} from '../schemas/threads.js';

// The {id} routes also take the secret key alone, and answer it 404: a thread is private to
// its learner and mentor, and the program is neither.
const _ANY_PARTY = [...SECRET_ONLY, ...USER_LEVEL];
const PARTICIPANTS = 'Only the thread’s learner and mentor; anyone else gets 404 `not_found`.';

const ThreadCursorSchema = z.strictObject({ at: z.iso.datetime(), id: z.uuid() });
const MessageCursorSchema = z.strictObject({
  seq: z.number().int().min(0),
  order: z.enum(['asc', 'desc']),
});

const list = createRoute({
  method: 'get',
  path: '/v1/threads',
  tags: ['Threads'],
  summary: 'List my threads',
  description:
    'Threads where the caller is the learner or the mentor, most recent activity first, each with its last ' +
    'message and the caller’s unread count.',
  ...ANY_USER,
  middleware: [requireUser] as const,
  request: { query: ListThreadsQuerySchema },
  responses: { 200: jsonResponse(ThreadPageSchema, 'A page of threads.'), ...commonErrors },
});

const get = createRoute({
  method: 'get',
  path: '/v1/threads/{id}',
  tags: ['Threads'],
  summary: 'Get a thread',
  description: PARTICIPANTS,
  ...USER_OR_SECRET,
  middleware: [requireSecretKeyOrUser] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(ThreadSchema, 'The thread.'), ...commonErrors, ...notFoundError },
});

const messages = createRoute({
  method: 'get',
  path: '/v1/threads/{id}/messages',
  tags: ['Threads'],
  summary: 'List messages',
  description: `${PARTICIPANTS} Oldest first by default (\`order=desc\`: newest first, for the latest page).`,
  ...USER_OR_SECRET,
  middleware: [requireSecretKeyOrUser] as const,
  request: { params: IdParamSchema, query: ListMessagesQuerySchema },
  responses: {
    200: jsonResponse(MessagePageSchema, 'A page of messages.'),
    ...commonErrors,
    ...notFoundError,
  },
});

const post = createRoute({
  method: 'post',
  path: '/v1/threads/{id}/messages',
  tags: ['Threads'],
  summary: 'Post a message',
  description:
    `${PARTICIPANTS} Plain text, trimmed, 1–4000 characters; stored and returned as written (never HTML). ` +
    'Both participants receive a `message.created` event.',
  ...USER_OR_SECRET,
  middleware: [requireSecretKeyOrUser, atomic] as const,
  request: { params: IdParamSchema, headers: IdempotencyHeaderSchema, body: jsonBody(PostMessageSchema) },
  responses: {
    201: jsonResponse(MessageSchema, 'The message.'),
    ...commonErrors,
    ...notFoundError,
    422: { description: '`idempotency_key_reused`.' },
  },
});

const read = createRoute({
  method: 'post',
  path: '/v1/threads/{id}/read',
  tags: ['Threads'],
  summary: 'Mark read',
  description: `${PARTICIPANTS} Moves the caller’s read mark to the message (default: the latest); never backwards.`,
  ...USER_OR_SECRET,
  middleware: [requireSecretKeyOrUser, atomic] as const,
  request: { params: IdParamSchema, body: jsonBody(MarkReadSchema) },
  responses: {
    200: jsonResponse(ThreadSchema, 'The thread, read state updated.'),
    ...commonErrors,
    ...notFoundError,
  },
});

const start = createRoute({
  method: 'post',
  path: '/v1/requests/{id}/threads',
  tags: ['Threads'],
  summary: 'Message about a request',
  description:
    'One thread per request and mentor, opened by either side: the request’s learner names one of its matched ' +
    'mentors (“message instead” of booking); a mentor matched to the request opens it to ask for more detail ' +
    '(`mentorId` omitted or their own). Idempotent: 201 when opened, 200 with the same thread afterwards. ' +
    'Anyone else gets 404.',
  ...USER_OR_SECRET,
  middleware: [requireSecretKeyOrUser, atomic] as const,
  request: { params: IdParamSchema, headers: IdempotencyHeaderSchema, body: jsonBody(StartThreadSchema) },
  responses: {
    200: jsonResponse(ThreadSchema, 'The thread, already open.'),
    201: jsonResponse(ThreadSchema, 'The thread, just opened.'),
    ...commonErrors,
    ...notFoundError,
    ...conflictError,
  },
});

export function threadRoutes() {
  return createRouter()
    .openapi(list, async (c) => {
      const query = withCursor(c.req.valid('query'), ThreadCursorSchema);
      return c.json(pageBody(await listMyThreads(ctx(c), actorOf(c.get('auth')), query)), 200);
    })
    .openapi(get, async (c) =>
      c.json(await getThread(ctx(c), actorOf(c.get('auth')), c.req.valid('param').id), 200),
    )
    .openapi(messages, async (c) => {
      const query = withCursor(c.req.valid('query'), MessageCursorSchema);
      const threadId = c.req.valid('param').id;
      return c.json(pageBody(await listThreadMessages(ctx(c), actorOf(c.get('auth')), threadId, query)), 200);
    })
    .openapi(post, async (c) => {
      const id = c.req.valid('param').id;
      const message = await postMessage(ctx(c), actorOf(c.get('auth')), id, c.req.valid('json').body);
      return c.json(message, 201);
    })
    .openapi(read, async (c) => {
      const thread = await markThreadRead(
        ctx(c),
        actorOf(c.get('auth')),
        c.req.valid('param').id,
        c.req.valid('json').messageId,
      );
      return c.json(thread, 200);
    })
    .openapi(start, async (c) => {
      const { thread, created } = await startRequestThread(
        ctx(c),
        actorOf(c.get('auth')),
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return created ? c.json(thread, 201, { Location: `/v1/threads/${thread.id}` }) : c.json(thread, 200);
    });
}
