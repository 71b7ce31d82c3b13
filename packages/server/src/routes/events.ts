import { createRoute, z } from '@hono/zod-openapi';
import { findOwnMentor } from '../domain/mentors/own-profile.js';
import { requireUser } from '../http/auth.js';
import type { AppDeps } from '../http/env.js';
import { ApiError } from '../http/errors.js';
import { createRouter } from '../http/router.js';
import { openEventStream } from '../realtime/event-stream.js';
import { ANY_USER, commonErrors } from '../schemas/common.js';

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
    'first, then new events follow live. Without it, only events recorded from now on are sent.',
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
    return openEventStream(c, {
      db: deps.db,
      hub: deps.hub,
      tenantId: auth.tenant.id,
      userId: user.id,
      after: after === undefined ? null : Number(after),
      isMentor: mentor !== null,
    });
  });
}
