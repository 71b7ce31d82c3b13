import { listKeys, rotateKey } from '../../domain/tenants/rotate-keys.js';
import { atomic, ctx } from '../../http/atomic.js';
import { createRouter } from '../../http/router.js';
import { ApiKeyListSchema, RotatedKeySchema, RotateKeySchema } from '../../schemas/admin.js';
import { IdempotencyHeaderSchema, jsonBody, jsonResponse } from '../../schemas/common.js';
import { adminRoute } from './admin-route.js';

const list = adminRoute({
  method: 'get',
  path: '/v1/admin/keys',
  summary: 'List keys',
  description: 'Every key and identity secret: kind, prefix, dates. Never the key itself.',
  responses: { 200: jsonResponse(ApiKeyListSchema, 'The keys, newest first.') },
});

const rotate = adminRoute({
  method: 'post',
  path: '/v1/admin/keys/rotate',
  summary: 'Rotate a key',
  description:
    'Issues a new publishable key, secret key or identity secret, shown once in this answer. The live ones of ' +
    'that kind keep working for `overlapHours` (default 24), then expire. The secret key only (server to ' +
    'server, or `micromentor keys rotate` on the server): an identity secret signs any user’s token, so no ' +
    'browser credential may obtain one, an admin’s included (403 `secret_key_required`). A new publishable ' +
    'key goes into the host site’s pages, a deployment step, so it is rotated the same way.',
  secretKeyOnly: true,
  auditValues: ['kind', 'overlapHours'],
  middleware: [atomic],
  request: { headers: IdempotencyHeaderSchema, body: jsonBody(RotateKeySchema) },
  responses: { 201: jsonResponse(RotatedKeySchema, 'The new key.') },
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
      return c.json(rotated, 201);
    });
}
