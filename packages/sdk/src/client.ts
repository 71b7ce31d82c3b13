import { ConnectionError, errorFromResponse, MicromentorError } from './errors.js';
import { createDeadline } from './internal/deadline.js';
import { parseProblem } from './internal/problem.js';
import { buildUrl } from './internal/url.js';
import type { HttpMethod, Requester, RequestOptions } from './request.js';
import { MentorsResource } from './resources/mentors.js';
import type { Me } from './types.js';

export interface MicromentorOptions {
  /** Origin (and optional path prefix) of the API, e.g. `https://mentors.example.com`. */
  baseUrl: string;
  /** `pk_…`: for browsers, user-level calls together with a user token. */
  publishableKey?: string;
  /** `sk_…`: server-side only; takes precedence over the publishable key. */
  secretKey?: string;
  /** Short-lived JWT signed by the host's backend (see `@micromentor/sdk/node`). */
  userToken?: string;
  fetch?: typeof fetch;
  /** Per call, including reading the body. Default 30 s. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

type Transport = (url: string, init: RequestInit) => Promise<Response>;

export class Micromentor implements Requester {
  readonly mentors: MentorsResource;
  readonly #baseUrl: string;
  readonly #apiKey: string;
  readonly #fetch: Transport;
  readonly #timeoutMs: number;
  #userToken: string | undefined;

  constructor(options: MicromentorOptions) {
    const apiKey = options.secretKey || options.publishableKey;
    if (!apiKey) throw new TypeError('Micromentor: pass a publishableKey or a secretKey.');
    // Throws early on a malformed base URL rather than on the first call.
    new URL(options.baseUrl);
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
      throw new RangeError('Micromentor: timeoutMs must be a positive number.');
    }
    this.#baseUrl = options.baseUrl;
    this.#apiKey = apiKey;
    // Wrapped, not stored bare: calling a native fetch with `this` set to the client throws
    // "Illegal invocation" in browsers, and a polyfill installed later is still picked up.
    const custom = options.fetch;
    this.#fetch = custom ? (url, init) => custom(url, init) : (url, init) => globalThis.fetch(url, init);
    this.#timeoutMs = timeoutMs;
    this.#userToken = options.userToken || undefined;
    this.mentors = new MentorsResource(this);
  }

  /** Sets or clears (with `undefined`) the user token sent as `X-User-Token`. */
  setUserToken(token: string | undefined): void {
    this.#userToken = token || undefined;
  }

  /** The tenant behind the key and, when a user token is set, the user. */
  me(options: { signal?: AbortSignal } = {}): Promise<Me> {
    return this.request<Me>('GET', '/v1/me', { signal: options.signal });
  }

  /** @internal Transport shared by the resources; not part of the public API. */
  async request<T>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
    const url = buildUrl(this.#baseUrl, path, options.query);
    const headers = new Headers({ Accept: 'application/json, application/problem+json' });
    headers.set('Authorization', `Bearer ${this.#apiKey}`);
    if (this.#userToken) headers.set('X-User-Token', this.#userToken);
    const hasBody = options.body !== undefined;
    if (hasBody) headers.set('Content-Type', 'application/json');

    const deadline = createDeadline(this.#timeoutMs, options.signal);
    let response: Response;
    let text: string;
    try {
      response = await this.#fetch(url, {
        method,
        headers,
        body: hasBody ? JSON.stringify(options.body) : null,
        signal: deadline.signal,
      });
      text = await response.text();
    } catch (error) {
      if (deadline.timedOut()) {
        throw new ConnectionError(
          'timeout',
          `${method} ${path} timed out after ${this.#timeoutMs} ms.`,
          error,
        );
      }
      // The caller's own abort is not a connection problem: let it surface unchanged.
      if (options.signal?.aborted) throw error;
      throw new ConnectionError(
        'connection_failed',
        `${method} ${path} failed: could not reach the API.`,
        error,
      );
    } finally {
      deadline.dispose();
    }

    if (!response.ok) throw errorFor(response, text);
    if (text === '') return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new MicromentorError({
        message: `${method} ${path} answered ${response.status} with a body that is not JSON.`,
        status: response.status,
        code: 'invalid_response',
        requestId: response.headers.get('x-request-id'),
        problem: null,
        cause: error,
      });
    }
  }
}

function errorFor(response: Response, text: string): MicromentorError {
  const headerRequestId = response.headers.get('x-request-id');
  let body: unknown = null;
  if (/[/+]json\b/i.test(response.headers.get('content-type') ?? '')) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  return errorFromResponse(response.status, parseProblem(body, response.status, headerRequestId), {
    requestId: headerRequestId,
    statusText: response.statusText,
  });
}
