import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';

/**
 * A stand-in TOOL for the platform's own tests: its key set on a real local HTTP server, and JWTs
 * signed with `jose` (a library the platform does not use), so each side checks the other.
 */
export interface FakeTool {
  origin: string;
  loginUrl: string;
  launchUrl: string;
  deepLinkUrl: string;
  jwksUrl: string;
  registrationUrl: string;
  /** The keys served at jwksUrl (the newest signs). */
  kids(): string[];
  /** Adds a key to the served key set; it signs from now on. */
  rotate(): Promise<string>;
  sign(payload: Record<string, unknown>, options?: { kid?: string; unlisted?: boolean }): Promise<string>;
  /** What GET /v1/admin/lti/platforms answers (undefined: 404, as an API without LTI). */
  platforms: unknown;
  /** How many times the key set was fetched. */
  jwksFetches(): number;
  close(): Promise<void>;
}

type Pair = Awaited<ReturnType<typeof generateKeyPair>>;

export async function startFakeTool(): Promise<FakeTool> {
  const keys: { kid: string; pair: Pair; jwk: JWK }[] = [];
  const addKey = async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    const kid = `tool-${randomUUID()}`;
    keys.push({ kid, pair, jwk: { ...(await exportJWK(pair.publicKey)), kid, alg: 'RS256', use: 'sig' } });
    return kid;
  };
  await addKey();
  let fetches = 0;
  let platforms: unknown;
  const server: Server = createServer((req, res) => {
    if (req.url === '/v1/admin/lti/platforms') {
      if (platforms === undefined) res.writeHead(404).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(platforms));
      return;
    }
    if (req.url === '/jwks' || req.url === '/lti/jwks') {
      fetches += 1;
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ keys: keys.map((k) => k.jwk) }));
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    get platforms() {
      return platforms;
    },
    set platforms(value) {
      platforms = value;
    },
    origin,
    loginUrl: `${origin}/lti/login`,
    launchUrl: `${origin}/lti/launch`,
    deepLinkUrl: `${origin}/lti/deep-link`,
    jwksUrl: `${origin}/jwks`,
    registrationUrl: `${origin}/lti/register`,
    kids: () => keys.map((k) => k.kid),
    rotate: addKey,
    async sign(payload, options = {}) {
      const signer = options.unlisted
        ? { kid: keys.at(-1)!.kid, pair: await generateKeyPair('RS256') }
        : (keys.find((k) => k.kid === options.kid) ?? keys.at(-1)!);
      return new SignJWT(payload)
        .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? signer.kid, typ: 'JWT' })
        .sign(signer.pair.privateKey);
    },
    jwksFetches: () => fetches,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const decodeEntities = (value: string) => value.replace(/&(amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m] ?? m);

/** Reads an auto-posting form (the platform's form_post answer): its action and hidden fields. */
export function parseAutoPostForm(html: string): { action: string; fields: Record<string, string> } {
  const action = /<form[^>]*action="([^"]*)"/.exec(html)?.[1];
  if (action === undefined) throw new Error(`no form in: ${html.slice(0, 300)}`);
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    fields[decodeEntities(match[1]!)] = decodeEntities(match[2]!);
  }
  return { action: decodeEntities(action), fields };
}

/** The authentication request a tool sends after login initiation, as query parameters. */
export function authRequest(
  login: URL,
  redirectUri: string,
  overrides: Record<string, string | undefined> = {},
): { params: Record<string, string>; state: string; nonce: string } {
  const state = `state-${randomUUID()}`;
  const nonce = `nonce-${randomUUID()}`;
  const params: Record<string, string | undefined> = {
    scope: 'openid',
    response_type: 'id_token',
    response_mode: 'form_post',
    prompt: 'none',
    client_id: login.searchParams.get('client_id') ?? undefined,
    redirect_uri: redirectUri,
    login_hint: login.searchParams.get('login_hint') ?? undefined,
    lti_message_hint: login.searchParams.get('lti_message_hint') ?? undefined,
    state,
    nonce,
    ...overrides,
  };
  const defined: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) defined[k] = v;
  return { params: defined, state, nonce };
}
