import { type Kysely, sql } from 'kysely';
import type { Database } from './database.js';

type Db = Kysely<Database>;

/**
 * Claims the key in the caller's transaction: true if this request owns it now. An expired
 * record is replaced. If another transaction holds the key uncommitted, this waits for it
 * (the primary key's uniqueness check), bounded by a lock timeout.
 */
export async function claimIdempotencyKey(
  trx: Db,
  input: { tenantId: string; key: string; fingerprint: string; now: Date; ttlMs: number },
): Promise<boolean> {
  await sql`set local lock_timeout = '10s'`.execute(trx);
  // Every expired record of the tenant goes, not only this key's: records end with their TTL
  // (24 h) whether or not the key is ever sent again.
  await trx
    .deleteFrom('idempotency_keys')
    .where('tenant_id', '=', input.tenantId)
    .where('expires_at', '<=', input.now)
    .execute();
  const claimed = await trx
    .insertInto('idempotency_keys')
    .values({
      tenant_id: input.tenantId,
      key: input.key,
      fingerprint: input.fingerprint,
      // Placeholders until the response is known; never visible outside this transaction.
      response_status: 0,
      response_headers: '{}',
      response_body: '',
      created_at: input.now,
      expires_at: new Date(input.now.getTime() + input.ttlMs),
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  return claimed !== undefined;
}

export async function findIdempotencyRecord(trx: Db, tenantId: string, key: string) {
  return trx
    .selectFrom('idempotency_keys')
    .select(['fingerprint', 'response_status', 'response_headers', 'response_body', 'response_secret'])
    .where('tenant_id', '=', tenantId)
    .where('key', '=', key)
    .where('response_status', '>', 0)
    .executeTakeFirst();
}

export async function saveIdempotentResponse(
  trx: Db,
  input: {
    tenantId: string;
    key: string;
    status: number;
    headers: Record<string, string>;
    body: string;
    /** How `body` holds a secret answer (http/atomic.ts): sealed, or withheld (empty). */
    secret: 'sealed' | 'withheld' | null;
  },
): Promise<void> {
  await trx
    .updateTable('idempotency_keys')
    .set({
      response_status: input.status,
      response_headers: JSON.stringify(input.headers),
      response_body: input.body,
      response_secret: input.secret,
    })
    .where('tenant_id', '=', input.tenantId)
    .where('key', '=', input.key)
    .execute();
}
