/** Seeding through the public API (fetch), with the same auth headers a client sends. */

export interface Caller {
  /** `pk_…` or `sk_…` */
  key?: string;
  /** Required with a publishable key. */
  origin?: string;
  /** X-User-Token */
  token?: string;
}

/** Headers for a caller, as one flat object (also used for autocannon requests). */
export function authHeaders(caller: Caller, json = false): Record<string, string> {
  const headers: Record<string, string> = {};
  if (caller.key) headers.Authorization = `Bearer ${caller.key}`;
  if (caller.origin) headers.Origin = caller.origin;
  if (caller.token) headers['X-User-Token'] = caller.token;
  if (json) headers['Content-Type'] = 'application/json';
  return headers;
}

export class ApiClient {
  constructor(readonly baseUrl: string) {}

  /** Sends one request and returns the parsed JSON body; throws unless the status is `expect`. */
  async call<T>(method: string, path: string, caller: Caller, body?: unknown, expect = 200): Promise<T> {
    const res = await fetch(new URL(path, this.baseUrl), {
      method,
      headers: authHeaders(caller, body !== undefined),
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    if (res.status !== expect) {
      throw new Error(`${method} ${path} answered ${res.status} (expected ${expect}): ${text.slice(0, 500)}`);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** Runs `fn` over `items` with at most `limit` at a time, keeping the order of results. */
export async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
