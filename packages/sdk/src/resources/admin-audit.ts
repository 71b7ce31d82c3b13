import type { PageList } from '../pagination.js';
import type { CallOptions, Requester } from '../request.js';
import type { AuditEntry, AuditExportParams, DateInput, ListAuditParams } from '../types.js';
import { listOf } from './list.js';

/**
 * The audit log: every admin write and export (who, when, what, from where), append-only
 * (secret key, or an admin's user token).
 */
export interface AdminAuditResource {
  /** Newest first; filter by `action` (`POST /v1/admin/keys/rotate`), `actorId` (a user id), `from`/`to`. */
  list(params?: ListAuditParams, options?: CallOptions): PageList<AuditEntry>;
  /** The filtered log as one file: CSV (default, with a header row) or JSON lines (`format: 'jsonl'`). */
  export(params?: AuditExportParams, options?: CallOptions): Promise<string>;
}

const iso = (d: DateInput | undefined): string | undefined => (d instanceof Date ? d.toISOString() : d);

/** The query without the fields left out, times as ISO strings. */
function query<P extends { from?: DateInput; to?: DateInput }>(params: P): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries({ ...params, from: iso(params.from), to: iso(params.to) })) {
    if (typeof value === 'string' || typeof value === 'number') out[name] = value;
  }
  return out;
}

export function adminAuditResource(client: Requester): AdminAuditResource {
  return {
    list: (params = {}, options) => listOf(client, '/v1/admin/audit', query(params), options),
    export: (params = {}, options) =>
      client.request('GET', '/v1/admin/audit/export', {
        ...options,
        query: query(params),
        responseType: 'text',
      }),
  };
}
