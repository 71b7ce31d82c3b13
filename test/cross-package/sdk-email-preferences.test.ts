import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../packages/sdk/src/index.js';
import { signUserToken } from '../../packages/sdk/src/node/index.js';
import { failure, type SdkTenant, sdkTenant } from './sdk-fixtures.js';
import { type RunningApi, startApi } from './support.js';

// Email preferences over HTTP, as a host page's script or the consoles change them.
let api: RunningApi;
let tenant: SdkTenant;

beforeAll(async () => {
  api = await startApi();
  tenant = await sdkTenant(api);
});
afterAll(() => api?.close());

function browser(sub: string) {
  const userToken = signUserToken({
    identitySecret: tenant.identitySecret,
    sub,
    name: `User ${sub}`,
    email: `${sub}@example.org`,
    locale: 'es',
    zoneinfo: 'Europe/Madrid',
  });
  return tenant.browser(sub, [], { userToken });
}

describe('email preferences through the SDK', () => {
  it('reads every kind on, turns one off as learner and one as mentor, each alone', async () => {
    const user = browser('prefs-1');
    const first = await user.me.emailPreferences();
    expect(first.learner.address).toBe('prefs-1@example.org');
    expect(Object.values(first.learner.kinds).every(Boolean)).toBe(true);
    expect(first.mentor).toBeNull();
    expect(
      await failure(user.me.updateEmailPreferences({ as: 'mentor', kinds: { requests: false } })),
    ).toBeInstanceOf(NotFoundError);

    const off = await user.me.updateEmailPreferences({ kinds: { reminders: false } });
    expect(off.learner.kinds).toMatchObject({ reminders: false, bookings: true, messages: true });

    await tenant.backend().mentors.create({
      externalId: 'prefs-1',
      name: 'Pat Prefs',
      skills: ['sql'],
      timeZone: 'Europe/Madrid',
      formats: ['video'],
      contactEmail: 'pat@work.example',
    });
    const asMentor = await user.me.updateEmailPreferences({ as: 'mentor', kinds: { requests: false } });
    expect(asMentor.mentor).toMatchObject({
      address: 'pat@work.example',
      kinds: { requests: false, reminders: true },
    });
    expect(asMentor.learner.kinds).toMatchObject({ reminders: false, requests: true });

    const bad = await failure(user.me.updateEmailPreferences({ kinds: {} }));
    expect(bad).toBeInstanceOf(ValidationError);
  });
});
