import type { Kysely } from 'kysely';
import type { Database, MentorRow } from './database.js';

type Db = Kysely<Database>;

export interface BoardRow {
  label: string;
  created_at: Date;
  mentor: MentorRow;
}

/** The learner's board: entries whose mentor is still approved, oldest first. */
export async function listBoard(db: Db, tenantId: string, learnerId: string): Promise<BoardRow[]> {
  const rows = await db
    .selectFrom('board_entries as b')
    .innerJoin('mentors as m', 'm.id', 'b.mentor_id')
    .selectAll('m')
    .select(['b.label as board_label', 'b.created_at as board_created_at'])
    .where('b.tenant_id', '=', tenantId)
    .where('b.learner_id', '=', learnerId)
    .where('m.tenant_id', '=', tenantId)
    .where('m.status', '=', 'approved')
    .where('m.deleted_at', 'is', null)
    .orderBy('b.created_at')
    .orderBy('m.name')
    .orderBy('m.id')
    .execute();
  return rows.map(({ board_label, board_created_at, ...mentor }) => ({
    label: board_label,
    created_at: board_created_at,
    mentor,
  }));
}

export async function countBoard(db: Db, tenantId: string, learnerId: string): Promise<number> {
  const row = await db
    .selectFrom('board_entries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('learner_id', '=', learnerId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findBoardEntry(db: Db, tenantId: string, learnerId: string, mentorId: string) {
  return db
    .selectFrom('board_entries')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('learner_id', '=', learnerId)
    .where('mentor_id', '=', mentorId)
    .executeTakeFirst();
}

/** Adds the mentor to the learner's board, or relabels them; the first added time stays. */
export async function upsertBoardEntry(
  db: Db,
  entry: { tenantId: string; learnerId: string; mentorId: string; label: string; now: Date },
): Promise<{ label: string; created_at: Date }> {
  return db
    .insertInto('board_entries')
    .values({
      tenant_id: entry.tenantId,
      learner_id: entry.learnerId,
      mentor_id: entry.mentorId,
      label: entry.label,
      created_at: entry.now,
    })
    .onConflict((oc) => oc.columns(['learner_id', 'mentor_id']).doUpdateSet({ label: entry.label }))
    .returning(['label', 'created_at'])
    .executeTakeFirstOrThrow();
}

export async function deleteBoardEntry(
  db: Db,
  tenantId: string,
  learnerId: string,
  mentorId: string,
): Promise<boolean> {
  const result = await db
    .deleteFrom('board_entries')
    .where('tenant_id', '=', tenantId)
    .where('learner_id', '=', learnerId)
    .where('mentor_id', '=', mentorId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
