import { createRoute, type RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { atomic } from '../../http/atomic.js';
import { auditTrail, isAudited } from '../../http/audit-trail.js';
import { requireAdmin } from '../../http/auth.js';
import type { AppEnv } from '../../http/env.js';
import { requireSecretKeyForSecrets, secretAnswer } from '../../http/secret-routes.js';
import { commonErrors, PROGRAM, SECRET_KEY_ONLY } from '../../schemas/common.js';

/** What an admin route says for itself; who may call it and the common errors come from `adminRoute`. */
type AdminRouteConfig<P extends string> = Omit<RouteConfig, 'path' | 'security' | 'middleware'> & {
  path: P;
  /** Runs after `requireAdmin` (e.g. `atomic` for writes). */
  middleware?: readonly MiddlewareHandler<AppEnv>[];
  /**
   * The answer carries a secret (shown once): never cached, and its Idempotency-Key replay kept
   * sealed (http/atomic.ts). OpenAPI: `x-reveals-secret`.
   */
  revealsSecret?: boolean;
  /**
   * The answer is a credential to the whole tenant (the secret key, the identity secret): the
   * secret key only, never an admin's browser token (403 `secret_key_required`, pointing to the CLI
   * and SDK). Implies `revealsSecret`. OpenAPI: `x-roles: [secret]`, `x-secret-key-only`.
   */
  secretKeyOnly?: boolean;
  /** Body fields whose values the audit entry may keep (enums, numbers; never free text). */
  auditValues?: readonly string[];
};

/**
 * A route of the program's own (`/v1/admin/…`), the same preamble for every one: tagged `Admin`
 * unless the route names its `tags`; callable with the secret key or an admin's token (`PROGRAM`:
 * OpenAPI `security` + `x-roles`, which the security suite checks) or the secret key alone
 * (`secretKeyOnly`); `requireAdmin` first, then the route's own `middleware`; every write and
 * export recorded in the audit log (`auditTrail`, last, inside the route's transaction;
 * `x-audited`); `commonErrors` besides the route's own `responses`. Everything else — method,
 * path, summary, description, request, responses — stays in the route's definition.
 */
export function adminRoute<P extends string, const R extends AdminRouteConfig<P>>(config: R) {
  const {
    middleware = [],
    responses,
    revealsSecret = false,
    secretKeyOnly = false,
    auditValues = [],
    ...route
  } = config;
  const audited = isAudited(route.method, route.path);
  // An audited write commits with its entry or not at all: it runs in `atomic` even if not listed.
  const write = route.method.toLowerCase() !== 'get';
  const own = write && !middleware.includes(atomic) ? [...middleware, atomic] : middleware;
  return createRoute({
    tags: ['Admin'],
    ...route,
    ...(secretKeyOnly ? SECRET_KEY_ONLY : PROGRAM),
    ...(revealsSecret || secretKeyOnly ? { 'x-reveals-secret': true } : {}),
    ...(audited ? { 'x-audited': true } : {}),
    middleware: [
      secretKeyOnly ? requireSecretKeyForSecrets : requireAdmin,
      ...(revealsSecret || secretKeyOnly ? [secretAnswer] : []),
      ...own,
      ...(audited ? [auditTrail(auditValues)] : []),
    ],
    responses: { ...responses, ...commonErrors } as R['responses'] & typeof commonErrors,
  });
}
