import { ConnectionError, errorFromResponse, MicromentorError, TimeoutError } from './errors.js';
import { createDeadline } from './internal/deadline.js';
import { parseProblem } from './internal/problem.js';
import { backoffMs, isRetryableStatus, parseRetryAfter, sleep } from './internal/retry.js';
import { buildUrl } from './internal/url.js';
import { randomId } from './internal/uuid.js';
import type { HttpMethod, Requester, RequestOptions } from './request.js';
import { type ActionItemsResource, actionItemsResource } from './resources/action-items.js';
import {
  type BookingsCoreResource,
  type BookingsResource,
  bookingsCoreResource,
  bookingsResource,
} from './resources/bookings.js';
import { type EventsResource, eventsResource } from './resources/events.js';
import { type GuestSessionsResource, guestSessionsResource } from './resources/guest-sessions.js';
import { type MeCoreResource, type MeResource, meCoreResource, meResource } from './resources/me.js';
import {
  type MentorsCoreResource,
  type MentorsResource,
  mentorsCoreResource,
  mentorsResource,
} from './resources/mentors.js';
import { type ProgramQueueResource, programQueueResource } from './resources/program-queue.js';
import { type RecognitionResource, recognitionResource } from './resources/recognition.js';
import { type ReportsResource, reportsResource } from './resources/reports.js';
import {
  type RequestsCoreResource,
  type RequestsResource,
  requestsCoreResource,
  requestsResource,
} from './resources/requests.js';
import {
  type ThreadsCoreResource,
  type ThreadsResource,
  threadsCoreResource,
  threadsResource,
} from './resources/threads.js';

export interface RetryOptions {
  /** The first backoff step: retry n waits between half and all of `baseDelayMs · 2ⁿ`. Default 500. */
  baseDelayMs?: number;
  /**
   * The longest single wait, a server's `Retry-After` included. When the server asks for longer,
   * the call is not retried: the error is thrown with `retryAfterMs` for you to schedule. Default 10 000.
   */
  maxDelayMs?: number;
  /** Source of the jitter, in [0, 1). Default `Math.random`. */
  random?: () => number;
}

export interface MicromentorOptions {
  /** Origin (and optional path prefix) of the API, e.g. `https://mentors.example.com`. */
  baseUrl: string;
  /** `pk_…`: for browsers, user-level calls together with a user token. */
  publishableKey?: string;
  /** `sk_…`: server-side only; takes precedence over the publishable key. */
  secretKey?: string;
  /** Short-lived JWT signed by the host's backend (see `@micromentor/sdk/node`). */
  userToken?: string;
  /** A `fetch` to use instead of the global one (a proxy agent, instrumentation, tests). */
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  /** A call's whole budget in ms, retries and waits included. Default 30 000. */
  timeoutMs?: number;
  /** Retries after a network error, a 5xx or a 429. Default 2; 0 turns them off. */
  maxRetries?: number;
  retry?: RetryOptions;
  /**
   * Renews the user token: called (one call at a time) before a request when there is no
   * token, and when the API refuses it (401, e.g. expired), after which the call is sent
   * again once. Return the new token, or nothing to go on without one.
   */
  userTokenProvider?: UserTokenProvider;
}

export type UserTokenProvider = () => Promise<string | null | undefined> | string | null | undefined;

const ACCEPT = 'application/json, application/problem+json';

/**
 * The client's core: transport (auth, timeouts, retries, idempotency keys) and the resources a
 * learner's widget needs. Bundles that must stay small (the learner widget) build this one; the
 * rest of the API is on `Micromentor`.
 */
export class MicromentorCore implements Requester {
  // The resources are `declare`d: the constructor sets them, and field declarations would only
  // add bytes to every browser bundle.
  /** Mentor profiles, their availability and free slots. */
  declare readonly mentors: MentorsCoreResource;
  /** Learners' help requests and their ranked matches. */
  declare readonly requests: RequestsCoreResource;
  /** Sessions: book, list, cancel, reschedule, calendar files. */
  declare readonly bookings: BookingsCoreResource;
  /** The caller: tenant, user, mentor profile. */
  declare readonly me: MeCoreResource;
  /** User tokens for learners without a host login (when the program allows guests). */
  declare readonly guestSessions: GuestSessionsResource;
  /** A learner's "message instead": the thread of a request with one of its matched mentors. */
  declare readonly threads: ThreadsCoreResource;
  readonly #baseUrl: string;
  readonly #apiKey: string;
  readonly #fetch: (url: string, init: RequestInit) => Promise<Response>;
  readonly #timeoutMs: number;
  readonly #maxRetries: number;
  readonly #retry: Required<RetryOptions>;
  #userToken: string | undefined;
  #tokenProvider: UserTokenProvider | undefined;
  #renewing: Promise<void> | undefined;

