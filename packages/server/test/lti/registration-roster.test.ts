// LTI Dynamic Registration 1.0 and Names and Roles roster import (issue 19), against the example
// LMS's platform (examples/lms/platform.mjs) over real HTTP: the tool is served on a loopback port
// so the platform fetches its key set, verifies its client assertions and registration for real.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRoster, type Roster, startPlatform } from '../../../../examples/lms/platform.mjs';
import { ltiExternalId } from '../../src/domain/lti/launch.js';
import { nextLink } from '../../src/domain/lti/names-roles.js';
import { createTestContext, type TestContext, type TestTenant } from '../support/context.js';
import { listen, type TestServer } from '../support/http-server.js';

type Started = Awaited<ReturnType<typeof startPlatform>>;

let ctx: TestContext;
let server: TestServer;
let tenant: TestTenant;
let other: TestTenant;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  ctx = await createTestContext({ config: { webhooksAllowPrivate: true } });
  server = await listen(ctx.app);
  tenant = await ctx.tenant({ name: 'School of Data' });
  other = await ctx.tenant({ name: 'Other school' });
}, 60_000);
afterAll(async () => {
  for (const close of closers) await close();
  await server.close();
  await ctx.close();
});

async function started(options: Parameters<typeof startPlatform>[0]): Promise<Started> {
  // The platform keeps the tool's (test) time, so tokens and links expire on one clock.
  const lms = await startPlatform({ now: () => ctx.clock.now().getTime(), ...options });
  closers.push(lms.close);
  return lms;
}

async function api<T>(method: string, path: string, key: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, text, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
}

interface Platform {
  id: string;
  issuer: string;
  clientId: string;
  deploymentIds: string[];
  authLoginUrl: string;
  authTokenUrl: string;
  jwksUrl: string | null;
}

