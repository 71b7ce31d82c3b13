import type { PageList } from '../pagination.js';
import type { CallOptions, Requester, WriteOptions } from '../request.js';
import type {
  ListOffersParams,
  Me,
  Mentor,
  MentorApplicationParams,
  MentorOffer,
  Presence,
  PresenceParams,
} from '../types.js';
import { listOf } from './list.js';

export interface MeResource {
  /** The tenant behind the key and, when a user token is set, the user and their mentor profile. */
  get(options?: CallOptions): Promise<Me>;
  /** Applies as a mentor: creates the user's profile with status `pending`, for the program to vet. */
  applyAsMentor(params: MentorApplicationParams, options?: WriteOptions): Promise<Mentor>;
  /** The mentor's inbox: instant requests offered to them, newest first (accept with `requests.accept`). */
  offers(params?: ListOffersParams, options?: CallOptions): PageList<MentorOffer>;
  /**
   * The mentor takes instant requests for the next 15 minutes (`availableNow: true`; also lifts a
   * pause for letting offers expire), or stops now.
   */
  setPresence(params: PresenceParams, options?: WriteOptions): Promise<Presence>;
}

export function meResource(client: Requester): MeResource {
  return {
    get: (options) => client.request('GET', '/v1/me', options),
    applyAsMentor: (params, options) =>
      client.request('POST', '/v1/me/mentor-profile', { ...options, body: params }),
    offers: (params, options) => listOf(client, '/v1/me/offers', params, options),
    setPresence: (params, options) => client.request('PUT', '/v1/me/presence', { ...options, body: params }),
  };
}
