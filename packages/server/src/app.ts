import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Kysely } from 'kysely';
import { type Clock, systemClock } from './clock.js';
import type { Database } from './db/database.js';
import { renderReferencePage } from './docs/reference-page.js';
import { PlatformKeys } from './domain/lti/platform-keys.js';
import type { SemanticSearch } from './domain/matching/semantic/semantic-search.js';
import { authenticate } from './http/auth.js';
import { cors } from './http/cors.js';
import type { AppDeps, AppEnv } from './http/env.js';
import { ApiError, type ErrorLogger, errorHandler, notFoundHandler } from './http/errors.js';
import { clientIp, limitRefusedCallers, type RateLimitConfig, rateLimit } from './http/rate-limit.js';
import { type RequestLogger, requestContext } from './http/request-context.js';
import { createRouter } from './http/router.js';
import { createLifecycle, type Lifecycle } from './lifecycle.js';
import { pollingHub, type RealtimeHub } from './realtime/hub.js';
import { adminAnalyticsRoutes } from './routes/admin/analytics.js';
import { adminAuditRoutes } from './routes/admin/audit.js';
import { adminEmailRoutes } from './routes/admin/emails.js';
import { adminExportRoutes } from './routes/admin/exports.js';
import { adminKeyRoutes } from './routes/admin/keys.js';
import { adminLtiRoutes } from './routes/admin/lti-platforms.js';
import { adminLtiRegistrationRoutes } from './routes/admin/lti-registration.js';
import { adminMentorRoutes } from './routes/admin/mentors.js';
import { adminReportRoutes } from './routes/admin/reports.js';
import { adminSettingsRoutes } from './routes/admin/settings.js';
import { adminUserRoutes } from './routes/admin/users.js';
import { adviceRoutes } from './routes/advice.js';
import { availabilityRoutes } from './routes/availability.js';
import { boardRoutes } from './routes/board.js';
import { bookingRoutes } from './routes/bookings.js';
import { bundleRoutes } from './routes/bundles.js';
import { calendarFeedRoutes, calendarFileRoutes } from './routes/calendar-feed.js';
import { emailPreferenceRoutes } from './routes/email-preferences.js';
import { eventRoutes } from './routes/events.js';
import { feedbackRoutes } from './routes/feedback.js';
import { guestRoutes } from './routes/guests.js';
import { healthRoutes } from './routes/health.js';
import { issuerRoutes } from './routes/issuers.js';
import { ltiRoutes } from './routes/lti.js';
import { meRoutes } from './routes/me.js';
import { meDataRoutes } from './routes/me-data.js';
import { meMentorRoutes } from './routes/me-mentor.js';
import { mentorRoutes } from './routes/mentors.js';
import { offerRoutes } from './routes/offers.js';
import { programQueueRoutes } from './routes/program-queue.js';
import { recognitionRoutes } from './routes/recognition.js';
import { recommendationRoutes } from './routes/recommendations.js';
import { reportRoutes } from './routes/reports.js';
import { requestRoutes } from './routes/requests.js';
import { threadRoutes } from './routes/threads.js';
import { unsubscribeRoutes } from './routes/unsubscribe.js';
import { webhookRoutes } from './routes/webhooks.js';
import { registerWebhookEvents } from './schemas/webhook-events.js';
import { SecretBox } from './security/keys.js';
import { launchTokenKey } from './security/launch-token.js';

export const BODY_LIMIT_BYTES = 64 * 1024;
export const API_VERSION = '0.1.0';

export interface AppConfig {
  /** Encrypts identity secrets at rest (MICROMENTOR_SECRET_KEY). */
  secretKey?: string | undefined;
  /** One JSON line per request; omit to stay quiet (tests). */
  logRequest?: RequestLogger | undefined;
  logError?: ErrorLogger | undefined;
  /** Refusals worth an operator's eye (an LTI launch refused, and why); default: a JSON line on stderr. */
  logWarning?: ((line: Record<string, unknown>) => void) | undefined;
  /** The built widget bundle served at /widget.js. */
  widgetFile?: string | undefined;
  /** Development only: webhooks to http:// and private, loopback and link-local addresses. */
  webhooksAllowPrivate?: boolean | undefined;
  /** Rate limits (http/rate-limit.ts); omitted or `false` = off (the server turns them on from env). */
  rateLimit?: RateLimitConfig | false | undefined;
  /** The API's public origin, naming credential issuers (`{publicUrl}/issuers/{tenantId}`). */
  publicUrl?: string | undefined;
}

export interface CreateAppOptions {
  db: Kysely<Database>;
  clock?: Clock;
  config?: AppConfig;
  /**
   * Live events for `GET /v1/events` (realtime/hub.ts); the caller closes it. Without one, streams
   * only find new events on their heartbeat reads (fine for tests that do not stream).
   */
  hub?: RealtimeHub;
  /** Readiness (`/readyz`): the server process flips it on SIGTERM; by default never shutting down. */
  lifecycle?: Lifecycle;
  /** Matching by meaning (domain/matching/semantic); omitted or null: keywords only. */
  semantic?: SemanticSearch | null;
}

