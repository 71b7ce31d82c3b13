import { createRoute } from '@hono/zod-openapi';
import { listFreeSlots } from '../domain/availability/free-slots.js';
import { getMentorAvailability, setMentorAvailability } from '../domain/availability/mentor-availability.js';
import { actorOf } from '../http/actor.js';
import { atomic, ctx } from '../http/atomic.js';
import { requireSecretKeyOrUser } from '../http/auth.js';
import { createRouter } from '../http/router.js';
import { AvailabilitySchema, SlotsQuerySchema, SlotsSchema } from '../schemas/availability.js';
import {
  commonErrors,
  EVERYONE,
  IdParamSchema,
  jsonBody,
  jsonResponse,
  notFoundError,
  USER_OR_SECRET,
} from '../schemas/common.js';

const getAvailability = createRoute({
  method: 'get',
  path: '/v1/mentors/{id}/availability',
  tags: ['Availability'],
  summary: 'Get a mentor’s availability',
  description: 'The secret key, an admin, or the mentor themself.',
  ...USER_OR_SECRET,
  middleware: [requireSecretKeyOrUser] as const,
  request: { params: IdParamSchema },
  responses: {
    200: jsonResponse(AvailabilitySchema, 'The availability rules.'),
    ...commonErrors,
    ...notFoundError,
  },
});

const putAvailability = createRoute({
  method: 'put',
  path: '/v1/mentors/{id}/availability',
  tags: ['Availability'],
  summary: 'Set a mentor’s availability',
  description:
    'Replaces the rules. Times are wall-clock in `timeZone` (which also becomes the mentor profile’s time zone), ' +
    'so a 09:00 rule stays 09:00 local across DST changes.',
  ...USER_OR_SECRET,
  middleware: [requireSecretKeyOrUser, atomic] as const,
  request: {
    params: IdParamSchema,
    body: jsonBody(AvailabilitySchema),
  },
  responses: {
    200: jsonResponse(AvailabilitySchema, 'The stored rules.'),
    ...commonErrors,
    ...notFoundError,
  },
});

const getSlots = createRoute({
  method: 'get',
  path: '/v1/mentors/{id}/slots',
  tags: ['Availability'],
  summary: 'Free slots',
  description:
    'Free session starts in UTC within [from, to) (at most 31 days), after notice, within the horizon, ' +
    'minus booked time with buffers, minus the calling learner’s own sessions, within daily and weekly caps.',
  ...EVERYONE,
  request: { params: IdParamSchema, query: SlotsQuerySchema },
  responses: {
    200: jsonResponse(SlotsSchema, 'Free slots, earliest first.'),
    ...commonErrors,
    ...notFoundError,
  },
});

export function availabilityRoutes() {
  return createRouter()
    .openapi(getAvailability, async (c) => {
      const availability = await getMentorAvailability(
        ctx(c),
        actorOf(c.get('auth')),
        c.req.valid('param').id,
      );
      return c.json(availability, 200);
    })
    .openapi(putAvailability, async (c) => {
      const { id } = c.req.valid('param');
      const availability = await setMentorAvailability(
        ctx(c),
        actorOf(c.get('auth')),
        id,
        c.req.valid('json'),
      );
      return c.json(availability, 200);
    })
    .openapi(getSlots, async (c) => {
      const query = c.req.valid('query');
      const slots = await listFreeSlots(ctx(c), actorOf(c.get('auth')), c.req.valid('param').id, {
        from: new Date(query.from),
        to: new Date(query.to),
        duration: query.duration,
      });
      return c.json(
        { data: slots.map((s) => ({ start: s.start.toISOString(), end: s.end.toISOString() })) },
        200,
      );
    });
}
