import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { ApiKeyKind, Database, TenantRow, UserRow } from './database.js';

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
  /** The user the caller's token claims to be, when asked for and known (see findTenantByKeyHash). */
  knownUser: UserRow | null;
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
 * The live key with this hash and its tenant, if any, with the tenant's identity secrets and —
 * when the caller names one — the user a token claims to be: everything authentication needs
 * before it can verify a user token, in one read. The user row is only a prefetch; it is used
 * once the token has verified, and `knownUser` is null when no such user exists yet.
 */
export async function findTenantByKeyHash(
  db: Db,
  keyHash: string,
  now: Date,
  claimedUserExternalId: string | null = null,
): Promise<KeyMatch | undefined> {
  const row = await db
    .selectFrom('api_keys as k')
    .innerJoin('tenants as t', 't.id', 'k.tenant_id')
    .leftJoin('users as u', (join) =>
      join.onRef('u.tenant_id', '=', 't.id').on('u.external_id', '=', claimedUserExternalId ?? ''),
    )
    .select(['k.kind', 't.id', 't.name', 't.allowed_origins', 't.settings', 't.created_at', 't.updated_at'])
    .select(liveIdentitySecrets(sql.ref('t.id'), now).as('identity_secrets'))
    .select([
      'u.id as u_id',
      'u.external_id as u_external_id',
      'u.name as u_name',
      'u.email as u_email',
      'u.roles as u_roles',
      'u.is_guest as u_is_guest',
      'u.locale as u_locale',
      'u.time_zone as u_time_zone',
      'u.calendar_feed_hash as u_calendar_feed_hash',
      'u.calendar_feed_sealed as u_calendar_feed_sealed',
      'u.calendar_feed_created_at as u_calendar_feed_created_at',
      'u.erased_at as u_erased_at',
      'u.created_at as u_created_at',
      'u.updated_at as u_updated_at',
    ])
    .where('k.key_hash', '=', keyHash)
    .where('k.kind', 'in', ['publishable', 'secret'])
    .where('k.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('k.expires_at', 'is', null), eb('k.expires_at', '>', now)]))
    .executeTakeFirst();
  if (!row) return undefined;
  const {
    kind,
    identity_secrets,
    u_id,
    u_external_id,
    u_name,
    u_email,
    u_roles,
    u_is_guest,
    u_locale,
    u_time_zone,
    u_calendar_feed_hash,
    u_calendar_feed_sealed,
    u_calendar_feed_created_at,
    u_erased_at,
    u_created_at,
    u_updated_at,
    ...tenant
  } = row;
  const knownUser: UserRow | null =
    u_id === null || claimedUserExternalId === null
      ? null
      : {
          id: u_id,
          tenant_id: tenant.id,
          external_id: u_external_id as string,
          name: u_name as string,
          email: u_email,
          roles: u_roles as string[],
          is_guest: u_is_guest as boolean,
          locale: u_locale,
          time_zone: u_time_zone,
          calendar_feed_hash: u_calendar_feed_hash,
          calendar_feed_sealed: u_calendar_feed_sealed,
          calendar_feed_created_at: u_calendar_feed_created_at,
          erased_at: u_erased_at,
          created_at: u_created_at as Date,
          updated_at: u_updated_at as Date,
        };
  return { tenant, kind: kind as KeyMatch['kind'], identitySecrets: identity_secrets, knownUser };
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
