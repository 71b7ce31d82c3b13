import type { Kysely } from 'kysely';
import { heldSessions, mentorThreadMessages, sessionActionItems } from '../../db/advice.js';
import type { Database } from '../../db/database.js';
import type { MentorAdviceView } from '../../schemas/advice.js';
import type { MentorAdvice } from './compare.js';
import { noteSentences } from './note-sentences.js';

/**
 * What each mentor advised on a question's requests: their held sessions' action items and notes,
 * and what they wrote in the question's threads (or its sessions' threads). Mentors in the order
 * of their first session, then those with only a thread. Each comes with the pieces compare.ts
 * reads: every action item, and every sentence of their notes and messages.
 */
export async function adviceOnRequests(
  db: Kysely<Database>,
  tenantId: string,
  requestIds: readonly string[],
  now: Date,
): Promise<{ view: MentorAdviceView; advice: MentorAdvice }[]> {
  const sessions = await heldSessions(db, tenantId, requestIds, now);
  const bookingIds = sessions.map((s) => s.id);
  const [items, messages] = await Promise.all([
    sessionActionItems(db, tenantId, bookingIds),
    mentorThreadMessages(db, tenantId, requestIds, bookingIds),
  ]);
  const byMentor = new Map<string, MentorAdviceView>();
  const mentorOf = (id: string, name: string) => {
    const known = byMentor.get(id);
    if (known) return known;
    const view: MentorAdviceView = { mentor: { id, name }, items: [], notes: [] };
    byMentor.set(id, view);
    return view;
  };
  const sessionMentor = new Map(sessions.map((s) => [s.id, s.mentor_id]));
  for (const s of sessions) {
    const view = mentorOf(s.mentor_id, s.mentor_name);
    if (s.summary?.trim()) view.notes.push({ id: s.id, source: 'session', text: s.summary });
  }
  for (const item of items) {
    const view = byMentor.get(sessionMentor.get(item.booking_id) ?? '');
    view?.items.push({
      id: item.id,
      bookingId: item.booking_id,
      text: item.text,
      done: item.done_at !== null,
    });
  }
  for (const m of messages) {
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
