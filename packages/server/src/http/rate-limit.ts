import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { AppEnv } from './env.js';
import { ApiError } from './errors.js';

export interface RateLimitConfig {
  /** Requests per window from one client IP with one publishable key (browsers). */
  perKeyIp: number;
  /** Writes (not GET/HEAD) per window by one user, whatever the key. */
  perUserWrites: number;
  windowSeconds: number;
  /** Take the client IP from the first `X-Forwarded-For` entry (behind a proxy you run). */
  trustProxy: boolean;
}

export const DEFAULT_RATE_LIMITS: RateLimitConfig = {
  perKeyIp: 600,
  perUserWrites: 120,
  windowSeconds: 60,
  trustProxy: false,
};

/** About one request in this many also deletes counters of windows long gone. */
const PRUNE_EVERY = 200;

/** The caller's address: the socket's, or behind a trusted proxy the forwarded one (also for the audit log). */
export function clientIp(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

const digest = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 22);

/**
 * Counts this request in each of its windows and returns the highest count relative to its
 * limit. One statement, so several server processes on one database share the counters exactly:
 * `insert … on conflict do update set count = count + 1 returning count`.
 */
async function hit(
  db: Kysely<Database>,
  windowStart: Date,
  counters: { key: string; limit: number }[],
): Promise<{ key: string; limit: number; count: number }[]> {
  const rows = await db
    .insertInto('rate_limits')
    .values(counters.map((c) => ({ key: c.key, window_start: windowStart, count: 1 })))
    .onConflict((oc) =>
      oc.columns(['key', 'window_start']).doUpdateSet({ count: sql`rate_limits.count + 1` }),
    )
    .returning(['key', 'count'])
    .execute();
  return rows.map((r) => ({ ...r, limit: counters.find((c) => c.key === r.key)!.limit }));
}

/**
 * Fixed-window rate limits kept in PostgreSQL: per publishable key + client IP on every call,
 * per user on writes. Over the limit: 429 `rate_limited` with `Retry-After` (seconds to the next
 * window). The secret key alone (the tenant's own servers) is not limited here.
 */
export function rateLimit(config: RateLimitConfig) {
  const windowMs = config.windowSeconds * 1000;
  return createMiddleware<AppEnv>(async (c, next) => {
    const { db, clock } = c.get('deps');
    const auth = c.get('auth');
    const counters: { key: string; limit: number }[] = [];
    if (auth.keyKind === 'publishable') {
      const key = digest(c.req.header('authorization') ?? '');
      counters.push({ key: `ip:${key}:${clientIp(c, config.trustProxy)}`, limit: config.perKeyIp });
    }
    if (auth.user && c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      counters.push({ key: `user:${auth.user.id}`, limit: config.perUserWrites });
    }
    if (counters.length === 0) return next();

    const now = clock.now().getTime();
    const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
    const counts = await hit(db, windowStart, counters);
    if (Math.floor(Math.random() * PRUNE_EVERY) === 0) {
      await db
        .deleteFrom('rate_limits')
        .where('window_start', '<', new Date(windowStart.getTime() - windowMs))
        .execute();
    }
    const over = counts.find((c) => c.count > c.limit);
    if (over) {
      const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now) / 1000));
      const which = over.key.startsWith('user:')
        ? 'changes by this user'
        : 'requests from this address with this key';
      throw new ApiError(
        429,
        'rate_limited',
        `Too many ${which}: at most ${over.limit} per ${config.windowSeconds} s. Retry after ${retryAfter} s.`,
        undefined,
        { 'Retry-After': String(retryAfter) },
      );
    }
    await next();
  });
}
