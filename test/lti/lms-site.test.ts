import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLAIMS } from '../../examples/lms/platform.mjs';
import { createLmsSite } from '../../examples/lms/site.mjs';
import { authRequest, type FakeTool, parseAutoPostForm, startFakeTool } from './platform-support.js';

/**
 * The example site's LMS pages (examples/lms/site.mjs, mounted at /lms/ by the host site) over real
 * HTTP: the course, lesson, roster and settings pages, the lesson's iframe launch and the
 * instructor's deep linking round trip, with a stand-in tool as the "API".
 */
let tool: FakeTool;
let server: Server;
let origin: string;
let site: ReturnType<typeof createLmsSite>;

beforeAll(async () => {
  tool = await startFakeTool();
  server = createServer((req, res) => {
    site.handle(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  site = createLmsSite({ siteOrigin: origin, api: tool.origin, secretKey: 'sk_test', statusCacheMs: 0 });
});
afterAll(async () => {
  await new Promise<void>((resolve) => {
    server?.close(() => resolve());
    server?.closeAllConnections();
  });
  await tool?.close();
});

const get = (path: string) => fetch(`${origin}${path}`, { redirect: 'manual' });

describe('the example LMS at /lms/', () => {
  it('says when the tool does not know this platform, and when it does', async () => {
    tool.platforms = undefined;
    expect(await (await get('/lms/')).text()).toContain('data-tool-status="no-lti"');
    tool.platforms = { data: [{ issuer: 'http://elsewhere.example', clientId: 'x' }] };
    expect(await (await get('/lms/')).text()).toContain('data-tool-status="unregistered"');
    tool.platforms = { data: [{ issuer: site.platform.issuer, clientId: site.platform.clientId }] };
    expect(await (await get('/lms/')).text()).toContain('data-tool-status="registered"');
  });

  it('shows the values to register on Platform settings, and the roster as text', async () => {
    const settings = await (await get('/lms/settings')).text();
    for (const value of [
      site.platform.issuer,
      site.platform.clientId,
      site.platform.deploymentId,
      site.platform.endpoints.jwks,
      site.platform.endpoints.authorization,
      site.platform.endpoints.token,
    ])
      expect(settings).toContain(value);
    const roster = await (await get('/lms/roster?as=instructor')).text();
    expect(roster).toContain('Amara Okafor');
    expect(roster).toContain('Oliver O&#39;Brien');
  });

  it("launches a lesson's placement in an iframe through login initiation", async () => {
    const lesson = await (await get('/lms/lesson/joins-3')).text();
    const src = /<iframe class="tool"[^>]* src="([^"]+)"/.exec(lesson)?.[1];
    expect(src).toBe('/lms/launch/rl-data-foundations-joins?as=learner');
    expect(lesson).not.toContain('Add Micromentor to this lesson');
    const launch = await get(src!);
    expect(launch.status).toBe(302);
    const login = new URL(launch.headers.get('location')!);
    expect(`${login.origin}${login.pathname}`).toBe(`${tool.origin}/lti/login`);
    expect(login.searchParams.get('login_hint')).toBe('lms-u-2001');
    const { params } = authRequest(login, `${tool.origin}/lti/launch`);
    const auth = await get(`/lms/auth?${new URLSearchParams(params)}`);
    const form = parseAutoPostForm(await auth.text());
    expect(form.action).toBe(`${tool.origin}/lti/launch`);
    const { payload } = await jwtVerify(form.fields.id_token!, createLocalJWKSet(site.platform.jwks()));
    expect(payload[CLAIMS.custom]).toEqual({ lesson_id: 'joins-3', topic: 'sql-joins' });
    expect(payload[CLAIMS.launchPresentation]).toMatchObject({
      return_url: `${origin}/lms/lesson/joins-3?as=learner`,
    });
  });

  it('lets an instructor add Micromentor to a lesson by deep linking', async () => {
    expect((await get('/lms/deep-link/aggregates-4?as=learner')).status).toBe(403);
    const page = await (await get('/lms/lesson/aggregates-4?as=instructor&add=1')).text();
    const src = /<iframe class="tool"[^>]* src="([^"]+)"/.exec(page)?.[1];
    expect(src).toBe('/lms/deep-link/aggregates-4?as=instructor');
    const login = new URL((await get(src!)).headers.get('location')!);
    const { params } = authRequest(login, `${tool.origin}/lti/deep-link`);
    const form = parseAutoPostForm(await (await get(`/lms/auth?${new URLSearchParams(params)}`)).text());
    const { payload } = await jwtVerify(form.fields.id_token!, createLocalJWKSet(site.platform.jwks()));
    const settings = payload[CLAIMS.deepLinkingSettings] as { data: string; deep_link_return_url: string };
    const now = Math.floor(Date.now() / 1000);
    const jwt = await tool.sign({
      iss: site.platform.clientId,
      aud: site.platform.issuer,
      iat: now,
      exp: now + 300,
      nonce: 'dl-nonce-1',
      [CLAIMS.messageType]: 'LtiDeepLinkingResponse',
      [CLAIMS.version]: '1.3.0',
      [CLAIMS.deploymentId]: site.platform.deploymentId,
      [CLAIMS.deepLinkingData]: settings.data,
      [CLAIMS.contentItems]: [
        { type: 'ltiResourceLink', title: 'Ask about <GROUP BY>', custom: { topic: 'sql-grouping' } },
      ],
    });
    const done = await fetch(settings.deep_link_return_url, {
      method: 'POST',
      body: new URLSearchParams({ JWT: jwt }),
    });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain(`href="${origin}/lms/lesson/aggregates-4?as=instructor"`);
    const lesson = await (await get('/lms/lesson/aggregates-4?as=learner')).text();
    expect(lesson).toContain('Ask about &lt;GROUP BY&gt;');
    expect(lesson).toMatch(/<iframe class="tool"[^>]* src="\/lms\/launch\/rl-[\w-]+\?as=learner"/);
  });

  it('starts Dynamic Registration at the tool with the platform configuration', async () => {
    const start = await get('/lms/register');
    const url = new URL(start.headers.get('location')!);
    expect(`${url.origin}${url.pathname}`).toBe(`${tool.origin}/lti/register`);
    expect(url.searchParams.get('openid_configuration')).toBe(site.platform.endpoints.openidConfiguration);
    expect(url.searchParams.get('registration_token')).toMatch(/^[\w-]{30,}$/);
  });
});
