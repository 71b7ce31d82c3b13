import { type Kysely, sql } from 'kysely';
import type { ActionItemRow, Database, FeedbackRow, SessionNotesRow, Solved } from './database.js';

type Db = Kysely<Database>;

export interface NewFeedback {
  tenantId: string;
  bookingId: string;
  mentorId: string;
  learnerId: string;
  rating: number;
  solved: Solved;
  comment: string | null;
  now: Date;
}

/** Inserts the booking's feedback, or nothing when it already has some (the unique booking_id). */
export async function insertFeedbackOnce(db: Db, f: NewFeedback): Promise<FeedbackRow | undefined> {
  return db
    .insertInto('feedback')
    .values({
      tenant_id: f.tenantId,
      booking_id: f.bookingId,
      mentor_id: f.mentorId,
      learner_id: f.learnerId,
      rating: f.rating,
      solved: f.solved,
      comment: f.comment,
      created_at: f.now,
    })
    .onConflict((oc) => oc.column('booking_id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function findFeedback(
  db: Db,
  tenantId: string,
  bookingId: string,
): Promise<FeedbackRow | undefined> {
  return db
    .selectFrom('feedback')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('booking_id', '=', bookingId)
    .executeTakeFirst();
}

/** Which of these bookings have the learner's feedback (one query for all of them). */
export async function bookingsWithFeedback(
  db: Db,
  tenantId: string,
  bookingIds: readonly string[],
): Promise<Set<string>> {
  if (!bookingIds.length) return new Set();
  const rows = await db
    .selectFrom('feedback')
    .select('booking_id')
    .where('tenant_id', '=', tenantId)
    .where('booking_id', 'in', [...new Set(bookingIds)])
    .execute();
  return new Set(rows.map((row) => row.booking_id));
}

/** Folds one rating into the mentor's running totals (what matching's Bayesian average reads). */
export async function addMentorRating(
  db: Db,
  tenantId: string,
  mentorId: string,
  rating: number,
): Promise<void> {
  await db
    .updateTable('mentors')
    .set({
      rating_sum: sql<number>`rating_sum + ${rating}`,
      rating_count: sql<number>`rating_count + 1`,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', mentorId)
    .execute();
}

export async function findNotes(
  db: Db,
  tenantId: string,
  bookingId: string,
): Promise<SessionNotesRow | undefined> {
  return db
    .selectFrom('session_notes')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('booking_id', '=', bookingId)
    .executeTakeFirst();
}

export async function upsertNotes(
  db: Db,
  notes: { tenantId: string; bookingId: string; summary: string; now: Date },
): Promise<SessionNotesRow> {
  return db
    .insertInto('session_notes')
    .values({
      booking_id: notes.bookingId,
      tenant_id: notes.tenantId,
      summary: notes.summary,
      created_at: notes.now,
      updated_at: notes.now,
    })
    .onConflict((oc) =>
      // Rewritten after retention or erasure took the old text out: the new text is live again.
      oc
        .column('booking_id')
        .doUpdateSet({ summary: notes.summary, updated_at: notes.now, redacted_at: null }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function listActionItems(db: Db, tenantId: string, bookingId: string): Promise<ActionItemRow[]> {
  return db
    .selectFrom('action_items')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('booking_id', '=', bookingId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/**
 * Makes the booking's action items exactly `items`, in order: items sent with an id keep it and
 * their done state (their text and position are updated), the others are created, and
 * existing items not sent are deleted.
 */
export async function replaceActionItems(
  db: Db,
  list: {
    tenantId: string;
    bookingId: string;
    items: { id?: string | undefined; text: string }[];
    now: Date;
  },
): Promise<void> {
  const kept = list.items.flatMap((item) => (item.id ? [item.id] : []));
  let remove = db
    .deleteFrom('action_items')
    .where('tenant_id', '=', list.tenantId)
    .where('booking_id', '=', list.bookingId);
  if (kept.length) remove = remove.where('id', 'not in', kept);
  await remove.execute();
  for (const [position, item] of list.items.entries()) {
    if (item.id) {
      await db
        .updateTable('action_items')
        .set({ text: item.text, position })
        .where('tenant_id', '=', list.tenantId)
        .where('booking_id', '=', list.bookingId)
        .where('id', '=', item.id)
        .execute();
    } else {
      await db
        .insertInto('action_items')
        .values({
          booking_id: list.bookingId,
          tenant_id: list.tenantId,
          text: item.text,
          position,
          created_at: list.now,
        })
        .execute();
    }
  }
}

export async function findActionItem(
  db: Db,
  tenantId: string,
  id: string,
): Promise<ActionItemRow | undefined> {
  return db
    .selectFrom('action_items')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function setActionItemDone(
  db: Db,
  tenantId: string,
  id: string,
  doneAt: Date | null,
): Promise<ActionItemRow> {
  return db
    .updateTable('action_items')
    .set({ done_at: doneAt })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
