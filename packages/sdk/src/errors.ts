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
}

/** Every error the client throws for a failed call (a caller's own abort is rethrown as is). */
export class MicromentorError extends Error {
  override name = 'MicromentorError';
  /** HTTP status; 0 when no response arrived. */
  readonly status: number;
  /** Stable machine code, e.g. `not_found`; `http_<status>` when the server sent no problem body. */
  readonly code: string;
  readonly requestId: string | null;
  /** The server's problem+json body, or null when the response was not one. */
  readonly problem: ProblemDetails | null;

  constructor(init: MicromentorErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.requestId = init.requestId;
    this.problem = init.problem;
  }
}

export class ValidationError extends MicromentorError {
  override name = 'ValidationError';

  get errors(): ProblemFieldError[] {
    return this.problem?.errors ?? [];
  }
}

export class AuthenticationError extends MicromentorError {
  override name = 'AuthenticationError';
}

export class PermissionError extends MicromentorError {
  override name = 'PermissionError';
}

export class NotFoundError extends MicromentorError {
  override name = 'NotFoundError';
}

export class ConflictError extends MicromentorError {
  override name = 'ConflictError';
}

export class RateLimitError extends MicromentorError {
  override name = 'RateLimitError';
}

export type ConnectionFailure = 'connection_failed' | 'timeout';

/** No HTTP response: the network failed or the call outlived `timeoutMs`. */
export class ConnectionError extends MicromentorError {
  override name = 'ConnectionError';

  constructor(code: ConnectionFailure, message: string, cause?: unknown) {
    super({ message, status: 0, code, requestId: null, problem: null, cause });
  }
}

type ErrorClass = new (init: MicromentorErrorInit) => MicromentorError;

function classFor(status: number, code: string): ErrorClass {
  // 422 alone is not enough: `idempotency_key_reused` is a 422 too.
  if ((status === 400 || status === 422) && code === 'validation_failed') return ValidationError;
  switch (status) {
    case 401:
      return AuthenticationError;
    case 403:
      return PermissionError;
    case 404:
      return NotFoundError;
    case 409:
      return ConflictError;
    case 429:
      return RateLimitError;
    default:
      return MicromentorError;
  }
}

/** Builds the error for a non-2xx response; `problem` is null when the body was not problem+json. */
export function errorFromResponse(
  status: number,
  problem: ProblemDetails | null,
  fallback: { requestId?: string | null; statusText?: string } = {},
): MicromentorError {
  const code = problem?.code ?? `http_${status}`;
  const message =
    problem?.detail ||
    problem?.title ||
    `HTTP ${status}${fallback.statusText ? ` ${fallback.statusText}` : ''}`;
  const requestId = problem?.requestId || fallback.requestId || null;
  const ErrorType = classFor(status, code);
  return new ErrorType({ message, status, code, requestId, problem });
}
