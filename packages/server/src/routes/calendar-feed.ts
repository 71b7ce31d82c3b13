import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  calendarFeedPath,
  calendarFeedState,
  type FeedUser,
  renewCalendarFeed,
  stopCalendarFeed,
} from '../domain/calendar/calendar-feed.js';
import { calendarFeedFile } from '../domain/calendar/feed-file.js';
import { NotFoundError } from '../domain/errors.js';
import { ctx } from '../http/atomic.js';
import { requireUser } from '../http/auth.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { publicBaseUrl } from '../http/public-url.js';
import { createRouter } from '../http/router.js';
import { CalendarFeedFileParamSchema, CalendarFeedSchema } from '../schemas/calendar.js';
import { ANY_USER, commonErrors, jsonResponse, notFoundError } from '../schemas/common.js';

const FEED_DESCRIPTION =
  'A private iCalendar feed of the user’s sessions (as learner and as mentor) from 30 days ago on, ' +
  'for Google Calendar, Outlook or Apple Calendar to subscribe to; its URL holds a long random secret.';

const get = createRoute({
  method: 'get',
  path: '/v1/me/calendar-feed',
  tags: ['Me'],
  summary: 'My calendar feed',
  description: `${FEED_DESCRIPTION} Whether it is on, and its URL when it is.`,
  ...ANY_USER,
  middleware: [requireUser] as const,
  responses: { 200: jsonResponse(CalendarFeedSchema, 'The feed.'), ...commonErrors },
});

// No `atomic` (one statement each, nothing to roll back) and so no Idempotency-Key record: the
// answer carries the secret, which would otherwise be kept in clear with the replayable response.
const renew = createRoute({
  method: 'post',
  path: '/v1/me/calendar-feed',
  tags: ['Me'],
  summary: 'Turn on my calendar feed, or get a new link',
  description: `${FEED_DESCRIPTION} Makes a new secret URL; a link given before stops working at once (404).`,
  ...ANY_USER,
  middleware: [requireUser] as const,
  responses: { 201: jsonResponse(CalendarFeedSchema, 'The feed, with its new URL.'), ...commonErrors },
});

const stop = createRoute({
  method: 'delete',
  path: '/v1/me/calendar-feed',
  tags: ['Me'],
  summary: 'Turn off my calendar feed',
  description: 'The feed’s URL stops working at once (404). Nothing happens when it was off.',
  ...ANY_USER,
  middleware: [requireUser] as const,
  responses: { 204: { description: 'Off.' }, ...commonErrors },
});

/**
 * Outside /v1 on purpose: calendar apps poll the URL with no key or token, so the secret in
 * the path is the only credential (like the issuer keys and /healthz, no API key is asked).
 */
const file = createRoute({
  method: 'get',
  path: '/calendar/{file}',
  tags: ['Me'],
  summary: 'A calendar feed',
  description:
    'The iCalendar (RFC 5545) feed a `/v1/me/calendar-feed` URL points at: no key needed, the secret is ' +
    'the credential. Each session’s UID is its invitation’s, `SEQUENCE` counts its changes, a cancelled ' +
    'one says `STATUS:CANCELLED`. An unknown, replaced or turned-off secret is 404.',
  request: { params: CalendarFeedFileParamSchema },
  responses: {
    200: { description: 'The feed.', content: { 'text/calendar': { schema: z.string() } } },
    ...notFoundError,
  },
});

function feedUser(c: Context<AppEnv>): FeedUser {
  const auth = c.get('auth');
  // requireUser has run.
  return { tenantId: auth.tenant.id, userId: auth.user!.id };
}

function feedUrl(c: Context<AppEnv>, secret: string | null): string | null {
  return secret === null ? null : `${publicBaseUrl(c)}${calendarFeedPath(secret)}`;
}

export function calendarFeedRoutes() {
  return createRouter()
    .openapi(get, async (c) => {
      const state = await calendarFeedState(ctx(c), c.get('deps').secretBox, feedUser(c));
      c.header('Cache-Control', 'no-store');
      return c.json(
        {
          enabled: state.enabled,
          url: feedUrl(c, state.secret),
          createdAt: state.createdAt?.toISOString() ?? null,
        },
        200,
      );
    })
    .openapi(renew, async (c) => {
      const feed = await renewCalendarFeed(ctx(c), c.get('deps').secretBox, feedUser(c));
      c.header('Cache-Control', 'no-store');
      return c.json(
        { enabled: true, url: feedUrl(c, feed.secret), createdAt: feed.createdAt.toISOString() },
        201,
        { Location: '/v1/me/calendar-feed' },
      );
    })
    .openapi(stop, async (c) => {
      await stopCalendarFeed(ctx(c), feedUser(c));
      return c.body(null, 204);
    });
}

export function calendarFileRoutes(deps: AppDeps) {
  return createRouter().openapi(file, async (c) => {
    const name = c.req.valid('param').file;
    if (!name.endsWith('.ics')) throw new NotFoundError('Calendar feed');
    const ics = await calendarFeedFile(deps, name.slice(0, -'.ics'.length));
    c.header('Cache-Control', 'private, max-age=300');
    // A secret URL: not for search engines, nor for the Referer of links followed from it.
    c.header('X-Robots-Tag', 'noindex');
    c.header('Referrer-Policy', 'no-referrer');
    return c.body(ics, 200, { 'Content-Type': 'text/calendar; charset=utf-8' });
  });
}
