import { skillLabel } from '../skills/normalize.js';
import type { TopicReason } from './recommend.js';

/** A reason as the API sends it: a stable code, its params, and English text (the widget translates by code). */
export interface ReasonView<Code extends string> {
  code: Code;
  text: string;
  params: Record<string, string | number>;
}

/** The topic's reason, with skills as labels (`from`) and slugs (`fromSkill`). */
export function topicReasonView(skill: string, reason: TopicReason): ReasonView<TopicReason['code']> {
  const topic = skillLabel(skill);
  switch (reason.code) {
    case 'next_after': {
      const from = skillLabel(reason.params.from);
      const percent = Math.round(reason.params.share * 100);
      return {
        code: reason.code,
        text: `People who asked about ${from} next asked about ${topic} (${percent}%)`,
        params: {
          from,
          fromSkill: reason.params.from,
          share: reason.params.share,
          learners: reason.params.learners,
        },
      };
    }
    case 'related_skill': {
      const from = skillLabel(reason.params.from);
      return {
        code: reason.code,
        text: `Goes with ${from}, which you asked about`,
        params: { from, fromSkill: reason.params.from },
      };
    }
    case 'popular_in_program':
      return {
        code: reason.code,
        text: `Popular in your program: ${reason.params.learners} learners asked about ${topic}`,
        params: { learners: reason.params.learners },
      };
  }
}

/** Why a mentor is suggested for a topic: they hold the skill, with their record when they have one. */
export function mentorReasonView(
  skill: string,
  record: { sessions: number; rating: number | null },
): ReasonView<'knows_topic'> {
  const label = skillLabel(skill);
  const parts = [`Knows ${label}`];
  if (record.sessions > 0) parts.push(`${record.sessions} ${record.sessions === 1 ? 'session' : 'sessions'}`);
  if (record.rating !== null) parts.push(`rated ${record.rating.toFixed(1)}`);
  return {
    code: 'knows_topic',
    text: parts.join(' · '),
    params: {
      skill: label,
      sessions: record.sessions,
      ...(record.rating !== null ? { rating: Math.round(record.rating * 10) / 10 } : {}),
    },
  };
}
