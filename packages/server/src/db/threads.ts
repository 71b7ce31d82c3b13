import { type Kysely, sql } from 'kysely';
import type { Database, MessageRow, ThreadRow } from './database.js';
import { pastCursor } from './keyset.js';

type Db = Kysely<Database>;

export async function findThread(db: Db, tenantId: string, id: string): Promise<ThreadRow | undefined> {
  return db
    .selectFrom('threads')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function findRequestThread(
  db: Db,
  tenantId: string,
  requestId: string,
  mentorId: string,
): Promise<ThreadRow | undefined> {
  return db
    .selectFrom('threads')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('request_id', '=', requestId)
    .where('mentor_id', '=', mentorId)
    .executeTakeFirst();
}

export interface NewThread {
  id?: string;
  tenantId: string;
  requestId: string | null;
  bookingId: string | null;
  learnerId: string;
  mentorId: string;
  now: Date;
}

/** Inserts the thread, or does nothing when its request+mentor or booking already has one. */
export async function insertThreadIfAbsent(db: Db, t: NewThread): Promise<ThreadRow | undefined> {
  return db
    .insertInto('threads')
    .values({
      ...(t.id ? { id: t.id } : {}),
      tenant_id: t.tenantId,
      request_id: t.requestId,
      booking_id: t.bookingId,
      learner_id: t.learnerId,
      mentor_id: t.mentorId,
      created_at: t.now,
    })
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function setThreadBooking(
  db: Db,
  tenantId: string,
  id: string,
  bookingId: string,
): Promise<void> {
  await db
    .updateTable('threads')
    .set({ booking_id: bookingId })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export interface ThreadListRow extends ThreadRow {
  activity_at: Date;
}

/** The threads where the user is the learner or (through their mentor row) the mentor, most recent first. */
export async function listThreadsOf(
  db: Db,
  f: {
    tenantId: string;
    userId: string;
    mentorId: string | null;
    limit: number;
    cursor?: { at: string; id: string } | undefined;
  },
): Promise<ThreadListRow[]> {
  const activity = sql<Date>`coalesce(threads.last_message_at, threads.created_at)`;
  let q = db
    .selectFrom('threads')
    .selectAll()
    .select(activity.as('activity_at'))
    .where('tenant_id', '=', f.tenantId)
    .where((eb) =>
      f.mentorId
        ? eb.or([eb('learner_id', '=', f.userId), eb('mentor_id', '=', f.mentorId)])
        : eb('learner_id', '=', f.userId),
    );
  if (f.cursor) {
    q = q.where(pastCursor(activity, 'threads.id', '<', { at: new Date(f.cursor.at), id: f.cursor.id }));
  }
  return q
    .orderBy(activity, 'desc')
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
}

export async function insertMessage(
  db: Db,
  m: { tenantId: string; threadId: string; authorId: string; body: string; now: Date },
): Promise<MessageRow> {
  return db
    .insertInto('messages')
    .values({
      tenant_id: m.tenantId,
      thread_id: m.threadId,
      author_id: m.authorId,
      body: m.body,
      created_at: m.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function touchThread(db: Db, tenantId: string, id: string, at: Date): Promise<void> {
  await db
    .updateTable('threads')
    .set({ last_message_at: at })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

export async function findMessage(
  db: Db,
  tenantId: string,
  threadId: string,
  id: string,
): Promise<MessageRow | undefined> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('thread_id', '=', threadId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function lastMessages(db: Db, tenantId: string, threadIds: string[]): Promise<MessageRow[]> {
  if (threadIds.length === 0) return [];
  return db
    .selectFrom('messages')
    .selectAll()
    .distinctOn('thread_id')
    .where('tenant_id', '=', tenantId)
    .where('thread_id', 'in', threadIds)
    .orderBy('thread_id')
    .orderBy('seq', 'desc')
    .execute();
}

export async function listMessages(
  db: Db,
  f: {
    tenantId: string;
    threadId: string;
    order: 'asc' | 'desc';
    limit: number;
    afterSeq?: number | undefined;
  },
): Promise<MessageRow[]> {
  let q = db
    .selectFrom('messages')
    .selectAll()
    .where('tenant_id', '=', f.tenantId)
    .where('thread_id', '=', f.threadId);
  if (f.afterSeq !== undefined) q = q.where('seq', f.order === 'asc' ? '>' : '<', f.afterSeq);
  return q
    .orderBy('seq', f.order)
    .limit(f.limit + 1)
    .execute();
}

export interface ReadState {
  thread_id: string;
  last_read_message_id: string | null;
  last_read_seq: number;
  unread: number;
}

/** The user's read mark and unread count (messages by the other participant after it) per thread. */
export async function readStates(
  db: Db,
  tenantId: string,
  userId: string,
  threadIds: string[],
): Promise<Map<string, ReadState>> {
  if (threadIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('threads')
    .leftJoin('thread_reads as r', (j) =>
      j.onRef('r.thread_id', '=', 'threads.id').on('r.user_id', '=', userId),
    )
    .select((eb) => [
      'threads.id as thread_id',
      'r.last_read_message_id',
      sql<number>`coalesce(r.last_read_seq, 0)`.as('last_read_seq'),
      eb
        .selectFrom('messages as m')
        .select(sql<number>`count(*)::int`.as('n'))
        .whereRef('m.thread_id', '=', 'threads.id')
        .where('m.author_id', '<>', userId)
        .where(sql<boolean>`m.seq > coalesce(r.last_read_seq, 0)`)
        .as('unread'),
    ])
    .where('threads.tenant_id', '=', tenantId)
    .where('threads.id', 'in', threadIds)
    .execute();
  return new Map(
    rows.map((r) => [
      r.thread_id,
      {
        thread_id: r.thread_id,
        last_read_message_id: r.last_read_message_id ?? null,
        last_read_seq: Number(r.last_read_seq),
        unread: Number(r.unread ?? 0),
      },
    ]),
  );
}

/** Moves the user's read mark forward to the message (never backwards). */
export async function markRead(
  db: Db,
  r: { tenantId: string; threadId: string; userId: string; messageId: string; seq: number; now: Date },
): Promise<void> {
  await db
    .insertInto('thread_reads')
    .values({
      thread_id: r.threadId,
      user_id: r.userId,
      tenant_id: r.tenantId,
      last_read_message_id: r.messageId,
      last_read_seq: r.seq,
      read_at: r.now,
    })
    .onConflict((oc) =>
      oc
        .columns(['thread_id', 'user_id'])
        .doUpdateSet({
          last_read_message_id: (eb) => eb.ref('excluded.last_read_message_id'),
          last_read_seq: (eb) => eb.ref('excluded.last_read_seq'),
          read_at: (eb) => eb.ref('excluded.read_at'),
        })
        .where('thread_reads.last_read_seq', '<', r.seq),
    )
    .execute();
}

/** The mentors a request has a thread with (the learner wrote to them, or they asked for detail). */
export async function requestThreadMentorIds(db: Db, tenantId: string, requestId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('threads')
    .select('mentor_id')
    .where('tenant_id', '=', tenantId)
    .where('request_id', '=', requestId)
    .execute();
  return rows.map((r) => r.mentor_id);
}
