import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { claimIdempotencyKey, findIdempotencyRecord, saveIdempotentResponse } from '../db/idempotency.js';
import type { SecretBox } from '../security/keys.js';
import type { AppEnv } from './env.js';
import { ApiError } from './errors.js';

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const REPLAYED_HEADERS = ['content-type', 'location'];

class Rollback extends Error {}

/** The database a handler must use: the request's transaction when there is one. */
export function dbOf(c: Context<AppEnv>): Kysely<Database> {
  return c.get('trx') ?? c.get('deps').db;
}

/**
 * Runs the rest of the request in one transaction that commits only on a 2xx answer, so a
 * failed request changes nothing. With an `Idempotency-Key`, the key is claimed inside that
 * same transaction: a concurrent request with the same key waits on the key's unique index
 * and then replays the committed response; the same key with another body (or another
 * caller) is refused; a failed request leaves no key behind, so it can be fixed and resent.
 */
export const atomic = createMiddleware<AppEnv>(async (c, next) => {
  const deps = c.get('deps');
  const key = c.req.header('idempotency-key');
  if (key !== undefined && !KEY_PATTERN.test(key)) {
    throw new ApiError(
      400,
      'validation_failed',
      'Idempotency-Key must be 1–255 printable ASCII characters.',
      [{ path: 'header.idempotency-key', message: 'must be 1–255 printable ASCII characters' }],
    );
  }
  const auth = c.get('auth');
  const now = deps.clock.now();
  const body = key === undefined ? '' : await c.req.text();
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([c.req.method, c.req.path, auth.keyKind, auth.user?.id ?? null, body]))
    .digest('hex');

  try {
    await deps.db.transaction().execute(async (trx) => {
      c.set('trx', trx);
      if (key !== undefined) {
        const claimed = await claimIdempotencyKey(trx, {
          tenantId: auth.tenant.id,
          key,
          fingerprint,
          now,
          ttlMs: IDEMPOTENCY_TTL_MS,
        });
        if (!claimed) {
          const record = await findIdempotencyRecord(trx, auth.tenant.id, key);
          if (!record)
            throw new ApiError(
              409,
              'idempotency_in_progress',
              'A request with this Idempotency-Key is still running; retry shortly.',
            );
          if (record.fingerprint !== fingerprint) {
            throw new ApiError(
              422,
              'idempotency_key_reused',
              'This Idempotency-Key was already used for a different request; use a new key for a new request.',
            );
          }
          c.res = new Response(replayBody(deps.secretBox, record), {
            status: record.response_status,
            headers: { ...record.response_headers, 'Idempotent-Replayed': 'true' },
          });
          return;
        }
      }
      await next();
      if (c.error || c.res.status < 200 || c.res.status >= 300) throw new Rollback();
      if (key !== undefined) {
        const headers: Record<string, string> = {};
        for (const name of REPLAYED_HEADERS) {
          const value = c.res.headers.get(name);
          if (value !== null) headers[name] = value;
        }
        await saveIdempotentResponse(trx, {
          tenantId: auth.tenant.id,
          key,
          status: c.res.status,
          headers,
          ...storedBody(deps.secretBox, await c.res.clone().text(), c.get('secretAnswer') === true),
        });
      }
    });
  } catch (error) {
    if (error instanceof Rollback) return;
    // Waited too long behind another request holding the same key (PostgreSQL lock_timeout).
    if ((error as { code?: string }).code === '55P03') {
      throw new ApiError(
        409,
        'idempotency_in_progress',
        'A request with this Idempotency-Key is still running; retry shortly.',
      );
    }
    throw error;
  } finally {
    c.set('trx', undefined);
  }
});

/**
 * How a response is kept for its replay. One that carries a secret (its route says so with
 * `secretAnswer`) is sealed with the SecretBox that seals identity and webhook secrets: a retry
 * after a lost answer (the SDK sends an Idempotency-Key with every write and retries) still gets
 * the secret it never saw, while the table holds only ciphertext for the key's 24 hours. Without a
 * server key (MICROMENTOR_SECRET_KEY unset) the box could only mark it `plain:`, so the body is
 * not kept at all and the replay says the secret was shown once (`secret_shown_once`).
 */
function storedBody(
  box: SecretBox,
  body: string,
  secret: boolean,
): { body: string; secret: 'sealed' | 'withheld' | null } {
  if (!secret) return { body, secret: null };
  return box.encrypts ? { body: box.seal(body), secret: 'sealed' } : { body: '', secret: 'withheld' };
}

function replayBody(
  box: SecretBox,
  record: { response_body: string; response_secret: 'sealed' | 'withheld' | null },
): string {
  if (record.response_secret === null) return record.response_body;
  if (record.response_secret === 'sealed' && box.encrypts) {
    try {
      return box.open(record.response_body);
    } catch {
      // Sealed under a server key since replaced: as good as withheld.
    }
  }
  throw new ApiError(
    409,
    'secret_shown_once',
    'This request already succeeded with this Idempotency-Key; its answer carried a secret, which is ' +
      'shown only once and was not kept. Send a new request (with a new key) to get a new secret.',
  );
}

/** The database and clock for domain calls from a handler (inside the request's transaction). */
export function ctx(c: Context<AppEnv>) {
  const deps = c.get('deps');
  return { db: dbOf(c), clock: deps.clock, semantic: deps.semantic ?? null };
}
