import type { Kysely } from 'kysely';
import { bookingRequestIds } from '../../db/bookings.js';
import type { Database, MessageRow, ThreadRow } from '../../db/database.js';
import { findHelpRequest } from '../../db/help-requests.js';
import { enqueueJob } from '../../db/jobs.js';
import { findMentor, findMentorByExternalId, mentorNames } from '../../db/mentors.js';
import {
  findMessage,
  findRequestThread,
  findThread,
  insertMessage,
  insertThreadIfAbsent,
  lastMessages,
  listMessages,
  listThreadsOf,
  markRead,
  readStates,
  setThreadBooking,
  touchThread,
} from '../../db/threads.js';
import { userNames } from '../../db/users.js';
import type { EarlierAdviceFields } from '../../schemas/advice.js';
import type { PreviousSession } from '../../schemas/bookings.js';
import type { Message, Thread, ThreadRole } from '../../schemas/threads.js';
import type { Actor } from '../actor.js';
import { earlierAdviceByRequest } from '../advice/earlier-advice.js';
import { previousSessionsFor } from '../booking/previous-sessions.js';
import type { DomainCtx } from '../context.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.js';
import { recordEvent } from '../events/record-event.js';
import { mentorAudience } from '../events/record-mentor-events.js';
import { refreshMedianResponse } from '../mentors/response-time.js';
import { pageOf } from '../page.js';
import { requestBriefs } from '../requests/request-brief.js';
import { REPLY_WINDOW_JOB, requestSubject } from '../requests/request-jobs.js';

const HOUR = 3_600_000;

export interface ThreadAccess {
  row: ThreadRow;
  role: ThreadRole;
  userId: string;
}

function callerOf(actor: Actor): { id: string; externalId: string } {
  // Threads are private to their two participants: the program (a key without a user) sees none.
  if (!actor.user) throw new NotFoundError('Thread');
  return actor.user;
}

/** The thread if the caller is its learner or its mentor; anyone else: not found. */
export async function accessThread(ctx: DomainCtx, actor: Actor, id: string): Promise<ThreadAccess> {
  const user = callerOf(actor);
  const row = await findThread(ctx.db, actor.tenantId, id);
  if (!row) throw new NotFoundError('Thread');
  if (row.learner_id === user.id) return { row, role: 'learner', userId: user.id };
  const mentor = await findMentor(ctx.db, actor.tenantId, row.mentor_id);
  if (mentor?.external_id && mentor.external_id === user.externalId)
    return { row, role: 'mentor', userId: user.id };
  throw new NotFoundError('Thread');
}

function toMessage(row: MessageRow, learnerId: string): Message {
  return {
    id: row.id,
    threadId: row.thread_id,
    authorId: row.author_id,
    authorRole: row.author_id === learnerId ? 'learner' : 'mentor',
    body: row.body,
    createdAt: row.created_at.toISOString(),
  };
}

/** Thread views for the caller: names, last message and read state, in a few queries for a page. */
async function threadViews(
  ctx: DomainCtx,
  tenantId: string,
  userId: string,
  rows: { row: ThreadRow; role: ThreadRole }[],
): Promise<Thread[]> {
  const ids = rows.map((r) => r.row.id);
  if (ids.length === 0) return [];
  const [learnerNames, mentorNamesById, last, reads] = await Promise.all([
    userNames(
      ctx.db,
      tenantId,
      rows.map((r) => r.row.learner_id),
    ),
    mentorNames(
      ctx.db,
      tenantId,
      rows.map((r) => r.row.mentor_id),
    ),
    lastMessages(ctx.db, tenantId, ids),
    readStates(ctx.db, tenantId, userId, ids),
  ]);
  const lastBy = new Map(last.map((m) => [m.thread_id, m]));
  // The request it is about: its own, or its session's (a thread opened for a booking).
  const sessionRequests = await bookingRequestIds(
    ctx.db,
    tenantId,
    rows.flatMap((r) => (r.row.request_id === null && r.row.booking_id ? [r.row.booking_id] : [])),
  );
  const requestOf = (row: ThreadRow) =>
    row.request_id ?? (row.booking_id ? (sessionRequests.get(row.booking_id) ?? null) : null);
  const requests = await requestBriefs(
    ctx.db,
    tenantId,
    rows.map((r) => requestOf(r.row)),
  );
  const previous = await mentorsEarlierSessions(ctx, tenantId, rows);
  const mentorRows = rows.filter((r) => r.role === 'mentor').map((r) => r.row);
  // The caller is the mentor of all their mentor-role threads: one profile.
  const earlierAdvice = mentorRows[0]
    ? await earlierAdviceByRequest(
        ctx.db,
        tenantId,
        mentorRows.map(requestOf),
        mentorRows[0].mentor_id,
        ctx.clock.now(),
      )
    : new Map<string, EarlierAdviceFields>();
  return rows.map(({ row, role }) => {
    const requestId = requestOf(row);
    const brief = (requestId && requests.get(requestId)) || null;
    const advice = role === 'mentor' && requestId ? earlierAdvice.get(requestId) : undefined;
    const earlier = previous.get(row.id);
    const lastMessage = lastBy.get(row.id);
    const read = reads.get(row.id);
    return {
      id: row.id,
      requestId: row.request_id,
      bookingId: row.booking_id,
      learner: { id: row.learner_id, name: learnerNames.get(row.learner_id) ?? '' },
      mentor: { id: row.mentor_id, name: mentorNamesById.get(row.mentor_id) ?? '' },
      role,
      createdAt: row.created_at.toISOString(),
      lastMessageAt: row.last_message_at?.toISOString() ?? null,
      lastMessage: lastMessage ? toMessage(lastMessage, row.learner_id) : null,
      unreadCount: read?.unread ?? 0,
      lastReadMessageId: read?.last_read_message_id ?? null,
      request: brief && advice ? { ...brief, ...advice } : brief,
      ...(earlier ? { previousSessions: earlier } : {}),
    };
  });
}

