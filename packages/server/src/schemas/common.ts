import { z } from '@hono/zod-openapi';
import { isSingleLine } from '../security/control-characters.js';

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().openapi({ description: 'Stable machine-readable error code.' }),
    requestId: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details.' });

/**
 * For one-line text fields (names, titles, labels, identifiers): `.refine(isSingleLine, ONE_LINE)`.
 * Every string of a request is already checked for NUL and other non-printing characters by the
 * validation hook (`http/router.ts`); one-line fields refuse line breaks and all other control
 * characters too, with the same `invalid_characters` code.
 */
export { isSingleLine };
export const ONE_LINE = {
  message: 'must be one line of text, without control characters',
  params: { code: 'invalid_characters' },
} as const;

export const IdSchema = z
  .uuid({ message: 'must be a valid id' })
  .openapi({ example: '0b7c3d1e-6f5a-4c2b-9a8e-1d2c3b4a5f60' });

export const IdParamSchema = z.strictObject({
  id: IdSchema.openapi({ param: { name: 'id', in: 'path' } }),
});

export const LimitSchema = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .max(100, 'must be at most 100')
  .default(20)
  .openapi({ param: { name: 'limit', in: 'query' }, description: 'Page size, 1–100 (default 20).' });

export const CursorSchema = z
  .string()
  .max(512)
  .optional()
  .openapi({ param: { name: 'cursor', in: 'query' }, description: 'Opaque cursor from `nextCursor`.' });

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    nextCursor: z.string().nullable(),
  });
}

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** Error responses every authenticated route can give. */
export const commonErrors = {
  400: problem(
    'The input is not valid (`validation_failed`, `invalid_characters`, `invalid_json`, `invalid_cursor`).',
  ),
  401: problem('Missing or invalid key or user token.'),
  403: problem('The key or user may not do this (`origin_not_allowed`, `secret_key_required`, `forbidden`).'),
  413: problem('The request body is larger than 64 KB.'),
  415: problem('The body is not application/json.'),
  429: problem('Too many requests (`rate_limited`); wait for `Retry-After` seconds.'),
} as const;

export const notFoundError = { 404: problem('No such resource in this tenant (`not_found`).') } as const;
export const conflictError = { 409: problem('Conflicts with the current state (see `code`).') } as const;
/** A problem+json answer with its own description (e.g. a route's specific 503 or 429). */
export const problemResponse = (description: string) => problem(description);

/** Security requirement objects for the OpenAPI document. */
type Security = Record<string, string[]>[];
export const SECRET_ONLY: Security = [{ secretKey: [] }];
export const USER_LEVEL: Security = [
  { publishableKey: [], userToken: [] },
  { secretKey: [], userToken: [] },
];
export const ANY_KEY: Security = [
  { secretKey: [] },
  { publishableKey: [] },
  { publishableKey: [], userToken: [] },
];

/** Documents the optional Idempotency-Key on creating POSTs (checked by http/atomic.ts). */
export const IdempotencyHeaderSchema = z.object({
  'idempotency-key': z
    .string()
    .optional()
    .openapi({
      param: { name: 'idempotency-key', in: 'header' },
      description: 'Same key + same body within 24 h → the first response replayed; another body → 422.',
    }),
});

/** An OpenAPI JSON response with its schema. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A required OpenAPI JSON request body (its media type gate answers 415 otherwise). */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});

/**
 * An optional OpenAPI JSON request body: without one (no Content-Type) the handler gets `{}`,
 * so it must apply the schema's defaults itself.
 */
export const optionalJsonBody = <T extends z.ZodType>(schema: T) => ({
  required: false,
  content: { 'application/json': { schema } },
});

/**
 * Who may call a route, for the OpenAPI document and the security suite: `public` = a
 * publishable key with no user token; `learner`/`mentor`/`admin` = a publishable key with a user
 * token carrying that role (none for a learner); `secret` = the secret key alone.
 */
export const ROLES = ['public', 'learner', 'mentor', 'admin', 'secret'] as const;
export type Role = (typeof ROLES)[number];

/**
 * A route's `security` and its `x-roles` from one list of roles: the single declaration of who
 * may call it. `test/security` calls every operation as each role and fails when the route's
 * middleware disagrees, or when a route declares nothing.
 */
export function access(...roles: Role[]): { security: Security; 'x-roles': Role[] } {
  const security: Security = [];
  if (roles.includes('secret')) security.push({ secretKey: [] });
  if (roles.includes('public')) security.push({ publishableKey: [] });
  if (roles.some((r) => r === 'learner' || r === 'mentor' || r === 'admin')) security.push(...USER_LEVEL);
  return { security, 'x-roles': roles };
}

/** Any caller with a key: anonymous browser, any user, the program. */
export const EVERYONE = access('public', 'learner', 'mentor', 'admin', 'secret');
/** Any signed-in user (learner, mentor or admin token). */
export const ANY_USER = access('learner', 'mentor', 'admin');
/** Any signed-in user, or the program with its secret key. */
export const USER_OR_SECRET = access('learner', 'mentor', 'admin', 'secret');
/** The program: its secret key or an admin's token. */
export const PROGRAM = access('admin', 'secret');
/** The secret key only. */
export const SECRET = access('secret');
/**
 * The secret key only, because the answer is a credential to the whole tenant (a new secret key
 * or identity secret) that must never reach a browser, even an admin's.
 */
export const SECRET_KEY_ONLY = { ...access('secret'), 'x-secret-key-only': true } as const;
