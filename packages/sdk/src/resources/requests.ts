import { segment } from '../internal/url.js';
import type { PageList } from '../pagination.js';
import type { CallOptions, Requester, WriteOptions } from '../request.js';
import type {
  AcceptedOffer,
  AnotherMentor,
  AnotherMentorParams,
  CreateHelpRequestParams,
  HelpRequest,
  HelpRequestWithMatches,
  ListHelpRequestsParams,
  Matches,
  MentorOffer,
} from '../types.js';
import { listOf } from './list.js';

export interface RequestsResource {
  /**
   * Asks for help as the user of the token: stores the request with its context and answers
   * with up to five ranked mentors, each with reasons and their next free slots.
   */
  create(params: CreateHelpRequestParams, options?: WriteOptions): Promise<HelpRequestWithMatches>;
  /** The user's own requests, newest first (tenant-wide with the secret key). */
  list(params?: ListHelpRequestsParams, options?: CallOptions): PageList<HelpRequest>;
  get(id: string, options?: CallOptions): Promise<HelpRequest>;
  /** The matches ranked again now, with current availability. */
  matches(id: string, options?: CallOptions): Promise<Matches>;
  cancel(id: string, options?: WriteOptions): Promise<HelpRequest>;
  /**
   * As the request's learner: passes on the mentor it is with (or `mentorId`) and answers with
   * the request open again and its next matches; an instant request is offered on at once.
   */
  anotherMentor(id: string, params?: AnotherMentorParams, options?: WriteOptions): Promise<AnotherMentor>;
  /**
   * As a mentor it was offered to: takes the request. The first mentor to accept gets it; later
   * ones get a `ConflictError` with code `already_taken`.
   */
  accept(id: string, options?: WriteOptions): Promise<AcceptedOffer>;
  /** As a mentor it was offered to: declines it (they are left out of its matches). */
  decline(id: string, options?: WriteOptions): Promise<MentorOffer>;
  /**
   * As the request's learner, when nobody fits: puts the open request in the program queue that
   * admins and approved mentors see (one of them can take it). Asking again changes nothing.
   */
  askProgram(id: string, options?: WriteOptions): Promise<HelpRequest>;
  /**
   * As the request's learner, when nobody fits: the request waits, and the learner is told once
   * (live event `request.match_found`, and by email) when a mentor who fits joins or frees up.
   */
  waitForMatch(id: string, options?: WriteOptions): Promise<HelpRequest>;
}

const requestPath = (id: string, rest = ''): string => `/v1/requests/${segment(id)}${rest}`;

/** The part the learner widget needs (the `MicromentorCore` client); the rest is on `Micromentor`. */
export type RequestsCoreResource = Pick<RequestsResource, 'create' | 'askProgram' | 'waitForMatch'>;

export function requestsCoreResource(client: Requester): RequestsCoreResource {
  return {
    create: (params, options) => client.request('POST', '/v1/requests', { ...options, body: params }),
    askProgram: (id, options) => client.request('POST', requestPath(id, '/ask-program'), options),
    waitForMatch: (id, options) => client.request('POST', requestPath(id, '/wait-for-match'), options),
  };
}

export function requestsResource(client: Requester): RequestsResource {
  return {
    ...requestsCoreResource(client),
    cancel: (id, options) => client.request('POST', requestPath(id, '/cancel'), options),
    anotherMentor: (id, params, options) =>
      client.request('POST', requestPath(id, '/another-mentor'), { ...options, body: params ?? {} }),
    list: (params, options) => listOf(client, '/v1/requests', params, options),
    get: (id, options) => client.request('GET', requestPath(id), options),
    matches: (id, options) => client.request('GET', requestPath(id, '/matches'), options),
    accept: (id, options) => client.request('POST', requestPath(id, '/accept'), options),
    decline: (id, options) => client.request('POST', requestPath(id, '/decline'), options),
  };
}
