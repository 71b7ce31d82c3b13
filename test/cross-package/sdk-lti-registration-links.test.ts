import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PermissionError } from '../../packages/sdk/src/index.js';
import { ManualClock } from '../../packages/server/src/clock.js';
import { failure, type SdkTenant, sdkTenant } from './sdk-fixtures.js';
import { type RunningApi, startApi } from './support.js';

// mm.admin.ltiRegistrationLinks against the real server over HTTP: the per-program link an LMS
// opens for Dynamic Registration, signed and valid one hour. The server's own answer to opening
// it tells a link it honours (the LMS's parameters missing) from one it does not (forged, expired).
const clock = new ManualClock('2026-12-01T09:00:00Z');
let api: RunningApi;
let tenant: SdkTenant;

beforeAll(async () => {
  api = await startApi({ clock });
  tenant = await sdkTenant(api, {}, clock);
});
afterAll(() => api?.close());

/** The reason code on the registration page the server answers a link with. */
async function opened(url: string): Promise<{ status: number; code: string | undefined }> {
  const response = await fetch(url);
  const page = await response.text();
  return { status: response.status, code: /Reason code[^<]*<code>([\w-]+)<\/code>/.exec(page)?.[1] };
}

describe('admin.ltiRegistrationLinks', () => {
  it('makes a link on this server, valid one hour from now, that the server honours until then', async () => {
    const link = await tenant.backend().admin.ltiRegistrationLinks.create();
    expect(Object.keys(link).sort()).toEqual(['expiresAt', 'url']);
    expect(link.url).toMatch(new RegExp(`^${api.url}/lti/register/rg_[\\w.-]+$`));
    expect(link.expiresAt).toBe('2026-12-01T10:00:00.000Z');

    // Honoured: only the LMS's own parameters are missing (it opens the link with them).
    expect(await opened(link.url)).toEqual({ status: 400, code: 'lti_registration_incomplete' });
    // A link whose signature is changed is not one the server made.
    const dot = link.url.lastIndexOf('.');
    const forged = `${link.url.slice(0, dot + 1)}${link.url[dot + 1] === 'A' ? 'B' : 'A'}${link.url.slice(dot + 2)}`;
    expect(await opened(forged)).toEqual({ status: 400, code: 'lti_registration_link_invalid' });
    // The bare registration URL names no program.
    expect(await opened(`${api.url}/lti/register`)).toEqual({
      status: 400,
      code: 'lti_registration_link_required',
    });

    clock.advance(59 * 60_000);
    expect((await opened(link.url)).code).toBe('lti_registration_incomplete');
    clock.advance(2 * 60_000);
    expect((await opened(link.url)).code).toBe('lti_registration_link_invalid');
    // A new one works again, for the next hour.
    const next = await tenant.backend().admin.ltiRegistrationLinks.create();
    expect(next.expiresAt).toBe('2026-12-01T11:01:00.000Z');
    expect((await opened(next.url)).code).toBe('lti_registration_incomplete');
  });

  it('admits an admin’s token and refuses a learner’s and a mentor’s', async () => {
    const link = await tenant.user('lti-admin', ['admin']).admin.ltiRegistrationLinks.create();
    expect((await opened(link.url)).code).toBe('lti_registration_incomplete');
    for (const user of [tenant.browser('lti-learner'), tenant.user('lti-mentor', ['mentor'])]) {
      const refused = await failure(user.admin.ltiRegistrationLinks.create());
      expect(refused).toBeInstanceOf(PermissionError);
      expect((refused as PermissionError).code).toBe('admin_required');
    }
  });
});
