import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { systemClock } from '../clock.js';
import type { Database } from '../db/database.js';
import { recordAuditEntry } from '../domain/audit/audit-log.js';
import { auditSummary } from '../domain/audit/summary.js';
import { createTenant } from '../domain/tenants/create-tenant.js';
import type { SecretBox } from '../security/keys.js';
import { UsageError } from './usage-error.js';

/** `tenant create`: prints the keys once (JSON per PRODUCT.md with --json). */
export async function createTenantCommand(
  db: Kysely<Database>,
  box: SecretBox,
  args: string[],
): Promise<string> {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: 'string' },
      origin: { type: 'string', multiple: true, default: [] },
      'allow-guests': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.name) throw new UsageError('tenant create needs --name.');
  const tenant = await createTenant(db, box, {
    name: values.name,
    origins: values.origin,
    settings: { allowGuests: values['allow-guests'] },
  });
  // The tenant's first audit entry: who made it is the operator on the server.
  await recordAuditEntry(
    { db, clock: systemClock },
    {
      tenantId: tenant.id,
      actor: { userId: null, keyKind: 'cli', keyPrefix: null },
      action: 'cli tenant create',
      target: tenant.id,
      summary: auditSummary(
        { name: values.name, origins: values.origin, allowGuests: values['allow-guests'] },
        ['allowGuests'],
      ),
      clientIp: null,
      requestId: null,
    },
  );
  if (values.json) return JSON.stringify(tenant);
  return [
    `Created tenant "${tenant.name}" (${tenant.id}). These secrets are shown only now:`,
    `  publishable key: ${tenant.publishableKey}   (for your pages)`,
    `  secret key:      ${tenant.secretKey}   (for your servers only)`,
    `  identity secret: ${tenant.identitySecret}   (signs user tokens on your server)`,
  ].join('\n');
}