  constructor(options: MicromentorOptions) {
    const apiKey = options.secretKey || options.publishableKey;
    if (!apiKey) throw new TypeError('Micromentor: pass a publishableKey or a secretKey.');
    // Throws early on a malformed base URL rather than on the first call.
    new URL(options.baseUrl);
    const { timeoutMs = 30_000, maxRetries = 2, retry = {} } = options;
    if (!(timeoutMs > 0)) throw new RangeError('Micromentor: timeoutMs must be a positive number.');
    if (!Number.isInteger(maxRetries) || maxRetries < 0) {
      throw new RangeError('Micromentor: maxRetries must be a whole number ≥ 0.');
    }
    this.#baseUrl = options.baseUrl;
    this.#apiKey = apiKey;
    // Wrapped, not stored bare: calling a native fetch with `this` set to the client throws
    // "Illegal invocation" in browsers, and a polyfill installed later is still picked up.
    const custom = options.fetch;
    this.#fetch = custom ? (url, init) => custom(url, init) : (url, init) => globalThis.fetch(url, init);
    this.#timeoutMs = timeoutMs;
    this.#maxRetries = maxRetries;
    this.#retry = { baseDelayMs: 500, maxDelayMs: 10_000, random: Math.random, ...retry };
    this.#userToken = options.userToken || undefined;
    this.#tokenProvider = options.userTokenProvider;
    this.mentors = mentorsCoreResource(this);
    this.requests = requestsCoreResource(this);
    this.bookings = bookingsCoreResource(this);
    this.me = meCoreResource(this);
    this.guestSessions = guestSessionsResource(this);
    this.threads = threadsCoreResource(this);
  }

