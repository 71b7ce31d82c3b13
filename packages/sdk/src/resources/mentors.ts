import { segment } from '../internal/url.js';
import type { PageList } from '../pagination.js';
import type { CallOptions, Requester, WriteOptions } from '../request.js';
import type {
  Availability,
  AvailabilityParams,
  CreateMentorParams,
  ListMentorsParams,
  Mentor,
  Slots,
  SlotsParams,
  UpdateMentorParams,
} from '../types.js';
import { listOf } from './list.js';

export interface AvailabilityResource {
  /** The mentor's rules (secret key, an admin, or the mentor themself). */
  get(mentorId: string, options?: CallOptions): Promise<Availability>;
  /**
   * Replaces the mentor's rules. Times are wall-clock in `timeZone`, so a 09:00 rule stays
   * 09:00 local across DST changes.
   */
  set(mentorId: string, params: AvailabilityParams, options?: WriteOptions): Promise<Availability>;
}

export interface MentorsResource {
  /**
   * Approved mentors (every status with the secret key), filters combined with AND. Await it
   * for a page, or `for await` over every mentor.
   */
  list(params?: ListMentorsParams, options?: CallOptions): PageList<Mentor>;
  get(id: string, options?: CallOptions): Promise<Mentor>;
  /** Secret key only. `status` defaults to `approved`; skills are normalised. */
  create(params: CreateMentorParams, options?: WriteOptions): Promise<Mentor>;
  /** Any field with the secret key; a mentor may change their own profile fields. */
  update(id: string, params: UpdateMentorParams, options?: WriteOptions): Promise<Mentor>;
  /** Secret key only. */
  delete(id: string, options?: WriteOptions): Promise<void>;
  /** Free session starts in [from, to) (at most 31 days) for a session of `duration` minutes. */
  slots(id: string, params: SlotsParams, options?: CallOptions): Promise<Slots>;
  readonly availability: AvailabilityResource;
}

const mentorPath = (id: string, rest = ''): string => `/v1/mentors/${segment(id)}${rest}`;

/** The part the learner widget needs (the `MicromentorCore` client); the rest is on `Micromentor`. */
export type MentorsCoreResource = Pick<MentorsResource, 'slots'>;

export function mentorsCoreResource(client: Requester): MentorsCoreResource {
  return {
    slots: (id, params, options) =>
      client.request('GET', mentorPath(id, '/slots'), { ...options, query: params }),
  };
}

export function mentorsResource(client: Requester): MentorsResource {
  return {
    ...mentorsCoreResource(client),
    get: (id, options) => client.request('GET', mentorPath(id), options),
    list: (params, options) => listOf(client, '/v1/mentors', params, options),
    create: (params, options) => client.request('POST', '/v1/mentors', { ...options, body: params }),
    update: (id, params, options) => client.request('PATCH', mentorPath(id), { ...options, body: params }),
    delete: (id, options) => client.request('DELETE', mentorPath(id), options),
    availability: {
      get: (id, options) => client.request('GET', mentorPath(id, '/availability'), options),
      set: (id, params, options) =>
        client.request('PUT', mentorPath(id, '/availability'), { ...options, body: params }),
    },
  };
}