/**
 * For the threads the caller reads as their mentor: the sessions they held with that learner
 * before now (the thread's own session left out), by thread id. One query per mentor profile
 * (a caller has at most one).
 */
async function mentorsEarlierSessions(
  ctx: DomainCtx,
  tenantId: string,
  rows: { row: ThreadRow; role: ThreadRole }[],
): Promise<Map<string, PreviousSession[]>> {
  const mine = rows.filter((r) => r.role === 'mentor').map((r) => r.row);
  const result = new Map<string, PreviousSession[]>();
  const now = ctx.clock.now();
  for (const mentorId of new Set(mine.map((row) => row.mentor_id))) {
    const threads = mine.filter((row) => row.mentor_id === mentorId);
    const previous = await previousSessionsFor(
      ctx.db,
      tenantId,
      mentorId,
      threads.map((row) => ({ learnerId: row.learner_id, before: now, exceptBookingId: row.booking_id })),
      now,
    );
    for (const [i, row] of threads.entries()) result.set(row.id, previous[i] ?? []);
  }
  return result;
}

export async function getThread(ctx: DomainCtx, actor: Actor, id: string): Promise<Thread> {
  const access = await accessThread(ctx, actor, id);
  const [view] = await threadViews(ctx, actor.tenantId, access.userId, [access]);
  return view!;
}

export type ThreadCursor = { at: string; id: string };

export async function listMyThreads(
  ctx: DomainCtx,
  actor: Actor,
  query: { limit: number; cursor?: ThreadCursor | undefined },
): Promise<{ data: Thread[]; next: ThreadCursor | null }> {
  const user = actor.user;
  if (!user) throw new InvalidInputError('Listing your threads needs a user token.');
  const mentor = await findMentorByExternalId(ctx.db, actor.tenantId, user.externalId);
  const rows = await listThreadsOf(ctx.db, {
    tenantId: actor.tenantId,
    userId: user.id,
    mentorId: mentor?.id ?? null,
    limit: query.limit,
    cursor: query.cursor,
  });
  const page = pageOf(
    rows,
    query.limit,
    (row) => ({ row, role: row.learner_id === user.id ? ('learner' as const) : ('mentor' as const) }),
    (last) => ({ at: last.activity_at.toISOString(), id: last.id }),
  );
  return { data: await threadViews(ctx, actor.tenantId, user.id, page.data), next: page.next };
}

/**
 * Opens (or returns) the thread of a request with one of its matched mentors. The learner
 * names the mentor ("message instead" of booking); a matched mentor opens it for themself
 * ("ask for more detail"). Anyone else: the request is not found.
 */
