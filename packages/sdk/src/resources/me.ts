import type { CallOptions, Requester, WriteOptions } from '../request.js';
import type { Me, Mentor, MentorApplicationParams } from '../types.js';

export interface MeResource {
  /** The tenant behind the key and, when a user token is set, the user and their mentor profile. */
  get(options?: CallOptions): Promise<Me>;
  /** Applies as a mentor: creates the user's profile with status `pending`, for the program to vet. */
  applyAsMentor(params: MentorApplicationParams, options?: WriteOptions): Promise<Mentor>;
}

export function meResource(client: Requester): MeResource {
  return {
    get: (options) => client.request('GET', '/v1/me', options),
    applyAsMentor: (params, options) =>
      client.request('POST', '/v1/me/mentor-profile', { ...options, body: params }),
  };
}
