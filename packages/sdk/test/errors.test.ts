import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  ConflictError,
  ConnectionError,
  errorFromResponse,
  IdempotencyError,
  MicromentorError,
  NotFoundError,
  PermissionError,
  type ProblemDetails,
  RateLimitError,
  TimeoutError,
  ValidationError,
} from '../src/index.js';

function problem(status: number, code: string): ProblemDetails {
  return { status, code, title: 'Title', detail: `Detail ${code}`, requestId: `req_${status}` };
}

describe('errorFromResponse', () => {
  it.each([
    [400, 'validation_failed', ValidationError],
    [422, 'validation_failed', ValidationError],
    [401, 'unauthenticated', AuthenticationError],
    [403, 'forbidden', PermissionError],
    [404, 'not_found', NotFoundError],
    [400, 'invalid_cursor', ValidationError],
    [400, 'invalid_json', ValidationError],
    [409, 'slot_unavailable', ConflictError],
    [409, 'idempotency_in_progress', IdempotencyError],
    [422, 'idempotency_key_reused', IdempotencyError],
    [429, 'rate_limited', RateLimitError],
  ])('maps %i %s to its class', (status, code, ErrorClass) => {
    const error = errorFromResponse(status, problem(status, code));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(MicromentorError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(ErrorClass.name);
    expect(error).toMatchObject({ status, code, requestId: `req_${status}`, message: `Detail ${code}` });
  });

  it('keeps an unknown 4xx or a 5xx generic', () => {
    for (const [status, code] of [
      [418, 'teapot'],
      [500, 'internal'],
    ] as const) {
      const error = errorFromResponse(status, problem(status, code));
      expect(error.constructor).toBe(MicromentorError);
      expect(error.code).toBe(code);
    }
  });

  it('carries the Retry-After wait it was given', () => {
    const error = errorFromResponse(429, problem(429, 'rate_limited'), { retryAfterMs: 3000 });
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(3000);
    expect(errorFromResponse(404, problem(404, 'not_found')).retryAfterMs).toBeNull();
  });

  it('makes a timeout a kind of connection error', () => {
    const error = new TimeoutError('GET /v1/me timed out after 5 ms.');
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toBeInstanceOf(MicromentorError);
    expect(error).toMatchObject({ name: 'TimeoutError', status: 0, code: 'timeout', requestId: null });
  });

  it('describes a response without a problem body by its status', () => {
    const error = errorFromResponse(502, null, { requestId: 'req_hdr', statusText: 'Bad Gateway' });
    expect(error.constructor).toBe(MicromentorError);
    expect(error).toMatchObject({ status: 502, code: 'http_502', requestId: 'req_hdr', problem: null });
    expect(error.message).toBe('HTTP 502 Bad Gateway');
  });
});
