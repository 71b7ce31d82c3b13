import { createRoute } from '@hono/zod-openapi';
import { createReport } from '../domain/reports/reports.js';
import { atomic, ctx } from '../http/atomic.js';
import { requireUser } from '../http/auth.js';
import { createRouter } from '../http/router.js';
import { CreateReportSchema, ReportSchema } from '../schemas/admin.js';
import {
  ANY_USER,
  commonErrors,
  IdempotencyHeaderSchema,
  jsonBody,
  jsonResponse,
  notFoundError,
} from '../schemas/common.js';

const create = createRoute({
  method: 'post',
  path: '/v1/reports',
  tags: ['Reports'],
  summary: 'Report a mentor',
  description:
    'For the user of the token, optionally about one of their sessions with that mentor. A mentor who reaches ' +
    'the program’s `reportsToPause` open reports is paused pending review.',
  ...ANY_USER,
  middleware: [requireUser, atomic] as const,
  request: { headers: IdempotencyHeaderSchema, body: jsonBody(CreateReportSchema) },
  responses: { 201: jsonResponse(ReportSchema, 'The report.'), ...commonErrors, ...notFoundError },
});

export function reportRoutes() {
  return createRouter().openapi(create, async (c) => {
    const auth = c.get('auth');
    const report = await createReport(ctx(c), {
      tenantId: auth.tenant.id,
      reporterId: auth.user!.id,
      reportsToPause: auth.tenant.settings.reportsToPause,
      report: c.req.valid('json'),
    });
    return c.json(report, 201);
  });
}