const codeOf = (html: string) => /<code>([a-z_]+)<\/code>/.exec(html)?.[1];
const field = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1]?.replace(/&amp;/g, '&');
const attr = (html: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(html)?.[1];

async function registrationLink(key: string): Promise<string> {
  const made = await api<{ url: string; expiresAt: string }>('POST', '/v1/admin/lti/registration-links', key);
  expect(made.status, made.text).toBe(201);
  return made.body.url;
}

/** The LMS opens the registration URL; the admin confirms; the tool registers. */
async function register(lms: Started, link: string) {
  const confirm = await fetch(lms.platform.startRegistration(link));
  const page = await confirm.text();
  const session = field(page, 'session');
  const action = attr(page, 'action');
  if (confirm.status !== 200 || !session || !action)
    return { confirm: page, status: confirm.status, done: '' };
  const done = await fetch(`${server.url}${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ session }).toString(),
  });
  return { confirm: page, status: done.status, done: await done.text(), session, action };
}

/** A launch through the real flow: the tool's login, the platform's authorization, the form post. */
async function launch(lms: Started, userId: string): Promise<{ status: number; html: string }> {
  const { url } = lms.platform.prepareLaunch({ userId });
  const login = await fetch(url, { redirect: 'manual' });
  expect(login.status, await login.clone().text()).toBe(302);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const auth = await fetch(login.headers.get('location')!);
  const form = await auth.text();
  expect(auth.status, form).toBe(200);
  const res = await fetch(attr(form, 'action')!.replace(/&amp;/g, '&'), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({
      id_token: field(form, 'id_token')!,
      state: field(form, 'state')!,
    }).toString(),
  });
  return { status: res.status, html: await res.text() };
}

const launchClaims = (html: string) => {
  const token = /data-key="(lt_[^"]+)"/.exec(html)?.[1];
  return token
    ? (JSON.parse(Buffer.from(token.slice(3).split('.')[0]!, 'base64url').toString()) as {
        tid: string;
        sub: string;
        roles: string[];
      })
    : null;
};

describe('Dynamic Registration', () => {
  it('registers the LMS into the program of the link, and a launch through it then works', async () => {
    const lms = await started({ clientId: 'mm-client-7', deploymentId: 'dep-9' });
    const link = await registrationLink(tenant.secretKey);
    expect(link).toMatch(new RegExp(`^${server.url}/lti/register/rg_`));

    const result = await register(lms, link);
    expect(result.confirm).toContain('School of Data');
    expect(result.confirm).toContain(lms.platform.issuer);
    expect(result.status, result.done).toBe(200);
    expect(result.done).toContain('org.imsglobal.lti.close');
    expect(result.done).toContain('window.opener || window.parent');
    expect(result.done).toContain('dep-9');

    // What the tool sent, as the platform recorded it.
    expect(lms.platform.registrations).toHaveLength(1);
    const sent = lms.platform.registrations[0]!.request as Record<string, unknown>;
    expect(sent).toMatchObject({
      application_type: 'web',
      response_types: ['id_token'],
      grant_types: ['implicit', 'client_credentials'],
      initiate_login_uri: `${server.url}/lti/login`,
      redirect_uris: [`${server.url}/lti/launch`],
      jwks_uri: `${server.url}/lti/jwks`,
      token_endpoint_auth_method: 'private_key_jwt',
      scope: 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
    });
    const toolConfig = sent['https://purl.imsglobal.org/spec/lti-tool-configuration'] as {
      domain: string;
      target_link_uri: string;
      messages: { type: string }[];
    };
    expect(toolConfig.domain).toBe(new URL(server.url).host);
    expect(toolConfig.target_link_uri).toBe(`${server.url}/lti/launch`);
    expect(toolConfig.messages.map((m) => m.type)).toEqual([
      'LtiResourceLinkRequest',
      'LtiDeepLinkingRequest',
    ]);

    // Stored in this program only, with what the platform answered and its configuration's URLs.
    const mine = await api<{ data: Platform[] }>('GET', '/v1/admin/lti/platforms', tenant.secretKey);
    expect(mine.body.data).toHaveLength(1);
    expect(mine.body.data[0]).toMatchObject({
      issuer: lms.platform.issuer,
      clientId: 'mm-client-7',
      deploymentIds: ['dep-9'],
      authLoginUrl: lms.platform.endpoints.authorization,
      authTokenUrl: lms.platform.endpoints.token,
      jwksUrl: lms.platform.endpoints.jwks,
    });
    const theirs = await api<{ data: Platform[] }>('GET', '/v1/admin/lti/platforms', other.secretKey);
    expect(theirs.body.data).toEqual([]);

    // A learner launches from the LMS and lands in this program.
    const learner = await launch(lms, 'lms-u-2001');
    expect(learner.status, learner.html).toBe(200);
    expect(learner.html).toContain('<mm-ask-expert');
    expect(launchClaims(learner.html)).toMatchObject({
      tid: tenant.id,
      sub: ltiExternalId(lms.platform.issuer, 'lms-u-2001'),
    });

    // The registration token is single-use: the same confirmation again is refused by the LMS.
    const again = await fetch(`${server.url}${result.action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ session: result.session! }).toString(),
    });
    const refused = await again.text();
    expect(again.status).toBe(400);
    expect(codeOf(refused)).toBe('lti_registration_refused');
    expect(refused).toContain('invalid_token');
  });

  it('refuses a missing or forged link, and a configuration speaking for another issuer', async () => {
    const bare = await fetch(`${server.url}/lti/register?openid_configuration=x&registration_token=y`);
    expect(bare.status).toBe(400);
    expect(codeOf(await bare.text())).toBe('lti_registration_link_required');

    const lms = await started({ clientId: 'c', deploymentId: 'd' });
    const link = await registrationLink(tenant.secretKey);
    const forged = `${link.slice(0, -3)}AAA`;
    const bad = await fetch(lms.platform.startRegistration(forged));
    expect(bad.status).toBe(400);
    expect(codeOf(await bad.text())).toBe('lti_registration_link_invalid');

    // An hour later the link has expired.
    ctx.clock.advance(3_601_000);
    const late = await fetch(lms.platform.startRegistration(link));
    expect(codeOf(await late.text())).toBe('lti_registration_link_invalid');

    // A configuration whose issuer is another site's.
    const liar: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          ...lms.platform.openidConfiguration(),
          issuer: 'https://lms.elsewhere.example',
        }),
      );
    });
    await new Promise<void>((resolve) => liar.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise<void>((resolve) => liar.close(() => resolve())));
    const liarUrl = `http://127.0.0.1:${(liar.address() as AddressInfo).port}/.well-known/openid-configuration`;
    const fresh = await registrationLink(tenant.secretKey);
    const mismatch = await fetch(
      `${fresh}?openid_configuration=${encodeURIComponent(liarUrl)}&registration_token=t`,
    );
    expect(mismatch.status).toBe(400);
    expect(codeOf(await mismatch.text())).toBe('lti_registration_issuer_mismatch');

    // An LMS that cannot be reached.
    const gone = await fetch(
      `${fresh}?openid_configuration=${encodeURIComponent('http://127.0.0.1:9/.well-known/openid-configuration')}`,
    );
    expect(codeOf(await gone.text())).toBe('lti_registration_unreachable');

    // Only a program admin makes links.
    const learner = await fetch(`${server.url}/v1/admin/lti/registration-links`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${tenant.publishableKey}`,
        origin: tenant.origin,
        'x-user-token': tenant.token(),
      },
    });
    expect(learner.status).toBe(403);
  });
});

/** "Data Foundations" grown past one page: 60 instructors, 60 TAs, 100 more learners, 2 inactive staff. */
function bigRoster(): Roster {
  const roster = demoRoster();
  const course = roster.courses[0]!;
  const add = (id: string, name: string, roles: string[], status: 'Active' | 'Inactive' = 'Active') => {
    roster.users.push({ id, name, email: `${id}@univ.example.edu` });
    course.members.push({ userId: id, roles, status });
  };
  for (let i = 0; i < 58; i += 1) add(`ins-${i}`, `Instructor ${i}`, ['Instructor']);
  for (let i = 0; i < 58; i += 1) add(`ta-${i}`, `Assistant ${i}`, ['TeachingAssistant']);
  for (let i = 0; i < 100; i += 1) add(`stu-${i}`, `Student ${i}`, ['Learner']);
  add('ins-gone', 'Former Instructor', ['Instructor'], 'Inactive');
  add('ta-gone', 'Former Assistant', ['TeachingAssistant'], 'Inactive');
  return roster;
}

describe('Names and Roles roster import', () => {
  let lms: Started;
  let platformId: string;

  beforeAll(async () => {
    lms = await started({ clientId: 'nrps-client', deploymentId: 'dep-1', roster: bigRoster() });
    const created = await api<{ id: string }>('POST', '/v1/admin/lti/platforms', tenant.secretKey, {
      name: 'Example LMS',
      issuer: lms.platform.issuer,
      clientId: 'nrps-client',
      deploymentIds: ['dep-1'],
      authLoginUrl: lms.platform.endpoints.authorization,
      authTokenUrl: lms.platform.endpoints.token,
      jwksUrl: lms.platform.endpoints.jwks,
    });
    expect(created.status, created.text).toBe(201);
    platformId = created.body.id;
    lms.platform.tool = {
      loginUrl: `${server.url}/lti/login`,
      launchUrl: `${server.url}/lti/launch`,
      jwksUrl: `${server.url}/lti/jwks`,
    };
  }, 60_000);

  async function importWith(token: string, session: string) {
    const res = await fetch(`${server.url}/lti/roster-import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ session }),
    });
    const text = await res.text();
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      body: JSON.parse(text) as Record<string, unknown>,
    };
  }

  const importButton = (html: string) => ({
    token: attr(html, 'data-token'),
    session: attr(html, 'data-session'),
  });

  async function pendingImported(): Promise<{ external_id: string | null; name: string; status: string }[]> {
    return ctx.db
      .selectFrom('mentors')
      .select(['external_id', 'name', 'status'])
      .where('tenant_id', '=', tenant.id)
      .where('external_id', 'like', `${ltiExternalId(lms.platform.issuer, '')}%`)
      .where('deleted_at', 'is', null)
      .execute();
  }

  it('imports the active instructors and TAs as mentor applicants across pages, once', async () => {
    // One instructor is a mentor already (approved): counted, never duplicated.
    const existing = await api('POST', '/v1/mentors', tenant.secretKey, {
      externalId: ltiExternalId(lms.platform.issuer, 'ins-0'),
      name: 'Instructor Zero',
      skills: ['sql'],
      timeZone: 'Europe/Berlin',
      formats: ['video'],
      status: 'approved',
    });
    expect(existing.status, existing.text).toBe(201);

    const instructor = await launch(lms, 'lms-u-1001');
    expect(instructor.status, instructor.html).toBe(200);
    expect(instructor.html).toContain('<mm-mentor-console');
    expect(instructor.html).toContain('Import course mentors');
    const { token, session } = importButton(instructor.html);
    expect(token).toMatch(/^lt_/);
    expect(session).toMatch(/^nr_/);
    // The session holds what the launch said and no secret.
    const claims = JSON.parse(Buffer.from(session!.slice(3).split('.')[0]!, 'base64url').toString());
    expect(claims).toMatchObject({
      platformId,
      membershipsUrl: lms.platform.endpoints.memberships('data-foundations'),
    });

    const nrpsBefore = lms.platform.events.filter((e) => e.endpoint === 'nrps' && e.ok).length;
    const first = await importWith(token!, session!);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    // 16 demo members + 218 added: 2 + 58 instructors, 2 + 58 TAs, 1 content developer → 121 mentors;
    // the approved one already there; learners, the administrator and the 2 inactive skipped.
    expect(first.body).toEqual({ members: 234, imported: 120, alreadyThere: 1, skipped: 113 });
    // 234 members at 100 a page: three pages, followed through Link rel="next".
    expect(lms.platform.events.filter((e) => e.endpoint === 'nrps' && e.ok).length - nrpsBefore).toBe(3);
    expect(lms.platform.events.filter((e) => e.endpoint === 'token').at(-1)).toMatchObject({ ok: true });

    const rows = await pendingImported();
    expect(rows).toHaveLength(121);
    expect(rows.filter((r) => r.status === 'pending')).toHaveLength(120);
    expect(
      rows.find((r) => r.external_id === ltiExternalId(lms.platform.issuer, 'lms-u-1101')),
    ).toMatchObject({
      name: 'Luis Fernández',
      status: 'pending',
    });
    expect(rows.some((r) => r.external_id === ltiExternalId(lms.platform.issuer, 'ins-gone'))).toBe(false);
    expect(rows.some((r) => r.external_id === ltiExternalId(lms.platform.issuer, 'stu-1'))).toBe(false);

    // The program sees them waiting for vetting.
    const queue = await api<{ data: { name: string; headline: string }[] }>(
      'GET',
      '/v1/mentors?status=pending&limit=100',
      tenant.secretKey,
    );
    expect(queue.status, queue.text).toBe(200);
    expect(queue.body.data.find((m) => m.name === 'Amara Okafor')?.headline).toBe(
      'Instructor · Data Foundations',
    );

    // Again: nothing new.
    const second = await importWith(token!, session!);
    expect(second.body).toEqual({ members: 234, imported: 0, alreadyThere: 121, skipped: 113 });
    expect(await pendingImported()).toHaveLength(121);
  });

  it("refuses a learner's launch token, and another launch's session", async () => {
    const learner = await launch(lms, 'lms-u-2002');
    expect(learner.status).toBe(200);
    expect(learner.html).not.toContain('import-roster');
    const learnerToken = /data-key="(lt_[^"]+)"/.exec(learner.html)![1]!;

    const instructor = await launch(lms, 'lms-u-1002');
    const { token, session } = importButton(instructor.html);

    const refused = await importWith(learnerToken, session!);
    expect(refused.status).toBe(403);
    expect(refused.type).toContain('application/problem+json');
    expect(refused.body.code).toBe('lti_import_not_allowed');

    // Another instructor's session with this instructor's token.
    const colleague = await launch(lms, 'lms-u-1001');
    const mixed = await importWith(token!, importButton(colleague.html).session!);
    expect(mixed.status).toBe(400);
    expect(mixed.body.code).toBe('lti_import_session_invalid');

    const noToken = await importWith('lt_nope.nope', session!);
    expect(noToken.status).toBe(401);

    const huge = await fetch(`${server.url}/lti/roster-import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ session, padding: 'x'.repeat(20_000) }),
    });
    expect(huge.status).toBe(413);
  });

  it('says clearly when the LMS refuses a token or cannot be reached', async () => {
    const instructor = await launch(lms, 'lms-u-1001');
    const { token, session } = importButton(instructor.html);

    // The LMS cannot check the tool's assertion (it looks for the key set elsewhere).
    const tool = lms.platform.tool!;
    lms.platform.tool = { ...tool, jwksUrl: `${server.url}/lti/nowhere` };
    const refused = await importWith(token!, session!);
    lms.platform.tool = tool;
    expect(refused.status).toBe(502);
    expect(refused.type).toContain('application/problem+json');
    expect(refused.body.code).toBe('lti_token_refused');
    expect(String(refused.body.detail)).toContain('invalid_client');

    await lms.close();
    const gone = await importWith(token!, session!);
    expect(gone.status).toBe(502);
    expect(gone.body.code).toBe('lti_token_unreachable');
  });
});

describe('Link header', () => {
  it('finds rel="next" among several links and relation lists, and nothing else', () => {
    expect(
      nextLink('<https://lms.example/m?p=1>; rel="first", <https://lms.example/m?p=3>; rel="next"'),
    ).toBe('https://lms.example/m?p=3');
    expect(nextLink('<https://lms.example/m?p=3>; rel="last next"')).toBe('https://lms.example/m?p=3');
    expect(nextLink('<https://lms.example/m?p=3>;rel=next')).toBe('https://lms.example/m?p=3');
    expect(
      nextLink('<https://lms.example/m?p=9>; rel="last", <https://lms.example/m?p=0>; rel="prev"'),
    ).toBeNull();
    expect(nextLink('<https://lms.example/m?p=2>; rel="nextish"')).toBeNull();
    expect(nextLink(undefined)).toBeNull();
  });
});
