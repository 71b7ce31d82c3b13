import type { ReportRow } from '../../db/database.js';
import { lockMentor } from '../../db/mentors.js';
import {
  countOpenReports,
  insertReport,
  listReports,
  lockReport,
  type ReportFilter,
  resolveReportRow,
} from '../../db/reports.js';
import type { AdminMentor, AdminReport, CreateReportInput, Report } from '../../schemas/admin.js';
import { applyTransition, toAdminMentor } from '../admin/mentor-vetting.js';
import type { DomainCtx } from '../context.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { recordEvent } from '../events/record-event.js';
import { type CreatedAtCursor, createdAtCursor, type Page, pageOf } from '../page.js';

export function toReport(row: ReportRow): Report {
  return {
    id: row.id,
    mentorId: row.mentor_id,
    bookingId: row.booking_id,
    reporterId: row.reporter_id,
    reason: row.reason,
    details: row.details,
    status: row.status,
    resolution: row.resolution,
    resolutionNote: row.resolution_note,
    createdAt: row.created_at.toISOString(),
    resolvedAt: row.resolved_at?.toISOString() ?? null,
  };
}

/**
 * A learner reports a mentor (optionally about one of their sessions with them). When the
 * mentor's open reports reach the program's `reportsToPause`, an approved mentor is paused
 * pending review (reason `reports`), in the same transaction.
 */
export async function createReport(
  ctx: DomainCtx,
  input: { tenantId: string; reporterId: string; reportsToPause: number; report: CreateReportInput },
): Promise<Report> {
  const { report } = input;
  // Locked so that concurrent reports count each other exactly once.
  const mentor = await lockMentor(ctx.db, input.tenantId, report.mentorId);
  if (!mentor || mentor.status === 'pending' || mentor.status === 'rejected')
    throw new NotFoundError('Mentor');
  if (report.bookingId) {
    const booking = await ctx.db
      .selectFrom('bookings')
      .select('id')
      .where('tenant_id', '=', input.tenantId)
      .where('id', '=', report.bookingId)
      .where('learner_id', '=', input.reporterId)
      .where('mentor_id', '=', report.mentorId)
      .executeTakeFirst();
    if (!booking) throw new NotFoundError('Booking');
  }
  const now = ctx.clock.now();
  const row = await insertReport(ctx.db, {
    tenantId: input.tenantId,
    reporterId: input.reporterId,
    mentorId: report.mentorId,
    bookingId: report.bookingId ?? null,
    reason: report.reason,
    details: report.details,
    now,
  });
  await recordEvent(ctx.db, {
    tenantId: input.tenantId,
    type: 'report.created',
    data: { reportId: row.id, mentorId: row.mentor_id, reason: row.reason },
    at: now,
  });
  if (mentor.status === 'approved') {
    const open = await countOpenReports(ctx.db, input.tenantId, mentor.id);
    if (open >= input.reportsToPause) await applyTransition(ctx, mentor, 'pause', 'reports');
  }
  return toReport(row);
}

/** Closes a report: dismiss it, or pause/suspend its mentor (if not already so). */
export async function resolveReport(
  ctx: DomainCtx,
  input: {
    tenantId: string;
    reportId: string;
    action: 'dismiss' | 'pause' | 'suspend';
    note: string;
    by: string;
  },
): Promise<{ report: Report; mentor: AdminMentor }> {
  const report = await lockReport(ctx.db, input.tenantId, input.reportId);
  if (!report) throw new NotFoundError('Report');
  if (report.status !== 'open')
    throw new ConflictError('report_resolved', 'This report is already resolved.');
  const mentor = await lockMentor(ctx.db, input.tenantId, report.mentor_id);
  if (!mentor) throw new NotFoundError('Mentor');
  const now = ctx.clock.now();
  const resolved = await resolveReportRow(ctx.db, {
    tenantId: input.tenantId,
    id: report.id,
    resolution: input.action,
    note: input.note,
    by: input.by,
    now,
  });
  const reason = input.note || `report: ${report.reason}`;
  let view: AdminMentor;
  const wanted = input.action === 'pause' ? 'paused' : input.action === 'suspend' ? 'suspended' : null;
  if (wanted && mentor.status !== wanted) {
    view = await applyTransition(ctx, mentor, input.action as 'pause' | 'suspend', reason);
  } else {
    view = toAdminMentor(mentor, await countOpenReports(ctx.db, input.tenantId, mentor.id));
  }
  // The reporter hears the outcome (by email too); the program's note stays internal.
  await recordEvent(ctx.db, {
    tenantId: input.tenantId,
    type: 'report.resolved',
    data: {
      reportId: report.id,
      mentorId: mentor.id,
      reporterId: report.reporter_id,
      resolution: input.action,
    },
    userIds: [report.reporter_id],
    at: now,
  });
  return { report: toReport(resolved), mentor: view };
}

export async function listReportsForReview(
  ctx: DomainCtx,
  f: ReportFilter,
): Promise<Page<AdminReport, CreatedAtCursor>> {
  const rows = await listReports(ctx.db, f);
  return pageOf(rows, f.limit, (r) => ({ ...toReport(r), mentorName: r.mentor_name }), createdAtCursor);
}
