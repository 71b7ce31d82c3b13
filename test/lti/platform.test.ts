import { randomUUID } from 'node:crypto';
import { createLocalJWKSet, createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CLAIMS,
  generateRsaKey,
  LTI_SCOPES,
  NRPS_MEDIA_TYPE,
  type Platform,
  startPlatform,
} from '../../examples/lms/platform.mjs';
import { authRequest, type FakeTool, parseAutoPostForm, startFakeTool } from './platform-support.js';

/**
 * The example LMS's LTI 1.3 platform (examples/lms/platform.mjs), the emulator the tool's
 * certification tests run against, checked on its own: over real HTTP on localhost, its tokens
 * verified with `jose` and the tool's JWTs signed with `jose`, a library the platform does not use.
 */
const CLIENT_ID = 'micromentor-test';
const DEPLOYMENT_ID = 'deployment-7';
const INSTRUCTOR = 'lms-u-1001';
const LEARNER = 'lms-u-2001';

let tool: FakeTool;
let platform: Platform;
let close: () => Promise<void>;

beforeAll(async () => {
  tool = await startFakeTool();
  const started = await startPlatform({
    clientId: CLIENT_ID,
    deploymentId: DEPLOYMENT_ID,
    tool: {
      loginUrl: tool.loginUrl,
      launchUrl: tool.launchUrl,
      jwksUrl: tool.jwksUrl,
      deepLinkUrl: tool.deepLinkUrl,
    },
  });
  platform = started.platform;
  close = started.close;
});
afterAll(async () => {
  await close?.();
  await tool?.close();
});

/** login initiation → the tool's authentication request → the platform's answer. */
async function launch(
  request: Parameters<Platform['prepareLaunch']>[0],
  overrides: Record<string, string | undefined> = {},
  method: 'GET' | 'POST' = 'GET',
) {
  const login = new URL(platform.prepareLaunch(request).url);
  const redirectUri = request.type === 'LtiDeepLinkingRequest' ? tool.deepLinkUrl : tool.launchUrl;
  const auth = authRequest(login, redirectUri, overrides);
  const res =
    method === 'GET'
      ? await fetch(`${platform.endpoints.authorization}?${new URLSearchParams(auth.params)}`)
      : await fetch(platform.endpoints.authorization, {
          method: 'POST',
          body: new URLSearchParams(auth.params),
        });
  const html = await res.text();
  return { login, res, html, ...auth };
}

const verifyIdToken = (idToken: string) =>
  jwtVerify(idToken, createRemoteJWKSet(new URL(platform.endpoints.jwks)), {
    issuer: platform.issuer,
    audience: CLIENT_ID,
    algorithms: ['RS256'],
  });

