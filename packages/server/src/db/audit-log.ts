import type { Kysely } from 'kysely';
import type { AuditLogTable, Database } from './database.js';
import { pastCursor } from './keyset.js';

type Db = Kysely<Database>;

export interface NewAuditEntry {
  tenantId: string;
  at: Date;
  actorUserId: string | null;
  actorKeyKind: AuditLogTable['actor_key_kind'];
  actorKeyPrefix: string | null;
  action: string;
  target: string | null;
  summary: Record<string, unknown>;
  clientIp: string | null;
  requestId: string | null;
}

/** Appends one entry (the table refuses every UPDATE and DELETE; see the audit-log migration). */
export async function insertAuditEntry(db: Db, entry: NewAuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      tenant_id: entry.tenantId,
      at: entry.at,
      actor_user_id: entry.actorUserId,
      actor_key_kind: entry.actorKeyKind,
      actor_key_prefix: entry.actorKeyPrefix,
      action: entry.action,
      target: entry.target,
      summary: JSON.stringify(entry.summary),
      client_ip: entry.clientIp,
      request_id: entry.requestId,
    })
    .execute();
}

export interface AuditFilter {
  tenantId: string;
  action?: string | undefined;
  actorId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/**
 * Entries newest first after the keyset cursor, each with the actor's name as it is now (read
 * here, never stored: an erased user's entries show no name).
 */
export async function auditEntriesPage(
  db: Db,
  filter: AuditFilter,
  limit: number,
  after: { at: Date | string; id: string } | undefined,
) {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', (join) =>
      join.onRef('u.id', '=', 'a.actor_user_id').onRef('u.tenant_id', '=', 'a.tenant_id'),
    )
    .selectAll('a')
    .select('u.name as actor_name')
    .where('a.tenant_id', '=', filter.tenantId);
  if (filter.action !== undefined) q = q.where('a.action', '=', filter.action);
  if (filter.actorId !== undefined) q = q.where('a.actor_user_id', '=', filter.actorId);
  if (filter.from !== undefined) q = q.where('a.at', '>=', filter.from);
  if (filter.to !== undefined) q = q.where('a.at', '<', filter.to);
  if (after) q = q.where(pastCursor('a.at', 'a.id', '<', after));
  return q.orderBy('a.at', 'desc').orderBy('a.id', 'desc').limit(limit).execute();
}

export type AuditEntryRow = Awaited<ReturnType<typeof auditEntriesPage>>[number];
