import { segment } from '../internal/url.js';
import type { PageList } from '../pagination.js';
import type { CallOptions, Requester, WriteOptions } from '../request.js';
import type { ListProgramQueueParams, ProgramQueueItem, TakenRequest } from '../types.js';
import { listOf } from './list.js';

/** Requests nobody fitted that wait for the program: for program admins and approved mentors. */
export interface ProgramQueueResource {
  /** The queue, oldest first (async-iterable across pages); a learner gets a `PermissionError`. */
  list(params?: ListProgramQueueParams, options?: CallOptions): PageList<ProgramQueueItem>;
  /**
   * As an approved mentor: takes the request (it is matched to them, their thread with the
   * learner opens, the learner is told). Another mentor who took it first: `ConflictError` with
   * code `already_taken`.
   */
  take(requestId: string, options?: WriteOptions): Promise<TakenRequest>;
}

export function programQueueResource(client: Requester): ProgramQueueResource {
  return {
    list: (params, options) => listOf(client, '/v1/program-queue', params, options),
    take: (requestId, options) =>
      client.request('POST', `/v1/program-queue/${segment(requestId)}/take`, options),
  };
}
