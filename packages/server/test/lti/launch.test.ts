// LTI 1.3 tool side (issue 19): registration, OIDC login initiation, the launch and every refusal
// the Security Framework asks of a tool, the launch token the page hands the widget, Deep Linking
// and the tool's key set. The platform here signs with its own RS256 keys (tool-platform.ts).
import { createLocalJWKSet, type JSONWebKeySet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rotateToolKey } from '../../src/domain/lti/tool-keys.js';
import { createTestContext, type TestContext, type TestTenant } from '../support/context.js';
import { call } from '../support/http.js';
import {
  jwksServer,
  LTI,
  launchClaims,
  type PlatformKey,
  platformKey,
  signIdToken,
} from './tool-platform.js';

const ISSUER = 'https://lms.example.edu';
const CLIENT = 'client-abc';
const DEPLOYMENT = 'dep-1';
const AUTH_URL = 'https://lms.example.edu/auth';
const TOKEN_URL = 'https://lms.example.edu/token';
const TARGET = 'http://localhost/lti/launch';

let ctx: TestContext;
let tenant: TestTenant;
let other: TestTenant;
let key: PlatformKey;
let stranger: PlatformKey;
let platformId: string;

/** What the tool logged for the operator (one line per refusal). */
const warnings: Record<string, unknown>[] = [];

beforeAll(async () => {
  ctx = await createTestContext({ config: { logWarning: (line) => warnings.push(line) } });
  tenant = await ctx.tenant({ name: 'School of Data' });
  other = await ctx.tenant({ name: 'Other school' });
  key = await platformKey('platform-key-1');
  stranger = await platformKey('platform-key-1'); // same kid, another key: a forgery
  const created = await call<{ id: string; tool: Record<string, string> }>(
    ctx.app,
    'POST',
    '/v1/admin/lti/platforms',
    {
      key: tenant.secretKey,
      body: {
        name: 'Moodle',
        issuer: ISSUER,
        clientId: CLIENT,
        deploymentIds: [DEPLOYMENT],
        authLoginUrl: AUTH_URL,
        authTokenUrl: TOKEN_URL,
        publicJwks: { keys: [key.jwk] },
      },
    },
  );
  expect(created.status, created.text).toBe(201);
  platformId = created.body.id;
}, 60_000);
afterAll(() => ctx.close());

interface Login {
  state: string;
  nonce: string;
  cookie: string;
  location: URL;
}

async function login(params: Record<string, string> = {}): Promise<Login> {
  const query = new URLSearchParams({
    iss: ISSUER,
    login_hint: 'user-42',
    target_link_uri: TARGET,
    client_id: CLIENT,
    lti_message_hint: 'msg-7',
    lti_deployment_id: DEPLOYMENT,
    ...params,
  });
  const res = await ctx.app.request(`/lti/login?${query}`);
  expect(res.status, await res.clone().text()).toBe(302);
  const location = new URL(res.headers.get('location')!);
  const setCookie = res.headers.get('set-cookie')!;
  return {
    state: location.searchParams.get('state')!,
    nonce: location.searchParams.get('nonce')!,
    cookie: setCookie.split(';')[0]!,
    location,
  };
}

async function launch(form: Record<string, string>, cookie?: string) {
  const res = await ctx.app.request('/lti/launch', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams(form).toString(),
  });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

/** A login, then a launch whose claims (and signing) the test may change. */
async function launchWith(
  overrides: Record<string, unknown> = {},
  options: { key?: PlatformKey; kid?: string | null; expiresIn?: number; nonce?: string } = {},
) {
  const started = await login();
  const claims = launchClaims(
    {
      issuer: ISSUER,
      clientId: CLIENT,
      deploymentId: DEPLOYMENT,
      nonce: options.nonce ?? started.nonce,
      targetLinkUri: TARGET,
    },
    overrides,
  );
  const token = await signIdToken(claims, options.key ?? key, {
    now: ctx.clock.now(),
    ...(options.kid !== undefined ? { kid: options.kid } : {}),
    ...(options.expiresIn !== undefined ? { expiresIn: options.expiresIn } : {}),
  });
  return { started, token, result: await launch({ id_token: token, state: started.state }, started.cookie) };
}

