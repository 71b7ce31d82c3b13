import { createRoute } from '@hono/zod-openapi';
import { issuerJwks } from '../domain/recognition/credential.js';
import type { AppDeps } from '../http/env.js';
import { ApiError } from '../http/errors.js';
import { createRouter } from '../http/router.js';
import { jsonResponse, notFoundError } from '../schemas/common.js';
import { IssuerParamSchema, JwksSchema } from '../schemas/recognition.js';

/**
 * Outside /v1 on purpose: whoever checks a mentor's credential (an employer, a wallet) has no
 * API key, so the issuer's public keys are served to anyone, like /healthz.
 */
const jwks = createRoute({
  method: 'get',
  path: '/issuers/{tenantId}/jwks.json',
  tags: ['Recognition'],
  summary: 'A credential issuer’s public keys',
  description:
    'The program’s Ed25519 public keys (JWK Set) that verify the credentials it issued; no key needed, ' +
    'CORS open to any origin. An unknown issuer is 404; a program that has issued nothing yet has no keys.',
  request: { params: IssuerParamSchema },
  responses: {
    200: jsonResponse(JwksSchema, 'The keys.'),
    ...notFoundError,
  },
});

export function issuerRoutes(deps: AppDeps) {
  return createRouter().openapi(jwks, async (c) => {
    const set = await issuerJwks(deps.db, c.req.valid('param').tenantId);
    if (!set) throw new ApiError(404, 'not_found', 'Issuer was not found.');
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(set, 200);
  });
}
