import type { Kysely } from 'kysely';
import type { Database, UserRow } from './database.js';

export interface SeenUser {
  tenantId: string;
  externalId: string;
  name: string;
  email: string | null;
  roles: string[];
  isGuest: boolean;
  /** The token's `locale` claim (the language of their email); null: not given. */
  locale: string | null;
  /** The token's `zoneinfo` claim (IANA zone); null: not given. */
  timeZone: string | null;
}

/**
 * Creates the user on first sight of their token and keeps name, email and roles current.
 * A known, unchanged user costs one read and no write: even an `ON CONFLICT DO UPDATE … WHERE`
 * that updates nothing locks the row, which made every authenticated request a transaction
 * flushed to disk at commit.
 */
export async function upsertSeenUser(
  db: Kysely<Database>,
  user: SeenUser,
  now: Date,
  /** The stored row when the caller has already read it (null: not there); read here otherwise. */
  prefetched?: UserRow | null,
): Promise<UserRow> {
  const known =
    prefetched !== undefined
      ? prefetched
      : await db
          .selectFrom('users')
          .selectAll()
          .where('tenant_id', '=', user.tenantId)
          .where('external_id', '=', user.externalId)
          .executeTakeFirst();
  if (known && isUnchanged(known, user)) return known;
  const written = await db
    .insertInto('users')
    .values({
      tenant_id: user.tenantId,
      external_id: user.externalId,
      name: user.name,
      email: user.email,
      roles: user.roles,
      is_guest: user.isGuest,
      locale: user.locale,
      time_zone: user.timeZone,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'external_id'])
        .doUpdateSet((eb) => ({
          name: eb.ref('excluded.name'),
          email: eb.ref('excluded.email'),
          roles: eb.ref('excluded.roles'),
          locale: eb.ref('excluded.locale'),
          time_zone: eb.ref('excluded.time_zone'),
          updated_at: now,
        }))
        .where((eb) =>
          eb.or([
            eb('users.name', 'is distinct from', eb.ref('excluded.name')),
            eb('users.email', 'is distinct from', eb.ref('excluded.email')),
            eb('users.roles', 'is distinct from', eb.ref('excluded.roles')),
            eb('users.locale', 'is distinct from', eb.ref('excluded.locale')),
            eb('users.time_zone', 'is distinct from', eb.ref('excluded.time_zone')),
          ]),
        ),
    )
    .returningAll()
    .executeTakeFirst();
  if (written) return written;
  return db
    .selectFrom('users')
    .selectAll()
    .where('tenant_id', '=', user.tenantId)
    .where('external_id', '=', user.externalId)
    .executeTakeFirstOrThrow();
}

function isUnchanged(row: UserRow, user: SeenUser): boolean {
  return (
    row.name === user.name &&
    row.email === user.email &&
    row.locale === user.locale &&
    row.time_zone === user.timeZone &&
    row.roles.length === user.roles.length &&
    row.roles.every((role, i) => role === user.roles[i])
  );
}

export async function findUser(
  db: Kysely<Database>,
  tenantId: string,
  id: string,
): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findUserByExternalId(
  db: Kysely<Database>,
  tenantId: string,
  externalId: string,
): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
}

/** Users' names by id, in one query. */
export async function userNames(
  db: Kysely<Database>,
  tenantId: string,
  userIds: readonly string[],
): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}
