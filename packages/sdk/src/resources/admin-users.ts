import { segment } from '../internal/url.js';
import type { CallOptions, Requester, WriteOptions } from '../request.js';
import type { AdminUserList, Erasure, FindUsersParams, PersonalDataExport } from '../types.js';

/** A user's data rights, exercised by the program on their behalf (secret key, or an admin's token). */
export interface AdminUsersResource {
  /** At most 20 users, by name: `externalId` (the host's user id) exactly, or `q` in name, email or host id. */
  find(params: FindUsersParams, options?: CallOptions): Promise<AdminUserList>;
  /** The user's data, the same document as their own `me.export()`. */
  export(userId: string, options?: CallOptions): Promise<PersonalDataExport>;
  /** Erases the user for good, as their own `me.erase()` does. */
  erase(userId: string, options?: WriteOptions): Promise<Erasure>;
  /**
   * Erases the person behind a mentor profile, found by the profile's id (deleted ones included):
   * for a profile the program made for someone who never signed in, who has no user to erase.
   */
  eraseMentorProfile(mentorId: string, options?: WriteOptions): Promise<Erasure>;
}

const userPath = (userId: string, what: string) => `/v1/admin/users/${segment(userId)}/${what}`;

export function adminUsersResource(client: Requester): AdminUsersResource {
  return {
    find: (params, options) => client.request('GET', '/v1/admin/users', { ...options, query: params }),
    export: (userId, options) => client.request('GET', userPath(userId, 'export'), options),
    erase: (userId, options) =>
      client.request('POST', userPath(userId, 'erase'), { ...options, body: { confirm: 'erase' } }),
    eraseMentorProfile: (mentorId, options) =>
      client.request('POST', `/v1/admin/mentors/${segment(mentorId)}/erase`, {
        ...options,
        body: { confirm: 'erase' },
      }),
  };
}
