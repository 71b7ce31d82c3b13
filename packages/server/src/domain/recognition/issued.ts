import { randomInt, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { MentorRow } from '../../db/database.js';
import { findTenantById } from '../../db/tenants.js';
import type { MentorRecord } from '../../schemas/recognition.js';
import type { SecretBox } from '../../security/keys.js';
import type { DomainCtx } from '../context.js';
import { ConflictError } from '../errors.js';
import { readSettings } from '../tenants/settings.js';
import { buildCredential, credentialUrl, issuerId, issuerKey, signCredential } from './credential.js';
import { buildStatusListCredential, listOf, STATUS_LIST_SIZE, statusListUrl } from './status-list.js';

/**
 * Issuing the mentoring record: each credential is stored (id, its status bit, the unsigned
 * credential for the public page), so the program can revoke it and anyone can check it.
 * Revocation happens in the database, in the transaction that suspends or erases the mentor
 * (trigger `badge_credentials_revoke`, migration 2026-12-11T1000-badge-status), and is final.
 */

export interface Issued {
  /** The compact JWS. */
  jws: string;
  /** The credential's id: its public verification page. */
  url: string;
}

/** The program as it names itself on credentials: its branding name, else the tenant's. */
export async function issuerName(ctx: DomainCtx, tenantId: string): Promise<string | null> {
  const tenant = await findTenantById(ctx.db, tenantId);
  if (!tenant) return null;
  return readSettings(tenant.settings).branding.name ?? tenant.name;
}

/** JSON with keys sorted at every level: jsonb gives keys back in its own order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const statusOf = (issuer: string, index: number) => ({
  list: statusListUrl(issuer, listOf(index)),
  index: index % STATUS_LIST_SIZE,
});

/**
 * The mentor's record as a signed credential. While the record is unchanged (and the last
 * credential not revoked) the same credential is signed again: the same id, the same share link,
 * and (Ed25519 being deterministic) the same bytes. A changed record gets a new credential; the
 * earlier ones stay valid: they were true when issued.
 */
export async function issueRecordCredential(
  ctx: DomainCtx,
  secretBox: SecretBox,
  input: { baseUrl: string; tenant: { id: string; name: string }; mentor: MentorRow; record: MentorRecord },
): Promise<Issued> {
  // A suspended mentor's credentials were revoked; the program issues none while it lasts.
  if (input.mentor.status === 'suspended') {
    throw new ConflictError(
      'mentor_suspended',
      'The program suspended this mentor profile: no credential is issued.',
    );
  }
  const now = ctx.clock.now();
  const issuer = issuerId(input.baseUrl, input.tenant.id);
  const key = await issuerKey(ctx.db, secretBox, input.tenant.id, now);
  const common = { baseUrl: input.baseUrl, tenant: input.tenant, record: input.record };

  const latest = await ctx.db
    .selectFrom('badge_credentials')
    .select(['id', 'status_index', 'issued_at', 'credential'])
    .where('tenant_id', '=', input.tenant.id)
    .where('mentor_id', '=', input.mentor.id)
    .where('revoked_at', 'is', null)
    .orderBy('issued_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (latest?.credential) {
    const again = buildCredential({
      ...common,
      credentialId: latest.id,
      validFrom: latest.issued_at,
      status: statusOf(issuer, latest.status_index),
    });
    if (canonical(again) === canonical(latest.credential)) {
      return { jws: signCredential(again, key, issuer), url: credentialUrl(issuer, latest.id) };
    }
  }

  const id = randomUUID();
  // A random free bit of the first list (herd privacy: the index tells nothing of the order);
  // after a few collisions, the next index after the highest (a second list, if need be).
  for (let attempt = 0; attempt < 12; attempt++) {
    const index =
      attempt < 8
        ? randomInt(STATUS_LIST_SIZE)
        : Number(
            (
              await ctx.db
                .selectFrom('badge_credentials')
                .select(sql<number>`coalesce(max(status_index), -1) + 1`.as('next'))
                .where('tenant_id', '=', input.tenant.id)
                .executeTakeFirstOrThrow()
            ).next,
          );
    const credential = buildCredential({
      ...common,
      credentialId: id,
      validFrom: now,
      status: statusOf(issuer, index),
    });
    const stored = await ctx.db
      .insertInto('badge_credentials')
      .values({
        tenant_id: input.tenant.id,
        id,
        mentor_id: input.mentor.id,
        status_index: index,
        issued_at: now,
        credential: JSON.stringify(credential),
      })
      .onConflict((oc) => oc.columns(['tenant_id', 'status_index']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (stored) return { jws: signCredential(credential, key, issuer), url: credentialUrl(issuer, id) };
  }
  throw new Error('no free credential status index');
}

export interface IssuedCredential {
  /** The unsigned credential; null once the mentor was erased. */
  credential: Record<string, unknown> | null;
  issuedAt: Date;
  revokedAt: Date | null;
  revokedReason: 'mentor_suspended' | 'mentor_erased' | null;
}

/** One issued credential of the tenant, or null. */
export async function findIssuedCredential(
  ctx: DomainCtx,
  tenantId: string,
  credentialId: string,
): Promise<IssuedCredential | null> {
  const row = await ctx.db
    .selectFrom('badge_credentials')
    .select(['credential', 'issued_at', 'revoked_at', 'revoked_reason'])
    .where('tenant_id', '=', tenantId)
    .where('id', '=', credentialId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    credential: row.credential,
    issuedAt: row.issued_at,
    revokedAt: row.revoked_at,
    revokedReason: row.revoked_reason,
  };
}

/**
 * The tenant's status list number `list` as a signed BitstringStatusListCredential, or null
 * when the tenant is unknown or the list holds no credential yet (list 1 always exists).
 */
export async function signedStatusList(
  ctx: DomainCtx,
  secretBox: SecretBox,
  input: { baseUrl: string; tenantId: string; list: number },
): Promise<string | null> {
  if ((await issuerName(ctx, input.tenantId)) === null) return null;
  const from = (input.list - 1) * STATUS_LIST_SIZE;
  const to = from + STATUS_LIST_SIZE;
  if (input.list > 1) {
    const any = await ctx.db
      .selectFrom('badge_credentials')
      .select('id')
      .where('tenant_id', '=', input.tenantId)
      .where('status_index', '>=', from)
      .where('status_index', '<', to)
      .limit(1)
      .executeTakeFirst();
    if (!any) return null;
  }
  const revoked = await ctx.db
    .selectFrom('badge_credentials')
    .select('status_index')
    .where('tenant_id', '=', input.tenantId)
    .where('revoked_at', 'is not', null)
    .where('status_index', '>=', from)
    .where('status_index', '<', to)
    .execute();
  const now = ctx.clock.now();
  const issuer = issuerId(input.baseUrl, input.tenantId);
  const credential = buildStatusListCredential({
    issuer,
    list: input.list,
    validFrom: now,
    revokedOffsets: revoked.map((r) => r.status_index - from),
  });
  return signCredential(credential, await issuerKey(ctx.db, secretBox, input.tenantId, now), issuer);
}
