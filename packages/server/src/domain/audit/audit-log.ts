import {
  type AuditEntryRow,
  type AuditFilter,
  auditEntriesPage,
  insertAuditEntry,
  type NewAuditEntry,
} from '../../db/audit-log.js';
import { csvRow } from '../analytics/csv.js';
import type { DomainCtx } from '../context.js';
import { type Page, pageOf } from '../page.js';
import type { AuditSummary } from './summary.js';

export type { AuditFilter } from '../../db/audit-log.js';

/** Who acted: a user (admin token), the secret key, or the CLI on the server. */
export interface AuditActor {
  userId: string | null;
  keyKind: NewAuditEntry['actorKeyKind'];
  keyPrefix: string | null;
}

export interface AuditEntryInput {
  tenantId: string;
  actor: AuditActor;
  /** `METHOD /path/{param}` for API calls (the route as OpenAPI names it), `cli …` for the CLI. */
  action: string;
  target: string | null;
  summary: AuditSummary;
  clientIp: string | null;
  requestId: string | null;
}

/** Appends an entry at the clock's now, in the caller's transaction when there is one. */
export async function recordAuditEntry(ctx: DomainCtx, input: AuditEntryInput): Promise<void> {
  await insertAuditEntry(ctx.db, {
    tenantId: input.tenantId,
    at: ctx.clock.now(),
    actorUserId: input.actor.userId,
    actorKeyKind: input.actor.keyKind,
    actorKeyPrefix: input.actor.keyPrefix,
    action: input.action,
    target: input.target,
    summary: { ...input.summary },
    clientIp: input.clientIp,
    requestId: input.requestId,
  });
}

export interface AuditEntryView {
  id: string;
  at: string;
  actor: AuditActor & { name: string | null };
  action: string;
  target: string | null;
  summary: AuditSummary;
  clientIp: string | null;
  requestId: string | null;
}

export interface AuditCursor {
  at: string;
  id: string;
}

function toView(row: AuditEntryRow): AuditEntryView {
  const summary = row.summary as Partial<AuditSummary>;
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: {
      userId: row.actor_user_id,
      name: row.actor_name,
      keyKind: row.actor_key_kind,
      keyPrefix: row.actor_key_prefix,
    },
    action: row.action,
    target: row.target,
    summary: { fields: summary.fields ?? [], values: summary.values ?? {} },
    clientIp: row.client_ip,
    requestId: row.request_id,
  };
}

/** A page of the tenant's audit log, newest first. */
export async function listAuditLog(
  ctx: DomainCtx,
  query: AuditFilter & { limit: number; cursor: AuditCursor | undefined },
): Promise<Page<AuditEntryView, AuditCursor>> {
  const rows = await auditEntriesPage(ctx.db, query, query.limit + 1, query.cursor);
  return pageOf(rows, query.limit, toView, (last) => ({ at: last.at.toISOString(), id: last.id }));
}

export type AuditExportFormat = 'csv' | 'jsonl';

const EXPORT_PAGE_SIZE = 1000;
const CSV_COLUMNS = [
  'id',
  'at',
  'actor_user_id',
  'actor_name',
  'actor_key_kind',
  'actor_key_prefix',
  'action',
  'target',
  'fields',
  'values',
  'client_ip',
  'request_id',
] as const;

function csvCells(e: AuditEntryView): unknown[] {
  return [
    e.id,
    e.at,
    e.actor.userId,
    e.actor.name,
    e.actor.keyKind,
    e.actor.keyPrefix,
    e.action,
    e.target,
    e.summary.fields,
    e.summary.values,
    e.clientIp,
    e.requestId,
  ];
}

/**
 * The filtered log, newest first, as CSV (RFC 4180 with the formula guard, a header row) or JSON
 * lines (one entry per line, as the list answers it). The first page is read before this returns,
 * and later pages continue by keyset towards older entries, so the file is the log as it was when
 * asked: it never holds entries written while it streams (its own export entry included).
 */
export async function auditExport(
  ctx: DomainCtx,
  format: AuditExportFormat,
  filter: AuditFilter,
): Promise<(out: { write(chunk: string): Promise<unknown> }) => Promise<void>> {
  let rows = await auditEntriesPage(ctx.db, filter, EXPORT_PAGE_SIZE, undefined);
  return async (out) => {
    if (format === 'csv') await out.write(csvRow(CSV_COLUMNS));
    for (;;) {
      let chunk = '';
      for (const row of rows) {
        const entry = toView(row);
        chunk += format === 'csv' ? csvRow(csvCells(entry)) : `${JSON.stringify(entry)}\n`;
      }
      if (chunk) await out.write(chunk);
      const last = rows.at(-1);
      if (!last || rows.length < EXPORT_PAGE_SIZE) return;
      rows = await auditEntriesPage(ctx.db, filter, EXPORT_PAGE_SIZE, {
        at: last.at.toISOString(),
        id: last.id,
      });
    }
  };
}
