import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConflictError,
  NotFoundError,
  PermissionError,
  ValidationError,
} from '../../packages/sdk/src/index.js';
import type { CreateLtiPlatformParams } from '../../packages/sdk/src/types.js';
import { failure, type SdkTenant, sdkTenant } from './sdk-fixtures.js';
import { type RunningApi, startApi } from './support.js';

// mm.admin.ltiPlatforms against the real server over HTTP: the program's LMSs and the values to
// paste into them. The server refuses private and http endpoints as it does in production.
let api: RunningApi;
let tenant: SdkTenant;
let other: SdkTenant;

beforeAll(async () => {
  api = await startApi();
  tenant = await sdkTenant(api);
  other = await sdkTenant(api);
});
afterAll(() => api?.close());

const moodle: CreateLtiPlatformParams = {
  name: 'Moodle — School of Data',
  issuer: 'https://moodle.example.edu',
  clientId: 'K3yq1',
  deploymentIds: ['1'],
  authLoginUrl: 'https://moodle.example.edu/mod/lti/auth.php',
  authTokenUrl: 'https://moodle.example.edu/mod/lti/token.php',
  jwksUrl: 'https://moodle.example.edu/mod/lti/certs.php',
};

/** A syntactically valid RSA public key (the server stores it; nothing is signed here). */
const publicJwks = {
  keys: [
    {
      kty: 'RSA' as const,
      n: 'sXchDaQebHnPiGvyDOAT4saGEUetSyo9MKLOoWFsueri23bOdgWp4Dy1Wl',
      e: 'AQAB',
      kid: 'k1',
    },
  ],
};

describe('admin.ltiPlatforms', () => {
  it('creates, lists, reads, changes and removes a platform, each answer with the tool’s URLs', async () => {
    const mm = tenant.backend();
    const created = await mm.admin.ltiPlatforms.create(moodle);
    expect(created).toMatchObject({ ...moodle, publicJwks: null });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    // The values to paste into the LMS, on this server's own origin.
    expect(created.tool).toEqual({
      loginUrl: `${api.url}/lti/login`,
      launchUrl: `${api.url}/lti/launch`,
      // Deep Linking requests come to the launch URL too (the message type tells them apart).
      deepLinkUrl: `${api.url}/lti/launch`,
      jwksUrl: `${api.url}/lti/jwks`,
      registrationUrl: `${api.url}/lti/register`,
    });

    expect(await mm.admin.ltiPlatforms.get(created.id)).toEqual(created);
    expect((await mm.admin.ltiPlatforms.list()).data.map((p) => p.id)).toEqual([created.id]);

    // An inline key set replaces the key set URL, and the other way round.
    const pasted = await mm.admin.ltiPlatforms.update(created.id, {
      publicJwks,
      deploymentIds: ['1', '7'],
    });
    expect(pasted).toMatchObject({ jwksUrl: null, publicJwks, deploymentIds: ['1', '7'] });
    const back = await mm.admin.ltiPlatforms.update(created.id, { jwksUrl: moodle.jwksUrl });
    expect(back).toMatchObject({ jwksUrl: moodle.jwksUrl, publicJwks: null, name: moodle.name });

    // Another program never sees it.
    expect(await failure(other.backend().admin.ltiPlatforms.get(created.id))).toBeInstanceOf(NotFoundError);
    expect((await other.backend().admin.ltiPlatforms.list()).data).toEqual([]);

    await mm.admin.ltiPlatforms.delete(created.id);
    expect(await failure(mm.admin.ltiPlatforms.get(created.id))).toBeInstanceOf(NotFoundError);
    expect((await mm.admin.ltiPlatforms.list()).data).toEqual([]);
  });

  it('admits an admin’s token and refuses a learner’s', async () => {
    const admin = tenant.user('lti-admin', ['admin']);
    const made = await admin.admin.ltiPlatforms.create({
      ...moodle,
      issuer: 'https://canvas.instructure.com',
      clientId: '10000000000001',
      name: 'Canvas',
    });
    expect(made.issuer).toBe('https://canvas.instructure.com');
    const refused = await failure(tenant.browser('lti-learner').admin.ltiPlatforms.list());
    expect(refused).toBeInstanceOf(PermissionError);
    expect((refused as PermissionError).code).toBe('admin_required');
    await admin.admin.ltiPlatforms.delete(made.id);
  });

  it('reports bad input field by field, and a platform registered twice as a conflict', async () => {
    const mm = tenant.backend();
    const both = await failure(mm.admin.ltiPlatforms.create({ ...moodle, publicJwks }));
    expect(both).toBeInstanceOf(ValidationError);
    expect((both as ValidationError).errors).toContainEqual({
      path: 'body.jwksUrl',
      message: 'give exactly one of jwksUrl and publicJwks',
    });

    const http = await failure(
      mm.admin.ltiPlatforms.create({ ...moodle, authLoginUrl: 'http://moodle.example.edu/auth' }),
    );
    expect(http).toBeInstanceOf(ValidationError);
    expect((http as ValidationError).code).toBe('lti_url_not_allowed');
    expect((http as ValidationError).errors).toEqual([
      { path: 'body.authLoginUrl', message: 'must be an https:// URL' },
    ]);

    const first = await mm.admin.ltiPlatforms.create(moodle);
    const twice = await failure(mm.admin.ltiPlatforms.create({ ...moodle, name: 'Moodle again' }));
    expect(twice).toBeInstanceOf(ConflictError);
    expect((twice as ConflictError).code).toBe('lti_platform_exists');
    await mm.admin.ltiPlatforms.delete(first.id);
  });
});
