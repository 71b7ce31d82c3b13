import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'kysely';
import { checkReadiness } from '../domain/readiness.js';
import type { AppDeps } from '../http/env.js';
import { ApiError } from '../http/errors.js';
import { createRouter } from '../http/router.js';
import { problemResponse } from '../schemas/common.js';

const health = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['Operations'],
  summary: 'Health check (liveness)',
  description:
    'Answers 200 when the server can reach its database, 503 otherwise. It stays 200 while the process ' +
    'shuts down: use `/readyz` to decide where to send traffic.',
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

const ready = createRoute({
  method: 'get',
  path: '/readyz',
  tags: ['Operations'],
  summary: 'Readiness check',
  description:
    'Answers 200 when this process should get traffic: its database answers, every migration it knows has ' +
    'run, and it is not shutting down. Otherwise 503 problem+json with `code` `shutting_down`, ' +
    '`database_unavailable` or `migrations_pending`.',
  responses: {
    200: {
      description: 'Ready.',
      content: {
        'application/json': {
          schema: z.object({
            status: z.literal('ready'),
            database: z.literal('ok'),
            migrations: z.literal('current'),
          }),
        },
      },
    },
    503: problemResponse('Not ready: shutting down, the database unreachable or not migrated.'),
  },
});

export function healthRoutes(deps: AppDeps) {
  return createRouter()
    .openapi(health, async (c) => {
      try {
        await sql`select 1`.execute(deps.db);
      } catch {
        throw new ApiError(503, 'database_unavailable', 'The database is not reachable.');
      }
      return c.json({ status: 'ok' as const, database: 'ok' as const }, 200);
    })
    .openapi(ready, async (c) => {
      if (deps.lifecycle.shuttingDown) {
        throw new ApiError(503, 'shutting_down', 'This server is shutting down; send requests to another.');
      }
      const readiness = await checkReadiness(deps.db);
      if (!readiness.ready && readiness.reason === 'database_unavailable') {
        throw new ApiError(503, 'database_unavailable', 'The database is not reachable.');
      }
      if (!readiness.ready) {
        throw new ApiError(
          503,
          'migrations_pending',
          `The database is not migrated: ${readiness.pending.length} migration(s) to run (${readiness.pending[0]} first).`,
        );
      }
      return c.json(
        { status: 'ready' as const, database: 'ok' as const, migrations: 'current' as const },
        200,
      );
    });
}
