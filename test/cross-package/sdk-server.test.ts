import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  IdempotencyError,
  Micromentor,
  MicromentorError,
  NotFoundError,
  PermissionError,
  ValidationError,
} from '../../packages/sdk/src/index.js';
import { signUserToken } from '../../packages/sdk/src/node/index.js';
import { browserFetch, failure, type SdkTenant, sdkTenant } from './sdk-fixtures.js';
import { type RunningApi, startApi } from './support.js';

// The SDK against the real server over HTTP: keys, users, guests, errors and idempotency.
let api: RunningApi;
let tenant: SdkTenant;

beforeAll(async () => {
  api = await startApi();
  tenant = await sdkTenant(api, { allowGuests: true });
});
afterAll(() => api?.close());

const mentorBody = {
  name: 'Sam SDK',
  skills: ['TS', 'node.js'],
  timeZone: 'Europe/Lisbon',
  formats: ['chat' as const],
};

describe('keys and users', () => {
  it('a backend with the secret key sees its tenant and no user', async () => {
    const me = await tenant.backend().me.get();
    expect(me).toMatchObject({
      tenant: { id: tenant.id },
      user: null,
      mentorProfile: null,
      keyKind: 'secret',
    });
    expect(me.tenant.settings.allowGuests).toBe(true);
  });

  it('a backend acts for a user with a token from signUserToken', async () => {
    const userToken = signUserToken({
      identitySecret: tenant.identitySecret,
      sub: 'host-user-7',
      name: 'Hana Host',
      email: 'hana@example.com',
      roles: ['mentor'],
      ttlSeconds: 600,
    });
    const me = await tenant.backend({ userToken }).me.get();
    expect(me.user).toMatchObject({
      externalId: 'host-user-7',
      name: 'Hana Host',
      email: 'hana@example.com',
      roles: ['mentor'],
      isGuest: false,
    });
  });

  it('a browser with the publishable key works from an allowed origin, and setUserToken switches the user', async () => {
    const mm = tenant.browser('learner-a');
    expect((await mm.me.get()).user?.externalId).toBe('learner-a');
    mm.setUserToken(tenant.token('learner-b'));
    expect((await mm.me.get()).user?.externalId).toBe('learner-b');
    mm.setUserToken(undefined);
    expect(await mm.me.get()).toMatchObject({ user: null, keyKind: 'publishable' });
  });

  it('the publishable key is refused from another origin and from no origin', async () => {
    const foreign = new Micromentor({
      baseUrl: api.url,
      publishableKey: tenant.publishableKey,
      fetch: browserFetch('https://evil.example'),
    });
    expect(await failure(foreign.me.get())).toMatchObject({ status: 403, code: 'origin_not_allowed' });
    const server = new Micromentor({ baseUrl: api.url, publishableKey: tenant.publishableKey });
    expect(await failure(server.me.get())).toBeInstanceOf(PermissionError);
  });

  it('a guest gets a session token and is a user with it', async () => {
    const mm = new Micromentor({
      baseUrl: api.url,
      publishableKey: tenant.publishableKey,
      fetch: browserFetch(tenant.origin),
    });
    const session = await mm.guestSessions.create({ name: 'Gus Guest', email: 'gus@example.com' });
    expect(session.externalId).toMatch(/^guest_/);
    expect(Date.parse(session.expiresAt)).toBeGreaterThan(Date.now());
    mm.setUserToken(session.userToken);
    expect((await mm.me.get()).user).toMatchObject({
      name: 'Gus Guest',
      isGuest: true,
      externalId: session.externalId,
    });
  });
});

describe('errors', () => {
  it('a missing resource is a NotFoundError with the server’s code and request id', async () => {
    const error = await failure(tenant.backend().mentors.get('6f1b0000-0000-4000-8000-000000000000'));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      status: 404,
      code: 'not_found',
      problem: { status: 404, code: 'not_found' },
    });
    expect((error as NotFoundError).requestId).toMatch(/^req_/);
  });

  it('bad input is a ValidationError naming the fields', async () => {
    const mm = tenant.backend();
    const error = await failure(
      mm.mentors.create({ ...mentorBody, yearsExperience: 1.5, timeZone: 'Mars/Olympus', formats: [] }),
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).errors.map((e) => e.path).sort()).toEqual([
      'body.formats',
      'body.timeZone',
      'body.yearsExperience',
    ]);
    expect(await failure(mm.mentors.list({ limit: 1000 }))).toBeInstanceOf(ValidationError);
    expect(await failure(mm.mentors.list({ cursor: 'not-a-cursor' }))).toMatchObject({
      name: 'ValidationError',
      code: 'invalid_cursor',
    });
  });

  it('a bad key, a bad token and an expired token are AuthenticationErrors', async () => {
    const badKey = new Micromentor({ baseUrl: api.url, secretKey: 'sk_NotARealKeyAtAll123456' });
    expect(await failure(badKey.me.get())).toMatchObject({
      name: 'AuthenticationError',
      code: 'invalid_api_key',
    });
    const forged = tenant.backend({
      userToken: signUserToken({ identitySecret: 'ids_not_this_tenants', sub: 'u', name: 'U' }),
    });
    expect(await failure(forged.me.get())).toMatchObject({ code: 'invalid_user_token' });
    const expired = tenant.backend({
      userToken: signUserToken({
        identitySecret: tenant.identitySecret,
        sub: 'u',
        name: 'U',
        ttlSeconds: 60,
        now: new Date(Date.now() - 3_600_000),
      }),
    });
    const error = await failure(expired.me.get());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: 'user_token_expired' });
  });

  it('a learner calling a secret-key route gets a PermissionError', async () => {
    const error = await failure(tenant.browser('learner-c').mentors.create(mentorBody));
    expect(error).toBeInstanceOf(PermissionError);
    expect(error).toMatchObject({ status: 403, code: 'secret_key_required' });
  });
});

describe('idempotency', () => {
  it('the same key and body replay the first result; the key with another body is an IdempotencyError', async () => {
    const mm = tenant.backend();
    const key = `import-row-${Date.now()}`;
    const first = await mm.mentors.create(mentorBody, { idempotencyKey: key });
    const again = await mm.mentors.create(mentorBody, { idempotencyKey: key });
    expect(again).toEqual(first);
    const other = await failure(
      mm.mentors.create({ ...mentorBody, name: 'Someone Else' }, { idempotencyKey: key }),
    );
    expect(other).toBeInstanceOf(IdempotencyError);
    expect(other).toBeInstanceOf(MicromentorError);
    expect(other).toMatchObject({ status: 422, code: 'idempotency_key_reused' });
  });

  it('without a key of one’s own, each call is a new mentor', async () => {
    const mm = tenant.backend();
    const [a, b] = await Promise.all([mm.mentors.create(mentorBody), mm.mentors.create(mentorBody)]);
    expect(a.id).not.toBe(b.id);
  });
});

describe('the escape hatch', () => {
  it('request() calls any route with the client’s auth and returns its JSON', async () => {
    const me = await tenant.backend().request<{ keyKind: string }>('GET', '/v1/me');
    expect(me.keyKind).toBe('secret');
  });
});
