import { createLocalJWKSet, type JSONWebKeySet, type JWSHeaderParameters } from 'jose';
import type { LtiPlatformRow } from '../../db/database.js';
import { type OutboundOptions, outboundRequest } from './outbound.js';

// A platform's public keys: its inline set, or its JWKS URL fetched through the outbound guard
// and kept per process. A token signed with a key we have not seen makes us fetch the set again
// (the platform rotated), at most once per REFETCH_AFTER_MS per platform.

const CACHE_MS = 10 * 60_000;
const REFETCH_AFTER_MS = 10_000;

export class PlatformKeysError extends Error {}

interface Cached {
  jwks: JSONWebKeySet;
  fetchedAt: number;
}

export class PlatformKeys {
  readonly #cache = new Map<string, Cached>();

  constructor(private readonly outbound: OutboundOptions) {}

  async #fetch(url: string): Promise<JSONWebKeySet> {
    const response = await outboundRequest(
      url,
      { method: 'GET', headers: { accept: 'application/json' } },
      this.outbound,
    ).catch((error: Error) => {
      throw new PlatformKeysError(`the platform's key set could not be fetched (${error.message})`);
    });
    if (response.status !== 200)
      throw new PlatformKeysError(`the platform's key set answered ${response.status}`);
    let body: unknown;
    try {
      body = JSON.parse(response.body);
    } catch {
      throw new PlatformKeysError("the platform's key set is not JSON");
    }
    if (!body || typeof body !== 'object' || !Array.isArray((body as { keys?: unknown }).keys)) {
      throw new PlatformKeysError("the platform's key set has no keys");
    }
    return body as JSONWebKeySet;
  }

  async #set(platform: LtiPlatformRow, now: number, kid: string | undefined): Promise<JSONWebKeySet> {
    if (platform.public_jwks) return platform.public_jwks as unknown as JSONWebKeySet;
    const url = platform.jwks_url!;
    const key = `${platform.id} ${url}`;
    const cached = this.#cache.get(key);
    const known = cached?.jwks.keys.some((k) => k.kid === kid);
    if (cached && now - cached.fetchedAt < CACHE_MS && (known || now - cached.fetchedAt < REFETCH_AFTER_MS)) {
      return cached.jwks;
    }
    const jwks = await this.#fetch(url);
    this.#cache.set(key, { jwks, fetchedAt: now });
    return jwks;
  }

  /**
   * The platform's key set for `jwtVerify`, fetched again first when it lacks the token's `kid`
   * (throws PlatformKeysError when it cannot be had; jose then throws JWKSNoMatchingKey for a kid
   * still unknown).
   */
  async keySet(platform: LtiPlatformRow, header: JWSHeaderParameters, now: number) {
    return createLocalJWKSet(await this.#set(platform, now, header.kid));
  }
}
