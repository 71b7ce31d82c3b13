import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { ApiKeyKind, Database, TenantRow } from './database.js';

type Db = Kysely<Database>;

export async function insertTenant(
  db: Db,
  input: { name: string; allowedOrigins: string[]; settings: Record<string, unknown> },
): Promise<TenantRow> {
  return db
    .insertInto('tenants')
    .values({
      name: input.name,
      allowed_origins: input.allowedOrigins,
      settings: JSON.stringify(input.settings),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertKey(
  db: Db,
  input: { tenantId: string; kind: ApiKeyKind; keyHash?: string; secretEnc?: string; prefix: string },
): Promise<void> {
  await db
    .insertInto('api_keys')
    .values({
      tenant_id: input.tenantId,
      kind: input.kind,
      key_hash: input.keyHash ?? null,
      secret_enc: input.secretEnc ?? null,
      prefix: input.prefix,
    })
    .execute();
}

export interface KeyMatch {
  tenant: TenantRow;
  kind: 'publishable' | 'secret';
  /** The tenant's live identity secrets (sealed), newest first: user tokens verify against any. */
  identitySecrets: string[];
}

/** The sealed live identity secrets of a tenant, newest first, as one SQL expression. */
function liveIdentitySecrets(tenantId: RawBuilder<unknown>, now: Date): RawBuilder<string[]> {
  return sql<string[]>`coalesce((
    select array_agg(i.secret_enc order by i.created_at desc) from api_keys i
    where i.tenant_id = ${tenantId} and i.kind = 'identity' and i.revoked_at is null
      and (i.expires_at is null or i.expires_at > ${now}) and i.secret_enc is not null
  ), '{}'::text[])`;
}

/**
 * The live key with this hash and its tenant, if any, with the tenant's identity secrets: the
 * one read authentication needs before it can verify a user token.
 */
export async function findTenantByKeyHash(db: Db, keyHash: string, now: Date): Promise<KeyMatch | undefined> {
  const row = await db
    .selectFrom('api_keys as k')
    .innerJoin('tenants as t', 't.id', 'k.tenant_id')
    .select(['k.kind', 't.id', 't.name', 't.allowed_origins', 't.settings', 't.created_at', 't.updated_at'])
    .select(liveIdentitySecrets(sql.ref('t.id'), now).as('identity_secrets'))
    .where('k.key_hash', '=', keyHash)
    .where('k.kind', 'in', ['publishable', 'secret'])
    .where('k.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('k.expires_at', 'is', null), eb('k.expires_at', '>', now)]))
    .executeTakeFirst();
  if (!row) return undefined;
  const { kind, identity_secrets, ...tenant } = row;
  return { tenant, kind: kind as KeyMatch['kind'], identitySecrets: identity_secrets };
}

export async function findIdentitySecrets(db: Db, tenantId: string, now: Date): Promise<string[]> {
  const result = await sql<{
    secrets: string[];
  }>`select ${liveIdentitySecrets(sql`${tenantId}::uuid`, now)} as secrets`.execute(db);
  return result.rows[0]?.secrets ?? [];
}

/** Whether any tenant lists this origin (answers CORS preflights, which carry no key). */
export async function isOriginAllowedAnywhere(db: Db, origin: string): Promise<boolean> {
  const row = await db
    .selectFrom('tenants')
    .select(sql<number>`1`.as('one'))
    .where('allowed_origins', '@>', sql<string[]>`array[${origin}]::text[]`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findTenantByName(db: Db, name: string): Promise<TenantRow | undefined> {
  return db
    .selectFrom('tenants')
    .selectAll()
    .where('name', '=', name)
    .orderBy('created_at')
    .executeTakeFirst();
}

export async function findTenantById(db: Db, id: string): Promise<TenantRow | undefined> {
  return db.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirst();
}