/** The versioned API: one sub-app per resource, chained so the SDK can infer every route. */
function buildApi(deps: AppDeps) {
  return createRouter()
    .route('/', meRoutes(deps))
    .route('/', emailPreferenceRoutes())
    .route('/', meDataRoutes())
    .route('/', guestRoutes(deps))
    .route('/', mentorRoutes())
    .route('/', availabilityRoutes())
    .route('/', bookingRoutes())
    .route('/', requestRoutes())
    .route('/', feedbackRoutes())
    .route('/', boardRoutes())
    .route('/', recommendationRoutes())
    .route('/', adviceRoutes())
    .route('/', meMentorRoutes())
    .route('/', calendarFeedRoutes())
    .route('/', offerRoutes())
    .route('/', programQueueRoutes())
    .route('/', threadRoutes())
    .route('/', eventRoutes(deps))
    .route('/', webhookRoutes())
    .route('/', recognitionRoutes())

    .route('/', reportRoutes())
    .route('/', adminMentorRoutes())
    .route('/', adminReportRoutes())
    .route('/', adminSettingsRoutes())
    .route('/', adminKeyRoutes())
    .route('/', adminAnalyticsRoutes())
    .route('/', adminExportRoutes())
    .route('/', adminEmailRoutes())
    .route('/', adminAuditRoutes())
    .route('/', adminUserRoutes())
    .route('/', adminLtiRoutes())
    .route('/', adminLtiRegistrationRoutes());
}

export type ApiRoutes = ReturnType<typeof buildApi>;

export function createApp({
  db,
  clock = systemClock,
  config = {},
  hub = pollingHub(),
  lifecycle = createLifecycle(),
  semantic = null,
}: CreateAppOptions) {
  const deps: AppDeps = {
    db,
    clock,
    secretBox: new SecretBox(config.secretKey),
    hub,
    lifecycle,
    semantic,
    webhooksAllowPrivate: config.webhooksAllowPrivate ?? false,
    publicUrl: config.publicUrl,
    logWarning: config.logWarning ?? ((line) => console.error(JSON.stringify({ level: 'warn', ...line }))),
    lti: {
      // The platforms' key sets go through the webhooks' outbound guard and its development switch.
      platformKeys: new PlatformKeys({ allowPrivate: config.webhooksAllowPrivate ?? false }),
      launchKey: launchTokenKey(config.secretKey),
    },
    // The audit log records the address the rate limiter would count (its proxy setting included).
    clientIp: (c) => clientIp(c, config.rateLimit ? config.rateLimit.proxyHops : 0),
  };
  const app = new OpenAPIHono<AppEnv>();

  // Every response, errors included: a browser must not read JSON (or a CSV) as something else.
  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
  });
  app.use('*', requestContext(config.logRequest));
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use(
    '/v1/*',
    bodyLimit({
      maxSize: BODY_LIMIT_BYTES,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', 'The request body is larger than 64 KB.');
      },
    }),
  );
  app.use('/v1/*', cors(deps));
  // With rate limits on, the callers authentication refuses are limited per client IP too.
  const auth = authenticate(deps);
  app.use('/v1/*', config.rateLimit ? limitRefusedCallers(config.rateLimit, auth) : auth);
  if (config.rateLimit) app.use('/v1/*', rateLimit(config.rateLimit));

  app.route('/', healthRoutes(deps));
  app.route('/', issuerRoutes(deps));
  app.route('/', unsubscribeRoutes(deps));
  app.route('/', calendarFileRoutes(deps));
  app.route('/', ltiRoutes(deps));
  app.route('/', buildApi(deps));

  app.openAPIRegistry.registerComponent('securitySchemes', 'secretKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'The tenant’s secret key `sk_…`, from servers only.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'publishableKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'The tenant’s publishable key `pk_…`, only from the tenant’s allowed origins.',
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'userToken', {
    type: 'apiKey',
    in: 'header',
    name: 'X-User-Token',
    description:
      'HS256 JWT signed with the tenant’s identity secret: sub, name, email?, roles?, iat, exp (≤ 24 h).',
  });

  registerWebhookEvents(app.openAPIRegistry);

  const documentConfig = {
    openapi: '3.1.0',
    info: {
      title: 'Micromentor API',
      version: API_VERSION,
      description:
        'Ask-an-expert micro-mentoring: mentors, matching, booking and follow-up. JSON over HTTPS, times in UTC ' +
        '(ISO 8601), errors as application/problem+json.',
    },
    servers: [{ url: '/' }],
  };
  app.doc31('/openapi.json', documentConfig);
  app.get('/docs', (c) => c.html(renderReferencePage(app.getOpenAPI31Document(documentConfig) as never)));

  // The learner widget's loader, its flow and the consoles, from the widget's dist folder.
  app.route('/', bundleRoutes(config.widgetFile));

  app.onError(
    errorHandler(
      config.logError ??
        (({ requestId, error }) =>
          console.error(
            JSON.stringify({ level: 'error', msg: 'unhandled', requestId, error: String(error) }),
          )),
    ),
  );
  app.notFound(notFoundHandler);
  return app;
}

export type App = ReturnType<typeof createApp>;