const codeOf = (text: string) => /<code>([a-z_]+)<\/code>/.exec(text)?.[1];
const launchToken = (text: string) => /data-key="(lt_[^"]+)"/.exec(text)?.[1];

describe('registration', () => {
  it('gives the URLs to paste into the LMS, and keeps each program to its own platforms', async () => {
    const got = await call<{ tool: Record<string, string>; deploymentIds: string[] }>(
      ctx.app,
      'GET',
      `/v1/admin/lti/platforms/${platformId}`,
      { key: tenant.secretKey },
    );
    expect(got.status).toBe(200);
    expect(got.body.tool).toEqual({
      loginUrl: 'http://localhost/lti/login',
      launchUrl: 'http://localhost/lti/launch',
      deepLinkUrl: 'http://localhost/lti/launch',
      jwksUrl: 'http://localhost/lti/jwks',
      registrationUrl: 'http://localhost/lti/register',
    });
    expect(
      (await call(ctx.app, 'GET', `/v1/admin/lti/platforms/${platformId}`, { key: other.secretKey })).status,
    ).toBe(404);
    expect(
      (await call(ctx.app, 'DELETE', `/v1/admin/lti/platforms/${platformId}`, { key: other.secretKey }))
        .status,
    ).toBe(404);
    const theirs = await call<{ data: unknown[] }>(ctx.app, 'GET', '/v1/admin/lti/platforms', {
      key: other.secretKey,
    });
    expect(theirs.body.data).toEqual([]);
  });

  it('refuses a second registration of the same issuer and client, bad URLs and ambiguous keys', async () => {
    const base = {
      name: 'Again',
      issuer: ISSUER,
      clientId: CLIENT,
      deploymentIds: ['x'],
      authLoginUrl: AUTH_URL,
      authTokenUrl: TOKEN_URL,
      jwksUrl: 'https://lms.example.edu/jwks',
    };
    const again = await call<{ code: string }>(ctx.app, 'POST', '/v1/admin/lti/platforms', {
      key: other.secretKey,
      body: base,
    });
    expect([again.status, again.body.code]).toEqual([409, 'lti_platform_exists']);
    const local = await call<{ code: string }>(ctx.app, 'POST', '/v1/admin/lti/platforms', {
      key: other.secretKey,
      body: { ...base, clientId: 'other', jwksUrl: 'http://127.0.0.1:9/jwks' },
    });
    expect([local.status, local.body.code]).toEqual([400, 'lti_url_not_allowed']);
    const both = await call<{ code: string }>(ctx.app, 'POST', '/v1/admin/lti/platforms', {
      key: other.secretKey,
      body: { ...base, clientId: 'other', publicJwks: { keys: [key.jwk] } },
    });
    expect(both.status).toBe(400);
    expect(both.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('login initiation', () => {
  it('answers with the authentication request, its state bound by a partitioned cross-site cookie', async () => {
    const query = new URLSearchParams({
      iss: ISSUER,
      login_hint: 'user-42',
      target_link_uri: TARGET,
      client_id: CLIENT,
      lti_message_hint: 'msg-7',
    });
    const res = await ctx.app.request(`/lti/login?${query}`);
    expect(res.status).toBe(302);
    const url = new URL(res.headers.get('location')!);
    expect(`${url.origin}${url.pathname}`).toBe(AUTH_URL);
    expect(Object.fromEntries([...url.searchParams].filter(([k]) => k !== 'state' && k !== 'nonce'))).toEqual(
      {
        scope: 'openid',
        response_type: 'id_token',
        response_mode: 'form_post',
        prompt: 'none',
        client_id: CLIENT,
        redirect_uri: 'http://localhost/lti/launch',
        login_hint: 'user-42',
        lti_message_hint: 'msg-7',
      },
    );
    expect(url.searchParams.get('state')).toMatch(/^[\w-]{32}$/);
    expect(url.searchParams.get('nonce')).not.toBe(url.searchParams.get('state'));
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/SameSite=None/i);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/Partitioned/);
    expect(cookie).toMatch(/HttpOnly/);
  });

  it('takes a form post as well, and with lti_storage_target keeps the state in the platform (no cookie)', async () => {
    const res = await ctx.app.request('/lti/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        iss: ISSUER,
        login_hint: 'u',
        target_link_uri: TARGET,
        client_id: CLIENT,
        lti_storage_target: 'post_message_forwarding',
      }).toString(),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
    const page = await res.text();
    expect(page).toContain('lti.');
    expect(page).toContain('post_message_forwarding');
    expect(page).toContain('https://lms.example.edu');
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self' 'nonce-/);
  });

  it('refuses, with a page and a reason, an unknown platform, another deployment or missing parameters', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ iss: 'https://nobody.example', login_hint: 'u', target_link_uri: TARGET }, 'lti_unknown_platform'],
      [
        { iss: ISSUER, login_hint: 'u', target_link_uri: TARGET, client_id: 'someone-else' },
        'lti_unknown_platform',
      ],
      [
        {
          iss: ISSUER,
          login_hint: 'u',
          target_link_uri: TARGET,
          client_id: CLIENT,
          lti_deployment_id: 'dep-9',
        },
        'lti_unknown_deployment',
      ],
      [{ iss: ISSUER, target_link_uri: TARGET }, 'lti_login_incomplete'],
    ];
    for (const [params, code] of cases) {
      const res = await ctx.app.request(`/lti/login?${new URLSearchParams(params)}`);
      const text = await res.text();
      expect([res.status, codeOf(text)], JSON.stringify(params)).toEqual([400, code]);
      expect(res.headers.get('content-type')).toContain('text/html');
    }
  });
});

