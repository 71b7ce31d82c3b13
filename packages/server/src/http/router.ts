import { OpenAPIHono } from '@hono/zod-openapi';
import { refusedCharacter, type TextKind } from '../security/control-characters.js';
import type { AppEnv } from './env.js';
import { ApiError, validationError } from './errors.js';

/** How the validation targets are named in error paths (`body.title`, `query.q`, `param.id`). */
const TARGET_NAMES: Record<string, string> = { json: 'body', form: 'body' };

/**
 * The first string in a validated input (object keys included) holding a character it may not,
 * with its path. Bodies are multi-line text (tab, LF and CR allowed); path, query and header
 * values are one line.
 */
function findRefused(
  value: unknown,
  kind: TextKind,
  path: string[],
): { path: string; character: string } | null {
  if (typeof value === 'string') {
    const character = refusedCharacter(value, kind);
    return character ? { path: path.join('.'), character } : null;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findRefused(item, kind, [...path, String(index)]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      const found =
        findRefused(key, 'single-line', [...path, key]) ?? findRefused(item, kind, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/**
 * The one check on hostile text in requests: every string that passed a route's schema (body,
 * path, query, headers) is refused with 400 `invalid_characters` when it holds NUL or another
 * character `security/control-characters.ts` refuses, before any handler can store it.
 */
function refuseHostileText(target: string, data: unknown): void {
  const kind: TextKind = target === 'json' || target === 'form' ? 'multi-line' : 'single-line';
  const found = findRefused(data, kind, [TARGET_NAMES[target] ?? target]);
  if (!found) return;
  const allowed = kind === 'multi-line' ? ' (tab and line breaks aside)' : '';
  throw new ApiError(
    400,
    'invalid_characters',
    `${found.path} holds ${found.character}: text may not contain control characters${allowed}.`,
    [{ path: found.path, message: `must not contain control characters${allowed}` }],
  );
}

/**
 * A sub-app whose schema failures all become one `validation_failed` problem, and whose validated
 * input is checked for hostile text (`invalid_characters`).
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success)
        throw validationError(result.error, result.target === 'json' ? 'body' : result.target);
      refuseHostileText(result.target, result.data);
    },
  });
}
