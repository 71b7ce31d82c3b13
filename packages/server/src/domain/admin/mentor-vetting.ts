import type { MentorRow, MentorStatus, MentorUpdate } from '../../db/database.js';
import { listMentorsByStatus, lockMentor, updateMentor } from '../../db/mentors.js';
import { countOpenReports } from '../../db/reports.js';
import type { AdminMentor } from '../../schemas/admin.js';
import type { DomainCtx } from '../context.js';
import { ConflictError, NotFoundError } from '../errors.js';
import type { EventType } from '../events/event-types.js';
import { recordEvent } from '../events/record-event.js';
import { mentorAudience } from '../events/record-mentor-events.js';
import { enqueueMentorEmbedding } from '../matching/semantic/embed-job.js';
import { toMentor } from '../mentors/mentor-profile.js';
import { type CreatedAtCursor, createdAtCursor, type Page, pageOf } from '../page.js';
import { enqueueWaitingRematch } from '../requests/waiting-jobs.js';
import { normalizeSkill } from '../skills/normalize.js';

export type VettingAction = 'approve' | 'reject' | 'pause' | 'suspend' | 'reinstate';

/**
 * The allowed status changes. Approving is for applications (`pending`, or a `rejected`
 * application reconsidered); a paused or suspended mentor comes back only through `reinstate`,
 * so the reason they were stopped is looked at, not approved over. Anything else is 409
 * `invalid_transition`.
 */
export const TRANSITIONS: Record<
  VettingAction,
  { from: readonly MentorStatus[]; to: MentorStatus; event: EventType }
> = {
  approve: { from: ['pending', 'rejected'], to: 'approved', event: 'mentor.approved' },
  reject: { from: ['pending'], to: 'rejected', event: 'mentor.rejected' },
  pause: { from: ['approved'], to: 'paused', event: 'mentor.paused' },
  suspend: { from: ['approved', 'paused'], to: 'suspended', event: 'mentor.suspended' },
  reinstate: { from: ['paused', 'suspended'], to: 'approved', event: 'mentor.reinstated' },
};

export function toAdminMentor(row: MentorRow, openReports: number): AdminMentor {
  return {
    ...toMentor(row),
    statusReason: row.status_reason,
    statusChangedAt: row.status_changed_at?.toISOString() ?? null,
    approvedAt: row.approved_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    openReports,
    noShows: row.no_show_count,
    lastNoShowAt: row.last_no_show_at?.toISOString() ?? null,
  };
}

/** Applies one vetting action under a row lock and records the event in the same transaction. */
export async function changeMentorStatus(
  ctx: DomainCtx,
  input: { tenantId: string; mentorId: string; action: VettingAction; reason?: string | null | undefined },
): Promise<AdminMentor> {
  const row = await lockMentor(ctx.db, input.tenantId, input.mentorId);
  if (!row) throw new NotFoundError('Mentor');
  return applyTransition(ctx, row, input.action, input.reason ?? null);
}

/** The transition on an already locked row (reports use it too). */
export async function applyTransition(
  ctx: DomainCtx,
  row: MentorRow,
  action: VettingAction,
  reason: string | null,
): Promise<AdminMentor> {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(row.status)) {
    throw new ConflictError(
      'invalid_transition',
      `A ${row.status} mentor cannot be ${action === 'approve' ? 'approved' : `${action}d`}` +
        ` (allowed from: ${rule.from.join(', ')}).`,
    );
  }
  const now = ctx.clock.now();
  const changes: MentorUpdate = {
    status: rule.to,
    status_reason: rule.to === 'approved' ? null : reason,
    status_changed_at: now,
    updated_at: now,
  };
  if (action === 'approve') changes.approved_at = now;
  const updated = await updateMentor(ctx.db, row.tenant_id, row.id, changes);
  if (!updated) throw new NotFoundError('Mentor');
  // Matchable now: make sure its embedding exists (one made before embeddings were on, say).
  if (rule.to === 'approved') {
    await enqueueMentorEmbedding(ctx.db, { tenantId: row.tenant_id, mentorId: row.id }, now);
    // Requests waiting for a match may fit them.
    await enqueueWaitingRematch(ctx.db, row.tenant_id, now);
  }
  await recordEvent(ctx.db, {
    tenantId: row.tenant_id,
    type: rule.event,
    data: {
      mentorId: row.id,
      status: rule.to,
      previousStatus: row.status,
      reason: changes.status_reason ?? null,
    },
    userIds: await mentorAudience(ctx.db, row.tenant_id, row.id),
    at: now,
  });
  return toAdminMentor(updated, await countOpenReports(ctx.db, row.tenant_id, row.id));
}

export async function listMentorsForReview(
  ctx: DomainCtx,
  f: {
    tenantId: string;
    status: MentorStatus | 'any';
    q?: string | undefined;
    skill?: string | undefined;
    limit: number;
    cursor?: CreatedAtCursor | undefined;
  },
): Promise<Page<AdminMentor, CreatedAtCursor>> {
  const rows = await listMentorsByStatus(ctx.db, {
    ...f,
    status: f.status === 'any' ? null : f.status,
    skill: f.skill === undefined ? undefined : normalizeSkill(f.skill),
  });
  return pageOf(rows, f.limit, (r) => toAdminMentor(r, r.open_reports), createdAtCursor);
}
