import { createRoute, z } from '@hono/zod-openapi';
import { setPresence } from '../domain/mentors/presence.js';
import { acceptOffer, declineOffer } from '../domain/requests/answer-offer.js';
import { listMyOffers } from '../domain/requests/mentor-inbox.js';
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
  AcceptedOfferSchema,
  ListOffersQuerySchema,
  MentorOfferPageSchema,
  MentorOfferSchema,
  PresenceInputSchema,
  PresenceSchema,
} from '../schemas/offers.js';

const _ANY_PARTY = [...SECRET_ONLY, ...USER_LEVEL];
const OfferCursorSchema = z.strictObject({ offeredAt: z.iso.datetime(), requestId: z.uuid() });

const presence = createRoute({
  method: 'put',
  path: '/v1/me/presence',
  tags: ['Me'],
  summary: 'Available now',
  description:
    'The calling mentor takes instant requests (`urgency: now`) for the next 15 minutes, or stops now. ' +
    'A mentor the system paused for letting offers expire is back in matching when they turn it on.',
  ...ANY_USER,
  middleware: [requireUser, atomic] as const,
  request: { body: jsonBody(PresenceInputSchema) },
  responses: {
    200: jsonResponse(PresenceSchema, 'The mentor’s presence.'),
    ...commonErrors,
    ...notFoundError,
  },
});

const offers = createRoute({
  method: 'get',
  path: '/v1/me/offers',
  tags: ['Me'],
  summary: 'Requests offered to me',
  description:
    'The calling mentor’s inbox of instant requests, newest first: the request with its context, the ' +
    'learner’s name, the offer’s status and until when it can be accepted. Empty for users who are not mentors.',
  ...ANY_USER,
  middleware: [requireUser] as const,
  request: { query: ListOffersQuerySchema },
  responses: { 200: jsonResponse(MentorOfferPageSchema, 'A page of offers.'), ...commonErrors },
});

const answerErrors = { ...commonErrors, ...notFoundError, ...conflictError } as const;

const accept = createRoute({
  method: 'post',
  path: '/v1/requests/{id}/accept',
  tags: ['Requests'],
  summary: 'Accept an offered request',
  description:
    'For a mentor the request was offered to. The first to accept gets it (the request becomes `matched`); ' +
    'later ones get 409 `already_taken`. Anyone it was not offered to (its learner included) gets 404. ' +
    'The winner’s accept creates the session in the same transaction (`booking`, with `booking.created`). ' +
    'Other codes: `offer_expired`, `offer_declined`, `request_not_open`.',
  ...USER_OR_SECRET,
  middleware: [requireSecretKeyOrUser, atomic] as const,
  request: { params: IdParamSchema, headers: IdempotencyHeaderSchema },
  responses: {
    200: jsonResponse(AcceptedOfferSchema, 'The accepted offer and its session.'),
    ...answerErrors,
  },
});

const decline = createRoute({
  method: 'post',
  path: '/v1/requests/{id}/decline',
  tags: ['Requests'],
  summary: 'Decline an offered request',
  description:
    'For a mentor the request was offered to; they are left out of its matches from now on. When nobody is ' +
    'left to answer, the learner is told and shown scheduled slots.',
  ...USER_OR_SECRET,
  middleware: [requireSecretKeyOrUser, atomic] as const,
  request: { params: IdParamSchema, headers: IdempotencyHeaderSchema },
  responses: { 200: jsonResponse(MentorOfferSchema, 'The declined offer.'), ...answerErrors },
});

export function offerRoutes() {
  return createRouter()
    .openapi(presence, async (c) => {
      const { db, clock } = ctx(c);
      const auth = c.get('auth');
      const result = await setPresence(db, {
        tenantId: auth.tenant.id,
        userId: auth.user!.id,
        availableNow: c.req.valid('json').availableNow,
        now: clock.now(),
      });
      return c.json(result, 200);
    })
    .openapi(offers, async (c) => {
      const query = withCursor(c.req.valid('query'), OfferCursorSchema);
      return c.json(pageBody(await listMyOffers(ctx(c), actorOf(c.get('auth')), query)), 200);
    })
    .openapi(accept, async (c) => {
      return c.json(await acceptOffer(ctx(c), actorOf(c.get('auth')), c.req.valid('param').id), 200);
    })
    .openapi(decline, async (c) => {
      return c.json(await declineOffer(ctx(c), actorOf(c.get('auth')), c.req.valid('param').id), 200);
    });
}