describe('launch', () => {
  it('opens the widget in the course and lesson, the learner known by name, without a cookie for the API', async () => {
    const { result } = await launchWith();
    expect(result.status, result.text).toBe(200);
    expect(result.text).toContain('<mm-ask-expert');
    expect(result.text).toContain('course-title="SQL 101"');
    expect(result.text).toContain('lesson-id="joins-3"');
    expect(result.text).toContain('topic="sql-joins"');
    expect(result.headers.get('content-security-policy')).toContain('frame-ancestors *');
    const token = launchToken(result.text)!;
    expect(token).toBeDefined();
    const me = await call<{ user: { name: string; email: string; roles: string[] } }>(
      ctx.app,
      'GET',
      '/v1/me',
      {
        key: token,
        token,
      },
    );
    expect(me.status, me.text).toBe(200);
    expect(me.body.user).toMatchObject({ name: 'Grace Student', email: 'grace@example.edu', roles: [] });
    // The user is keyed on tenant + issuer + sub: the same sub from another registration is someone else.
    const users = await ctx.db
      .selectFrom('users')
      .select(['external_id', 'tenant_id'])
      .where('name', '=', 'Grace Student')
      .execute();
    expect(users).toHaveLength(1);
    expect(users[0]!.tenant_id).toBe(tenant.id);
    expect(users[0]!.external_id).toMatch(/^lti:[\w-]{12}:student-42$/);
    // From another origin the launch token is refused.
    const foreign = await call<{ code: string }>(ctx.app, 'GET', '/v1/me', {
      key: token,
      origin: 'https://evil.example',
    });
    expect([foreign.status, foreign.body.code]).toEqual([403, 'origin_not_allowed']);
  });

  it('refuses what the Security Framework says to refuse, each with its reason', async () => {
    const cases: [string, Record<string, unknown>, Parameters<typeof launchWith>[1], string][] = [
      ['no kid', {}, { kid: null }, 'lti_missing_kid'],
      ['unknown kid', {}, { kid: 'no-such-key' }, 'lti_unknown_kid'],
      ['foreign key', {}, { key: stranger }, 'lti_bad_signature'],
      ['wrong version', { [`${LTI}version`]: '1.1' }, {}, 'lti_wrong_version'],
      ['missing version', { [`${LTI}version`]: undefined }, {}, 'lti_wrong_version'],
      [
        'wrong message type',
        { [`${LTI}message_type`]: 'LtiSubmissionReviewRequest' },
        {},
        'lti_wrong_message_type',
      ],
      ['missing roles', { [`${LTI}roles`]: undefined }, {}, 'lti_missing_roles'],
      ['unknown deployment', { [`${LTI}deployment_id`]: 'dep-9' }, {}, 'lti_unknown_deployment'],
      ['no resource link id', { [`${LTI}resource_link`]: { title: 'x' } }, {}, 'lti_missing_resource_link'],
      ['no sub', { sub: undefined }, {}, 'lti_missing_sub'],
      ['expired', {}, { expiresIn: -120 }, 'lti_token_expired'],
      ['wrong aud', { aud: 'another-client', azp: undefined }, {}, 'lti_wrong_audience'],
      ['several audiences, no azp', { aud: [CLIENT, 'another'], azp: undefined }, {}, 'lti_wrong_audience'],
      ['azp of another', { azp: 'another' }, {}, 'lti_wrong_audience'],
      ['wrong issuer', { iss: 'https://other.example' }, {}, 'lti_wrong_issuer'],
      ['nonce mismatch', {}, { nonce: 'not-the-nonce' }, 'lti_nonce_mismatch'],
      [
        'target_link_uri mismatch',
        { [`${LTI}target_link_uri`]: 'https://elsewhere.example/' },
        {},
        'lti_target_link_uri_mismatch',
      ],
    ];
    for (const [name, overrides, options, code] of cases) {
      const { result, token } = await launchWith(overrides, options);
      expect([result.status, codeOf(result.text)], name).toEqual([400, code]);
      expect(result.text, name).not.toContain('lt_');
      // Logged for the operator with its reason, never the token.
      const logged = warnings.at(-1)!;
      expect(logged, name).toMatchObject({ msg: 'lti refused', code });
      expect(JSON.stringify(logged)).not.toContain(token);
    }
  });

  it('refuses a token signed with another algorithm', async () => {
    const started = await login();
    const claims = launchClaims({
      issuer: ISSUER,
      clientId: CLIENT,
      deploymentId: DEPLOYMENT,
      nonce: started.nonce,
      targetLinkUri: TARGET,
    });
    const { SignJWT } = await import('jose');
    const hs = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid: key.kid })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('a shared secret an attacker knows'));
    const result = await launch({ id_token: hs, state: started.state }, started.cookie);
    expect([result.status, codeOf(result.text)]).toEqual([400, 'lti_wrong_alg']);
    const none = `${Buffer.from(JSON.stringify({ alg: 'none', kid: key.kid })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    const second = await login();
    const refused = await launch({ id_token: none, state: second.state }, second.cookie);
    expect([refused.status, codeOf(refused.text)]).toEqual([400, 'lti_wrong_alg']);
  });

  it('uses a state once (a replayed launch is refused), and only in the browser that logged in', async () => {
    const { started, token, result } = await launchWith();
    expect(result.status).toBe(200);
    const replay = await launch({ id_token: token, state: started.state }, started.cookie);
    expect([replay.status, codeOf(replay.text)]).toEqual([400, 'lti_state_unknown']);
    const unknown = await launch({ id_token: token, state: 'made-up-state' }, started.cookie);
    expect([unknown.status, codeOf(unknown.text)]).toEqual([400, 'lti_state_unknown']);
    const fresh = await login();
    const claims = launchClaims({
      issuer: ISSUER,
      clientId: CLIENT,
      deploymentId: DEPLOYMENT,
      nonce: fresh.nonce,
      targetLinkUri: TARGET,
    });
    const noCookie = await launch({
      id_token: await signIdToken(claims, key, { now: ctx.clock.now() }),
      state: fresh.state,
    });
    expect([noCookie.status, codeOf(noCookie.text)]).toEqual([400, 'lti_state_not_bound']);
    const missing = await launch({ state: (await login()).state });
    expect([missing.status, codeOf(missing.text)]).toEqual([400, 'lti_token_missing']);
  });

  it('accepts short role names, unknown and empty roles, no personal data and no context', async () => {
    const instructor = await launchWith({ [`${LTI}roles`]: ['Instructor'] });
    expect(instructor.result.text).toContain('<mm-mentor-console');
    const ta = await launchWith({
      [`${LTI}roles`]: ['http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant'],
    });
    expect(ta.result.text).toContain('<mm-mentor-console');
    const admin = await launchWith({
      [`${LTI}roles`]: ['http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator'],
    });
    expect(admin.result.text).toContain('<mm-admin-console');
    const unknown = await launchWith({ [`${LTI}roles`]: ['http://example.com/roles#Astronaut'] });
    expect(unknown.result.text).toContain('<mm-ask-expert');
    const empty = await launchWith({ [`${LTI}roles`]: [] });
    expect(empty.result.text).toContain('<mm-ask-expert');
    const anonymous = await launchWith({
      name: undefined,
      email: undefined,
      [`${LTI}context`]: undefined,
      sub: 'quiet-7',
    });
    expect(anonymous.result.status, anonymous.result.text).toBe(200);
    const token = launchToken(anonymous.result.text)!;
    const me = await call<{ user: { name: string; email: string | null } }>(ctx.app, 'GET', '/v1/me', {
      key: token,
      token,
    });
    expect(me.body.user.name).toBe('Learner');
    expect(me.body.user.email ?? null).toBeNull();
    expect(anonymous.result.text).not.toContain('course-id=');
  });

  it('follows the program’s role mapping', async () => {
    const mapped = await call(ctx.app, 'PATCH', `/v1/admin/lti/platforms/${platformId}`, {
      key: tenant.secretKey,
      body: { roleMapping: { TeachingAssistant: 'learner', Learner: 'none' } },
    });
    expect(mapped.status, mapped.text).toBe(200);
    const ta = await launchWith({
      [`${LTI}roles`]: ['http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant'],
    });
    expect(ta.result.text).toContain('<mm-ask-expert');
    const learner = await launchWith({});
    expect([learner.result.status, codeOf(learner.result.text)]).toEqual([400, 'lti_role_not_allowed']);
    await call(ctx.app, 'PATCH', `/v1/admin/lti/platforms/${platformId}`, {
      key: tenant.secretKey,
      body: { roleMapping: {} },
    });
  });
});

describe('one issuer, several programs', () => {
  it('finds the program by issuer and client id, never by the issuer alone', async () => {
    const canvasKey = await platformKey('canvas-1');
    const register = (t: TestTenant, clientId: string) =>
      call<{ id: string }>(ctx.app, 'POST', '/v1/admin/lti/platforms', {
        key: t.secretKey,
        body: {
          name: 'Canvas',
          issuer: 'https://canvas.instructure.com',
          clientId,
          deploymentIds: ['d1'],
          authLoginUrl: 'https://sso.canvaslms.com/api/lti/authorize_redirect',
          authTokenUrl: 'https://sso.canvaslms.com/login/oauth2/token',
          publicJwks: { keys: [canvasKey.jwk] },
        },
      });
    expect((await register(tenant, '10000000000001')).status).toBe(201);
    expect((await register(other, '10000000000002')).status).toBe(201);
    // Without client_id, an issuer two programs share is not guessed.
    const ambiguous = await ctx.app.request(
      `/lti/login?${new URLSearchParams({ iss: 'https://canvas.instructure.com', login_hint: 'u', target_link_uri: TARGET })}`,
    );
    expect(codeOf(await ambiguous.text())).toBe('lti_unknown_platform');
    const query = new URLSearchParams({
      iss: 'https://canvas.instructure.com',
      login_hint: 'u',
      target_link_uri: TARGET,
      client_id: '10000000000002',
    });
    const res = await ctx.app.request(`/lti/login?${query}`);
    const location = new URL(res.headers.get('location')!);
    const claims = launchClaims(
      {
        issuer: 'https://canvas.instructure.com',
        clientId: '10000000000002',
        deploymentId: 'd1',
        nonce: location.searchParams.get('nonce')!,
        targetLinkUri: TARGET,
      },
      { sub: 'canvas-user', name: 'Casey Canvas' },
    );
    const result = await launch(
      {
        id_token: await signIdToken(claims, canvasKey, { now: ctx.clock.now() }),
        state: location.searchParams.get('state')!,
      },
      res.headers.get('set-cookie')!.split(';')[0],
    );
    expect(result.status, result.text).toBe(200);
    const casey = launchToken(result.text)!;
    expect((await call(ctx.app, 'GET', '/v1/me', { key: casey, token: casey })).status).toBe(200);
    const user = await ctx.db
      .selectFrom('users')
      .select('tenant_id')
      .where('name', '=', 'Casey Canvas')
      .executeTakeFirstOrThrow();
    expect(user.tenant_id).toBe(other.id);
  });
});

describe('platform key set by URL', () => {
  it('fetches it through the outbound guard, and again when a token names a key it has not seen', async () => {
    const local = await createTestContext({ config: { webhooksAllowPrivate: true } });
    const t = await local.tenant();
    const first = await platformKey('k1');
    const jwks = await jwksServer([first]);
    try {
      const made = await call<{ id: string }>(local.app, 'POST', '/v1/admin/lti/platforms', {
        key: t.secretKey,
        body: {
          name: 'Local LMS',
          issuer: 'http://lms.local',
          clientId: 'c',
          deploymentIds: ['d'],
          authLoginUrl: 'http://lms.local/auth',
          authTokenUrl: 'http://lms.local/token',
          jwksUrl: jwks.url,
        },
      });
      expect(made.status, made.text).toBe(201);
      const go = async (signing: PlatformKey) => {
        const res = await local.app.request(
          `/lti/login?${new URLSearchParams({ iss: 'http://lms.local', login_hint: 'u', target_link_uri: TARGET, client_id: 'c' })}`,
        );
        const location = new URL(res.headers.get('location')!);
        const claims = launchClaims({
          issuer: 'http://lms.local',
          clientId: 'c',
          deploymentId: 'd',
          nonce: location.searchParams.get('nonce')!,
          targetLinkUri: TARGET,
        });
        const r = await local.app.request('/lti/launch', {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            cookie: res.headers.get('set-cookie')!.split(';')[0]!,
          },
          body: new URLSearchParams({
            id_token: await signIdToken(claims, signing, { now: local.clock.now() }),
            state: location.searchParams.get('state')!,
          }).toString(),
        });
        return { status: r.status, text: await r.text() };
      };
      expect((await go(first)).status).toBe(200);
      expect((await go(first)).status).toBe(200);
      expect(jwks.fetches).toBe(1);
      // The platform rotates: the new kid is unknown, the set is fetched again (once the minimum gap passed).
      const second = await platformKey('k2');
      jwks.keys = [first, second];
      local.clock.advance(11_000);
      expect((await go(second)).status).toBe(200);
      expect(jwks.fetches).toBe(2);
    } finally {
      await jwks.close();
      await local.close();
    }
  });
});

describe('deep linking', () => {
  it('lets an instructor place the tool, answering with a response signed by the tool’s published key', async () => {
    const { result } = await launchWith({
      [`${LTI}message_type`]: 'LtiDeepLinkingRequest',
      [`${LTI}resource_link`]: undefined,
      [`${LTI}roles`]: ['http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor'],
      'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings': {
        deep_link_return_url: 'https://lms.example.edu/deep-link-return',
        accept_types: ['ltiResourceLink'],
        data: 'opaque-platform-data',
      },
    });
    expect(result.status, result.text).toBe(200);
    const session = /name="session" value="([^"]+)"/.exec(result.text)![1]!;
    const placed = await ctx.app.request('/lti/deep-link', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        session,
        topic: 'SQL joins',
        lesson_id: 'joins-3',
        title: 'Ask a SQL mentor',
      }).toString(),
    });
    const page = await placed.text();
    expect(placed.status, page).toBe(200);
    expect(page).toContain('action="https://lms.example.edu/deep-link-return"');
    const jwt = /name="JWT" value="([^"]+)"/.exec(page)![1]!;
    const jwks = (await (await ctx.app.request('/lti/jwks')).json()) as JSONWebKeySet;
    const { payload, protectedHeader } = await jwtVerify(jwt, createLocalJWKSet(jwks), {
      issuer: CLIENT,
      audience: ISSUER,
      algorithms: ['RS256'],
      currentDate: ctx.clock.now(),
    });
    expect(protectedHeader.kid).toBeDefined();
    expect(payload[`${LTI}message_type`]).toBe('LtiDeepLinkingResponse');
    expect(payload[`${LTI}version`]).toBe('1.3.0');
    expect(payload[`${LTI}deployment_id`]).toBe(DEPLOYMENT);
    expect(payload['https://purl.imsglobal.org/spec/lti-dl/claim/data']).toBe('opaque-platform-data');
    expect(payload['https://purl.imsglobal.org/spec/lti-dl/claim/content_items']).toEqual([
      expect.objectContaining({
        type: 'ltiResourceLink',
        title: 'Ask a SQL mentor',
        custom: { topic: 'SQL joins', lesson_id: 'joins-3' },
      }),
    ]);
    // A tampered session is refused.
    const tampered = await ctx.app.request('/lti/deep-link', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ session: `${session.slice(0, -2)}xx`, topic: 'x' }).toString(),
    });
    expect([tampered.status, codeOf(await tampered.text())]).toEqual([400, 'lti_deep_link_expired']);
  });

  it('refuses a learner placing it', async () => {
    const { result } = await launchWith({
      [`${LTI}message_type`]: 'LtiDeepLinkingRequest',
      'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings': {
        deep_link_return_url: 'https://lms.example.edu/r',
      },
    });
    expect([result.status, codeOf(result.text)]).toEqual([400, 'lti_role_not_allowed']);
  });
});

describe('the tool’s key set', () => {
  it('is published at /lti/jwks and /.well-known/jwks.json, the old key listed after a rotation', async () => {
    const before = (await (await ctx.app.request('/lti/jwks')).json()) as {
      keys: { kid: string; kty: string; d?: string }[];
    };
    expect(before.keys).toHaveLength(1);
    expect(before.keys[0]!.kty).toBe('RSA');
    expect(before.keys[0]!.d).toBeUndefined();
    const kid = await rotateToolKey(ctx.db, ctx.secretBox, ctx.clock.now());
    const after = (await (await ctx.app.request('/.well-known/jwks.json')).json()) as {
      keys: { kid: string }[];
    };
    expect(after.keys.map((k) => k.kid)).toEqual([kid, before.keys[0]!.kid]);
    ctx.clock.advance(8 * 24 * 3_600_000);
    const later = (await (await ctx.app.request('/lti/jwks')).json()) as { keys: { kid: string }[] };
    expect(later.keys.map((k) => k.kid)).toEqual([kid]);
  });
});
