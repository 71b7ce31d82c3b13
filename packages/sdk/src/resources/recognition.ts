import { segment } from '../internal/url.js';
import type { CallOptions, Requester } from '../request.js';
import type { Leaderboard, LeaderboardParams, MentorRecord } from '../types.js';

export interface RecognitionResource {
  /** The signed-in mentor's record: completed sessions, minutes, badges. */
  record(options?: CallOptions): Promise<MentorRecord>;
  /**
   * The same record as a verifiable credential: an Open Badges 3.0 `OpenBadgeCredential`
   * secured as a VC-JOSE compact JWS (`application/vc+jwt`), as a string to save or hand on.
   */
  credential(options?: CallOptions): Promise<string>;
  /** This month's top mentors, when the program has turned the leaderboard on (else `NotFoundError`, code `leaderboard_disabled`). */
  leaderboard(params?: LeaderboardParams, options?: CallOptions): Promise<Leaderboard>;
  /** Where anyone (no key needed) reads the program's public keys that verify its credentials. */
  issuerKeysUrl(tenantId: string): string;
}

export function recognitionResource(client: Requester): RecognitionResource {
  return {
    record: (options) => client.request('GET', '/v1/me/mentor/record', options),
    credential: (options) =>
      client.request('GET', '/v1/me/mentor/credential', { ...options, responseType: 'text' }),
    leaderboard: (params, options) => client.request('GET', '/v1/leaderboard', { ...options, query: params }),
    issuerKeysUrl: (tenantId) => client.url(`/issuers/${segment(tenantId)}/jwks.json`),
  };
}
