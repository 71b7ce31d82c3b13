import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { requireAdmin } from '../../http/auth.js';
import type { AppEnv } from '../../http/env.js';
import { commonErrors, PROGRAM } from '../../schemas/common.js';

/** What an admin route says for itself; who may call it and the common errors come from `adminRoute`. */
type AdminRouteConfig<P extends string> = Omit<RouteConfig, 'path' | 'security' | 'middleware'> & {
  path: P;
  /** Runs after `requireAdmin` (e.g. `atomic` for writes). */
  middleware?: readonly MiddlewareHandler<AppEnv>[];
};

/**
 * A route of the program's own (`/v1/admin/…`), the same preamble for every one: tagged `Admin`
 * unless the route names its `tags`; callable with the secret key or an admin's token (`PROGRAM`:
 * OpenAPI `security` + `x-roles`, which the security suite checks); `requireAdmin` first, then the
 * route's own `middleware`; `commonErrors` besides the route's own `responses`. Everything else —
 * method, path, summary, description, request, responses — stays in the route's definition.
 */
export function adminRoute<P extends string, const R extends AdminRouteConfig<P>>(config: R) {
  const { middleware = [], responses, ...route } = config;
  return createRoute({
    tags: ['Admin'],
    ...route,
    ...PROGRAM,
    middleware: [requireAdmin, ...middleware],
    responses: { ...responses, ...commonErrors } as R['responses'] & typeof commonErrors,
  });
}
