import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  achievement,
  issuerId,
  issuerJwks,
  issuerProfile,
  issuerPublicKey,
  MENTORING_RECORD,
  VC_MEDIA_TYPE,
  withContext,
} from '../domain/recognition/credential.js';
import { findIssuedCredential, issuerName, signedStatusList } from '../domain/recognition/issued.js';
import {
  PAGE_CSP,
  pageLocale,
  renderNotFound,
  renderVerificationPage,
} from '../domain/recognition/verify-page.js';
import type { AppDeps, AppEnv } from '../http/env.js';
import { ApiError } from '../http/errors.js';
import { publicBaseUrl } from '../http/public-url.js';
import { createRouter } from '../http/router.js';
import { jsonResponse, notFoundError, problemResponse } from '../schemas/common.js';
import {
  AchievementDocSchema,
  AchievementParamSchema,
  IssuedCredentialParamSchema,
  IssuerKeyParamSchema,
  IssuerParamSchema,
  IssuerProfileSchema,
  JwkSchema,
  JwksSchema,
  StatusListParamSchema,
} from '../schemas/recognition.js';

/**
 * Outside /v1 on purpose: whoever checks a mentor's credential (an employer, a wallet, a
 * verifier) has no API key, so the issuer's documents are served to anyone, like /healthz:
 * its Open Badges Profile, its Achievement, its keys, its status list, and each credential's page.
 */

const badInput = { 400: problemResponse('The path is not valid (`validation_failed`).') } as const;
const noIssuer = () => new ApiError(404, 'not_found', 'Issuer was not found.');

/** Public documents: anyone may read them, from any origin, and caches may keep them a while. */
function publicDocument(c: Context<AppEnv>, maxAge: number) {
  c.header('Access-Control-Allow-Origin', '*');
  c.header('Cache-Control', `public, max-age=${maxAge}`);
}

const profile = createRoute({
  method: 'get',
  path: '/issuers/{tenantId}',
  tags: ['Recognition'],
  summary: 'A credential issuer’s Profile',
  description:
    'The program as an Open Badges 3.0 `Profile` (JSON-LD, VC 2.0 + OB 3.0.3 contexts): the `issuer.id` of its ' +
    'credentials dereferences here. No key needed, CORS open. Unknown issuer → 404.',
  request: { params: IssuerParamSchema },
  responses: { 200: jsonResponse(IssuerProfileSchema, 'The Profile.'), ...badInput, ...notFoundError },
});

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
    ...badInput,
    ...notFoundError,
  },
});

const key = createRoute({
  method: 'get',
  path: '/issuers/{tenantId}/keys/{kid}',
  tags: ['Recognition'],
  summary: 'One of the issuer’s public keys (a JWK)',
  description:
    'The `kid` of a credential’s JOSE header is this URL (Open Badges 3.0 §8.2: a URI that dereferences to the ' +
    'JWK verifying the signature). Retired keys stay here so older credentials still verify. No key needed, CORS ' +
    'open. Unknown issuer or key → 404.',
  request: { params: IssuerKeyParamSchema },
  responses: { 200: jsonResponse(JwkSchema, 'The public key.'), ...badInput, ...notFoundError },
});

const achievementDoc = createRoute({
  method: 'get',
  path: '/issuers/{tenantId}/achievements/{achievementId}',
  tags: ['Recognition'],
  summary: 'An achievement the issuer awards',
  description:
    'The Open Badges 3.0 `Achievement` a credential’s `credentialSubject.achievement.id` names. The program ' +
    'awards one: `mentoring-record`. No key needed, CORS open. Unknown issuer or achievement → 404.',
  request: { params: AchievementParamSchema },
  responses: { 200: jsonResponse(AchievementDocSchema, 'The Achievement.'), ...badInput, ...notFoundError },
});

