import type { MentorRow } from '../../db/database.js';
import {
  addDismissal,
  boardMentorIds,
  dismissedTopics,
  learnerTopicHistory,
  mentorsWithSkill,
} from '../../db/guidance.js';
import type { Recommendations, SuggestedTopic } from '../../schemas/guidance.js';
import type { DomainCtx } from '../context.js';
import { InvalidInputError } from '../errors.js';
import { toMentor } from '../mentors/mentor-profile.js';
import { isKnownSkill, normalizeSkill, skillLabel } from '../skills/normalize.js';
import { mentorReasonView, topicReasonView } from './reason-text.js';
import { recommendTopics } from './recommend.js';
import { requestTopics } from './request-topics.js';
import { tenantTransitionModel } from './transition-cache.js';

export interface GuidanceLearner {
  tenantId: string;
  id: string;
  externalId: string;
}

/** Topics suggested at most; mentors per topic at most. */
export const MAX_TOPICS = 5;
export const MENTORS_PER_TOPIC = 2;
/** The learner's requests read: every topic among them counts as already asked. */
const HISTORY_REQUESTS = 50;

/**
 * What to ask about next (`GET /v1/me/recommendations`): the engine (recommend.ts) over the
 * learner's latest requests and the program's transitions, then for each topic up to two
 * approved mentors with the skill who are not on the learner's board, preferring mentors not
 * already suggested for a higher topic.
 */
export async function recommendationsFor(ctx: DomainCtx, learner: GuidanceLearner): Promise<Recommendations> {
  const [model, rows, dismissed, board] = await Promise.all([
    tenantTransitionModel(ctx, learner.tenantId),
    learnerTopicHistory(ctx.db, learner.tenantId, learner.id, HISTORY_REQUESTS),
    dismissedTopics(ctx.db, learner.tenantId, learner.id),
    boardMentorIds(ctx.db, learner.tenantId, learner.id),
  ]);
  const history = rows.map((r) => ({
    topics: requestTopics({ skills: r.skills, title: r.title, pageTopic: r.page_topic }),
    at: r.created_at,
    solved: r.solved,
  }));
  const suggestions = recommendTopics({ history, dismissed: new Set(dismissed), model, limit: MAX_TOPICS });

  const suggested = new Set<string>();
  const topics: SuggestedTopic[] = [];
  for (const s of suggestions) {
    const candidates = await mentorsWithSkill(ctx.db, {
      tenantId: learner.tenantId,
      skill: s.skill,
      exceptIds: board,
      exceptExternalId: learner.externalId,
      limit: MENTORS_PER_TOPIC * 2,
    });
    const picked = [
      ...candidates.filter((m) => !suggested.has(m.id)),
      ...candidates.filter((m) => suggested.has(m.id)),
    ].slice(0, MENTORS_PER_TOPIC);
    for (const m of picked) suggested.add(m.id);
    topics.push({
      skill: s.skill,
      label: skillLabel(s.skill),
      reason: topicReasonView(s.skill, s.reason),
      mentors: picked.map((m) => ({ mentor: toMentor(m), reason: mentorReasonView(s.skill, recordOf(m)) })),
    });
  }
  return { topics };
}

function recordOf(m: MentorRow): { sessions: number; rating: number | null } {
  return { sessions: m.sessions_count, rating: m.rating_count > 0 ? m.rating_sum / m.rating_count : null };
}

/**
 * Hides a topic from the learner's suggestions for good (`POST /v1/me/recommendations/dismiss`).
 * The skill may be written as its slug, label or a synonym; anything outside the taxonomy is
 * refused (`unknown_skill`), since only taxonomy skills are ever suggested.
 */
export async function dismissRecommendation(
  ctx: DomainCtx,
  learner: GuidanceLearner,
  raw: string,
): Promise<void> {
  const topic = normalizeSkill(raw);
  if (!isKnownSkill(topic)) {
    throw new InvalidInputError(
      `"${raw}" is not a skill of the program's taxonomy; send the \`skill\` of a suggestion.`,
      [{ path: 'body.skill', message: 'must be a skill of the taxonomy' }],
      'unknown_skill',
    );
  }
  await addDismissal(ctx.db, { tenantId: learner.tenantId, userId: learner.id, topic, now: ctx.clock.now() });
}
