import type { Kysely } from 'kysely';
import { heldSessions, mentorThreadMessages, sessionActionItems } from '../../db/advice.js';
import type { Database } from '../../db/database.js';
import type { MentorAdviceView } from '../../schemas/advice.js';
import type { MentorAdvice } from './compare.js';
import { noteSentences } from './note-sentences.js';

export interface AdviceOfMentor {
  view: MentorAdviceView;
  /** The pieces compare.ts reads: every action item, every sentence of notes and messages. */
  advice: MentorAdvice;
}

type AdviceRows = Awaited<ReturnType<typeof loadAdviceRows>>;

/** The held sessions, their action items and the mentors' thread messages of these requests (3 queries). */
async function loadAdviceRows(
  db: Kysely<Database>,
  tenantId: string,
  requestIds: readonly string[],
  now: Date,
) {
  const sessions = await heldSessions(db, tenantId, requestIds, now);
  const bookingIds = sessions.map((s) => s.id);
  const [items, messages] = await Promise.all([
    sessionActionItems(db, tenantId, bookingIds),
    mentorThreadMessages(db, tenantId, requestIds, bookingIds),
  ]);
  return { sessions, items, messages };
}

/**
 * What each mentor advised on the requests `of` (a subset of the loaded ones): their held
 * sessions' action items and notes, and what they wrote in the requests' threads (or their
 * sessions' threads). Mentors in the order of their first session, then those with only a thread.
 */
function adviceFrom(rows: AdviceRows, of: ReadonlySet<string>): AdviceOfMentor[] {
  const sessions = rows.sessions.filter((s) => s.request_id !== null && of.has(s.request_id));
  const sessionMentor = new Map(sessions.map((s) => [s.id, s.mentor_id]));
  const byMentor = new Map<string, MentorAdviceView>();
  const mentorOf = (id: string, name: string) => {
    const known = byMentor.get(id);
    if (known) return known;
    const view: MentorAdviceView = { mentor: { id, name }, items: [], notes: [] };
    byMentor.set(id, view);
    return view;
  };
  for (const s of sessions) {
    const view = mentorOf(s.mentor_id, s.mentor_name);
    if (s.summary?.trim()) view.notes.push({ id: s.id, source: 'session', text: s.summary });
  }
  for (const item of rows.items) {
    const view = byMentor.get(sessionMentor.get(item.booking_id) ?? '');
    view?.items.push({
      id: item.id,
      bookingId: item.booking_id,
      text: item.text,
      done: item.done_at !== null,
    });
  }
  for (const m of rows.messages) {
    const ours =
      m.request_id !== null ? of.has(m.request_id) : m.booking_id !== null && sessionMentor.has(m.booking_id);
    if (!ours) continue;
    const view = mentorOf(m.mentor_id, m.mentor_name);
    if (m.message_id && m.body?.trim()) view.notes.push({ id: m.message_id, source: 'thread', text: m.body });
  }
  return [...byMentor.values()].map((view) => ({
    view,
    advice: {
      mentorId: view.mentor.id,
      mentorName: view.mentor.name,
      pieces: [
        ...view.items.map((i) => ({ id: i.id, kind: 'action_item' as const, text: i.text })),
        ...view.notes.flatMap((n) =>
          noteSentences(n.text).map((text, k) => ({ id: `${n.id}#${k}`, kind: 'note' as const, text })),
        ),
      ],
    },
  }));
}

/** What each mentor advised on one question's requests (see `adviceFrom`). */
export async function adviceOnRequests(
  db: Kysely<Database>,
  tenantId: string,
  requestIds: readonly string[],
  now: Date,
): Promise<AdviceOfMentor[]> {
  return adviceFrom(await loadAdviceRows(db, tenantId, requestIds, now), new Set(requestIds));
}

/** The same for several questions at once, in 3 queries (My help's list), by question. */
export async function adviceOnQuestions(
  db: Kysely<Database>,
  tenantId: string,
  questions: readonly { id: string; requestIds: readonly string[] }[],
  now: Date,
): Promise<Map<string, AdviceOfMentor[]>> {
  const rows = await loadAdviceRows(
    db,
    tenantId,
    questions.flatMap((q) => q.requestIds),
    now,
  );
  return new Map(questions.map((q) => [q.id, adviceFrom(rows, new Set(q.requestIds))]));
}
