import { z } from '@hono/zod-openapi';
import { listReportsForReview, resolveReport } from '../../domain/reports/reports.js';
import { atomic, ctx } from '../../http/atomic.js';
import { pageBody, withCursor } from '../../http/cursor.js';
import { createRouter } from '../../http/router.js';
import {
  ReportPageSchema,
  ReportsQuerySchema,
  ResolvedReportSchema,
  ResolveReportSchema,
} from '../../schemas/admin.js';
import {
  conflictError,
  IdempotencyHeaderSchema,
  IdParamSchema,
  jsonBody,
  jsonResponse,
  notFoundError,
} from '../../schemas/common.js';
import { adminRoute } from './admin-route.js';

const ReportCursorSchema = z.strictObject({ createdAt: z.iso.datetime(), id: z.uuid() });

const list = adminRoute({
  method: 'get',
  path: '/v1/admin/reports',
  summary: 'Reports queue',
  description:
    'Learners’ reports about mentors, oldest first (`status=open` by default), each with the mentor’s name; ' +
    'filter by `mentorId` or `reason`.',
  request: { query: ReportsQuerySchema },
  responses: { 200: jsonResponse(ReportPageSchema, 'A page of reports.') },
});

const resolve = adminRoute({
  method: 'post',
  path: '/v1/admin/reports/{id}/resolve',
  summary: 'Resolve a report',
  description:
    '`dismiss` closes it; `pause`/`suspend` also stop the mentor (unless already so). A resolved report ' +
    'answers 409 `report_resolved`.',
  auditValues: ['action'],
  middleware: [atomic],
  request: { params: IdParamSchema, headers: IdempotencyHeaderSchema, body: jsonBody(ResolveReportSchema) },
  responses: {
    200: jsonResponse(ResolvedReportSchema, 'The report and its mentor.'),
    ...notFoundError,
    ...conflictError,
  },
});

export function adminReportRoutes() {
  return createRouter()
    .openapi(list, async (c) => {
      const query = withCursor(c.req.valid('query'), ReportCursorSchema);
      const tenantId = c.get('auth').tenant.id;
      return c.json(pageBody(await listReportsForReview(ctx(c), { ...query, tenantId })), 200);
    })
    .openapi(resolve, async (c) => {
      const auth = c.get('auth');
      const body = c.req.valid('json');
      const result = await resolveReport(ctx(c), {
        tenantId: auth.tenant.id,
        reportId: c.req.valid('param').id,
        action: body.action,
        note: body.note,
        by: auth.user ? `admin:${auth.user.externalId}` : 'secret_key',
      });
      return c.json(result, 200);
    });
}