const statusList = createRoute({
  method: 'get',
  path: '/issuers/{tenantId}/status/{list}',
  tags: ['Recognition'],
  summary: 'The issuer’s revocation status list',
  description:
    'A W3C `BitstringStatusListCredential` (purpose `revocation`, 131072 bits), signed like the credentials ' +
    '(`application/vc+jwt`, OB 3.0 §8.2). A credential’s `credentialStatus.statusListIndex` is its bit here; a set ' +
    'bit means revoked (the mentor was suspended or erased), for good. No key needed, CORS open, cached 60 s. ' +
    'Unknown issuer, or a list past the last one in use → 404.',
  request: { params: StatusListParamSchema },
  responses: {
    200: { description: 'The signed status list.', content: { [VC_MEDIA_TYPE]: { schema: z.string() } } },
    ...badInput,
    ...notFoundError,
  },
});

const html = { 'text/html': { schema: z.string() } };

const page = createRoute({
  method: 'get',
  path: '/issuers/{tenantId}/credentials/{credentialId}',
  tags: ['Recognition'],
  summary: 'A credential’s public verification page',
  description:
    'The `id` of every mentoring record credential: a page a mentor shares (no key needed) that shows, as ' +
    'text, who it is about, the achievement and badges, the issuer, and whether it is valid or revoked, in ' +
    'English, Spanish or French (`Accept-Language`). No script; a strict Content-Security-Policy.',
  request: { params: IssuedCredentialParamSchema },
  responses: {
    200: { description: 'The page.', content: html },
    ...badInput,
    404: { description: 'No such credential of this issuer.', content: html },
  },
});

export function issuerRoutes(deps: AppDeps) {
  const domain = (c: Context<AppEnv>) => ({ db: deps.db, clock: c.get('deps').clock });
  return createRouter()
    .openapi(profile, async (c) => {
      const { tenantId } = c.req.valid('param');
      const name = await issuerName(domain(c), tenantId);
      if (name === null) throw noIssuer();
      publicDocument(c, 300);
      return c.json(withContext(issuerProfile(issuerId(publicBaseUrl(c), tenantId), name)), 200);
    })
    .openapi(jwks, async (c) => {
      const set = await issuerJwks(deps.db, c.req.valid('param').tenantId);
      if (!set) throw noIssuer();
      publicDocument(c, 300);
      return c.json(set, 200);
    })
    .openapi(key, async (c) => {
      const { tenantId, kid } = c.req.valid('param');
      const jwk = await issuerPublicKey(deps.db, tenantId, kid);
      if (!jwk) throw new ApiError(404, 'not_found', 'Key was not found.');
      publicDocument(c, 300);
      return c.json(jwk, 200);
    })
    .openapi(achievementDoc, async (c) => {
      const { tenantId, achievementId } = c.req.valid('param');
      const name = await issuerName(domain(c), tenantId);
      if (name === null) throw noIssuer();
      if (achievementId !== MENTORING_RECORD)
        throw new ApiError(404, 'not_found', 'Achievement was not found.');
      publicDocument(c, 300);
      return c.json(withContext(achievement(issuerId(publicBaseUrl(c), tenantId), name)), 200);
    })
    .openapi(statusList, async (c) => {
      const { tenantId, list } = c.req.valid('param');
      const jws = await signedStatusList(domain(c), deps.secretBox, {
        baseUrl: publicBaseUrl(c),
        tenantId,
        list,
      });
      if (jws === null) throw new ApiError(404, 'not_found', 'Status list was not found.');
      publicDocument(c, 60);
      c.header('Content-Type', VC_MEDIA_TYPE);
      return c.body(jws, 200);
    })
    .openapi(page, async (c) => {
      const { tenantId, credentialId } = c.req.valid('param');
      const locale = pageLocale(c.req.header('Accept-Language'));
      c.header('Content-Security-Policy', PAGE_CSP);
      c.header('Cache-Control', 'no-cache');
      c.header('Vary', 'Accept-Language');
      const name = await issuerName(domain(c), tenantId);
      const issued = name === null ? null : await findIssuedCredential(domain(c), tenantId, credentialId);
      if (name === null || !issued) return c.html(renderNotFound(locale), 404);
      return c.html(renderVerificationPage(locale, issued, name), 200);
    });
}
