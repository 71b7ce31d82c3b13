// A certification-style suite (issue 19): the tool, served over real HTTP, against the example
// LMS's LTI 1.3 platform (examples/lms/platform.mjs: an independent implementation on node:crypto,
// the same code `pnpm start` serves at /lms/). Each launch goes the whole way — the platform's
// login initiation, our authentication request, the platform's authorization answering with its
// auto-posted id_token, our launch — and the bad ones are forged by the platform in that flow.

import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLAIMS, generateRsaKey, type Platform, startPlatform } from '../../../../examples/lms/platform.mjs';
import { createTestContext, type TestContext, type TestTenant } from '../support/context.js';
import { call } from '../support/http.js';

let ctx: TestContext;
let tenant: TestTenant;
let platform: Platform;
let closePlatform: () => Promise<unknown>;
let toolUrl: string;
let closeTool: () => void;

const LEARNER = 'lms-u-2001'; // Mei Chen, a student of Data Foundations
const INSTRUCTOR = 'lms-u-1001'; // Amara Okafor, faculty

beforeAll(async () => {
  // The platform listens on 127.0.0.1: the tool's outbound guard must allow a local key set URL.
  ctx = await createTestContext({ config: { webhooksAllowPrivate: true } });
  tenant = await ctx.tenant({ name: 'Northfield' });
  const server = serve({ fetch: ctx.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  toolUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closeTool = () => server.close();
  const started = await startPlatform({
    clientId: 'micromentor',
    deploymentId: 'deployment-1',
    now: () => ctx.clock.now().getTime(),
    tool: {
      loginUrl: `${toolUrl}/lti/login`,
      launchUrl: `${toolUrl}/lti/launch`,
      deepLinkUrl: `${toolUrl}/lti/launch`,
      jwksUrl: `${toolUrl}/lti/jwks`,
    },
  });
  platform = started.platform;
  closePlatform = started.close;
  const registered = await call(ctx.app, 'POST', '/v1/admin/lti/platforms', {
    key: tenant.secretKey,
    body: {
      name: 'Example LMS',
      issuer: platform.issuer,
      clientId: 'micromentor',
      deploymentIds: ['deployment-1'],
      authLoginUrl: platform.endpoints.authorization,
      authTokenUrl: platform.endpoints.token,
      jwksUrl: platform.endpoints.jwks,
    },
  });
  expect(registered.status, registered.text).toBe(201);
}, 60_000);

afterAll(async () => {
  closeTool?.();
  await closePlatform?.();
  await ctx?.close();
});

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function autoPost(html: string): { action: string; fields: Record<string, string> } {
  const action = /<form[^>]*action="([^"]*)"/.exec(html)?.[1];
  if (action === undefined) throw new Error(`no form in: ${html.slice(0, 400)}`);
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/<input[^>]*name="([^"]*)"[^>]*value="([^"]*)"/g))
    fields[decode(m[1]!)] = decode(m[2]!);
  return { action: decode(action), fields };
}

interface Outcome {
  status: number;
  html: string;
  code: string | undefined;
  /** The auto-posted form, to post again (a replay). */
  form: { action: string; fields: Record<string, string> };
  cookie: string;
}

/** The whole flow, as a browser would run it; `fields` replaces posted fields (a forged state). */
async function runLaunch(request: Parameters<Platform['prepareLaunch']>[0]): Promise<Outcome> {
  const { url } = platform.prepareLaunch(request);
  const login = await fetch(url, { redirect: 'manual' });
  expect(login.status, await login.clone().text()).toBe(302);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const authorize = await fetch(login.headers.get('location')!, { redirect: 'manual' });
  const form = autoPost(await authorize.text());
  expect(form.action).toBe(`${toolUrl}/lti/launch`);
  const launched = await post(form, cookie);
  return { ...launched, form, cookie };
}

async function post(form: { action: string; fields: Record<string, string> }, cookie: string) {
  const res = await fetch(form.action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams(form.fields).toString(),
  });
  const html = await res.text();
  return { status: res.status, html, code: /<code>([a-z_]+)<\/code>/.exec(html)?.[1] };
}

