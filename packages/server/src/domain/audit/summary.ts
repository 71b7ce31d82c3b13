/** At most this many field paths per entry: a summary, not a copy of the request. */
export const MAX_SUMMARY_FIELDS = 50;

export type AuditValue = string | number | boolean | null;

/** What an entry says it changed: the fields sent, and the values of a route's declared ones. */
export interface AuditSummary {
  /** Dotted paths of the fields the request set (`branding.name`), never their values. */
  fields: string[];
  /** Values of the fields the route declared safe to keep (enums and numbers, e.g. `kind`). */
  values: Record<string, AuditValue>;
}

function paths(value: unknown, prefix: string, out: string[]): void {
  if (out.length >= MAX_SUMMARY_FIELDS) return;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0 && prefix) out.push(prefix);
    for (const [key, inner] of entries) paths(inner, prefix ? `${prefix}.${key}` : key, out);
    return;
  }
  if (prefix) out.push(prefix);
}

/**
 * The summary of a request body. Free text (names, emails, reasons, notes) may be personal data
 * or a secret, and erasure must find no name in any table, so values are dropped unless the
 * route names the field in `keep` — and even then only a scalar is kept.
 */
export function auditSummary(body: unknown, keep: readonly string[] = []): AuditSummary {
  const fields: string[] = [];
  paths(body, '', fields);
  const values: Record<string, AuditValue> = {};
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
    const record = body as Record<string, unknown>;
    for (const name of keep) {
      const value = record[name];
      if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) {
        values[name] = value as AuditValue;
      }
    }
  }
  return { fields: fields.slice(0, MAX_SUMMARY_FIELDS), values };
}
