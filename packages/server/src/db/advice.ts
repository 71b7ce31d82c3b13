import type { Kysely } from 'kysely';
import type { Database, QuestionChoiceRow } from './database.js';

type Db = Kysely<Database>;

/** A learner's requests as the same-question grouping reads them (domain/advice/same-question.ts). */
export async function learnerRequests(db: Db, tenantId: string, learnerId: string) {
  return db
    .selectFrom('help_requests')
    .select(['id', 'title', 'skills', 'created_at as createdAt'])
    .where('tenant_id', '=', tenantId)
    .where('learner_id', '=', learnerId)
    .execute();
}

/** A request's learner (tenant-scoped), to find the learner's other requests of the same question. */
export async function requestLearner(db: Db, tenantId: string, requestId: string) {
  const row = await db
    .selectFrom('help_requests')
    .select('learner_id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', requestId)
    .executeTakeFirst();
  return row?.learner_id;
}

/** Those of these requests whose learner shares earlier advice on at least one question. */
export async function requestsOfSharingLearners(
  db: Db,
  tenantId: string,
  requestIds: readonly string[],
): Promise<Set<string>> {
  if (requestIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('help_requests as r')
    .select('r.id')
    .where('r.tenant_id', '=', tenantId)
    .where('r.id', 'in', [...requestIds])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('question_choices as c')
          .select('c.question_id')
          .whereRef('c.tenant_id', '=', 'r.tenant_id')
          .whereRef('c.learner_id', '=', 'r.learner_id')
          .where('c.share_earlier_advice', '=', true),
      ),
    )
    .execute();
  return new Set(rows.map((r) => r.id));
}

/**
 * The sessions of these requests that have begun and were held (not cancelled, no no-show),
 * with their mentor's name and notes (none once redacted), oldest first.
 */
export async function heldSessions(db: Db, tenantId: string, requestIds: readonly string[], now: Date) {
  if (requestIds.length === 0) return [];
  return db
    .selectFrom('bookings as b')
    .innerJoin('mentors as m', (j) =>
      j.onRef('m.id', '=', 'b.mentor_id').onRef('m.tenant_id', '=', 'b.tenant_id'),
    )
    .leftJoin('session_notes as n', (j) =>
      j
        .onRef('n.booking_id', '=', 'b.id')
        .onRef('n.tenant_id', '=', 'b.tenant_id')
        .on('n.redacted_at', 'is', null),
    )
    .select(['b.id', 'b.request_id', 'b.mentor_id', 'm.name as mentor_name', 'b.start_at', 'n.summary'])
    .where('b.tenant_id', '=', tenantId)
    .where('b.request_id', 'in', [...requestIds])
    .where('b.status', 'not in', ['cancelled', 'no_show'])
    .where('b.start_at', '<=', now)
    .orderBy('b.start_at')
    .orderBy('b.id')
    .execute();
}

/** The action items of these sessions, in each session's order. */
export async function sessionActionItems(db: Db, tenantId: string, bookingIds: readonly string[]) {
  if (bookingIds.length === 0) return [];
  return db
    .selectFrom('action_items')
    .select(['id', 'booking_id', 'text', 'done_at'])
    .where('tenant_id', '=', tenantId)
    .where('booking_id', 'in', [...bookingIds])
    .orderBy('booking_id')
    .orderBy('position')
    .execute();
}

/**
 * The threads of these requests (or of these sessions) and what their mentor wrote in them
 * (a message by anyone but the thread's learner; none once redacted), oldest first.
 */
export async function mentorThreadMessages(
  db: Db,
  tenantId: string,
  requestIds: readonly string[],
  bookingIds: readonly string[],
) {
  if (requestIds.length === 0 && bookingIds.length === 0) return [];
  return db
    .selectFrom('threads as t')
    .innerJoin('mentors as m', (j) =>
      j.onRef('m.id', '=', 't.mentor_id').onRef('m.tenant_id', '=', 't.tenant_id'),
    )
    .leftJoin('messages as msg', (j) =>
      j
        .onRef('msg.thread_id', '=', 't.id')
        .onRef('msg.tenant_id', '=', 't.tenant_id')
        .onRef('msg.author_id', '!=', 't.learner_id')
        .on('msg.redacted_at', 'is', null),
    )
    .select([
      't.id as thread_id',
      't.request_id',
      't.booking_id',
      't.mentor_id',
      'm.name as mentor_name',
      'msg.id as message_id',
      'msg.body',
    ])
    .where('t.tenant_id', '=', tenantId)
    .where((eb) =>
      eb.or([
        ...(requestIds.length ? [eb('t.request_id', 'in', [...requestIds])] : []),
        ...(bookingIds.length ? [eb('t.booking_id', 'in', [...bookingIds])] : []),
      ]),
    )
    .orderBy('t.created_at')
    .orderBy('t.id')
    .orderBy('msg.seq')
    .execute();
}

export async function findQuestionChoice(db: Db, tenantId: string, questionId: string) {
  return db
    .selectFrom('question_choices')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('question_id', '=', questionId)
    .executeTakeFirst();
}

/** The learner's choices on all their questions (My help's list, their export). */
export async function learnerQuestionChoices(
  db: Db,
  tenantId: string,
  learnerId: string,
): Promise<QuestionChoiceRow[]> {
  return db
    .selectFrom('question_choices')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('learner_id', '=', learnerId)
    .orderBy('created_at')
    .orderBy('question_id')
    .execute();
}

/** The learner's choice on one question: what they decided, or whether earlier advice is shared. */
type QuestionChoice = { decision: string; decided_at: Date } | { share_earlier_advice: boolean };

/** Records one of the learner's choices on the question, creating its row on first use. */
async function upsertChoice(
  db: Db,
  c: { tenantId: string; questionId: string; learnerId: string; now: Date },
  choice: QuestionChoice,
): Promise<QuestionChoiceRow> {
  return db
    .insertInto('question_choices')
    .values({
      tenant_id: c.tenantId,
      question_id: c.questionId,
      learner_id: c.learnerId,
      ...choice,
      created_at: c.now,
      updated_at: c.now,
    })
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'question_id']).doUpdateSet({ ...choice, updated_at: c.now }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Records (or rewrites) what the learner decided on the question. */
export function upsertDecision(
  db: Db,
  c: { tenantId: string; questionId: string; learnerId: string; text: string; now: Date },
): Promise<QuestionChoiceRow> {
  return upsertChoice(db, c, { decision: c.text, decided_at: c.now });
}

/** Turns sharing the question's earlier advice with its later mentors on or off. */
export function upsertShare(
  db: Db,
  c: { tenantId: string; questionId: string; learnerId: string; on: boolean; now: Date },
): Promise<QuestionChoiceRow> {
  return upsertChoice(db, c, { share_earlier_advice: c.on });
}

/** Erasure: the learner's decisions and sharing choices go. */
export async function deleteQuestionChoices(db: Db, tenantId: string, learnerId: string) {
  return db
    .deleteFrom('question_choices')
    .where('tenant_id', '=', tenantId)
    .where('learner_id', '=', learnerId)
    .executeTakeFirst();
}
