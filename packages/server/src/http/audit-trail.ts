import { createMiddleware } from 'hono/factory';
import { routePath } from 'hono/route';
import { recordAuditEntry } from '../domain/audit/audit-log.js';
import { auditSummary } from '../domain/audit/summary.js';
import { ctx } from './atomic.js';
import type { AppEnv, Auth } from './env.js';

/** GET routes that hand data out (`…/export`, `/v1/admin/exports/…`) are audited like writes. */
export function isExportPath(path: string): boolean {
  return path.endsWith('/export') || path.startsWith('/v1/admin/exports/');
}

/** Which admin routes the audit log records: every write, and every export. */
export function isAudited(method: string, path: string): boolean {
  return method.toUpperCase() !== 'GET' || isExportPath(path);
}

/** `/v1/admin/mentors/:id/approve` → `/v1/admin/mentors/{id}/approve`, as OpenAPI names it. */
const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, '{$1}');

function targetOf(params: Record<string, string>, location: string | null): string | null {
  const first = params.id ?? Object.values(params)[0];
  if (first !== undefined) return first;
  // A creating route names what it made in Location (`/v1/admin/webhooks/<id>`).
  return location?.split('/').filter(Boolean).at(-1) ?? null;
}

/**
 * Writes the audit entry of a successful admin request, in the request's transaction (it sits
 * after `atomic`, so a failed or rolled-back request leaves none, and the entry commits with the
 * change). `keep` names the body fields whose values the route allows into the summary; `when`,
 * for a route both the program and a user call, says which callers' requests are the program's.
 */
export function auditTrail(keep: readonly string[] = [], when: (auth: Auth) => boolean = () => true) {
  return createMiddleware<AppEnv>(async (c, next) => {
    await next();
    if (c.error || c.res.status < 200 || c.res.status >= 300) return;
    if (!when(c.get('auth'))) return;
    if (c.req.method !== 'GET' && c.get('trx') === undefined) {
      // A programming error the audit test finds: audited writes must commit with their entry.
      throw new Error(`${c.req.method} ${c.req.path}: an audited write must run in \`atomic\``);
    }
    const auth = c.get('auth');
    const deps = c.get('deps');
    const body = c.req.method === 'GET' ? undefined : (c.req.valid as (t: 'json') => unknown)('json');
    await recordAuditEntry(ctx(c), {
      tenantId: auth.tenant.id,
      actor: { userId: auth.user?.id ?? null, keyKind: auth.keyKind, keyPrefix: auth.keyPrefix },
      action: `${c.req.method} ${openApiPath(routePath(c, -1) || c.req.path)}`,
      target: targetOf(c.req.param() as Record<string, string>, c.res.headers.get('location')),
      summary: auditSummary(body, keep),
      clientIp: deps.clientIp?.(c) ?? null,
      requestId: c.get('requestId') ?? null,
    });
  });
}
