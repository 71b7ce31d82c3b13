import { type Kysely, sql } from 'kysely';
import type { Database, ReportResolution, ReportRow } from './database.js';
import { pastCursor } from './keyset.js';

type Db = Kysely<Database>;

export async function insertReport(
  db: Db,
  report: {
    tenantId: string;
    reporterId: string;
    mentorId: string;
    bookingId: string | null;
    reason: ReportRow['reason'];
    details: string;
    now: Date;
  },
): Promise<ReportRow> {
  return db
    .insertInto('reports')
    .values({
      tenant_id: report.tenantId,
      reporter_id: report.reporterId,
      mentor_id: report.mentorId,
      booking_id: report.bookingId,
      reason: report.reason,
      details: report.details,
      status: 'open',
      created_at: report.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function countOpenReports(db: Db, tenantId: string, mentorId: string): Promise<number> {
  const row = await db
    .selectFrom('reports')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('tenant_id', '=', tenantId)
    .where('mentor_id', '=', mentorId)
    .where('status', '=', 'open')
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function lockReport(db: Db, tenantId: string, id: string): Promise<ReportRow | undefined> {
  return db
    .selectFrom('reports')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function resolveReportRow(
  db: Db,
  f: { tenantId: string; id: string; resolution: ReportResolution; note: string; by: string; now: Date },
): Promise<ReportRow> {
  return db
    .updateTable('reports')
    .set({
      status: 'resolved',
      resolution: f.resolution,
      resolution_note: f.note,
      resolved_by: f.by,
      resolved_at: f.now,
    })
    .where('tenant_id', '=', f.tenantId)
    .where('id', '=', f.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export interface ReportFilter {
  tenantId: string;
  status: 'open' | 'resolved';
  mentorId?: string | undefined;
  reason?: ReportRow['reason'] | undefined;
  limit: number;
  cursor?: { createdAt: string; id: string } | undefined;
}

/** Reports oldest first, by keyset on (created_at, id), each with its mentor's name. */
export async function listReports(db: Db, f: ReportFilter): Promise<(ReportRow & { mentor_name: string })[]> {
  let query = db
    .selectFrom('reports as r')
    .innerJoin('mentors as m', (j) => j.onRef('m.id', '=', 'r.mentor_id').on('m.tenant_id', '=', f.tenantId))
    .selectAll('r')
    .select('m.name as mentor_name')
    .where('r.tenant_id', '=', f.tenantId)
    .where('r.status', '=', f.status);
  if (f.mentorId) query = query.where('r.mentor_id', '=', f.mentorId);
  if (f.reason) query = query.where('r.reason', '=', f.reason);
  if (f.cursor) {
    query = query.where(pastCursor('r.created_at', 'r.id', '>', { at: f.cursor.createdAt, id: f.cursor.id }));
  }
  return query
    .orderBy('r.created_at')
    .orderBy('r.id')
    .limit(f.limit + 1)
    .execute();
}