const launchToken = (html: string) => /data-key="(lt_[^"]+)"/.exec(html)?.[1];

describe('the full launch', () => {
  it('takes a learner from the LMS into the widget, in their course and lesson, identified', async () => {
    const outcome = await runLaunch({
      userId: LEARNER,
      custom: { topic: 'sql-joins', lesson_id: 'joins-3' },
    });
    expect(outcome.status, outcome.html).toBe(200);
    expect(outcome.html).toContain('<mm-ask-expert');
    expect(outcome.html).toContain('course-title="Data Foundations"');
    expect(outcome.html).toContain('lesson-id="joins-3"');
    const token = launchToken(outcome.html)!;
    const me = await call<{ user: { name: string; email: string | null; externalId: string } }>(
      ctx.app,
      'GET',
      '/v1/me',
      { key: token, token },
    );
    expect(me.status, me.text).toBe(200);
    expect(me.body.user.name).toBe('Mei Chen');
    expect(me.body.user.externalId).toMatch(/:lms-u-2001$/);
    // The platform saw our authentication request as valid.
    expect(platform.events.filter((e) => e.endpoint === 'authorize').at(-1)).toMatchObject({ ok: true });
  });

  it('lands an instructor on the mentor console', async () => {
    const outcome = await runLaunch({ userId: INSTRUCTOR });
    expect(outcome.status).toBe(200);
    expect(outcome.html).toContain('<mm-mentor-console');
  });
});

describe('refusals', () => {
  const cases: [string, Parameters<Platform['prepareLaunch']>[0], string][] = [
    ['unknown kid', { userId: LEARNER, signOptions: { kid: 'no-such-key' } }, 'lti_unknown_kid'],
    ['missing kid', { userId: LEARNER, signOptions: { kid: null } }, 'lti_missing_kid'],
    [
      'wrong alg (HS256 keyed with the public key)',
      { userId: LEARNER, signOptions: { alg: 'HS256' } },
      'lti_wrong_alg',
    ],
    ['alg none', { userId: LEARNER, signOptions: { alg: 'none' } }, 'lti_wrong_alg'],
    ['RS512', { userId: LEARNER, signOptions: { alg: 'RS512' } }, 'lti_wrong_alg'],
    [
      'foreign key',
      { userId: LEARNER, signOptions: { key: generateRsaKey(), kid: undefined } },
      'lti_bad_signature',
    ],
    ['wrong version', { userId: LEARNER, overrides: { [CLAIMS.version]: '1.1' } }, 'lti_wrong_version'],
    ['missing version', { userId: LEARNER, overrides: { [CLAIMS.version]: undefined } }, 'lti_wrong_version'],
    [
      'message_type',
      { userId: LEARNER, overrides: { [CLAIMS.messageType]: 'LtiStartProctoring' } },
      'lti_wrong_message_type',
    ],
    ['roles missing', { userId: LEARNER, overrides: { [CLAIMS.roles]: undefined } }, 'lti_missing_roles'],
    [
      'deployment_id',
      { userId: LEARNER, overrides: { [CLAIMS.deploymentId]: 'deployment-9' } },
      'lti_unknown_deployment',
    ],
    [
      'resource_link.id',
      { userId: LEARNER, overrides: { [CLAIMS.resourceLink]: { title: 'no id' } } },
      'lti_missing_resource_link',
    ],
    ['sub', { userId: LEARNER, overrides: { sub: undefined } }, 'lti_missing_sub'],
    ['expired', { userId: LEARNER, overrides: { exp: 1_000_000_000 } }, 'lti_token_expired'],
    [
      'wrong aud',
      { userId: LEARNER, overrides: { aud: 'someone-else', azp: undefined } },
      'lti_wrong_audience',
    ],
    ['nonce mismatch', { userId: LEARNER, overrides: { nonce: 'not-ours' } }, 'lti_nonce_mismatch'],
    ['state mismatch', { userId: LEARNER, fields: { state: 'not-ours' } }, 'lti_state_unknown'],
    [
      'target_link_uri',
      { userId: LEARNER, overrides: { [CLAIMS.targetLinkUri]: 'https://elsewhere.example/' } },
      'lti_target_link_uri_mismatch',
    ],
  ];
  for (const [name, request, code] of cases) {
    it(`refuses ${name}`, async () => {
      const outcome = await runLaunch(request);
      expect([outcome.status, outcome.code], outcome.html.slice(0, 400)).toEqual([400, code]);
      expect(launchToken(outcome.html)).toBeUndefined();
    });
  }

  it('refuses a replayed launch (the nonce and state are spent)', async () => {
    const first = await runLaunch({ userId: LEARNER });
    expect(first.status).toBe(200);
    const again = await post(first.form, first.cookie);
    expect([again.status, again.code]).toEqual([400, 'lti_state_unknown']);
  });
});

