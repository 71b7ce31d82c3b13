import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  ConflictError,
  errorFromResponse,
  MicromentorError,
  NotFoundError,
  PermissionError,
  type ProblemDetails,
  RateLimitError,
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
    [409, 'slot_unavailable', ConflictError],
    [429, 'rate_limited', RateLimitError],
  ])('maps %i %s to its class', (status, code, ErrorClass) => {
    const error = errorFromResponse(status, problem(status, code));
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(MicromentorError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(ErrorClass.name);
    expect(error).toMatchObject({ status, code, requestId: `req_${status}`, message: `Detail ${code}` });
  });

  it('keeps a 422 that is not a validation failure generic', () => {
    const error = errorFromResponse(422, problem(422, 'idempotency_key_reused'));
    expect(error.constructor).toBe(MicromentorError);
    expect(error.code).toBe('idempotency_key_reused');
  });

  it('describes a response without a problem body by its status', () => {
    const error = errorFromResponse(502, null, { requestId: 'req_hdr', statusText: 'Bad Gateway' });
    expect(error.constructor).toBe(MicromentorError);
    expect(error).toMatchObject({ status: 502, code: 'http_502', requestId: 'req_hdr', problem: null });
    expect(error.message).toBe('HTTP 502 Bad Gateway');
  });
});
