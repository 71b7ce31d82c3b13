import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
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
  /** Requests per window that authentication refuses (bad, unknown or revoked keys), per client IP. */
  perIpRefused: number;
  windowSeconds: number;
  /**
   * How many proxies of ours stand in front (MICROMENTOR_TRUST_PROXY): 0 = the socket's address
   * is the client; n = the n-th `X-Forwarded-For` entry from the right (the ones our proxies
   * appended; entries further left are whatever the client sent).
   */
  proxyHops: number;
}

export const DEFAULT_RATE_LIMITS: RateLimitConfig = {
  perKeyIp: 600,
  perUserWrites: 120,
  perIpRefused: 60,
  windowSeconds: 60,
  proxyHops: 0,
};

/** About one request in this many also deletes counters of windows long gone. */
const PRUNE_EVERY = 200;

/** Longest client address kept in a counter's key (an IPv6 address with a zone fits). */
const MAX_IP_LENGTH = 64;

/** The client's address: the socket's, or the one our `proxyHops`-th proxy from us saw. */
export function clientIp(c: Context<AppEnv>, proxyHops: number): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const socket = env?.incoming?.socket?.remoteAddress ?? 'unknown';
  if (proxyHops <= 0) return socket;
  const chain = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (chain.length === 0) return socket;
  // Fewer entries than proxies: the request skipped one of them; the leftmost is the best guess.
  return chain[Math.max(0, chain.length - proxyHops)]!.slice(0, MAX_IP_LENGTH);
}

const digest = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 22);

interface Counter {
  key: string;
  limit: number;
  /** What the 429 says is too many. */
  what: string;
}

/**
 * Counts this request in each of its windows and returns the highest count relative to its
 * limit. One statement, so several server processes on one database share the counters exactly:
 * `insert … on conflict do update set count = count + 1 returning count`.
 */
async function hit(
  db: Kysely<Database>,
  windowStart: Date,
  counters: Counter[],
): Promise<(Counter & { count: number })[]> {
  const rows = await db
    .insertInto('rate_limits')
    .values(counters.map((c) => ({ key: c.key, window_start: windowStart, count: 1 })))
    .onConflict((oc) =>
      oc.columns(['key', 'window_start']).doUpdateSet({ count: sql`rate_limits.count + 1` }),
    )
    .returning(['key', 'count'])
    .execute();
  return rows.map((r) => ({ ...counters.find((c) => c.key === r.key)!, count: r.count }));
}

/** Counts `counters` in the current window and throws 429 `rate_limited` when one is over. */
async function enforce(c: Context<AppEnv>, config: RateLimitConfig, counters: Counter[]): Promise<void> {
  const { db, clock } = c.get('deps');
  const windowMs = config.windowSeconds * 1000;
  const now = clock.now().getTime();
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
  const counts = await hit(db, windowStart, counters);
  if (Math.floor(Math.random() * PRUNE_EVERY) === 0) {
    await db
      .deleteFrom('rate_limits')
      .where('window_start', '<', new Date(windowStart.getTime() - windowMs))
      .execute();
  }
  const over = counts.find((counter) => counter.count > counter.limit);
  if (over) {
    const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now) / 1000));
    throw new ApiError(
      429,
      'rate_limited',
      `Too many ${over.what}: at most ${over.limit} per ${config.windowSeconds} s. Retry after ${retryAfter} s.`,
      undefined,
      { 'Retry-After': String(retryAfter) },
    );
  }
}

/**
 * Wraps authentication: every request it refuses (401/403: no, bad, unknown or revoked key,
 * bad token, wrong origin) is counted per client IP, and past `perIpRefused` in a window the
 * answer is 429 instead, so guessing keys or tokens is as limited as using them. Requests it
 * lets through cost nothing here.
 */
export function limitRefusedCallers(
  config: RateLimitConfig,
  authenticate: MiddlewareHandler<AppEnv>,
): MiddlewareHandler<AppEnv> {
  return createMiddleware<AppEnv>(async (c, next) => {
    let admitted = false;
    try {
      await authenticate(c, async () => {
        admitted = true;
        await next();
      });
    } catch (error) {
      if (admitted || !(error instanceof ApiError) || (error.status !== 401 && error.status !== 403))
        throw error;
      await enforce(c, config, [
        {
          key: `refused:${clientIp(c, config.proxyHops)}`,
          limit: config.perIpRefused,
          what: 'refused requests from this address',
        },
      ]);
      throw error;
    }
  });
}

/**
 * Fixed-window rate limits kept in PostgreSQL, keyed on what authentication resolved (the
 * tenant and the key's hash, the user's id), never on the raw header, so re-spelling
 * `Authorization` counts as the same caller: per publishable key + client IP on every call
 * (guest sessions and event streams included), per user on writes. Over the limit: 429
 * `rate_limited` with `Retry-After` (seconds to the next window). The secret key alone (the
 * tenant's own servers) is not limited here.
 */
export function rateLimit(config: RateLimitConfig) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const auth = c.get('auth');
    const counters: Counter[] = [];
    if (auth.keyKind === 'publishable') {
      counters.push({
        key: `key:${auth.tenant.id}:${digest(auth.keyHash)}:${clientIp(c, config.proxyHops)}`,
        limit: config.perKeyIp,
        what: 'requests from this address with this key',
      });
    }
    if (auth.user && c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      counters.push({
        key: `user:${auth.tenant.id}:${auth.user.id}`,
        limit: config.perUserWrites,
        what: 'changes by this user',
      });
    }
    if (counters.length > 0) await enforce(c, config, counters);
    await next();
  });
}
