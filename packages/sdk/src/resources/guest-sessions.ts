import type { Requester, WriteOptions } from '../request.js';
import type { GuestSession, GuestSessionParams } from '../types.js';

export interface GuestSessionsResource {
  /**
   * A user token (12 h) for a learner without a host login, when the program allows guests;
   * pass `userToken` to `setUserToken`. Publishable key only.
   */
  create(params: GuestSessionParams, options?: WriteOptions): Promise<GuestSession>;
}

export function guestSessionsResource(client: Requester): GuestSessionsResource {
  return {
    create: (params, options) => client.request('POST', '/v1/guest-sessions', { ...options, body: params }),
  };
}
