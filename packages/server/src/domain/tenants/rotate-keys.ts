import { sql } from 'kysely';
import type { ApiKeyKind, ApiKeyRow } from '../../db/database.js';
import { generateKey, hashKey, keyDisplayPrefix, type SecretBox } from '../../security/keys.js';
import type { DomainCtx } from '../context.js';

export interface ApiKeyView {
  id: string;
  kind: ApiKeyKind;
  prefix: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  active: boolean;
}

function toView(row: ApiKeyRow, now: Date): ApiKeyView {
  return {
    id: row.id,
    kind: row.kind,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    expiresAt: row.expires_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
    active: row.revoked_at === null && (row.expires_at === null || row.expires_at > now),
  };
}

/** Every key of the tenant, newest first: prefixes and dates, never a secret or hash. */
export async function listKeys(ctx: DomainCtx, tenantId: string): Promise<ApiKeyView[]> {
  const now = ctx.clock.now();
  const rows = await ctx.db
    .selectFrom('api_keys')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at', 'desc')
    // Keys made together (a new program's three) in the same order every time.
    .orderBy('kind')
    .orderBy('id')
    .execute();
  return rows.map((r) => toView(r, now));
}

const PREFIX: Record<ApiKeyKind, 'pk' | 'sk' | 'ids'> = { publishable: 'pk', secret: 'sk', identity: 'ids' };

/**
 * Issues a new key of a kind and lets the live ones of that kind expire after the overlap, so
 * deployments can switch without downtime. The new key exists in clear only in the answer.
 */
export async function rotateKey(
  ctx: DomainCtx,
  box: SecretBox,
  input: { tenantId: string; kind: ApiKeyKind; overlapHours: number },
): Promise<{ key: string; apiKey: ApiKeyView; previousExpireAt: string }> {
  const now = ctx.clock.now();
  const until = new Date(now.getTime() + Math.round(input.overlapHours * 3600_000));
  // Serialises rotations of one tenant (the tenant row lock).
  await ctx.db.selectFrom('tenants').select('id').where('id', '=', input.tenantId).forUpdate().execute();
  await ctx.db
    .updateTable('api_keys')
    .set({ expires_at: until })
    .where('tenant_id', '=', input.tenantId)
    .where('kind', '=', input.kind)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', until)]))
    .execute();
  const key = generateKey(PREFIX[input.kind]);
  const row = await ctx.db
    .insertInto('api_keys')
    .values({
      tenant_id: input.tenantId,
      kind: input.kind,
      key_hash: input.kind === 'identity' ? null : hashKey(key),
      secret_enc: input.kind === 'identity' ? box.seal(key) : null,
      prefix: keyDisplayPrefix(key),
      // After every older key of the kind, even within one clock tick (newest first everywhere).
      created_at: sql<Date>`greatest(${now}::timestamptz, (select max(created_at) + interval '1 millisecond' from api_keys where tenant_id = ${input.tenantId}))`,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { key, apiKey: toView(row, now), previousExpireAt: until.toISOString() };
}
