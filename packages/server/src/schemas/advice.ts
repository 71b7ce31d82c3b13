import { z } from '@hono/zod-openapi';
import { IdSchema } from './common.js';

const at = z.iso.datetime();

export const QuestionParamSchema = z.strictObject({
  requestId: IdSchema.openapi({
    param: { name: 'requestId', in: 'path' },
    description: 'Any of your requests of the question (a re-ask finds the same question).',
  }),
});

const QuestionHeadSchema = z.object({
  id: IdSchema.openapi({ description: 'The question’s first request.' }),
  title: z.string(),
  requestIds: z.array(IdSchema).openapi({
    description:
      'Your requests that are this question: the first, and any later one with the same skills whose title ' +
      'shares at least half its words with the first’s.',
  }),
  createdAt: at,
});

const MentorNameSchema = z.object({ id: IdSchema, name: z.string() });

export const MentorAdviceSchema = z
  .object({
    mentor: MentorNameSchema,
    items: z
      .array(z.object({ id: IdSchema, bookingId: IdSchema, text: z.string(), done: z.boolean() }))
      .openapi({ description: 'Their sessions’ action items, oldest session first.' }),
    notes: z
      .array(
        z.object({
          id: IdSchema.openapi({ description: 'The session (its notes) or the message.' }),
          source: z.enum(['session', 'thread']),
          text: z.string(),
        }),
      )
      .openapi({ description: 'Their session notes and what they wrote you in threads on the question.' }),
  })
  .openapi('MentorAdvice');

const PieceSchema = z
  .object({
    mentorId: IdSchema,
    kind: z.enum(['action_item', 'note']),
    id: z.string().openapi({ description: 'The action item’s id, or `<note id>#<sentence>` for a note.' }),
    text: z.string(),
  })
  .openapi('AdvicePiece');

const ParamsSchema = z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])).openapi({
  description: 'What the text is made of, for clients that write their own.',
});

export const AdviceExplanationSchema = z
  .object({
    code: z.enum(['agree', 'differs', 'only_one_mentor']).openapi({
      description:
        '`agree`: the two pieces share the content words `shared` (Jaccard `similarity`, at least 2 words and ' +
        '0.25, or 0.5); `differs`: another mentor spoke of `shared` too but advised `closest` (theirs, by ' +
        '`closestMentorId`) — read both before deciding; `only_one_mentor`: no other mentor spoke of it.',
    }),
    text: z.string().openapi({ description: 'The mark in English.' }),
    params: ParamsSchema,
  })
  .openapi('AdviceExplanation');

export const QuestionAdviceSchema = z
  .object({
    question: QuestionHeadSchema,
    mentors: z
      .array(MentorAdviceSchema)
      .openapi({ description: 'At least 2, by their first session or thread.' }),
    agreements: z.array(
      z.object({ pieces: z.array(PieceSchema).length(2), explanation: AdviceExplanationSchema }),
    ),
    differences: z.array(z.object({ piece: PieceSchema, explanation: AdviceExplanationSchema })),
    decision: z
      .object({ text: z.string(), decidedAt: at })
      .nullable()
      .openapi({ description: 'What you decided; null until you say.' }),
    shareEarlierAdvice: z
      .boolean()
      .openapi({ description: 'Later mentors of the question see this advice.' }),
  })
  .openapi('QuestionAdvice');

export const QuestionsSchema = z
  .object({
    questions: z.array(
      z.object({
        question: QuestionHeadSchema,
        mentors: z.array(MentorNameSchema),
        decided: z.boolean(),
        shareEarlierAdvice: z.boolean(),
      }),
    ),
  })
  .openapi('Questions');

export const DecideSchema = z
  .strictObject({
    text: z.string().trim().min(1, 'say what you decided').max(2000).openapi({ description: 'Plain text.' }),
  })
  .openapi('Decide');

export const DecisionSchema = z.object({ text: z.string(), decidedAt: at }).openapi('Decision');

export const ShareAdviceSchema = z.strictObject({ shareEarlierAdvice: z.boolean() }).openapi('ShareAdvice');

export const EarlierAdviceSchema = z
  .array(
    z.object({
      mentorName: z.string(),
      actionItems: z.array(z.string()),
      notes: z
        .string()
        .openapi({ description: 'An excerpt of their notes and messages (up to 280 characters).' }),
    }),
  )
  .openapi('EarlierAdvice', {
    description:
      'What the learner’s other mentors advised on this question, only when the learner shares it ' +
      '(`POST /v1/me/questions/{requestId}/share`); never the viewing mentor’s own.',
  });

/**
 * The earlier advice on a request's question as a mentor's brief of it carries it (a booking's,
 * an offer's or a thread's `request`): the other mentors' advice and what the learner decided,
 * both only when the learner shares them.
 */
export const earlierAdviceFields = {
  earlierAdvice: EarlierAdviceSchema.optional(),
  learnerDecision: z.object({ text: z.string(), decidedAt: at }).optional().openapi({
    description:
      'What the learner decided after that advice (plain text), with `earlierAdvice`, when they have said.',
  }),
};

export type QuestionAdvice = z.infer<typeof QuestionAdviceSchema>;
export type MentorAdviceView = z.infer<typeof MentorAdviceSchema>;
export type Questions = z.infer<typeof QuestionsSchema>;
export type Decision = z.infer<typeof DecisionSchema>;
export type EarlierAdvice = z.infer<typeof EarlierAdviceSchema>;
/** `earlierAdvice` (and `learnerDecision`) of a mentor's request brief. */
export type EarlierAdviceFields = { earlierAdvice: EarlierAdvice; learnerDecision?: Decision };
