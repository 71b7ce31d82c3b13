import { countBoard, deleteBoardEntry, findBoardEntry, listBoard, upsertBoardEntry } from '../../db/board.js';
import type { MentorRow } from '../../db/database.js';
import { findMentor } from '../../db/mentors.js';
import { type BoardEntry, MAX_BOARD_ENTRIES } from '../../schemas/board.js';
import type { DomainCtx } from '../context.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { toMentor } from '../mentors/mentor-profile.js';

export interface Learner {
  tenantId: string;
  id: string;
  externalId: string;
}

/** A mentor that can be on a board: approved, of this tenant. Anything else is not found. */
export async function boardMentor(ctx: DomainCtx, tenantId: string, mentorId: string): Promise<MentorRow> {
  const mentor = await findMentor(ctx.db, tenantId, mentorId);
  if (mentor?.status !== 'approved') throw new NotFoundError('Mentor');
  return mentor;
}

/** 404 unless the id is a mentor of this tenant (whatever their status). */
export async function requireMentor(ctx: DomainCtx, tenantId: string, mentorId: string): Promise<void> {
  if (!(await findMentor(ctx.db, tenantId, mentorId))) throw new NotFoundError('Mentor');
}

/** The learner's board of advisors: each mentor's public profile and the learner's label. */
export async function getBoard(ctx: DomainCtx, learner: Learner): Promise<BoardEntry[]> {
  const rows = await listBoard(ctx.db, learner.tenantId, learner.id);
  return rows.map((r) => ({
    mentor: toMentor(r.mentor),
    label: r.label,
    addedAt: r.created_at.toISOString(),
  }));
}

/** Puts the mentor on the learner's board with a label, or changes the label. */
export async function setBoardEntry(
  ctx: DomainCtx,
  learner: Learner,
  mentor: MentorRow,
  label: string,
): Promise<BoardEntry> {
  if (mentor.external_id !== null && mentor.external_id === learner.externalId) {
    throw new ConflictError('cannot_add_yourself', 'You cannot put yourself on your own board.');
  }
  const existing = await findBoardEntry(ctx.db, learner.tenantId, learner.id, mentor.id);
  if (!existing && (await countBoard(ctx.db, learner.tenantId, learner.id)) >= MAX_BOARD_ENTRIES) {
    throw new ConflictError(
      'board_full',
      `A board holds at most ${MAX_BOARD_ENTRIES} mentors; remove one before adding another.`,
    );
  }
  const row = await upsertBoardEntry(ctx.db, {
    tenantId: learner.tenantId,
    learnerId: learner.id,
    mentorId: mentor.id,
    label,
    now: ctx.clock.now(),
  });
  return { mentor: toMentor(mentor), label: row.label, addedAt: row.created_at.toISOString() };
}

export async function removeBoardEntry(ctx: DomainCtx, learner: Learner, mentorId: string): Promise<void> {
  if (!(await deleteBoardEntry(ctx.db, learner.tenantId, learner.id, mentorId))) {
    throw new NotFoundError('Board entry');
  }
}
