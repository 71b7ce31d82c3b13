/** One offending input field of a `validation_failed` problem. */
export interface ProblemFieldError {
  path: string;
  message: string;
}

/** The RFC 9457 body the server sends as `application/problem+json`. */
export interface ProblemDetails {
  type?: string;
  title: string;
  status: number;
  detail: string;
  /** Stable machine code, e.g. `slot_unavailable`. */
  code: string;
  requestId: string;
  errors?: ProblemFieldError[];
}

export interface MicromentorErrorInit {
  message: string;
  status: number;
  code: string;
  requestId: string | null;
  problem: ProblemDetails | null;
  cause?: unknown;
  /** From a `Retry-After` header, in milliseconds. */
  retryAfterMs?: number | null;
}

/** Every error the client throws for a failed call (a caller's own abort is rethrown as is). */
export class MicromentorError extends Error {
  override name = 'MicromentorError';
  // `declare`: the constructor sets each one, so no empty field declarations are emitted
  // (they would cost bytes in the browser bundle and change nothing).
  /** HTTP status; 0 when no response arrived. */
  declare readonly status: number;
  /** Stable machine code, e.g. `not_found`; `http_<status>` when the server sent no problem body. */
  declare readonly code: string;
  /** The server's request id (quote it in support requests); null when no response arrived. */
  declare readonly requestId: string | null;
  /** The server's problem+json body, or null when the response was not one. */
  declare readonly problem: ProblemDetails | null;
  /** How long the server asked us to wait before trying again (`Retry-After`), if it said. */
  declare readonly retryAfterMs: number | null;

  constructor(init: MicromentorErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.problem = init.problem;
    this.retryAfterMs = init.retryAfterMs ?? null;
  }
}

/** 400 or `validation_failed`: the input is wrong; `errors` lists the offending fields. */
export class ValidationError extends MicromentorError {
  override name = 'ValidationError';

  get errors(): ProblemFieldError[] {
    return this.problem?.errors ?? [];
  }
}

/** 401: missing or invalid key, or a missing, invalid or expired user token. */
export class AuthenticationError extends MicromentorError {
  override name = 'AuthenticationError';
}

/** 403: the key or user may not do this (e.g. `origin_not_allowed`, `secret_key_required`). */
export class PermissionError extends MicromentorError {
  override name = 'PermissionError';
}

/** 404: no such resource in this tenant. */
export class NotFoundError extends MicromentorError {
  override name = 'NotFoundError';
}

/** 409: conflicts with the current state, e.g. `slot_unavailable` (never retried). */
export class ConflictError extends MicromentorError {
  override name = 'ConflictError';
}

/** `idempotency_key_reused` (422) or `idempotency_in_progress` (409). */
export class IdempotencyError extends MicromentorError {
  override name = 'IdempotencyError';
}

/** 429, after the retries allowed; `retryAfterMs` says when to try again. */
export class RateLimitError extends MicromentorError {
  override name = 'RateLimitError';
}

export type ConnectionFailure = 'connection_failed' | 'timeout';

/** No HTTP response: the network failed (after the retries allowed) or the call timed out. */
export class ConnectionError extends MicromentorError {
  override name = 'ConnectionError';

  constructor(code: ConnectionFailure, message: string, cause?: unknown) {
    super({ message, status: 0, code, requestId: null, problem: null, cause });
  }
}

/** The call, retries and waits included, outlived its `timeoutMs`. */
export class TimeoutError extends ConnectionError {
  override name = 'TimeoutError';

  constructor(message: string, cause?: unknown) {
    super('timeout', message, cause);
  }
}

type ErrorClass = new (init: MicromentorErrorInit) => MicromentorError;

const BY_STATUS: Record<number, ErrorClass> = {
  400: ValidationError,
  401: AuthenticationError,
  403: PermissionError,
  404: NotFoundError,
  409: ConflictError,
  429: RateLimitError,
};

function classFor(status: number, code: string): ErrorClass {
  if (code.startsWith('idempotency_')) return IdempotencyError;
  if (code === 'validation_failed') return ValidationError;
  return BY_STATUS[status] ?? MicromentorError;
}

/** Builds the error for a non-2xx response; `problem` is null when the body was not problem+json. */
export function errorFromResponse(
  status: number,
  problem: ProblemDetails | null,
  fallback: { requestId?: string | null; statusText?: string; retryAfterMs?: number | null } = {},
): MicromentorError {
  const code = problem?.code ?? `http_${status}`;
  const message =
    problem?.detail ||
    problem?.title ||
    `HTTP ${status}${fallback.statusText ? ` ${fallback.statusText}` : ''}`;
  const requestId = problem?.requestId || fallback.requestId || null;
  const ErrorType = classFor(status, code);
  return new ErrorType({
    message,
    status,
    code,
    requestId,
    problem,
    retryAfterMs: fallback.retryAfterMs ?? null,
  });
}
