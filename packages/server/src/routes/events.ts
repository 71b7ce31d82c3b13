import { createRoute, z } from '@hono/zod-openapi';
import { findOwnMentor } from '../domain/mentors/own-profile.js';
import { requireUser } from '../http/auth.js';
import type { AppDeps } from '../http/env.js';
import { ApiError } from '../http/errors.js';
import { createRouter } from '../http/router.js';
import { openEventStream } from '../realtime/event-stream.js';
import { ANY_USER, commonErrors, problemResponse } from '../schemas/common.js';

const EventIdSchema = z
  .string()
  .regex(/^\d{1,18}$/, 'must be an event id (the `id:` of a received event)')
  .optional();

const stream = createRoute({
  method: 'get',
  path: '/v1/events',
  tags: ['Events'],
  summary: 'Live events',
  description:
    'Server-sent events for the caller: each has `id:` (the event id), `event:` (its type) and `data:` ' +
    '(JSON `{type, data, createdAt}`). A comment line every 15 s keeps the connection open. To resume after ' +
    'a drop, send the last id received as `Last-Event-ID` (or `?after=`): everything after it is replayed ' +
    'first, then new events follow live. Without it, only events recorded from now on are sent. ' +
    'When the server shuts down it ends the stream with `retry:` and `event: reconnect` (no `data:`): ' +
    'reconnect with `Last-Event-ID`. Each server process allows a number of open streams per user and ' +
    'per key (`MICROMENTOR_SSE_MAX_PER_USER`, `MICROMENTOR_SSE_MAX_PER_KEY`); one more is refused ' +
    'with 429 `too_many_streams` before it starts.',
  ...ANY_USER,
  middleware: [requireUser] as const,
  request: {
    query: z.strictObject({ after: EventIdSchema.openapi({ param: { name: 'after', in: 'query' } }) }),
    headers: z.object({
      'last-event-id': EventIdSchema.openapi({ param: { name: 'last-event-id', in: 'header' } }),
    }),
  },
  responses: {
    200: { description: 'An event stream.', content: { 'text/event-stream': { schema: z.string() } } },
    ...commonErrors,
    429: problemResponse(
      'Too many streams open for this user or key on this server (`too_many_streams`), or too many requests (`rate_limited`).',
    ),
    503: problemResponse('The server is shutting down (`shutting_down`): connect again.'),
  },
});

export function eventRoutes(deps: AppDeps) {
  return createRouter().openapi(stream, async (c) => {
    const auth = c.get('auth');
    const user = auth.user!;
    const header = c.req.valid('header')['last-event-id'];
    const after = header ?? c.req.valid('query').after;
    if (deps.hub.closed) throw new ApiError(503, 'shutting_down', 'The server is shutting down; reconnect.');
    const mentor = await findOwnMentor(deps, { tenantId: auth.tenant.id, externalId: user.externalId });
    // Reserved after the last await, so the stream that takes the place is the one counted.
    const release = deps.hub.reserve({ userId: user.id, key: `${auth.tenant.id}:${auth.keyKind}` });
    if (typeof release !== 'function') {
      const who = release.full === 'user' ? 'This user' : 'This API key';
      throw new ApiError(
        429,
        'too_many_streams',
        `${who} already has ${release.limit} live event streams open on this server, the most allowed; close one before opening another.`,
      );
    }
    return openEventStream(c, {
      release,
      db: deps.db,
      hub: deps.hub,
      tenantId: auth.tenant.id,
      userId: user.id,
      after: after === undefined ? null : Number(after),
      isMentor: mentor !== null,
    });
  });
}
