import { clearCalendarFeed, findCalendarFeed, saveCalendarFeed } from '../../db/calendar-feeds.js';
import { hashKey, randomBase62, type SecretBox } from '../../security/keys.js';
import type { DomainCtx } from '../context.js';
import { NotFoundError } from '../errors.js';

/**
 * A user's private calendar feed: one long random secret in a URL that calendar apps poll (they
 * send no credentials). The secret is found again by its SHA-256 hash, like API keys; it is also
 * kept sealed with the server's key so the console can show the user their link again, as they
 * expect of a calendar subscription (an API key, by contrast, is shown once). Making a new one
 * replaces both in one statement, so the old link stops working at once.
 */
export const FEED_SECRET_LENGTH = 40;

/** The feed's address on this server, before the public origin. */
export function calendarFeedPath(secret: string): string {
  return `/calendar/${secret}.ics`;
}

/** Whose feed: the signed-in user, in their tenant. */
export interface FeedUser {
  tenantId: string;
  userId: string;
}

export interface CalendarFeedState {
  /** The secret, or null when the feed is off — or on but unreadable (the server key changed). */
  secret: string | null;
  enabled: boolean;
  createdAt: Date | null;
}

export async function calendarFeedState(
  ctx: DomainCtx,
  box: SecretBox,
  user: FeedUser,
): Promise<CalendarFeedState> {
  const stored = await findCalendarFeed(ctx.db, user.tenantId, user.userId);
  if (!stored) return { enabled: false, secret: null, createdAt: null };
  let secret: string | null;
  try {
    secret = box.open(stored.sealed);
  } catch {
    // Sealed under another server key: the feed still works, the user can get a new link.
    secret = null;
  }
  return { enabled: true, secret, createdAt: stored.createdAt };
}

/** Turns the feed on, or replaces its secret (the old URL answers 404 from now on). */
export async function renewCalendarFeed(
  ctx: DomainCtx,
  box: SecretBox,
  user: FeedUser,
): Promise<{ secret: string; createdAt: Date }> {
  const secret = randomBase62(FEED_SECRET_LENGTH);
  const createdAt = ctx.clock.now();
  const saved = await saveCalendarFeed(ctx.db, user.tenantId, user.userId, {
    hash: hashKey(secret),
    sealed: box.seal(secret),
    createdAt,
  });
  if (!saved) throw new NotFoundError('User');
  return { secret, createdAt };
}

export async function stopCalendarFeed(ctx: DomainCtx, user: FeedUser): Promise<void> {
  await clearCalendarFeed(ctx.db, user.tenantId, user.userId);
}
