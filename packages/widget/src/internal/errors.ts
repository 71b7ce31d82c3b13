import { MicromentorError } from '@micromentor/sdk';
import type { Messages } from '../i18n/index.js';
/** Thrown by `<mm-ask-expert>` when it has no publishable key to build a client from. */
export class SetupError extends Error {
  override name = 'SetupError';
}

/** The SDK's typed errors (by their status and code), in plain words for the learner. */
export function describeError(error: unknown, t: Messages): { code: string; message: string } {
  const e = t.errors;
  if (error instanceof SetupError) return { code: 'setup', message: e.setup };
  if (!(error instanceof MicromentorError)) return { code: 'unknown', message: e.generic };
  const { code, status } = error;
  const message =
    code === 'slot_unavailable'
      ? e.slotTaken
      : // booking_not_cancellable, booking_not_reschedulable: started, ended or cancelled meanwhile
        code.startsWith('booking_not_')
        ? e.notChangeable
        : ((
            {
              0: e.connection,
              400: e.validation,
              401: e.auth,
              403: e.permission,
              404: e.notFound,
              422: e.validation,
              429: e.rateLimited,
            } as Record<number, string>
          )[status] ?? e.generic);
  return { code, message };
}