export async function startRequestThread(
  ctx: DomainCtx,
  actor: Actor,
  requestId: string,
  input: { mentorId?: string | undefined; message?: string | undefined },
): Promise<{ thread: Thread; created: boolean }> {
  const user = callerOf(actor);
  const request = await findHelpRequest(ctx.db, actor.tenantId, requestId);
  if (!request) throw new NotFoundError('Help request');
  let mentorId: string;
  let role: ThreadRole;
  if (request.learner_id === user.id) {
    if (!input.mentorId) {
      throw new InvalidInputError('Say which of your matched mentors to message.', [
        { path: 'body.mentorId', message: 'is required for the learner' },
      ]);
    }
    mentorId = input.mentorId;
    role = 'learner';
  } else {
    const own = await findMentorByExternalId(ctx.db, actor.tenantId, user.externalId);
    const matched =
      own &&
      (await ctx.db
        .selectFrom('request_matches')
        .select('mentor_id')
        .where('tenant_id', '=', actor.tenantId)
        .where('request_id', '=', requestId)
        .where('mentor_id', '=', own.id)
        .executeTakeFirst());
    if (!own || !matched || (input.mentorId && input.mentorId !== own.id))
      throw new NotFoundError('Help request');
    mentorId = own.id;
    role = 'mentor';
  }
  const existing = await findRequestThread(ctx.db, actor.tenantId, requestId, mentorId);
  if (existing)
    return {
      thread: (await threadViews(ctx, actor.tenantId, user.id, [{ row: existing, role }]))[0]!,
      created: false,
    };

  if (role === 'learner') {
    const match = await ctx.db
      .selectFrom('request_matches')
      .select('mentor_id')
      .where('tenant_id', '=', actor.tenantId)
      .where('request_id', '=', requestId)
      .where('mentor_id', '=', mentorId)
      .executeTakeFirst();
    if (!match) {
      throw new ConflictError('mentor_not_matched', 'That mentor is not one of this request’s matches.');
    }
  }
  if (request.status === 'cancelled' || request.status === 'expired') {
    throw new ConflictError('request_closed', `This request is ${request.status}; start a new one.`);
  }
  const inserted = await insertThreadIfAbsent(ctx.db, {
    tenantId: actor.tenantId,
    requestId,
    bookingId: null,
    learnerId: request.learner_id,
    mentorId,
    now: ctx.clock.now(),
  });
  const row = inserted ?? (await findRequestThread(ctx.db, actor.tenantId, requestId, mentorId));
  if (!row) throw new ConflictError('thread_conflict', 'The thread could not be opened; try again.');
  // Opened with a first message (the widget's "Message … instead" sends the question): in the
  // same transaction, so the thread never exists without it. Only by the call that opened it.
  if (inserted && input.message) await postMessage(ctx, actor, row.id, input.message);
  const opened =
    (input.message && (await findRequestThread(ctx.db, actor.tenantId, requestId, mentorId))) || row;
  return {
    thread: (await threadViews(ctx, actor.tenantId, user.id, [{ row: opened, role }]))[0]!,
    created: inserted !== undefined,
  };
}

/**
 * The thread of a chat booking: its request's thread with that mentor when there is one (the
 * conversation continues), otherwise a new one with `proposedId`. Called inside the booking's
 * transaction, before the booking row is written (its `thread_id`); `attachBookingThread` links it after.
 */
export async function chatThreadIdFor(
  db: Kysely<Database>,
  tenantId: string,
  requestId: string | null,
  mentorId: string,
  proposedId: string,
): Promise<string> {
  if (!requestId) return proposedId;
  const existing = await findRequestThread(db, tenantId, requestId, mentorId);
  return existing && existing.booking_id === null ? existing.id : proposedId;
}

export async function attachBookingThread(
  db: Kysely<Database>,
  b: {
    tenantId: string;
    threadId: string;
    bookingId: string;
    requestId: string | null;
    learnerId: string;
    mentorId: string;
    now: Date;
  },
): Promise<void> {
  const existing = await findThread(db, b.tenantId, b.threadId);
  if (existing) {
    await setThreadBooking(db, b.tenantId, b.threadId, b.bookingId);
    return;
  }
  // A second chat booking for the same request and mentor gets a thread of its own.
  const sameRequest = b.requestId
    ? await findRequestThread(db, b.tenantId, b.requestId, b.mentorId)
    : undefined;
  await insertThreadIfAbsent(db, {
    id: b.threadId,
    tenantId: b.tenantId,
    requestId: sameRequest ? null : b.requestId,
    bookingId: b.bookingId,
    learnerId: b.learnerId,
    mentorId: b.mentorId,
    now: b.now,
  });
}

export type MessageCursor = { seq: number; order: 'asc' | 'desc' };

