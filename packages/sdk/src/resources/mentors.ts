import type { Requester } from '../request.js';
import type { Mentor, MentorFormat, Page } from '../types.js';

export interface MentorListQuery {
  /** 1–100, server default 20. */
  limit?: number;
  cursor?: string;
  q?: string;
  skills?: readonly string[];
  languages?: readonly string[];
  format?: MentorFormat;
}

export class MentorsResource {
  readonly #client: Requester;

  constructor(client: Requester) {
    this.#client = client;
  }

  list(query: MentorListQuery = {}, options: { signal?: AbortSignal } = {}): Promise<Page<Mentor>> {
    return this.#client.request<Page<Mentor>>('GET', '/v1/mentors', {
      query: { ...query },
      signal: options.signal,
    });
  }

  get(id: string, options: { signal?: AbortSignal } = {}): Promise<Mentor> {
    return this.#client.request<Mentor>('GET', `/v1/mentors/${encodeURIComponent(id)}`, {
      signal: options.signal,
    });
  }
}
