import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { findIdentitySecrets, findTenantById } from '../db/tenants.js';
import type { SecretBox } from '../security/keys.js';
import { signUserToken, USER_ROLES, type UserRole } from '../security/user-token.js';
import { UsageError } from './usage-error.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `token`: mints a user token for trying the API by hand. */
export async function tokenCommand(
  db: Kysely<Database>,
  box: SecretBox,
  args: string[],
  now: Date,
): Promise<string> {
  const { values } = parseArgs({
    args,
    options: {
      tenant: { type: 'string' },
      sub: { type: 'string' },
      name: { type: 'string' },
      email: { type: 'string' },
      roles: { type: 'string', default: '' },
      ttl: { type: 'string', default: '3600' },
    },
  });
  if (!values.tenant || !values.sub || !values.name) {
    throw new UsageError('token needs --tenant ID --sub ID --name NAME.');
  }
  const roles = values.roles
    .split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const unknown = roles.filter((r) => !(USER_ROLES as readonly string[]).includes(r));
  if (unknown.length)
    throw new UsageError(`Unknown role(s): ${unknown.join(', ')}. Roles: ${USER_ROLES.join(', ')}.`);
  const ttl = Number(values.ttl);
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > 86400)
    throw new UsageError('--ttl must be 1–86400 seconds.');
  if (!UUID.test(values.tenant)) throw new UsageError('--tenant must be a tenant id (a UUID).');
  const tenant = await findTenantById(db, values.tenant);
  if (!tenant) throw new UsageError(`No tenant with id ${values.tenant}.`);
  const [sealed] = await findIdentitySecrets(db, tenant.id, now);
  if (!sealed) throw new UsageError('This tenant has no identity secret.');
  return signUserToken({
    secret: box.open(sealed),
    sub: values.sub,
    name: values.name,
    email: values.email,
    roles: roles as UserRole[],
    ttlSeconds: ttl,
    now,
  });
}