export async function listThreadMessages(
  ctx: DomainCtx,
  actor: Actor,
  threadId: string,
  query: { order: 'asc' | 'desc'; limit: number; cursor?: MessageCursor | undefined },
): Promise<{ data: Message[]; next: MessageCursor | null }> {
  const { row } = await accessThread(ctx, actor, threadId);
  if (query.cursor && query.cursor.order !== query.order) {
    throw new InvalidInputError('This cursor belongs to a list in the other order.', [
      { path: 'query.cursor', message: 'was issued for the other order' },
    ]);
  }
  const rows = await listMessages(ctx.db, {
    tenantId: actor.tenantId,
    threadId,
    order: query.order,
    limit: query.limit,
    afterSeq: query.cursor?.seq,
  });
  return pageOf(
    rows,
    query.limit,
    (m) => toMessage(m, row.learner_id),
    (last) => ({ seq: last.seq, order: query.order }),
  );
}

/** Posts a message: the author's read mark moves to it, and both participants get `message.created`. */
async function isFirstFrom(db: Kysely<Database>, threadId: string, authorId: string): Promise<boolean> {
  const rows = await db
    .selectFrom('messages')
    .select('id')
    .where('thread_id', '=', threadId)
    .where('author_id', '=', authorId)
    .limit(2)
    .execute();
  return rows.length === 1;
}

/**
 * The learner wrote about their request and now waits on the mentor: unless they were already
 * waiting (their previous message is unanswered too), the mentor has `mentorReplyWindowHours`
 * before the request goes to the next mentor (domain/requests/reply-window-job.ts).
 */
async function armReplyWindow(ctx: DomainCtx, actor: Actor, row: ThreadRow, message: MessageRow) {
  const previous = await ctx.db
    .selectFrom('messages')
    .select('author_id')
    .where('tenant_id', '=', actor.tenantId)
    .where('thread_id', '=', row.id)
    .where('seq', '<', message.seq)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (previous?.author_id === row.learner_id) return;
  const requestId = row.request_id!;
  await enqueueJob(
    ctx.db,
    {
      tenantId: actor.tenantId,
      kind: REPLY_WINDOW_JOB,
      subject: requestSubject(requestId),
      payload: { requestId, mentorId: row.mentor_id, threadId: row.id, afterSeq: message.seq },
      runAt: new Date(message.created_at.getTime() + actor.settings.mentorReplyWindowHours * HOUR),
    },
    message.created_at,
  );
}

export async function postMessage(
  ctx: DomainCtx,
  actor: Actor,
  threadId: string,
  body: string,
): Promise<Message> {
  const { row, userId } = await accessThread(ctx, actor, threadId);
  const now = ctx.clock.now();
  const message = await insertMessage(ctx.db, {
    tenantId: actor.tenantId,
    threadId,
    authorId: userId,
    body,
    now,
  });
  await touchThread(ctx.db, actor.tenantId, threadId, now);
  await markRead(ctx.db, {
    tenantId: actor.tenantId,
    threadId,
    userId,
    messageId: message.id,
    seq: message.seq,
    now,
  });
  if (userId === row.learner_id && row.request_id && row.booking_id === null) {
    await armReplyWindow(ctx, actor, row, message);
  }
  if (userId !== row.learner_id && row.request_id && (await isFirstFrom(ctx.db, threadId, userId))) {
    // The mentor's first answer in a request's thread is a response: their median moves.
    await refreshMedianResponse(ctx.db, actor.tenantId, row.mentor_id);
  }
  const view = toMessage(message, row.learner_id);
  await recordEvent(ctx.db, {
    tenantId: actor.tenantId,
    type: 'message.created',
    data: { threadId, requestId: row.request_id, bookingId: row.booking_id, message: view },
    userIds: [row.learner_id, ...(await mentorAudience(ctx.db, actor.tenantId, row.mentor_id))],
    at: now,
  });
  return view;
}

/** Moves the caller's read mark to the message (default: the latest); never backwards. */
export async function markThreadRead(
  ctx: DomainCtx,
  actor: Actor,
  threadId: string,
  messageId: string | undefined,
): Promise<Thread> {
  const access = await accessThread(ctx, actor, threadId);
  const target = messageId
    ? await findMessage(ctx.db, actor.tenantId, threadId, messageId)
    : (await listMessages(ctx.db, { tenantId: actor.tenantId, threadId, order: 'desc', limit: 1 }))[0];
  if (messageId && !target) throw new NotFoundError('Message');
  if (target) {
    await markRead(ctx.db, {
      tenantId: actor.tenantId,
      threadId,
      userId: access.userId,
      messageId: target.id,
      seq: target.seq,
      now: ctx.clock.now(),
    });
  }
  const [view] = await threadViews(ctx, actor.tenantId, access.userId, [access]);
  return view!;
}
