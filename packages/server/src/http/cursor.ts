import type { z } from 'zod';
import { ApiError } from './errors.js';

/** Cursors are opaque to clients: base64url JSON that we validate on the way back in. */
export function encodeCursor(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<T>(raw: string | undefined, schema: z.ZodType<T>): T | undefined {
  if (raw === undefined || raw === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    json = undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError(
      400,
      'invalid_cursor',
      'The cursor is not valid; pass `nextCursor` from the previous page unchanged.',
      [{ path: 'query.cursor', message: 'not a cursor this list issued' }],
    );
  }
  return parsed.data;
}

/** A page as every list answers it: the items and the next page's opaque cursor (null at the end). */
export function pageBody<T>(page: { data: T[]; next: object | null }): {
  data: T[];
  nextCursor: string | null;
} {
  return { data: page.data, nextCursor: page.next ? encodeCursor(page.next) : null };
}

/** A list's query with its `cursor` decoded (and checked) against the shape that list issues. */
export function withCursor<Q extends { cursor?: string | undefined }, T>(
  query: Q,
  schema: z.ZodType<T>,
): Omit<Q, 'cursor'> & { cursor: T | undefined } {
  return { ...query, cursor: decodeCursor(query.cursor, schema) };
}
