import type { QueryParams, QueryScalar } from '../request.js';

const text = (value: QueryScalar): string => (value instanceof Date ? value.toISOString() : String(value));

/** Joins a base URL (which may carry a path prefix) and an API path, then adds the query. */
export function buildUrl(baseUrl: string, path: string, query?: QueryParams): string {
  const url = new URL(baseUrl.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`));
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, text(item));
  }
  return url.toString();
}

/** One path segment, escaped: ids come from callers and must not change the route. */
export const segment = (id: string): string => encodeURIComponent(id);
