import { createRoute } from '@hono/zod-openapi';
import { findAvailability } from '../db/availability.js';
import { learnerLiveBookings, mentorLiveBookings } from '../db/bookings.js';
import { findMentor } from '../db/mentors.js';
import { loadPolicy, setAvailability } from '../domain/availability/mentor-availability.js';
import { computeSlots } from '../domain/availability/slots.js';
import { DAY_MS } from '../domain/availability/zoned-time.js';
import { InvalidInputError, NotFoundError } from '../domain/errors.js';
import { actorOf } from '../http/actor.js';
import { atomic, ctx } from '../http/atomic.js';
import { requireSecretKeyOrUser } from '../http/auth.js';
import type { Auth } from '../http/env.js';
import { ApiError } from '../http/errors.js';
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

const MAX_WINDOW_MS = 31 * 24 * 60 * 60 * 1000;

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

/** The mentor, if the caller may manage their availability. */
async function managedMentor(c: Parameters<typeof ctx>[0], auth: Auth, id: string) {
  const { db } = ctx(c);
  const mentor = await findMentor(db, auth.tenant.id, id);
  const actor = actorOf(auth);
  const isSelf = mentor?.external_id != null && mentor.external_id === auth.user?.externalId;
  if (!mentor || (!actor.privileged && !isSelf && mentor.status !== 'approved'))
    throw new NotFoundError('Mentor');
  if (!actor.privileged && !isSelf) {
    throw new ApiError(
      403,
      'forbidden',
      'Only the mentor themself or the program can manage this availability.',
    );
  }
  return mentor;
}

export function availabilityRoutes() {
  return createRouter()
    .openapi(getAvailability, async (c) => {
      const auth = c.get('auth');
      const mentor = await managedMentor(c, auth, c.req.valid('param').id);
      const { db } = ctx(c);
      const policy = await loadPolicy(db, auth.tenant.id, mentor, auth.tenant.settings);
      const row = await findAvailability(db, auth.tenant.id, mentor.id);
      return c.json({ ...policy, meetingUrl: row?.meeting_url ?? null }, 200);
    })
    .openapi(putAvailability, async (c) => {
      const auth = c.get('auth');
      const mentor = await managedMentor(c, auth, c.req.valid('param').id);
      const input = c.req.valid('json');
      const policy = await setAvailability(ctx(c), auth.tenant.id, mentor.id, input, auth.tenant.settings);
      return c.json({ ...policy, meetingUrl: input.meetingUrl }, 200);
    })
    .openapi(getSlots, async (c) => {
      const auth = c.get('auth');
      const { db, clock } = ctx(c);
      const { id } = c.req.valid('param');
      const query = c.req.valid('query');
      const from = new Date(query.from);
      const to = new Date(query.to);
      if (to <= from || to.getTime() - from.getTime() > MAX_WINDOW_MS) {
        throw new InvalidInputError('The window must have `to` after `from` and span at most 31 days.', [
          { path: 'query.to', message: 'must be after from and at most 31 days later' },
        ]);
      }
      const mentor = await findMentor(db, auth.tenant.id, id);
      const isSelf = mentor?.external_id != null && mentor.external_id === auth.user?.externalId;
      if (!mentor || (mentor.status !== 'approved' && !actorOf(auth).privileged && !isSelf)) {
        throw new NotFoundError('Mentor');
      }
      const policy = await loadPolicy(db, auth.tenant.id, mentor, auth.tenant.settings);
      if (!policy.sessionLengths.includes(query.duration)) {
        throw new InvalidInputError(
          `${mentor.name} offers ${policy.sessionLengths.join(' or ')}-minute sessions.`,
          [{ path: 'query.duration', message: `must be one of ${policy.sessionLengths.join(', ')}` }],
        );
      }
      // Bookings a week either side count for buffers and the weekly cap.
      const busyWindow = {
        start: new Date(from.getTime() - 8 * DAY_MS),
        end: new Date(to.getTime() + 8 * DAY_MS),
      };
      const mentorBusy = await mentorLiveBookings(db, auth.tenant.id, mentor.id, busyWindow);
      const learnerBusy = auth.user
        ? await learnerLiveBookings(db, auth.tenant.id, auth.user.id, busyWindow)
        : [];
      const slots = computeSlots({
        policy,
        from,
        to,
        durationMinutes: query.duration,
        now: clock.now(),
        mentorBusy,
        learnerBusy,
      });
      return c.json(
        { data: slots.map((s) => ({ start: s.start.toISOString(), end: s.end.toISOString() })) },
        200,
      );
    });
}
