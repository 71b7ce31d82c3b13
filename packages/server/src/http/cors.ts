import { createMiddleware } from 'hono/factory';
import { isOriginAllowedAnywhere } from '../db/tenants.js';
import type { AppDeps, AppEnv } from './env.js';

const ALLOW_HEADERS =
  'Authorization, Content-Type, X-User-Token, Idempotency-Key, Last-Event-ID, X-Request-Id';
const EXPOSE_HEADERS = 'X-Request-Id, Retry-After, Location';

/**
 * CORS for the publishable key. A preflight carries no key, so it is answered for origins
 * some tenant allows; the real request then gets the exact origin back only if *its*
 * tenant allows it. Everyone else gets no CORS headers at all.
 */
export function cors(deps: AppDeps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const origin = c.req.header('origin');
    if (!origin) return next();

    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
      c.header('Vary', 'Origin');
      if (!(await isOriginAllowedAnywhere(deps.db, origin))) return c.body(null, 204);
      c.header('Access-Control-Allow-Origin', origin);
      c.header('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE');
      c.header('Access-Control-Allow-Headers', ALLOW_HEADERS);
      c.header('Access-Control-Max-Age', '600');
      return c.body(null, 204);
    }

    await next();
    c.res.headers.append('Vary', 'Origin');
    const auth = c.get('auth');
    const allowed = auth
      ? auth.keyKind === 'publishable' && auth.tenant.allowedOrigins.includes(origin)
      : // Failed before a tenant was known (a bad key): let an allowed page read the error.
        c.res.status === 401 && (await isOriginAllowedAnywhere(deps.db, origin));
    if (allowed) {
      c.res.headers.set('Access-Control-Allow-Origin', origin);
      c.res.headers.set('Access-Control-Expose-Headers', EXPOSE_HEADERS);
    }
  });
}
