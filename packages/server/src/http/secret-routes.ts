import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './env.js';
import { ApiError } from './errors.js';

/**
 * Routes whose answer carries a secret (a new key, a webhook signing secret): the answer is
 * never cached (`no-store`), and `atomic` keeps its Idempotency-Key replay sealed instead of in
 * clear. Declared once per route (`adminRoute({ revealsSecret: true })`), not in handlers.
 */
export const secretAnswer = createMiddleware<AppEnv>(async (c, next) => {
  c.set('secretAnswer', true);
  await next();
  c.res.headers.set('Cache-Control', 'no-store');
});

/** What a browser-held credential is told on a secret-key-only route: where to do it instead. */
export const SECRET_KEY_ONLY_DETAIL =
  'This call reveals a server-side secret (the secret key or the identity secret, which signs any ' +
  'user’s token), so it needs the secret key, server to server; a browser’s key and admin token ' +
  'may not make it. Use the CLI on the server (`micromentor keys rotate --tenant <id> --kind ' +
  'secret|identity|publishable`) or the SDK with the secret key (`admin.keys.rotate({ kind })`).';

/**
 * The secret key only, even for an admin's token: the answer is a credential to the whole tenant
 * that must never reach a browser (`adminRoute({ secretKeyOnly: true })`, which also documents it).
 */
export const requireSecretKeyForSecrets = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get('auth').keyKind !== 'secret') {
    throw new ApiError(403, 'secret_key_required', SECRET_KEY_ONLY_DETAIL);
  }
  await next();
});
