import { z } from '@hono/zod-openapi';
import { isSingleLine, ONE_LINE } from './common.js';
import { MentorSchema } from './mentors.js';

const ParamsSchema = z.record(z.string(), z.union([z.string(), z.number()])).openapi({
  description:
    'What the text is made of, for clients that write their own (e.g. `from`, `share`, `learners`).',
});

export const TopicReasonSchema = z
  .object({
    code: z.enum(['next_after', 'related_skill', 'popular_in_program']).openapi({
      description:
        '`next_after`: learners of the program who asked about `from` next asked about this (`share` of them, ' +
        '`learners` of them, always at least 3); `related_skill`: the skill taxonomy links it to `from`, which you ' +
        'asked about; `popular_in_program`: `learners` of the program asked about it.',
    }),
    text: z.string().openapi({ description: 'The reason in English.' }),
    params: ParamsSchema,
  })
  .openapi('TopicReason');

export const SuggestedMentorReasonSchema = z
  .object({
    code: z
      .enum(['knows_topic'])
      .openapi({ description: 'Holds the skill; `sessions` and `rating` when they have them.' }),
    text: z.string(),
    params: ParamsSchema,
  })
  .openapi('SuggestedMentorReason');

export const SuggestedTopicSchema = z
  .object({
    skill: z.string().openapi({ description: 'The taxonomy skill (send it to dismiss the suggestion).' }),
    label: z.string(),
    reason: TopicReasonSchema,
    mentors: z
      .array(z.object({ mentor: MentorSchema, reason: SuggestedMentorReasonSchema }))
      .openapi({ description: 'Up to 2 approved mentors holding the skill who are not on your board yet.' }),
  })
  .openapi('SuggestedTopic');

export const RecommendationsSchema = z
  .object({ topics: z.array(SuggestedTopicSchema).openapi({ description: 'Up to 5, best first.' }) })
  .openapi('Recommendations');

export const DismissRecommendationSchema = z
  .strictObject({
    skill: z.string().trim().min(1).max(64).refine(isSingleLine, ONE_LINE).openapi({
      description: 'A skill of the taxonomy (its slug, label or a synonym), e.g. `window-functions`.',
    }),
  })
  .openapi('DismissRecommendation');

export type Recommendations = z.infer<typeof RecommendationsSchema>;
export type SuggestedTopic = z.infer<typeof SuggestedTopicSchema>;
