import type { ProblemDetails, ProblemFieldError } from '../errors.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldErrors(value: unknown): ProblemFieldError[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value
    .filter(isRecord)
    .map((e) => ({ path: String(e.path ?? ''), message: String(e.message ?? '') }));
}

/**
 * Reads a problem+json body defensively: a proxy or an older server may answer with
 * something else, and a bad error body must not hide the real failure behind a TypeError.
 */
export function parseProblem(
  body: unknown,
  status: number,
  headerRequestId: string | null,
): ProblemDetails | null {
  if (!isRecord(body) || typeof body.title !== 'string' || typeof body.code !== 'string') return null;
  const errors = fieldErrors(body.errors);
  return {
    ...(typeof body.type === 'string' ? { type: body.type } : {}),
    title: body.title,
    status: typeof body.status === 'number' ? body.status : status,
    detail: typeof body.detail === 'string' ? body.detail : body.title,
    code: body.code,
    requestId: typeof body.requestId === 'string' ? body.requestId : (headerRequestId ?? ''),
    ...(errors ? { errors } : {}),
  };
}
