import { segment } from '../internal/url.js';
import type { PageList } from '../pagination.js';
import type { CallOptions, Requester, WriteOptions } from '../request.js';
import type {
  ListMessagesParams,
  ListThreadsParams,
  MarkThreadReadParams,
  Message,
  PostMessageParams,
  StartThreadParams,
  Thread,
} from '../types.js';
import { listOf } from './list.js';

export interface ThreadsResource {
  /** Threads where the user is the learner or the mentor, most recent activity first, with unread counts. */
  list(params?: ListThreadsParams, options?: CallOptions): PageList<Thread>;
  /** Only its learner and mentor can read it; anyone else gets a `NotFoundError`. */
  get(id: string, options?: CallOptions): Promise<Thread>;
  /**
   * Oldest first (`order: 'desc'` for newest first); `for await` walks every page. Bodies are
   * plain text: render them as text, and links with `linkify()`.
   */
  messages(id: string, params?: ListMessagesParams, options?: CallOptions): PageList<Message>;
  /** Posts plain text (trimmed, 1–4000 characters). Retries are safe: one idempotency key per call. */
  post(id: string, params: PostMessageParams, options?: WriteOptions): Promise<Message>;
  /** Marks read up to `messageId` (default: the latest); never moves backwards. */
  markRead(id: string, params?: MarkThreadReadParams, options?: WriteOptions): Promise<Thread>;
  /**
   * Opens (or returns) the thread of a help request with one of its matched mentors: the learner
   * passes `mentorId`; a matched mentor omits it to ask the learner for more detail.
   */
  startForRequest(requestId: string, params?: StartThreadParams, options?: WriteOptions): Promise<Thread>;
}

const threadPath = (id: string, rest = ''): string => `/v1/threads/${segment(id)}${rest}`;

/** The part the learner widget needs (the `MicromentorCore` client): "message instead". */
export type ThreadsCoreResource = Pick<ThreadsResource, 'startForRequest'>;

export function threadsCoreResource(client: Requester): ThreadsCoreResource {
  return {
    startForRequest: (requestId, params = {}, options) =>
      client.request('POST', `/v1/requests/${segment(requestId)}/threads`, { ...options, body: params }),
  };
}

export function threadsResource(client: Requester): ThreadsResource {
  return {
    ...threadsCoreResource(client),
    list: (params, options) => listOf(client, '/v1/threads', params, options),
    get: (id, options) => client.request('GET', threadPath(id), options),
    messages: (id, params, options) => listOf(client, threadPath(id, '/messages'), params, options),
    post: (id, params, options) =>
      client.request('POST', threadPath(id, '/messages'), { ...options, body: params }),
    markRead: (id, params = {}, options) =>
      client.request('POST', threadPath(id, '/read'), { ...options, body: params }),
  };
}
