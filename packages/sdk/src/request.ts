export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type QueryScalar = string | number | boolean | Date;

/** `undefined`/`null` values are left out; arrays become repeated parameters (`?skills=a&skills=b`). */
export type QueryParams = Record<string, QueryScalar | readonly QueryScalar[] | null | undefined>;

/** Options every method takes as its last argument. */
export interface CallOptions {
  /** Aborts the call; the abort reason is rethrown as is (it is not a MicromentorError). */
  signal?: AbortSignal | undefined;
  /** The whole call's budget, retries and waits included. Default: the client's `timeoutMs`. */
  timeoutMs?: number | undefined;
  /** Retries for this call (network errors, 5xx, 429). Default: the client's `maxRetries`. */
  maxRetries?: number | undefined;
}

/** Options of calls that change something: they also take the idempotency key. */
export interface WriteOptions extends CallOptions {
  /**
   * Sent as `Idempotency-Key` and reused by every retry of this call. By default each call gets
   * a fresh random one; pass your own (e.g. your order id) to make a call safe to repeat across
   * process restarts: the same key with the same body replays the first answer.
   */
  idempotencyKey?: string | undefined;
}

export interface RequestOptions extends WriteOptions {
  query?: QueryParams | undefined;
  body?: unknown;
  /** `text` for non-JSON answers such as the calendar file. Default `json`. */
  responseType?: 'json' | 'text' | undefined;
}

/** What resources need from the client; keeps them free of a runtime import of it. */
export interface Requester {
  request<T>(method: HttpMethod, path: string, options?: RequestOptions): Promise<T>;
  /** The absolute URL of an API path. */
  url(path: string): string;
}
