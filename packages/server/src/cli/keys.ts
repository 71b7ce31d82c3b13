import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database } from '../db/database.js';
import { inTransaction } from '../db/transaction.js';
import { recordAuditEntry } from '../domain/audit/audit-log.js';
import { auditSummary } from '../domain/audit/summary.js';
import { rotateKey } from '../domain/tenants/rotate-keys.js';
import type { SecretBox } from '../security/keys.js';
import { UsageError } from './usage-error.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KINDS = ['publishable', 'secret', 'identity'] as const;
const USAGE =
  'Usage: micromentor keys rotate --tenant ID --kind publishable|secret|identity [--overlap-hours N] [--json]';

/**
 * `keys rotate`: a new key of a kind, printed once, the live ones of that kind kept for the
 * overlap — the server-side way to rotate (the API allows it with the secret key only), recorded
 * in the tenant's audit log as `cli keys rotate`.
 */
export async function keysCommand(
  db: Kysely<Database>,
  box: SecretBox,
  clock: Clock,
  args: string[],
): Promise<string> {
  const [sub, ...rest] = args;
  if (sub !== 'rotate') throw new UsageError(USAGE);
  const { values } = parseArgs({
    args: rest,
    options: {
      tenant: { type: 'string' },
      kind: { type: 'string' },
      'overlap-hours': { type: 'string', default: '24' },
      json: { type: 'boolean', default: false },
    },
  });
  const kind = KINDS.find((k) => k === values.kind);
  if (!values.tenant || !kind) throw new UsageError(USAGE);
  const overlapHours = Number(values['overlap-hours']);
  if (!Number.isFinite(overlapHours) || overlapHours < 0 || overlapHours > 720) {
    throw new UsageError('--overlap-hours must be a number from 0 to 720.');
  }
  const tenantId = values.tenant;
  const rotated = await inTransaction(db, async (trx) => {
    const tenant = UUID.test(tenantId)
      ? await trx.selectFrom('tenants').select('id').where('id', '=', tenantId).executeTakeFirst()
      : undefined;
    if (!tenant) throw new UsageError(`No tenant ${tenantId}.`);
    const result = await rotateKey({ db: trx, clock }, box, { tenantId, kind, overlapHours });
    await recordAuditEntry(
      { db: trx, clock },
      {
        tenantId,
        actor: { userId: null, keyKind: 'cli', keyPrefix: null },
        action: 'cli keys rotate',
        target: result.apiKey.id,
        summary: auditSummary({ kind, overlapHours }, ['kind', 'overlapHours']),
        clientIp: null,
        requestId: null,
      },
    );
    return result;
  });
  if (values.json) return JSON.stringify(rotated);
  return [
    `New ${kind} key (shown only now): ${rotated.key}`,
    `The previous ${kind} keys keep working until ${rotated.previousExpireAt}.`,
  ].join('\n');
}
