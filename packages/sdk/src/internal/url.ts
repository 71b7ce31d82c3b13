import type { QueryParams } from '../request.js';

/** Joins a base URL (which may carry a path prefix) and an API path, then adds the query. */
export function buildUrl(baseUrl: string, path: string, query: QueryParams | undefined): string {
  const url = new URL(baseUrl.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`));
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    const values: readonly (string | number | boolean)[] = Array.isArray(value) ? value : [value];
    for (const item of values) url.searchParams.append(key, String(item));
  }
  return url.toString();
}
