import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError, ValidationError } from '../../packages/sdk/src/index.js';
import { failure, type SdkTenant, sdkTenant } from './sdk-fixtures.js';
import { type RunningApi, startApi } from './support.js';

// Data rights over HTTP: a user's own export and erasure, and an admin's on their behalf.
let api: RunningApi;
let tenant: SdkTenant;

beforeAll(async () => {
  api = await startApi();
  tenant = await sdkTenant(api);
});
afterAll(() => api?.close());

describe('data rights through the SDK', () => {
  it('exports the user’s own data, then erases them: the same sub comes back as a new user', async () => {
    const user = tenant.browser('rights-1');
    const asked = await user.requests.create({
      title: 'Private question about recursion',
      urgency: 'flexible',
    });
    const mine = await user.me.export();
    expect(mine.format).toBe('micromentor-export/1');
    expect(mine.user.externalId).toBe('rights-1');
    expect(mine.requests.map((r) => r.title)).toEqual(['Private question about recursion']);

    const erased = await user.me.erase();
    expect(erased.counts.requests).toBe(1);
    const backend = tenant.backend();
    const tomb = await backend.admin.users.export(erased.userId);
    expect(tomb.user).toMatchObject({ name: 'Erased user', email: null });
    expect(tomb.requests.map((r) => r.title)).toEqual(['[erased]']);
    expect(tomb.requests[0]!.id).toBe(asked.request.id);

    const again = await user.me.get();
    expect(again.user?.id).not.toBe(erased.userId);
    expect((await user.me.export()).requests).toEqual([]);
  });

  it('lets an admin find a user, export and erase them; another tenant’s id is not found', async () => {
    const user = tenant.browser('rights-2');
    await user.me.get();
    const admin = tenant.browser('rights-admin', [], {
      userToken: tenant.token('rights-admin', { roles: ['admin'] }),
    });
    const found = await admin.admin.users.find({ externalId: 'rights-2' });
    expect(found.data.map((u) => u.externalId)).toEqual(['rights-2']);
    const userId = found.data[0]!.id;
    expect((await admin.admin.users.find({ q: 'ights-' })).data.map((u) => u.id)).toContain(userId);
    expect(await failure(admin.admin.users.find({}))).toBeInstanceOf(ValidationError);

    const data = await admin.admin.users.export(userId);
    expect(data.user.id).toBe(userId);
    expect((await admin.admin.users.erase(userId)).userId).toBe(userId);
    expect((await admin.admin.users.find({ externalId: 'rights-2' })).data).toEqual([]);

    const other = await sdkTenant(api);
    expect(await failure(other.backend().admin.users.export(userId))).toBeInstanceOf(NotFoundError);
    expect(await failure(other.backend().admin.users.erase(userId))).toBeInstanceOf(NotFoundError);
  });

  it('erases the person behind a mentor profile the program made, by the profile', async () => {
    const backend = tenant.backend();
    const profile = await backend.mentors.create({
      name: 'Pia Profileonly',
      headline: 'Pomelo pipelines',
      bio: 'I untangle pomelo pipelines',
      skills: ['dbt'],
      timeZone: 'Europe/Berlin',
      formats: ['video'],
    });
    const erased = await backend.admin.users.eraseMentorProfile(profile.id);
    const tomb = await backend.admin.users.export(erased.userId);
    // The tombstone holds nothing of theirs: the profile is no longer linked to anyone.
    expect(tomb.user).toMatchObject({ name: 'Erased user', email: null });
    expect(tomb.mentorProfile).toBeNull();
    expect(await failure(backend.mentors.get(profile.id))).toBeInstanceOf(NotFoundError);
    const other = await sdkTenant(api);
    expect(await failure(other.backend().admin.users.eraseMentorProfile(profile.id))).toBeInstanceOf(
      NotFoundError,
    );
  });
});
