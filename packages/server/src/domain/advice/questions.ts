import type { Kysely } from 'kysely';
import {
  findQuestionChoice,
  learnerQuestionChoices,
  learnerRequests,
  upsertDecision,
  upsertShare,
} from '../../db/advice.js';
import type { Database } from '../../db/database.js';
import type { Decision, QuestionAdvice, Questions } from '../../schemas/advice.js';
import type { DomainCtx } from '../context.js';
import { NotFoundError } from '../errors.js';
import { compareAdvice } from './compare.js';
import { adviceOnQuestions, adviceOnRequests } from './mentor-advice.js';
import { questionIdsOf } from './same-question.js';

export interface AdviceLearner {
  tenantId: string;
  id: string;
}

interface Question {
  id: string;
  title: string;
  requestIds: string[];
  createdAt: string;
}

/** A learner's requests grouped into questions (same-question.ts), first asked first. */
export async function questionsOfLearner(
  db: Kysely<Database>,
  tenantId: string,
  learnerId: string,
): Promise<{ questions: Question[]; questionOf: Map<string, string> }> {
  const requests = await learnerRequests(db, tenantId, learnerId);
  const questionOf = questionIdsOf(requests);
  const questions = new Map<string, Question>();
  const ordered = [...requests].sort(
    (a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id),
  );
  for (const r of ordered) {
    const id = questionOf.get(r.id)!;
    const q = questions.get(id);
    if (q) q.requestIds.push(r.id);
    else questions.set(id, { id, title: r.title, requestIds: [r.id], createdAt: r.createdAt.toISOString() });
  }
  return { questions: [...questions.values()], questionOf };
}

/** The learner's question holding this request; 404 for a request that is not theirs. */
async function questionOfRequest(
  ctx: DomainCtx,
  learner: AdviceLearner,
  requestId: string,
): Promise<Question> {
  const { questions, questionOf } = await questionsOfLearner(ctx.db, learner.tenantId, learner.id);
  const id = questionOf.get(requestId);
  const question = id && questions.find((q) => q.id === id);
  if (!question) throw new NotFoundError('Question');
  return question;
}

/** My help: the learner's questions that more than one mentor advised on. */
export async function listAdvisedQuestions(ctx: DomainCtx, learner: AdviceLearner): Promise<Questions> {
  const { questions } = await questionsOfLearner(ctx.db, learner.tenantId, learner.id);
  const choices = new Map(
    (await learnerQuestionChoices(ctx.db, learner.tenantId, learner.id)).map((c) => [c.question_id, c]),
  );
  const advice = await adviceOnQuestions(ctx.db, learner.tenantId, questions, ctx.clock.now());
  const listed: Questions['questions'] = [];
  for (const question of questions) {
    const mentors = advice.get(question.id) ?? [];
    if (mentors.length < 2) continue;
    const choice = choices.get(question.id);
    listed.push({
      question,
      mentors: mentors.map((m) => m.view.mentor),
      decided: Boolean(choice?.decision),
      shareEarlierAdvice: choice?.share_earlier_advice ?? false,
    });
  }
  return { questions: listed };
}

/** Several mentors' advice on one question side by side, compared (compare.ts); 404 with fewer than 2. */
export async function questionAdvice(
  ctx: DomainCtx,
  learner: AdviceLearner,
  requestId: string,
  languages: readonly string[] = [],
): Promise<QuestionAdvice> {
  const question = await questionOfRequest(ctx, learner, requestId);
  const mentors = await adviceOnRequests(ctx.db, learner.tenantId, question.requestIds, ctx.clock.now());
  if (mentors.length < 2) throw new NotFoundError('Advice from two mentors on this question');
  const { agreements, differences } = compareAdvice(
    mentors.map((m) => m.advice),
    languages,
  );
  const choice = await findQuestionChoice(ctx.db, learner.tenantId, question.id);
  return {
    question,
    mentors: mentors.map((m) => m.view),
    agreements,
    differences,
    decision:
      choice?.decision && choice.decided_at
        ? { text: choice.decision, decidedAt: choice.decided_at.toISOString() }
        : null,
    shareEarlierAdvice: choice?.share_earlier_advice ?? false,
  };
}

/** The learner records (or rewrites) what they decided on one of their questions. */
export async function decide(
  ctx: DomainCtx,
  learner: AdviceLearner,
  requestId: string,
  text: string,
): Promise<Decision> {
  const question = await questionOfRequest(ctx, learner, requestId);
  const row = await upsertDecision(ctx.db, {
    tenantId: learner.tenantId,
    questionId: question.id,
    learnerId: learner.id,
    text,
    now: ctx.clock.now(),
  });
  return { text: row.decision ?? text, decidedAt: (row.decided_at ?? ctx.clock.now()).toISOString() };
}

/** The learner lets later mentors of the question see what earlier ones advised (or stops it). */
export async function shareEarlierAdvice(
  ctx: DomainCtx,
  learner: AdviceLearner,
  requestId: string,
  on: boolean,
): Promise<{ shareEarlierAdvice: boolean }> {
  const question = await questionOfRequest(ctx, learner, requestId);
  const row = await upsertShare(ctx.db, {
    tenantId: learner.tenantId,
    questionId: question.id,
    learnerId: learner.id,
    on,
    now: ctx.clock.now(),
  });
  return { shareEarlierAdvice: row.share_earlier_advice };
}
