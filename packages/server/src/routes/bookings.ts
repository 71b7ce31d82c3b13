import { createRoute, z } from '@hono/zod-openapi';
import { createBooking } from '../domain/booking/book-session.js';
import { getBooking } from '../domain/booking/booking-access.js';
import { bookingCalendarFile } from '../domain/booking/booking-calendar.js';
import { cancelBooking, rescheduleBooking } from '../domain/booking/change-booking.js';
import { listBookingsFor } from '../domain/booking/list-bookings.js';
import { recordNoShow } from '../domain/booking/no-show.js';
import { actorOf } from '../http/actor.js';
import { atomic, ctx } from '../http/atomic.js';
import { requireSecretKeyOrUser, requireUser } from '../http/auth.js';
import { pageBody, withCursor } from '../http/cursor.js';
import { createRouter } from '../http/router.js';
import {
  BookingPageSchema,
  BookingSchema,
  CancelBookingSchema,
  CreateBookingSchema,
  ListBookingsQuerySchema,
  NoShowInputSchema,
  RescheduleBookingSchema,
} from '../schemas/bookings.js';
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

const BookingCursorSchema = z.strictObject({ start: z.iso.datetime(), id: z.uuid() });

const create = createRoute({
  method: 'post',
  path: '/v1/bookings',
  tags: ['Bookings'],
  summary: 'Book a session',
  description:
    'For the user of the token. The start must be a slot that availability offers and that is free; ' +
    'overlaps are impossible (PostgreSQL exclusion constraints) and answer 409 `slot_unavailable`.',
  ...ANY_USER,
  middleware: [requireUser, atomic] as const,
  request: { headers: IdempotencyHeaderSchema, body: jsonBody(CreateBookingSchema) },
  responses: {
    201: jsonResponse(BookingSchema, 'The confirmed booking.'),
    ...commonErrors,
    ...notFoundError,
    ...conflictError,
    422: { description: '`idempotency_key_reused`.' },
  },
});

const list = createRoute({
  method: 'get',
  path: '/v1/bookings',
  tags: ['Bookings'],
  summary: 'List bookings',
  description: 'Yours as learner (default) or as mentor (`as=mentor`); tenant-wide with the secret key.',
  ...USER_OR_SECRET,
  middleware: [requireSecretKeyOrUser] as const,
  request: { query: ListBookingsQuerySchema },
  responses: { 200: jsonResponse(BookingPageSchema, 'A page of bookings, earliest first.'), ...commonErrors },
});

const get = createRoute({
  method: 'get',
  path: '/v1/bookings/{id}',
  tags: ['Bookings'],
  summary: 'Get a booking',
  description: 'Its learner, its mentor, or the program.',
  ...USER_OR_SECRET,
  middleware: [requireSecretKeyOrUser] as const,
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(BookingSchema, 'The booking.'), ...commonErrors, ...notFoundError },
});

const cancel = createRoute({
  method: 'post',
  path: '/v1/bookings/{id}/cancel',
  tags: ['Bookings'],
  summary: 'Cancel a booking',
  description: 'Its learner, its mentor, or the program, before it starts. The time is free again at once.',
  ...USER_OR_SECRET,
  middleware: [requireSecretKeyOrUser, atomic] as const,
  request: { params: IdParamSchema, headers: IdempotencyHeaderSchema, body: jsonBody(CancelBookingSchema) },
  responses: {
    200: jsonResponse(BookingSchema, 'The cancelled booking.'),
    ...commonErrors,
    ...notFoundError,
    ...conflictError,
  },
});

const reschedule = createRoute({
  method: 'post',
  path: '/v1/bookings/{id}/reschedule',
  tags: ['Bookings'],
  summary: 'Move a booking',
  description:
    'Atomic: the new time is taken and the old one freed together. The new time may overlap the old. ' +
    'A session moves at most the program’s `maxReschedules` times: then 409 `reschedule_limit`.',
  ...USER_OR_SECRET,
  middleware: [requireSecretKeyOrUser, atomic] as const,
  request: {
    params: IdParamSchema,
    headers: IdempotencyHeaderSchema,
    body: jsonBody(RescheduleBookingSchema),
  },
  responses: {
    200: jsonResponse(BookingSchema, 'The moved booking.'),
    ...commonErrors,
    ...notFoundError,
    ...conflictError,
  },
});

const noShow = createRoute({
  method: 'post',
  path: '/v1/bookings/{id}/no-show',
  tags: ['Bookings'],
  summary: 'Record a no-show',
  description:
    'The other party did not come: the learner records `mentor`, the mentor `learner` (the program either; ' +
    'naming yourself is 400 `not_the_other_party`). Once, from the start until 7 days after the end: ' +
    '409 `session_not_started`, `no_show_recorded`, `booking_cancelled`, `no_show_too_late`. The booking ' +
    'becomes `no_show`; a mentor’s no-shows count in the admin view and in ranking.',
  ...USER_OR_SECRET,
  middleware: [requireSecretKeyOrUser, atomic] as const,
  request: { params: IdParamSchema, headers: IdempotencyHeaderSchema, body: jsonBody(NoShowInputSchema) },
  responses: {
    200: jsonResponse(BookingSchema, 'The booking, status `no_show`.'),
    ...commonErrors,
    ...notFoundError,
    ...conflictError,
  },
});

const calendar = createRoute({
  method: 'get',
  path: '/v1/bookings/{id}/calendar.ics',
  tags: ['Bookings'],
  summary: 'Calendar file',
  description: 'RFC 5545: stable UID, SEQUENCE bumped on every change, METHOD:CANCEL once cancelled.',
  ...USER_OR_SECRET,
  middleware: [requireSecretKeyOrUser] as const,
  request: { params: IdParamSchema },
  responses: {
    200: { description: 'The event.', content: { 'text/calendar': { schema: z.string() } } },
    ...commonErrors,
    ...notFoundError,
  },
});

export function bookingRoutes() {
  return createRouter()
    .openapi(create, async (c) => {
      const booking = await createBooking(ctx(c), actorOf(c.get('auth')), c.req.valid('json'));
      return c.json(booking, 201, { Location: `/v1/bookings/${booking.id}` });
    })
    .openapi(list, async (c) => {
      const query = withCursor(c.req.valid('query'), BookingCursorSchema);
      return c.json(pageBody(await listBookingsFor(ctx(c), actorOf(c.get('auth')), query)), 200);
    })
    .openapi(get, async (c) => {
      return c.json(await getBooking(ctx(c), actorOf(c.get('auth')), c.req.valid('param').id), 200);
    })
    .openapi(cancel, async (c) => {
      const booking = await cancelBooking(
        ctx(c),
        actorOf(c.get('auth')),
        c.req.valid('param').id,
        c.req.valid('json').reason,
      );
      return c.json(booking, 200);
    })
    .openapi(noShow, async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await recordNoShow(ctx(c), actorOf(c.get('auth')), id, c.req.valid('json')), 200);
    })
    .openapi(reschedule, async (c) => {
      const booking = await rescheduleBooking(
        ctx(c),
        actorOf(c.get('auth')),
        c.req.valid('param').id,
        c.req.valid('json'),
      );
      return c.json(booking, 200);
    })
    .openapi(calendar, async (c) => {
      const file = await bookingCalendarFile(ctx(c), actorOf(c.get('auth')), c.req.valid('param').id);
      c.header('Content-Disposition', `attachment; filename="micromentor-${file.bookingId}.ics"`);
      return c.body(file.ics, 200, { 'Content-Type': 'text/calendar; charset=utf-8' });
    });
}
