import type { Kysely } from 'kysely';
import { findQuestionChoice, requestLearner, requestsOfSharingLearners } from '../../db/advice.js';
import type { Database } from '../../db/database.js';
import type { EarlierAdviceFields } from '../../schemas/advice.js';
import { adviceOnRequests } from './mentor-advice.js';
import { questionsOfLearner } from './questions.js';

export const EARLIER_NOTES_EXCERPT = 280;

const excerpt = (text: string) =>
  text.length <= EARLIER_NOTES_EXCERPT ? text : `${text.slice(0, EARLIER_NOTES_EXCERPT - 1).trimEnd()}…`;

/**
 * What the learner's other mentors advised on the question of this request, for a mentor about
 * to answer it — only when the learner shares it on that question (off by default); never the
 * viewing mentor's own advice — with what the learner decided, when they have said. Undefined when
 * not shared or nobody else advised.
 */
export async function earlierAdviceFor(
  db: Kysely<Database>,
  tenantId: string,
  requestId: string,
  viewingMentorId: string,
  now: Date,
): Promise<EarlierAdviceFields | undefined> {
  const learnerId = await requestLearner(db, tenantId, requestId);
  if (!learnerId) return undefined;
  const { questions, questionOf } = await questionsOfLearner(db, tenantId, learnerId);
  const question = questions.find((q) => q.id === questionOf.get(requestId));
  if (!question) return undefined;
  const choice = await findQuestionChoice(db, tenantId, question.id);
  if (!choice?.share_earlier_advice) return undefined;
  const others = (await adviceOnRequests(db, tenantId, question.requestIds, now)).filter(
    (m) => m.view.mentor.id !== viewingMentorId,
  );
  if (others.length === 0) return undefined;
  const earlierAdvice = others.map(({ view }) => ({
    mentorName: view.mentor.name,
    actionItems: view.items.map((i) => i.text),
    notes: excerpt(view.notes.map((n) => n.text.trim()).join(' ')),
  }));
  return choice.decision && choice.decided_at
    ? {
        earlierAdvice,
        learnerDecision: { text: choice.decision, decidedAt: choice.decided_at.toISOString() },
      }
    : { earlierAdvice };
}

/** The same for several requests of a mentor's views (a booking or thread list), by request id. */
export async function earlierAdviceByRequest(
  db: Kysely<Database>,
  tenantId: string,
  requestIds: readonly (string | null)[],
  viewingMentorId: string,
  now: Date,
): Promise<Map<string, EarlierAdviceFields>> {
  const result = new Map<string, EarlierAdviceFields>();
  const ids = [...new Set(requestIds.filter((r): r is string => r !== null))];
  // One query keeps the common case (nobody shares) to it: only requests of sharing learners go on.
  const sharing = await requestsOfSharingLearners(db, tenantId, ids);
  for (const id of ids.filter((r) => sharing.has(r))) {
    const advice = await earlierAdviceFor(db, tenantId, id, viewingMentorId, now);
    if (advice) result.set(id, advice);
  }
  return result;
}
