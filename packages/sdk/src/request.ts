export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type QueryScalar = string | number | boolean;

/** `undefined`/`null` values are left out; arrays become repeated parameters (`?skill=a&skill=b`). */
export type QueryParams = Record<string, QueryScalar | readonly QueryScalar[] | null | undefined>;

export interface RequestOptions {
  query?: QueryParams | undefined;
  body?: unknown;
  signal?: AbortSignal | undefined;
}

/** What resources need from the client; keeps them free of a runtime import of it. */
export interface Requester {
  request<T>(method: HttpMethod, path: string, options?: RequestOptions): Promise<T>;
}
