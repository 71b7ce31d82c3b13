/**
 * Helpers for the SDK's cross-package suites (sdk-*.test.ts): a tenant on the real server,
 * and SDK clients as a host's backend (secret key) and as a learner's browser (publishable
 * key from an allowed origin) would hold them.
 */
import { randomUUID } from 'node:crypto';
import { MicromentorAdmin } from '../../packages/sdk/src/admin.js';
import type { AvailabilityParams, MicromentorOptions } from '../../packages/sdk/src/index.js';
import { signUserToken } from '../../packages/sdk/src/node/index.js';
import type { Clock } from '../../packages/server/src/clock.js';
import { createTenant } from '../../packages/server/src/domain/tenants/create-tenant.js';
import type { TenantSettings } from '../../packages/server/src/domain/tenants/settings.js';
import { SecretBox } from '../../packages/server/src/security/keys.js';
import type { RunningApi } from './support.js';

export interface RecordedCall {
  method: string;
  url: string;
  headers: Headers;
}

/**
 * A `fetch` that records each attempt and, like a browser on the host's page, sends an
 * `Origin` header (Node's fetch sends none unless told).
 */
export function browserFetch(origin: string | null, calls: RecordedCall[] = []) {
  return (url: string, init: RequestInit): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (origin) headers.set('Origin', origin);
    calls.push({ method: init.method ?? 'GET', url, headers });
    return fetch(url, { ...init, headers });
  };
}

export interface SdkTenant {
  id: string;
  origin: string;
  publishableKey: string;
  secretKey: string;
  identitySecret: string;
  /** The host's backend: the secret key, optionally acting for a user (the admin client). */
  backend(options?: Partial<MicromentorOptions>): MicromentorAdmin;
  /** A signed user token for `sub`. */
  token(sub: string, extra?: { roles?: ('mentor' | 'admin')[]; name?: string; email?: string }): string;
  /**
   * A learner in a browser on the tenant's site: publishable key, their token, the page's Origin.
   * The admin client (a superset), so that tests can show what the server refuses a learner.
   */
  browser(sub: string, calls?: RecordedCall[], options?: Partial<MicromentorOptions>): MicromentorAdmin;
  /** `browser(sub)` for a user with these roles (a mentor, an admin), or none: a learner. */
  user(sub: string, roles?: ('mentor' | 'admin')[]): MicromentorAdmin;
}

/** `clock`: the server's, when a test moves it; tokens are then signed at its now. */
export async function sdkTenant(
  api: RunningApi,
  settings: Partial<TenantSettings> = {},
  clock?: Clock,
): Promise<SdkTenant> {
  const origin = `https://${randomUUID().slice(0, 8)}.sdk.example`;
  const keys = await createTenant(api.db, new SecretBox(undefined), {
    name: `SDK Academy ${origin}`,
    origins: [origin],
    settings,
  });
  const token: SdkTenant['token'] = (sub, extra = {}) =>
    signUserToken({
      identitySecret: keys.identitySecret,
      sub,
      name: extra.name ?? `User ${sub}`,
      ...(extra.email ? { email: extra.email } : {}),
      ...(extra.roles ? { roles: extra.roles } : {}),
      ...(clock ? { now: clock.now() } : {}),
    });
  const browser: SdkTenant['browser'] = (sub, calls = [], options = {}) =>
    new MicromentorAdmin({
      baseUrl: api.url,
      publishableKey: keys.publishableKey,
      userToken: token(sub),
      fetch: browserFetch(origin, calls),
      ...options,
    });
  return {
    ...keys,
    origin,
    token,
    backend: (options = {}) =>
      new MicromentorAdmin({ baseUrl: api.url, secretKey: keys.secretKey, ...options }),
    browser,
    user: (sub, roles) => browser(sub, [], { userToken: token(sub, roles ? { roles } : {}) }),
  };
}

/** Bookable around the clock, from now on: slots exist whenever a test runs. */
export const ALL_WEEK: AvailabilityParams = {
  timeZone: 'Europe/Lisbon',
  weekly: (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => ({
    day,
    start: '00:00',
    end: '24:00',
  })),
  minNoticeMinutes: 0,
  sessionLengths: [15, 30],
};

export async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}
