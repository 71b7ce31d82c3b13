import { type Kysely, sql } from 'kysely';
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
}

/** The live key with this hash and its tenant, if any. */
export async function findTenantByKeyHash(db: Db, keyHash: string, now: Date): Promise<KeyMatch | undefined> {
  const row = await db
    .selectFrom('api_keys as k')
    .innerJoin('tenants as t', 't.id', 'k.tenant_id')
    .select(['k.kind', 't.id', 't.name', 't.allowed_origins', 't.settings', 't.created_at', 't.updated_at'])
    .where('k.key_hash', '=', keyHash)
    .where('k.kind', 'in', ['publishable', 'secret'])
    .where('k.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('k.expires_at', 'is', null), eb('k.expires_at', '>', now)]))
    .executeTakeFirst();
  if (!row) return undefined;
  const { kind, ...tenant } = row;
  return { tenant, kind: kind as KeyMatch['kind'] };
}

export async function findIdentitySecrets(db: Db, tenantId: string, now: Date): Promise<string[]> {
  const rows = await db
    .selectFrom('api_keys')
    .select('secret_enc')
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'identity')
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .orderBy('created_at', 'desc')
    .execute();
  return rows.flatMap((r) => (r.secret_enc ? [r.secret_enc] : []));
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
