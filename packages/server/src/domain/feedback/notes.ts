import type { ActionItemRow } from '../../db/database.js';
import {
  findActionItem,
  findNotes,
  listActionItems,
  replaceActionItems,
  setActionItemDone,
  upsertNotes,
} from '../../db/feedback.js';
import type { ActionItem, SessionNotes, SetNotesInput } from '../../schemas/feedback.js';
import type { Actor } from '../actor.js';
import type { DomainCtx } from '../context.js';
import {
  ConflictError,
  type FieldIssue,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
} from '../errors.js';
import { recordEvent } from '../events/record-event.js';
import { sessionParties } from './session-parties.js';

export function toActionItem(row: ActionItemRow): ActionItem {
  return {
    id: row.id,
    bookingId: row.booking_id,
    text: row.text,
    position: row.position,
    done: row.done_at !== null,
    doneAt: row.done_at?.toISOString() ?? null,
  };
}

async function readNotes(ctx: DomainCtx, tenantId: string, bookingId: string): Promise<SessionNotes> {
  const notes = await findNotes(ctx.db, tenantId, bookingId);
  const items = notes ? await listActionItems(ctx.db, tenantId, bookingId) : [];
  return {
    bookingId,
    summary: notes?.summary ?? '',
    actionItems: items.map(toActionItem),
    updatedAt: notes?.updated_at.toISOString() ?? null,
  };
}

/** The session's notes and action items (empty until the mentor writes them). */
export async function getNotes(ctx: DomainCtx, actor: Actor, bookingId: string): Promise<SessionNotes> {
  await sessionParties(ctx, actor, bookingId);
  return readNotes(ctx, actor.tenantId, bookingId);
}

/**
 * The mentor writes (or rewrites) the session's summary and action items. The list replaces
 * the old one; items sent back with their id keep it and their done state.
 */
export async function setNotes(
  ctx: DomainCtx,
  actor: Actor,
  bookingId: string,
  input: SetNotesInput,
): Promise<SessionNotes> {
  const { booking, isMentor } = await sessionParties(ctx, actor, bookingId);
  if (!isMentor)
    throw new ForbiddenError('forbidden', 'Only the mentor of this session can write its notes.');
  if (booking.status === 'cancelled') {
    throw new ConflictError('booking_cancelled', 'This session was cancelled, so it has no notes.');
  }
  const now = ctx.clock.now();
  // Writing the notes row first locks it, so concurrent rewrites of one session queue here.
  await upsertNotes(ctx.db, { tenantId: actor.tenantId, bookingId, summary: input.summary, now });
  const existing = new Set((await listActionItems(ctx.db, actor.tenantId, bookingId)).map((i) => i.id));
  const seen = new Set<string>();
  const problems: FieldIssue[] = [];
  for (const [index, item] of input.actionItems.entries()) {
    if (!item.id) continue;
    const path = `body.actionItems.${index}.id`;
    if (seen.has(item.id)) problems.push({ path, message: 'appears twice in the list' });
    else if (!existing.has(item.id))
      problems.push({ path, message: 'is not an action item of this session' });
    seen.add(item.id);
  }
  if (problems.length) {
    throw new InvalidInputError('An action item id must be one of this session’s, sent once.', problems);
  }
  await replaceActionItems(ctx.db, { tenantId: actor.tenantId, bookingId, items: input.actionItems, now });
  const notes = await readNotes(ctx, actor.tenantId, bookingId);
  await recordEvent(ctx.db, {
    tenantId: actor.tenantId,
    type: 'notes.updated',
    data: { bookingId, mentorId: booking.mentor_id, actionItems: notes.actionItems.length },
    userIds: [booking.learner_id],
    at: now,
  });
  return notes;
}

/** The learner ticks an action item off (or on again). Ticking twice keeps the first time. */
export async function markActionItem(
  ctx: DomainCtx,
  actor: Actor,
  id: string,
  done: boolean,
): Promise<ActionItem> {
  const item = await findActionItem(ctx.db, actor.tenantId, id);
  if (!item) throw new NotFoundError('Action item');
  const { isLearner } = await sessionParties(ctx, actor, item.booking_id).catch((error: unknown) => {
    if (error instanceof NotFoundError) throw new NotFoundError('Action item');
    throw error;
  });
  if (!isLearner) {
    throw new ForbiddenError('forbidden', 'Only the learner of this session ticks off its action items.');
  }
  const doneAt = done ? (item.done_at ?? ctx.clock.now()) : null;
  return toActionItem(await setActionItemDone(ctx.db, actor.tenantId, id, doneAt));
}