describe('what a tool must accept', () => {
  it('short role names, unknown roles, empty roles, no personal data, no context', async () => {
    const short = await runLaunch({ userId: LEARNER, overrides: { [CLAIMS.roles]: ['Instructor'] } });
    expect(short.html).toContain('<mm-mentor-console');
    const unknown = await runLaunch({
      userId: LEARNER,
      overrides: { [CLAIMS.roles]: ['http://example.com/role#Astronaut'] },
    });
    expect([unknown.status, unknown.html.includes('<mm-ask-expert')]).toEqual([200, true]);
    const empty = await runLaunch({ userId: LEARNER, overrides: { [CLAIMS.roles]: [] } });
    expect([empty.status, empty.html.includes('<mm-ask-expert')]).toEqual([200, true]);
    const anonymous = await runLaunch({
      userId: LEARNER,
      overrides: { name: undefined, given_name: undefined, family_name: undefined, email: undefined },
    });
    expect(anonymous.status, anonymous.html).toBe(200);
    const noContext = await runLaunch({ userId: LEARNER, noCourse: true });
    expect(noContext.status, noContext.html).toBe(200);
    expect(noContext.html).not.toContain('course-id=');
  });

  it('a platform that rotated its key (the new kid is fetched)', async () => {
    platform.rotateKey();
    ctx.clock.advance(15_000);
    const outcome = await runLaunch({ userId: LEARNER });
    expect(outcome.status, outcome.html).toBe(200);
  });
});

describe('platform errors', () => {
  it('shows the platform’s own refusal of the authentication request as a page', async () => {
    const outcome = await runLaunch({ userId: LEARNER, courseId: 'no-such-course' });
    expect([outcome.status, outcome.code]).toEqual([400, 'lti_platform_error']);
  });
});

describe('deep linking', () => {
  it('places the tool in the course, the response verified by the platform against our key set', async () => {
    const outcome = await runLaunch({
      userId: INSTRUCTOR,
      type: 'LtiDeepLinkingRequest',
    });
    expect(outcome.status, outcome.html).toBe(200);
    const session = /name="session" value="([^"]+)"/.exec(outcome.html)![1]!;
    const chosen = await fetch(`${toolUrl}/lti/deep-link`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        session,
        topic: 'SQL joins',
        lesson_id: 'joins-3',
        title: 'Ask a SQL mentor',
      }).toString(),
    });
    const response = autoPost(await chosen.text());
    expect(response.action).toBe(platform.endpoints.deepLinkReturn);
    const returned = await fetch(response.action, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(response.fields).toString(),
      redirect: 'manual',
    });
    expect(returned.status, await returned.clone().text()).toBeLessThan(400);
    const placed = platform.placements.at(-1)!;
    expect(placed.item).toMatchObject({
      type: 'ltiResourceLink',
      title: 'Ask a SQL mentor',
      url: `${toolUrl}/lti/launch`,
      custom: { topic: 'SQL joins', lesson_id: 'joins-3' },
    });
    // The placed link launches: the learner arrives with its topic and lesson.
    const launched = await runLaunch({ userId: LEARNER, resourceLinkId: placed.resourceLinkId });
    expect(launched.status, launched.html).toBe(200);
    expect(launched.html).toContain('topic="SQL joins"');
    expect(launched.html).toContain('lesson-id="joins-3"');
  });
});
