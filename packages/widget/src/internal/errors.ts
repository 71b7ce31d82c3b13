import {
  AuthenticationError,
  ConflictError,
  ConnectionError,
  MicromentorError,
  NotFoundError,
  PermissionError,
  RateLimitError,
  ValidationError,
} from '@micromentor/sdk';
import type { Messages } from '../i18n/index.js';

/** Thrown by `<mm-ask-expert>` when it has no publishable key to build a client from. */
export class SetupError extends Error {
  override name = 'SetupError';
}

/** The SDK's typed errors, in plain words for the learner. */
export function describeError(error: unknown, t: Messages): { code: string; message: string } {
  const e = t.errors;
  if (error instanceof SetupError) return { code: 'setup', message: e.setup };
  if (!(error instanceof MicromentorError)) return { code: 'unknown', message: e.generic };
  const message =
    error instanceof ConnectionError
      ? e.connection
      : error instanceof AuthenticationError
        ? e.auth
        : error instanceof PermissionError
          ? e.permission
          : error instanceof ValidationError
            ? e.validation
            : error instanceof ConflictError && error.code === 'slot_unavailable'
              ? e.slotTaken
              : error instanceof NotFoundError
                ? e.notFound
                : error instanceof RateLimitError
                  ? e.rateLimited
                  : e.generic;
  return { code: error.code, message };
}
