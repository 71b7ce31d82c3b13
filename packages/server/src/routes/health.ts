import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import type { AppDeps } from '../http/env.js';
import { ApiError } from '../http/errors.js';
import { createRouter } from '../http/router.js';

const health = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['Operations'],
  summary: 'Health check',
  description: 'Answers 200 when the server can reach its database, 503 otherwise.',
  responses: {
    200: {
      description: 'Healthy.',
      content: {
        'application/json': { schema: z.object({ status: z.literal('ok'), database: z.literal('ok') }) },
      },
    },
    503: { description: 'The database is unreachable.' },
  },
});

export function healthRoutes(deps: AppDeps) {
  return createRouter().openapi(health, async (c) => {
    try {
      await sql`select 1`.execute(deps.db);
    } catch {
      throw new ApiError(503, 'database_unavailable', 'The database is not reachable.');
    }
    return c.json({ status: 'ok' as const, database: 'ok' as const }, 200);
  });
}
