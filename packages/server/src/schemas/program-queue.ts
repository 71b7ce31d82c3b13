import { z } from '@hono/zod-openapi';
import { CursorSchema, IdSchema, LimitSchema, pageOf } from './common.js';
import { FormatSchema } from './mentors.js';
import { HelpRequestSchema, RequestContextSchema, URGENCIES } from './requests.js';

export const QUEUE_REASONS = ['learner_asked', 'unanswered'] as const;

export const ProgramQueueItemSchema = z
  .object({
    request: z.object({
      id: IdSchema,
      title: z.string(),
      details: z.string().openapi({ description: 'Plain text as the learner wrote it, possibly empty.' }),
      skills: z.array(z.string()),
      format: FormatSchema.nullable(),
      urgency: z.enum(URGENCIES),
      languages: z.array(z.string()),
      context: RequestContextSchema,
      createdAt: z.iso.datetime(),
    }),
    learner: z.object({ name: z.string() }),
    queuedAt: z.iso.datetime().openapi({ description: 'Since when it waits for the program.' }),
    reason: z.enum(QUEUE_REASONS).openapi({
      description:
        '`learner_asked`: nobody fitted and the learner asked the program; `unanswered`: no mentor was left to ' +
        'hand it to after mentors let it pass.',
    }),
  })
  .openapi('ProgramQueueItem');

export const ProgramQueuePageSchema = pageOf(ProgramQueueItemSchema).openapi('ProgramQueuePage');

export const ProgramQueueQuerySchema = z.strictObject({ limit: LimitSchema, cursor: CursorSchema });

export const RequestIdParamSchema = z.strictObject({
  requestId: IdSchema.openapi({ param: { name: 'requestId', in: 'path' } }),
});

export const TakenRequestSchema = z
  .object({
    request: HelpRequestSchema,
    threadId: IdSchema.nullable().openapi({
      description:
        'The thread where the mentor and the learner talk about it (the learner books from there).',
    }),
  })
  .openapi('TakenRequest');

export type ProgramQueueItem = z.infer<typeof ProgramQueueItemSchema>;
export type TakenRequest = z.infer<typeof TakenRequestSchema>;
