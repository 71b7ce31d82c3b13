// A minimal LTI 1.3 platform for the tool's own tests: an RS256 key set served over real HTTP on
// localhost, and id_tokens signed as a platform signs them. (The fuller platform, with its pages,
// roster and registration, is examples/lms/platform.mjs: the certification suite and the e2e use it.)
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';

export const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';

export interface PlatformKey {
  kid: string;
  privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  jwk: JWK;
}

export async function platformKey(kid: string): Promise<PlatformKey> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { kid, privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

/** A JWKS endpoint on localhost whose keys a test can change (rotation), counting fetches. */
export async function jwksServer(
  keys: PlatformKey[],
): Promise<{ url: string; keys: PlatformKey[]; fetches: number; close(): Promise<void> }> {
  const state = {
    url: '',
    keys,
    fetches: 0,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((_req, res) => {
    state.fetches += 1;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: state.keys.map((k) => k.jwk) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
  return state;
}

export interface LaunchClaimsInput {
  issuer: string;
  clientId: string;
  deploymentId: string;
  nonce: string;
  targetLinkUri: string;
  messageType?: string;
}

/** The claims of a valid resource link launch (override or delete any with `overrides`). */
export function launchClaims(input: LaunchClaimsInput, overrides: Record<string, unknown> = {}): JWTPayload {
  const claims: Record<string, unknown> = {
    iss: input.issuer,
    aud: input.clientId,
    azp: input.clientId,
    sub: 'student-42',
    nonce: input.nonce,
    name: 'Grace Student',
    email: 'grace@example.edu',
    [`${LTI}message_type`]: input.messageType ?? 'LtiResourceLinkRequest',
    [`${LTI}version`]: '1.3.0',
    [`${LTI}deployment_id`]: input.deploymentId,
    [`${LTI}target_link_uri`]: input.targetLinkUri,
    [`${LTI}resource_link`]: { id: 'rl-joins-3', title: 'LEFT and INNER joins' },
    [`${LTI}roles`]: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Learner'],
    [`${LTI}context`]: { id: 'sql-101', title: 'SQL 101' },
    [`${LTI}custom`]: { topic: 'sql-joins', lesson_id: 'joins-3' },
    [`${LTI}launch_presentation`]: { locale: 'en' },
    ...overrides,
  };
  for (const [k, v] of Object.entries(claims)) if (v === undefined) delete claims[k];
  return claims as JWTPayload;
}

export async function signIdToken(
  claims: JWTPayload,
  key: PlatformKey,
  options: { now: Date; kid?: string | null; expiresIn?: number } = { now: new Date() },
): Promise<string> {
  const iat = Math.floor(options.now.getTime() / 1000);
  const header: { alg: string; kid?: string; typ: string } = { alg: 'RS256', typ: 'JWT' };
  if (options.kid !== null) header.kid = options.kid ?? key.kid;
  return new SignJWT(claims)
    .setProtectedHeader(header)
    .setIssuedAt(iat)
    .setExpirationTime(iat + (options.expiresIn ?? 300))
    .sign(key.privateKey);
}