describe('launch: login initiation and the authorization endpoint', () => {
  it('starts at the tool login with every OIDC initiation parameter', () => {
    const login = new URL(platform.prepareLaunch({ userId: LEARNER, storageTarget: '_parent' }).url);
    expect(`${login.origin}${login.pathname}`).toBe(tool.loginUrl);
    expect(login.searchParams.get('iss')).toBe(platform.issuer);
    expect(login.searchParams.get('login_hint')).toBe(LEARNER);
    expect(login.searchParams.get('target_link_uri')).toBe(tool.launchUrl);
    expect(login.searchParams.get('lti_message_hint')).toMatch(/^[\w-]{16,}$/);
    expect(login.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(login.searchParams.get('lti_deployment_id')).toBe(DEPLOYMENT_ID);
    expect(login.searchParams.get('lti_storage_target')).toBe('_parent');
  });

  it('posts an id_token that verifies with its key set and carries every required claim', async () => {
    const { res, html, state, nonce } = await launch({ userId: LEARNER });
    expect(res.status).toBe(200);
    const form = parseAutoPostForm(html);
    expect(form.action).toBe(tool.launchUrl);
    expect(form.fields.state).toBe(state);
    const { payload, protectedHeader } = await verifyIdToken(form.fields.id_token!);
    expect(protectedHeader.kid).toBe(platform.currentKid);
    expect(payload).toMatchObject({
      sub: LEARNER,
      azp: CLIENT_ID,
      nonce,
      name: 'Mei Chen',
      given_name: 'Mei',
      family_name: 'Chen',
      email: 'mei.chen@univ.example.edu',
      [CLAIMS.messageType]: 'LtiResourceLinkRequest',
      [CLAIMS.version]: '1.3.0',
      [CLAIMS.deploymentId]: DEPLOYMENT_ID,
      [CLAIMS.targetLinkUri]: tool.launchUrl,
      [CLAIMS.resourceLink]: { id: 'rl-data-foundations-joins', title: 'Ask an expert: SQL joins' },
      [CLAIMS.context]: { id: 'data-foundations', label: 'DATA 101', title: 'Data Foundations' },
      [CLAIMS.custom]: { lesson_id: 'joins-3', topic: 'sql-joins' },
      [CLAIMS.nrps]: { context_memberships_url: platform.endpoints.memberships('data-foundations') },
    });
    expect(payload[CLAIMS.roles]).toEqual([
      'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner',
      'http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student',
    ]);
    expect(payload.exp! - payload.iat!).toBe(300);
  });

  it('answers a POSTed authentication request the same way', async () => {
    const { res, html } = await launch({ userId: INSTRUCTOR }, {}, 'POST');
    expect(res.status).toBe(200);
    const { payload } = await verifyIdToken(parseAutoPostForm(html).fields.id_token!);
    expect(payload[CLAIMS.roles]).toContain('http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor');
  });

  it('gives a teaching assistant the sub-role with its principal role', async () => {
    const { html } = await launch({ userId: 'lms-u-1101' });
    const { payload } = await verifyIdToken(parseAutoPostForm(html).fields.id_token!);
    expect(payload[CLAIMS.roles]).toEqual(
      expect.arrayContaining([
        'http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant',
        'http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor',
      ]),
    );
  });

  it('refuses a bad client_id or an unregistered redirect_uri without sending anything anywhere', async () => {
    const badClient = await launch({ userId: LEARNER }, { client_id: 'someone-else' });
    expect(badClient.res.status).toBe(400);
    expect(badClient.html).not.toContain('<form');
    const badRedirect = await launch({ userId: LEARNER }, { redirect_uri: 'https://evil.example/steal' });
    expect(badRedirect.res.status).toBe(400);
    expect(badRedirect.html).not.toContain('<form');
    expect(platform.events.at(-1)).toMatchObject({
      endpoint: 'authorize',
      ok: false,
      code: 'invalid_request',
    });
  });

  it.each([
    [{ scope: 'profile' }, 'invalid_scope'],
    [{ response_type: 'code' }, 'unsupported_response_type'],
    [{ response_mode: 'query' }, 'invalid_request'],
    [{ prompt: 'login' }, 'invalid_request'],
    [{ nonce: undefined }, 'invalid_request'],
    [{ login_hint: 'lms-u-2002' }, 'login_required'],
    [{ login_hint: undefined }, 'login_required'],
    [{ lti_message_hint: 'never-issued' }, 'invalid_request'],
    [{ lti_message_hint: undefined }, 'invalid_request'],
  ] as [Record<string, string | undefined>, string][])(
    'posts an OIDC error back for %o: %s',
    async (overrides, error) => {
      const { res, html, state } = await launch({ userId: LEARNER }, overrides);
      expect(res.status).toBe(200);
      const form = parseAutoPostForm(html);
      expect(form.action).toBe(tool.launchUrl);
      expect(form.fields).toMatchObject({ error, state });
      expect(form.fields.id_token).toBeUndefined();
    },
  );

  it('launches without a context, and forges what a test asks for through the real flow', async () => {
    const { html } = await launch({
      userId: LEARNER,
      noCourse: true,
      overrides: { email: undefined, name: undefined, [CLAIMS.version]: '1.1' },
      fields: { state: 'tampered' },
    });
    const form = parseAutoPostForm(html);
    expect(form.fields.state).toBe('tampered');
    const { payload } = await verifyIdToken(form.fields.id_token!);
    expect(payload[CLAIMS.context]).toBeUndefined();
    expect(payload[CLAIMS.nrps]).toBeUndefined();
    expect(payload.email).toBeUndefined();
    expect(payload.name).toBeUndefined();
    expect(payload[CLAIMS.version]).toBe('1.1');
  });
});

describe('signing: key rotation and forged tokens', () => {
  const claims = () => ({
    iss: 'x',
    aud: CLIENT_ID,
    sub: 's',
    iat: Math.floor(Date.now() / 1000),
    exp: 4102444800,
  });

  it('lists the old key during a rotation and signs with the new one', async () => {
    const oldKid = platform.currentKid;
    const before = platform.sign(claims());
    const newKid = platform.rotateKey();
    try {
      const set = (await (await fetch(platform.endpoints.jwks)).json()) as { keys: { kid: string }[] };
      expect(set.keys.map((k) => k.kid)).toEqual([oldKid, newKid]);
      const after = platform.sign(claims());
      expect(decodeProtectedHeader(after).kid).toBe(newKid);
      const jwks = createLocalJWKSet(platform.jwks());
      await expect(jwtVerify(before, jwks)).resolves.toBeTruthy();
      await expect(jwtVerify(after, jwks)).resolves.toBeTruthy();
    } finally {
      platform.retireKey(oldKid);
    }
    expect(platform.jwks().keys.map((k) => k.kid)).toEqual([newKid]);
  });

  it('forges tokens a tool must refuse: no kid, unknown kid, other key, other algs', async () => {
    const jwks = createLocalJWKSet(platform.jwks());
    const noKid = platform.sign(claims(), { kid: null });
    expect(decodeProtectedHeader(noKid).kid).toBeUndefined();
    const unknownKid = platform.sign(claims(), { kid: 'nobody-has-this-kid' });
    await expect(jwtVerify(unknownKid, jwks)).rejects.toBeInstanceOf(errors.JWKSNoMatchingKey);
    const foreign = platform.sign(claims(), { key: generateRsaKey() });
    expect(decodeProtectedHeader(foreign).kid).toBe(platform.currentKid);
    await expect(jwtVerify(foreign, jwks)).rejects.toBeInstanceOf(errors.JWSSignatureVerificationFailed);
    for (const alg of ['HS256', 'none', 'RS512', 'PS256'] as const) {
      const token = platform.sign(claims(), { alg });
      expect(decodeProtectedHeader(token).alg).toBe(alg);
      await expect(jwtVerify(token, jwks, { algorithms: ['RS256'] })).rejects.toThrow();
    }
    const header = decodeProtectedHeader(
      platform.sign(claims(), { header: { typ: 'at+jwt', x5u: 'https://x' } }),
    );
    expect(header).toMatchObject({ typ: 'at+jwt', x5u: 'https://x', alg: 'RS256' });
  });
});

/** A client assertion as a tool signs it (Security Framework 1.0 §4.1.1). */
async function clientAssertion(
  overrides: Record<string, unknown> = {},
  options: { unlisted?: boolean } = {},
) {
  const now = Math.floor(Date.now() / 1000);
  return tool.sign(
    {
      iss: CLIENT_ID,
      sub: CLIENT_ID,
      aud: platform.endpoints.token,
      iat: now,
      exp: now + 300,
      jti: randomUUID(),
      ...overrides,
    },
    options,
  );
}

async function requestToken(form: Record<string, string>) {
  const res = await fetch(platform.endpoints.token, { method: 'POST', body: new URLSearchParams(form) });
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

const tokenForm = (assertion: string, scope: string = LTI_SCOPES.nrps) => ({
  grant_type: 'client_credentials',
  client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
  client_assertion: assertion,
  scope,
});

describe('token endpoint (client_credentials with a signed client assertion)', () => {
  it("grants the supported scopes to an assertion that verifies with the tool's key set", async () => {
    const { status, body } = await requestToken(
      tokenForm(await clientAssertion(), `${LTI_SCOPES.nrps} https://x/unknown`),
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: LTI_SCOPES.nrps });
    expect(body.access_token).toMatch(/^[\w-]{40,}$/);
  });

  it('refuses a replayed jti, a wrong aud, a wrong iss, an expired or foreign-signed assertion', async () => {
    const once = await clientAssertion();
    expect((await requestToken(tokenForm(once))).status).toBe(200);
    const cases: [string, Promise<string>][] = [
      ['replayed jti', Promise.resolve(once)],
      ['wrong aud', clientAssertion({ aud: 'https://elsewhere.example/token' })],
      ['wrong iss', clientAssertion({ iss: 'another-client' })],
      ['expired', clientAssertion({ exp: Math.floor(Date.now() / 1000) - 3600 })],
      ['no jti', clientAssertion({ jti: undefined })],
      ['foreign key', clientAssertion({}, { unlisted: true })],
    ];
    for (const [what, assertion] of cases) {
      const { status, body } = await requestToken(tokenForm(await assertion));
      expect({ what, status, error: body.error }).toEqual({ what, status: 401, error: 'invalid_client' });
    }
    expect(platform.events.at(-1)).toMatchObject({ endpoint: 'token', ok: false });
    expect(platform.events.at(-1)?.reason).toContain('bad_signature');
  });

  it('refuses an unsupported grant or scope', async () => {
    expect(
      (await requestToken({ ...tokenForm(await clientAssertion()), grant_type: 'password' })).body.error,
    ).toBe('unsupported_grant_type');
    expect((await requestToken(tokenForm(await clientAssertion(), 'https://x/unknown'))).body.error).toBe(
      'invalid_scope',
    );
  });

  it("refetches the tool's key set when the tool signs with a new kid", async () => {
    expect((await requestToken(tokenForm(await clientAssertion()))).status).toBe(200);
    const fetchesBefore = tool.jwksFetches();
    await tool.rotate();
    await new Promise((r) => setTimeout(r, 5100)); // the platform refetches at most every 5 s
    expect((await requestToken(tokenForm(await clientAssertion()))).status).toBe(200);
    expect(tool.jwksFetches()).toBe(fetchesBefore + 1);
  });
});

describe('Names and Role Provisioning Services 2.0', () => {
  const membershipsUrl = () => platform.endpoints.memberships('data-foundations');

  it('needs a bearer token with the NRPS scope', async () => {
    const none = await fetch(membershipsUrl());
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/^Bearer error="invalid_token"/);
    const bogus = await fetch(membershipsUrl(), { headers: { Authorization: 'Bearer not-a-token' } });
    expect(bogus.status).toBe(401);
    const ags = (await requestToken(tokenForm(await clientAssertion(), LTI_SCOPES.agsScore))).body
      .access_token;
    const wrongScope = await fetch(membershipsUrl(), { headers: { Authorization: `Bearer ${ags}` } });
    expect(wrongScope.status).toBe(403);
  });

  it('pages through the roster with limit and Link rel="next"', async () => {
    const token = (await requestToken(tokenForm(await clientAssertion()))).body.access_token;
    let next: string | undefined = `${membershipsUrl()}?limit=5`;
    const pages: { user_id: string; roles: string[]; email?: string }[][] = [];
    while (next) {
      const res: Response = await fetch(next, {
        headers: { Authorization: `Bearer ${token}`, Accept: NRPS_MEDIA_TYPE },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(NRPS_MEDIA_TYPE);
      const body = (await res.json()) as {
        context: { id: string };
        members: { user_id: string; roles: string[] }[];
      };
      expect(body.context.id).toBe('data-foundations');
      pages.push(body.members);
      next = /<([^>]+)>;\s*rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
    }
    expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 1]);
    const members = pages.flat();
    expect(new Set(members.map((m) => m.user_id)).size).toBe(16);
    expect(members.find((m) => m.user_id === INSTRUCTOR)).toMatchObject({
      status: 'Active',
      name: 'Amara Okafor',
      email: 'amara.okafor@univ.example.edu',
      roles: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor'],
    });
    const instructors = await fetch(`${membershipsUrl()}?role=Instructor`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const ids = ((await instructors.json()) as { members: { user_id: string }[] }).members.map(
      (m) => m.user_id,
    );
    expect(ids).toEqual(['lms-u-1001', 'lms-u-1002', 'lms-u-1101', 'lms-u-1102']); // TAs carry Instructor too
    const bad = await fetch(`${membershipsUrl()}?limit=0`, { headers: { Authorization: `Bearer ${token}` } });
    expect(bad.status).toBe(400);
  });
});

describe('Deep Linking 2.0', () => {
  async function deepLinkingLaunch() {
    const { html } = await launch({
      userId: INSTRUCTOR,
      type: 'LtiDeepLinkingRequest',
      placement: 'aggregates-4',
      returnUrl: 'http://lms.example/lesson/aggregates-4',
    });
    const form = parseAutoPostForm(html);
    expect(form.action).toBe(tool.deepLinkUrl);
    return (await verifyIdToken(form.fields.id_token!)).payload;
  }

  async function response(
    request: Record<string, unknown>,
    overrides: Record<string, unknown> = {},
    unlisted = false,
  ) {
    const settings = request[CLAIMS.deepLinkingSettings] as { data: string; deep_link_return_url: string };
    const now = Math.floor(Date.now() / 1000);
    return tool.sign(
      {
        iss: CLIENT_ID,
        aud: platform.issuer,
        iat: now,
        exp: now + 300,
        nonce: randomUUID(),
        [CLAIMS.messageType]: 'LtiDeepLinkingResponse',
        [CLAIMS.version]: '1.3.0',
        [CLAIMS.deploymentId]: DEPLOYMENT_ID,
        [CLAIMS.deepLinkingData]: settings.data,
        [CLAIMS.contentItems]: [
          {
            type: 'ltiResourceLink',
            title: 'Ask a mentor about GROUP BY',
            url: tool.launchUrl,
            custom: { topic: 'sql-grouping', lesson_id: 'aggregates-4' },
          },
        ],
        ...overrides,
      },
      { unlisted },
    );
  }

  const post = (jwt: string) =>
    fetch(platform.endpoints.deepLinkReturn, { method: 'POST', body: new URLSearchParams({ JWT: jwt }) });

  it('sends deep_linking_settings, verifies the signed response and places the link', async () => {
    const request = await deepLinkingLaunch();
    expect(request[CLAIMS.messageType]).toBe('LtiDeepLinkingRequest');
    expect(request[CLAIMS.targetLinkUri]).toBe(tool.deepLinkUrl);
    expect(request[CLAIMS.resourceLink]).toBeUndefined();
    expect(request[CLAIMS.deepLinkingSettings]).toMatchObject({
      deep_link_return_url: platform.endpoints.deepLinkReturn,
      accept_types: ['ltiResourceLink'],
      data: expect.stringMatching(/^dl\./),
    });
    const jwt = await response(request);
    const res = await post(jwt);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Ask a mentor about GROUP BY');
    const placed = platform.placements.at(-1)!;
    expect(placed).toMatchObject({ courseId: 'data-foundations', placement: 'aggregates-4' });
    const link = platform.roster.resourceLinks.find((l) => l.id === placed.resourceLinkId);
    expect(link).toMatchObject({ placement: 'aggregates-4', custom: { topic: 'sql-grouping' } });
    // Replaying the same response is refused (its nonce and data were used).
    expect((await post(jwt)).status).toBe(400);
    // The placed link launches with its custom parameters.
    const { html } = await launch({ userId: LEARNER, resourceLinkId: placed.resourceLinkId });
    const { payload } = await verifyIdToken(parseAutoPostForm(html).fields.id_token!);
    expect(payload[CLAIMS.resourceLink]).toMatchObject({
      id: placed.resourceLinkId,
      title: 'Ask a mentor about GROUP BY',
    });
    expect(payload[CLAIMS.custom]).toEqual({ topic: 'sql-grouping', lesson_id: 'aggregates-4' });
  });

  it.each([
    ['wrong aud', { aud: 'https://another-platform.example' }, 'bad_aud'],
    ['wrong iss', { iss: 'someone-else' }, 'bad_iss'],
    ['wrong message_type', { [CLAIMS.messageType]: 'LtiResourceLinkRequest' }, 'bad_message_type'],
    ['wrong version', { [CLAIMS.version]: '1.1' }, 'bad_version'],
    ['wrong deployment', { [CLAIMS.deploymentId]: 'deployment-x' }, 'bad_deployment_id'],
    ['data not echoed', { [CLAIMS.deepLinkingData]: undefined }, 'bad_data'],
    ['no nonce', { nonce: undefined }, 'bad_nonce'],
    ['expired', { exp: Math.floor(Date.now() / 1000) - 3600 }, 'expired'],
    [
      'an item type not offered',
      { [CLAIMS.contentItems]: [{ type: 'file', url: 'x' }] },
      'bad_content_items',
    ],
  ])('refuses a response with %s', async (_what, overrides, code) => {
    const placedBefore = platform.placements.length;
    const res = await post(await response(await deepLinkingLaunch(), overrides));
    expect(res.status).toBe(400);
    expect(platform.events.at(-1)).toMatchObject({ endpoint: 'deep-link-return', ok: false, code });
    expect(platform.placements.length).toBe(placedBefore);
  });

  it("refuses a response not signed with the tool's keys", async () => {
    const res = await post(await response(await deepLinkingLaunch(), {}, true));
    expect(res.status).toBe(400);
    expect(platform.events.at(-1)).toMatchObject({ code: 'bad_signature' });
  });
});

describe('LTI Dynamic Registration 1.0', () => {
  it('opens the tool with openid_configuration and a token, and registers it once', async () => {
    const start = new URL(platform.startRegistration(tool.registrationUrl));
    expect(`${start.origin}${start.pathname}`).toBe(tool.registrationUrl);
    const configUrl = start.searchParams.get('openid_configuration')!;
    const registrationToken = start.searchParams.get('registration_token')!;
    const config = (await (await fetch(configUrl)).json()) as Record<string, unknown>;
    expect(configUrl.startsWith(config.issuer as string)).toBe(true);
    expect(config).toMatchObject({
      issuer: platform.issuer,
      authorization_endpoint: platform.endpoints.authorization,
      token_endpoint: platform.endpoints.token,
      jwks_uri: platform.endpoints.jwks,
      registration_endpoint: platform.endpoints.registration,
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      id_token_signing_alg_values_supported: ['RS256'],
      [CLAIMS.platformConfiguration]: {
        messages_supported: [{ type: 'LtiResourceLinkRequest' }, { type: 'LtiDeepLinkingRequest' }],
      },
    });
    const registration = {
      application_type: 'web',
      response_types: ['id_token'],
      grant_types: ['implicit', 'client_credentials'],
      initiate_login_uri: `${tool.origin}/lti/login2`,
      redirect_uris: [`${tool.origin}/lti/launch2`],
      client_name: 'Micromentor',
      jwks_uri: tool.jwksUrl,
      token_endpoint_auth_method: 'private_key_jwt',
      scope: LTI_SCOPES.nrps,
      [CLAIMS.toolConfiguration]: {
        domain: new URL(tool.origin).host,
        target_link_uri: `${tool.origin}/lti/launch2`,
        claims: ['iss', 'sub', 'name', 'email'],
        messages: [{ type: 'LtiDeepLinkingRequest', target_link_uri: `${tool.origin}/lti/launch2` }],
      },
    };
    const register = (body: unknown, token?: string) =>
      fetch(config.registration_endpoint as string, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify(body),
      });
    expect((await register(registration)).status).toBe(401);
    const invalid = await register(
      { ...registration, redirect_uris: ['https://elsewhere.example/launch'] },
      registrationToken,
    );
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: string }).error).toBe('invalid_client_metadata');
    const previousTool = platform.tool;
    const res = await register(registration, registrationToken);
    try {
      expect(res.status).toBe(201);
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toMatchObject({
        client_id: CLIENT_ID,
        [CLAIMS.toolConfiguration]: { deployment_id: DEPLOYMENT_ID },
      });
      expect(platform.tool).toMatchObject({
        loginUrl: `${tool.origin}/lti/login2`,
        launchUrl: `${tool.origin}/lti/launch2`,
        deepLinkUrl: `${tool.origin}/lti/launch2`,
        jwksUrl: tool.jwksUrl,
      });
      expect(platform.registrations.at(-1)?.request).toMatchObject({ client_name: 'Micromentor' });
      // The registration token is single use.
      expect((await register(registration, registrationToken)).status).toBe(401);
    } finally {
      platform.tool = previousTool;
    }
  });
});
