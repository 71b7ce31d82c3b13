import { z } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import { writeCsvExport } from '../../domain/analytics/exports.js';
import { ctx } from '../../http/atomic.js';
import { createRouter } from '../../http/router.js';
import { ExportParamSchema, ExportQuerySchema } from '../../schemas/admin.js';
import { adminRoute } from './admin-route.js';

const exportCsv = adminRoute({
  method: 'get',
  path: '/v1/admin/exports/{dataset}',
  summary: 'Export CSV',
  description:
    '`requests.csv`, `bookings.csv` or `feedback.csv` (rating, solved, comment per session), created in ' +
    '[from, to): streamed (RFC 4180, CRLF, a header row), ' +
    'cells that a spreadsheet would run as a formula prefixed with a single quote.',
  request: { params: ExportParamSchema, query: ExportQuerySchema },
  responses: {
    200: { description: 'The CSV file.', content: { 'text/csv': { schema: z.string() } } },
  },
});

export function adminExportRoutes() {
  return createRouter().openapi(exportCsv, async (c) => {
    const { dataset } = c.req.valid('param');
    const q = c.req.valid('query');
    const { db } = ctx(c);
    const f = { tenantId: c.get('auth').tenant.id, from: new Date(q.from), to: new Date(q.to) };
    const day = (d: string) => d.slice(0, 10);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header(
      'Content-Disposition',
      `attachment; filename="${dataset.replace('.csv', '')}-${day(q.from)}-${day(q.to)}.csv"`,
    );
    c.header('Cache-Control', 'no-store');
    return stream(c, async (out) => {
      await writeCsvExport(db, out, dataset, f);
    });
  });
}