  /** @internal Sets the auth headers of a call (the user token as it is now) and returns them. */
  protected auth(headers: Record<string, string>): Record<string, string> {
    headers.Authorization = `Bearer ${this.#apiKey}`;
    if (this.#userToken) headers['X-User-Token'] = this.#userToken;
    else delete headers['X-User-Token'];
    return headers;
  }

  /** @internal One bare HTTP exchange through the configured `fetch`. */
  protected send(url: string, init: RequestInit): Promise<Response> {
    return this.#fetch(url, init);
  }

  /** The user token sent as `X-User-Token` now (set, given, renewed or from a guest session), if any. */
  get userToken(): string | undefined {
    return this.#userToken;
  }

  /** Sets or clears (with `undefined`) the user token sent as `X-User-Token`. */
  setUserToken(token: string | undefined): void {
    this.#userToken = token || undefined;
  }

  /** Sets or clears the function that renews the user token (see `userTokenProvider`). */
  setUserTokenProvider(provider: UserTokenProvider | undefined): void {
    this.#tokenProvider = provider;
  }

  /** Asks the provider for a fresh token; concurrent calls share one renewal. */
  #renewToken(): Promise<void> {
    const provider = this.#tokenProvider;
    this.#renewing ??= (async () => {
      try {
        if (provider) this.setUserToken((await provider()) ?? undefined);
      } finally {
        this.#renewing = undefined;
      }
    })();
    return this.#renewing;
  }

  /** The absolute URL of an API path, e.g. `url('/openapi.json')`. */
  url(path: string): string {
    return buildUrl(this.#baseUrl, path);
  }

  /**
   * Calls any route, with the client's auth, timeout, retries and idempotency keys: for routes
   * newer than this SDK. Prefer the typed resources.
   */
  async request<T = unknown>(method: HttpMethod, path: string, options: RequestOptions = {}): Promise<T> {
    const url = buildUrl(this.#baseUrl, path, options.query);
    const canRenew = Boolean(this.#tokenProvider);
    if (canRenew && !this.#userToken) await this.#renewToken();
    const headers = this.auth({ Accept: ACCEPT });
    const body = options.body === undefined ? null : JSON.stringify(options.body);
    if (body !== null) headers['Content-Type'] = 'application/json';
    // Every call that changes something carries a key, so a retry after a lost answer replays
    // the first result instead of doing the thing twice; one key for all attempts of a call.
    if (method !== 'GET') headers['Idempotency-Key'] = options.idempotencyKey ?? randomId();

    const timeoutMs = options.timeoutMs ?? this.#timeoutMs;
    const maxRetries = options.maxRetries ?? this.#maxRetries;
    const { baseDelayMs, maxDelayMs, random } = this.#retry;
    const what = `${method} ${path}`;
    const deadline = createDeadline(timeoutMs, options.signal);
    const timeout = (cause?: unknown) => new TimeoutError(`${what} timed out after ${timeoutMs} ms.`, cause);
    let renewed = !canRenew;
    try {
      for (let attempt = 0; ; attempt++) {
        let failure: MicromentorError;
        try {
          const response = await this.send(url, { method, headers, body, signal: deadline.signal });
          const text = await response.text();
          if (response.ok) return read<T>(response, text, what, options.responseType);
          failure = errorFor(response, text);
          if (response.status === 401 && !renewed) {
            // Refused token: renew once and send again (not counted as a retry) — unless another
            // call renewed it while this one was on its way: then its new token is the answer.
            renewed = true;
            if (headers['X-User-Token'] === this.#userToken) await this.#renewToken();
            this.auth(headers);
            attempt--;
            continue;
          }
          if (!isRetryableStatus(response.status)) throw failure;
        } catch (error) {
          if (error instanceof MicromentorError) throw error;
          if (deadline.timedOut()) throw timeout(error);
          // The caller's own abort is not a connection problem: let it surface unchanged.
          if (options.signal?.aborted) throw error;
          failure = new ConnectionError(
            'connection_failed',
            `${what} failed: could not reach the API.`,
            error,
          );
        }
        const wait = Math.max(failure.retryAfterMs ?? 0, backoffMs(attempt, baseDelayMs, random));
        if (attempt >= maxRetries || wait > maxDelayMs || wait >= deadline.remaining()) throw failure;
        try {
          await sleep(wait, deadline.signal);
        } catch (error) {
          throw deadline.timedOut() ? timeout(error) : error;
        }
      }
    } finally {
      deadline.dispose();
    }
  }
}

function read<T>(response: Response, text: string, what: string, type: 'json' | 'text' | undefined): T {
  if (type === 'text') return text as T;
  if (text === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new MicromentorError({
      message: `${what} answered ${response.status} with a body that is not JSON.`,
      status: response.status,
      code: 'invalid_response',
      requestId: response.headers.get('x-request-id'),
      problem: null,
      cause: error,
    });
  }
}

function errorFor(response: Response, text: string): MicromentorError {
  const requestId = response.headers.get('x-request-id');
  let body: unknown = null;
  if (/[/+]json\b/i.test(response.headers.get('content-type') ?? '')) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  return errorFromResponse(response.status, parseProblem(body, response.status, requestId), {
    requestId,
    statusText: response.statusText,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), Date.now()),
  });
}

/** The whole API: the core plus conversations, live events, reports and the program's admin routes. */
export class Micromentor extends MicromentorCore {
  /** Learners' help requests, their matches, and mentors accepting or declining instant ones. */
  declare readonly requests: RequestsResource;
  /** Sessions, plus feedback and the mentor's notes afterwards. */
  declare readonly bookings: BookingsResource;
  /** The caller: tenant, user, own mentor profile and stats, board of advisors, offers, presence. */
  declare readonly me: MeResource;
  /** Mentor profiles (create, edit, delete with the secret key), availability and free slots. */
  declare readonly mentors: MentorsResource;
  /** The learner ticks off the action items from a session's notes. */
  declare readonly actionItems: ActionItemsResource;
  /** Learner–mentor conversations: threads, messages, read state. */
  declare readonly threads: ThreadsResource;
  /** Live events (server-sent) with automatic reconnect and resume. */
  declare readonly events: EventsResource;
  /** Learners' reports about mentors. */
  declare readonly reports: ReportsResource;
  /** Recognition: the mentor's record and verifiable credential, the program's leaderboard. */
  declare readonly recognition: RecognitionResource;
  /** Requests nobody fitted that wait for the program; approved mentors take them. */
  declare readonly programQueue: ProgramQueueResource;

  constructor(options: MicromentorOptions) {
    super(options);
    const full = this as {
      requests: RequestsResource;
      bookings: BookingsResource;
      me: MeResource;
      mentors: MentorsResource;
      threads: ThreadsResource;
    };
    full.mentors = mentorsResource(this);
    full.requests = requestsResource(this);
    full.bookings = bookingsResource(this);
    full.me = meResource(this);
    this.actionItems = actionItemsResource(this);
    full.threads = threadsResource(this);
    this.events = eventsResource(this);
    this.reports = reportsResource(this);
    this.recognition = recognitionResource(this);
    this.programQueue = programQueueResource(this);
  }

  /**
   * @internal A long-lived GET (the event stream) with the client's auth headers: no timeout, no
   * retries (the caller reconnects). Throws the API's error for a non-2xx answer.
   */
  async openStream(path: string, headers: Record<string, string>, signal: AbortSignal): Promise<Response> {
    const response = await this.send(this.url(path), {
      method: 'GET',
      headers: this.auth({ Accept: 'text/event-stream', ...headers }),
      signal,
    });
    if (!response.ok) throw errorFor(response, await response.text());
    return response;
  }
}
