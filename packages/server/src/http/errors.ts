import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import {
  ConflictError,
  DomainError,
  type FieldIssue,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
} from '../domain/errors.js';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** RFC 9457 problem details, plus our stable `code`, the `requestId` and field errors. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  requestId: string;
  errors?: FieldIssue[];
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** An error the HTTP layer answers with as problem+json. Throw it from middleware and routes. */
export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    readonly detail: string,
    readonly fields?: FieldIssue[],
    readonly headers?: Record<string, string>,
  ) {
    super(status, { message: detail });
  }
}

export function validationError(error: ZodError, target: string): ApiError {
  const fields = error.issues.flatMap((issue) =>
    // An unknown field is named on its own path, so a client sees which field it may not send.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: [target, ...issue.path.map(String), key].join('.'),
          message: 'is not a field this request accepts',
        }))
      : [{ path: [target, ...issue.path.map(String)].join('.'), message: issue.message }],
  );
  const summary = fields
    .slice(0, 3)
    .map((f) => `${f.path}: ${f.message}`)
    .join('; ');
  // Only control characters in one-line fields (schemas/common.ts ONE_LINE): the hook's own code.
  const code = error.issues.every(
    (issue) => issue.code === 'custom' && issue.params?.code === 'invalid_characters',
  )
    ? 'invalid_characters'
    : 'validation_failed';
  return new ApiError(400, code, `The request is not valid. ${summary}`, fields);
}

export function problemResponse(c: Context, error: ApiError): Response {
  const requestId = c.get('requestId') ?? 'unknown';
  const body: Problem = {
    type: `/docs#error-${error.code}`,
    title: TITLES[error.status] ?? 'Error',
    status: error.status,
    detail: error.detail,
    code: error.code,
    requestId,
    ...(error.fields?.length ? { errors: error.fields } : {}),
  };
  return new Response(JSON.stringify(body), {
    status: error.status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, ...error.headers },
  });
}

function fromDomain(error: DomainError): ApiError {
  if (error instanceof NotFoundError) return new ApiError(404, error.code, error.message);
  if (error instanceof ConflictError) return new ApiError(409, error.code, error.message);
  if (error instanceof ForbiddenError) return new ApiError(403, error.code, error.message);
  if (error instanceof InvalidInputError) return new ApiError(400, error.code, error.message, error.fields);
  return new ApiError(400, error.code, error.message);
}

interface PgError {
  code: string;
  message: string;
}

function isPgError(error: unknown): error is PgError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    /^[0-9A-Z]{5}$/.test((error as { code: string }).code)
  );
}

/** Database errors that mean "your input", not "our bug". */
function fromDatabase(error: PgError): ApiError | undefined {
  switch (error.code) {
    case '23505':
      return new ApiError(409, 'conflict', 'A resource with these unique fields already exists.');
    case '23P01':
      return new ApiError(409, 'slot_unavailable', 'That time is no longer available.');
    case '22P02':
    case '22007':
    case '22008':
      return new ApiError(400, 'validation_failed', 'A value in the request has an invalid format.');
    default:
      return undefined;
  }
}

export function toApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (error instanceof DomainError) return fromDomain(error);
  if (error instanceof HTTPException) {
    if (error.status === 413)
      return new ApiError(413, 'payload_too_large', 'The request body is larger than 64 KB.');
    if (error.status === 415) {
      return new ApiError(415, 'unsupported_media_type', 'Send the request body as application/json.');
    }
    if (error.status === 400) {
      return new ApiError(400, 'invalid_json', `The request body is not valid JSON: ${error.message}`);
    }
    return new ApiError(error.status as ContentfulStatusCode, 'http_error', error.message);
  }
  if (isPgError(error)) return fromDatabase(error);
  return undefined;
}

export type ErrorLogger = (event: { requestId: string; error: unknown }) => void;

/** The one place errors become responses. Unknown errors are logged and answered as 500. */
export function errorHandler(logError: ErrorLogger): ErrorHandler {
  return (error, c) => {
    const known = toApiError(error);
    if (known) return problemResponse(c, known);
    logError({ requestId: c.get('requestId') ?? 'unknown', error });
    return problemResponse(
      c,
      new ApiError(500, 'internal_error', 'Something went wrong on our side. It was logged.'),
    );
  };
}

export const notFoundHandler: NotFoundHandler = (c) =>
  problemResponse(c, new ApiError(404, 'route_not_found', `No route matches ${c.req.method} ${c.req.path}.`));
