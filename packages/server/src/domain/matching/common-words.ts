import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { countProfileWords } from '../../db/profile-words.js';

/**
 * A word in more than this share of the tenant's profiles explains no match ("Profile mentions
 * foundation" in a program called Data Foundations): an IDF of ln(1 / 0.3) ≈ 1.2 at the least.
 */
export const COMMON_WORD_SHARE = 0.3;
/** Below this many profiles every word is "in most of them": shares mean nothing yet. */
export const COMMON_WORD_MIN_PROFILES = 8;
/** How long a process reuses a tenant's counts: profiles change slowly, and it is one scan. */
export const COMMON_WORDS_TTL_MS = 10 * 60_000;
const MAX_TENANTS = 500;

interface Entry {
  at: number;
  words: Promise<ReadonlySet<string>>;
}

/** Per database (its adapter, shared by its transactions), per tenant. */
const caches = new WeakMap<object, Map<string, Entry>>();

async function compute(db: Kysely<Database>, tenantId: string): Promise<ReadonlySet<string>> {
  const { profiles, documents } = await countProfileWords(db, tenantId);
  const common = new Set<string>();
  if (profiles < COMMON_WORD_MIN_PROFILES) return common;
  for (const [word, count] of documents) if (count / profiles > COMMON_WORD_SHARE) common.add(word);
  return common;
}

/**
 * The words too common among the tenant's profiles to quote as a reason. Counted once, then
 * served from memory; past the TTL the old set is served while a new count runs (a request never
 * waits for a recount, only for the first count of a tenant in this process).
 */
export async function commonProfileWords(
  db: Kysely<Database>,
  tenantId: string,
): Promise<ReadonlySet<string>> {
  const key = db.getExecutor().adapter;
  let cache = caches.get(key);
  if (!cache) {
    cache = new Map();
    caches.set(key, cache);
  }
  const now = Date.now();
  const entry = cache.get(tenantId);
  if (entry && now - entry.at < COMMON_WORDS_TTL_MS) return entry.words;
  const words = compute(db, tenantId);
  if (cache.size >= MAX_TENANTS) cache.clear();
  // A failed count is not kept: the next request counts again (and this one quotes as before).
  words.catch(() => cache.delete(tenantId));
  if (entry) {
    const stale = entry.words;
    words.then(
      (fresh) => cache.set(tenantId, { at: Date.now(), words: Promise.resolve(fresh) }),
      () => {},
    );
    cache.set(tenantId, { at: now, words: stale });
    return stale;
  }
  cache.set(tenantId, { at: now, words });
  return words.catch(() => new Set<string>());
}
