import { PageList } from '../pagination.js';
import type { CallOptions, QueryParams, Requester } from '../request.js';

/** A `PageList` over a list route; every page request carries the same query and options. */
export function listOf<T>(
  client: Requester,
  path: string,
  params: QueryParams = {},
  options: CallOptions = {},
): PageList<T> {
  return new PageList<T>((cursor) =>
    client.request('GET', path, { ...options, query: cursor === undefined ? params : { ...params, cursor } }),
  );
}
