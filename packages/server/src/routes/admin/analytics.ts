import { createRoute } from '@hono/zod-openapi';
import { programAnalytics } from '../../domain/analytics/analytics.js';
import { ctx } from '../../http/atomic.js';
import { requireAdmin } from '../../http/auth.js';
import { createRouter } from '../../http/router.js';
import { AnalyticsQuerySchema, AnalyticsSchema } from '../../schemas/admin.js';
import { commonErrors, jsonResponse, PROGRAM } from '../../schemas/common.js';

const analytics = createRoute({
  method: 'get',
  path: '/v1/admin/analytics',
  tags: ['Admin'],
  summary: 'Program analytics',
  description:
    'Per day or week and in total: requests, match rate, median time to first response (request → first ' +
    'booking), sessions by outcome, satisfaction (average rating, share solved), top and unmet skills, mentor load ' +
    '(busiest 10 % share, Gini). Up to 366 days. Whole UTC days are read from a daily rollup kept current by ' +
    'a background job (days changed since are recomputed first), other ranges computed live: same figures.',
  ...PROGRAM,
  middleware: [requireAdmin] as const,
  request: { query: AnalyticsQuerySchema },
  responses: { 200: jsonResponse(AnalyticsSchema, 'The figures.'), ...commonErrors },
});

export function adminAnalyticsRoutes() {
  return createRouter().openapi(analytics, async (c) => {
    const q = c.req.valid('query');
    const { db, clock } = ctx(c);
    const result = await programAnalytics(
      db,
      { tenantId: c.get('auth').tenant.id, from: new Date(q.from), to: new Date(q.to), bucket: q.bucket },
      { now: clock.now() },
    );
    return c.json(result, 200);
  });
}
