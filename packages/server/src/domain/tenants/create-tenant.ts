import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { insertKey, insertTenant } from '../../db/tenants.js';
import { inTransaction } from '../../db/transaction.js';
import { generateKey, hashKey, keyDisplayPrefix, type SecretBox } from '../../security/keys.js';
import { InvalidInputError } from '../errors.js';
import { type TenantSettings, TenantSettingsSchema } from './settings.js';

export interface CreateTenantInput {
  name: string;
  origins: string[];
  settings?: Partial<TenantSettings>;
  /** Fixed keys, for the deterministic demo tenant only. */
  keys?: { publishableKey: string; secretKey: string; identitySecret: string };
}

/** What `tenant create` prints. The secrets exist in clear only here. */
export interface CreatedTenant {
  id: string;
  name: string;
  publishableKey: string;
  secretKey: string;
  identitySecret: string;
}

/** Normalises an origin (`https://Example.com/` → `https://example.com`), or throws. */
export function normalizeOrigin(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InvalidInputError(`"${raw}" is not an origin such as https://example.com.`, [
      { path: 'origin', message: 'must be an origin such as https://example.com' },
    ]);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.pathname.length > 1 || url.search || url.hash) {
    throw new InvalidInputError(`"${raw}" is not an origin such as https://example.com.`, [
      { path: 'origin', message: 'must be scheme://host[:port] with no path' },
    ]);
  }
  return url.origin;
}

export async function createTenant(
  db: Kysely<Database>,
  box: SecretBox,
  input: CreateTenantInput,
): Promise<CreatedTenant> {
  const name = input.name.trim();
  if (!name || name.length > 200) {
    throw new InvalidInputError('A tenant needs a name of 1–200 characters.', [
      { path: 'name', message: 'must be 1–200 characters' },
    ]);
  }
  const origins = [...new Set(input.origins.map(normalizeOrigin))];
  const settings = TenantSettingsSchema.parse(input.settings ?? {});
  const publishableKey = input.keys?.publishableKey ?? generateKey('pk');
  const secretKey = input.keys?.secretKey ?? generateKey('sk');
  const identitySecret = input.keys?.identitySecret ?? generateKey('ids');

  return inTransaction(db, async (trx) => {
    const tenant = await insertTenant(trx, { name, allowedOrigins: origins, settings });
    for (const [kind, key] of [
      ['publishable', publishableKey],
      ['secret', secretKey],
    ] as const) {
      await insertKey(trx, {
        tenantId: tenant.id,
        kind,
        keyHash: hashKey(key),
        prefix: keyDisplayPrefix(key),
      });
    }
    await insertKey(trx, {
      tenantId: tenant.id,
      kind: 'identity',
      secretEnc: box.seal(identitySecret),
      prefix: keyDisplayPrefix(identitySecret),
    });
    return { id: tenant.id, name: tenant.name, publishableKey, secretKey, identitySecret };
  });
}
