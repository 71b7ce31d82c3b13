import { createRoute } from '@hono/zod-openapi';
import { listKeys, rotateKey } from '../../domain/tenants/rotate-keys.js';
import { atomic, ctx } from '../../http/atomic.js';
import { requireAdmin } from '../../http/auth.js';
import { createRouter } from '../../http/router.js';
import { ApiKeyListSchema, RotatedKeySchema, RotateKeySchema } from '../../schemas/admin.js';
import {
  commonErrors,
  IdempotencyHeaderSchema,
  jsonBody,
  jsonResponse,
  PROGRAM,
} from '../../schemas/common.js';

const list = createRoute({
  method: 'get',
  path: '/v1/admin/keys',
  tags: ['Admin'],
  summary: 'List keys',
  description: 'Every key and identity secret: kind, prefix, dates. Never the key itself.',
  ...PROGRAM,
  middleware: [requireAdmin] as const,
  responses: { 200: jsonResponse(ApiKeyListSchema, 'The keys, newest first.'), ...commonErrors },
});

const rotate = createRoute({
  method: 'post',
  path: '/v1/admin/keys/rotate',
  tags: ['Admin'],
  summary: 'Rotate a key',
  description:
    'Issues a new publishable key, secret key or identity secret, shown once in this answer. The live ones of ' +
    'that kind keep working for `overlapHours` (default 24), then expire.',
  ...PROGRAM,
  middleware: [requireAdmin, atomic] as const,
  request: { headers: IdempotencyHeaderSchema, body: jsonBody(RotateKeySchema) },
  responses: { 201: jsonResponse(RotatedKeySchema, 'The new key.'), ...commonErrors },
});

export function adminKeyRoutes() {
  return createRouter()
    .openapi(list, async (c) => c.json({ data: await listKeys(ctx(c), c.get('auth').tenant.id) }, 200))
    .openapi(rotate, async (c) => {
      const body = c.req.valid('json');
      const rotated = await rotateKey(ctx(c), c.get('deps').secretBox, {
        tenantId: c.get('auth').tenant.id,
        ...body,
      });
      c.header('Cache-Control', 'no-store');
      return c.json(rotated, 201);
    });
}
