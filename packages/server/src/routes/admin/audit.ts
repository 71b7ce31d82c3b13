import { z } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import { type AuditFilter, auditExport, listAuditLog } from '../../domain/audit/audit-log.js';
import { ctx } from '../../http/atomic.js';
import { pageBody, withCursor } from '../../http/cursor.js';
import { createRouter } from '../../http/router.js';
import { AuditExportQuerySchema, AuditPageSchema, AuditQuerySchema } from '../../schemas/audit.js';
import { jsonResponse } from '../../schemas/common.js';
import { adminRoute } from './admin-route.js';

const AuditCursorSchema = z.strictObject({ at: z.iso.datetime(), id: z.uuid() });

const list = adminRoute({
  method: 'get',
  path: '/v1/admin/audit',
  summary: 'Audit log',
  description:
    'Every admin write and export — who (user id, key kind and prefix), when, what (the route, its target, ' +
    'the fields set), from where (client IP) and the request id — newest first. Append-only: no route ' +
    'changes or deletes an entry, and the database refuses to.',
  request: { query: AuditQuerySchema },
  responses: { 200: jsonResponse(AuditPageSchema, 'A page of entries.') },
});

const exportLog = adminRoute({
  method: 'get',
  path: '/v1/admin/audit/export',
  summary: 'Export the audit log',
  description: 'The filtered log, newest first, as CSV or JSON lines; itself recorded as an export.',
  request: { query: AuditExportQuerySchema },
  responses: {
    200: {
      description: 'The file.',
      content: { 'text/csv': { schema: z.string() }, 'application/jsonl': { schema: z.string() } },
    },
  },
});

function filterOf(tenantId: string, q: { action?: string; actorId?: string; from?: string; to?: string }) {
  return {
    tenantId,
    action: q.action,
    actorId: q.actorId,
    from: q.from === undefined ? undefined : new Date(q.from),
    to: q.to === undefined ? undefined : new Date(q.to),
  } satisfies AuditFilter;
}

export function adminAuditRoutes() {
  return createRouter()
    .openapi(list, async (c) => {
      const query = withCursor(c.req.valid('query'), AuditCursorSchema);
      const filter = filterOf(c.get('auth').tenant.id, query);
      return c.json(
        pageBody(await listAuditLog(ctx(c), { ...filter, limit: query.limit, cursor: query.cursor })),
        200,
      );
    })
    .openapi(exportLog, async (c) => {
      const q = c.req.valid('query');
      const filter = filterOf(c.get('auth').tenant.id, q);
      const csv = q.format === 'csv';
      c.header('Content-Type', csv ? 'text/csv; charset=utf-8' : 'application/jsonl; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="audit-log.${csv ? 'csv' : 'jsonl'}"`);
      c.header('Cache-Control', 'no-store');
      const write = await auditExport(ctx(c), q.format, filter);
      return stream(c, write);
    });
}
