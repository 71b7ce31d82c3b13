import { z } from '@hono/zod-openapi';
import { IdSchema } from './common.js';

export const SOLVED = ['yes', 'partly', 'no'] as const;
export const SolvedSchema = z.enum(SOLVED).openapi('Solved');

export const MAX_ACTION_ITEMS = 20;

export const CreateFeedbackSchema = z
  .strictObject({
    rating: z.number().int('must be a whole number').min(1, 'must be 1–5').max(5, 'must be 1–5'),
    solved: SolvedSchema.openapi({ description: 'Was the problem solved: yes, partly or no.' }),
    comment: z.string().trim().max(2000, 'must be at most 2000 characters').optional(),
  })
  .openapi('CreateFeedback');

export const FeedbackSchema = z
  .object({
    id: IdSchema,
    bookingId: IdSchema,
    mentorId: IdSchema,
    learnerId: IdSchema,
    rating: z.number().int(),
    solved: SolvedSchema,
    comment: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .openapi('Feedback');

export const ActionItemSchema = z
  .object({
    id: IdSchema,
    bookingId: IdSchema,
    text: z.string(),
    position: z.number().int(),
    done: z.boolean(),
    doneAt: z.iso.datetime().nullable(),
  })
  .openapi('ActionItem');

export const SessionNotesSchema = z
  .object({
    bookingId: IdSchema,
    summary: z.string(),
    actionItems: z.array(ActionItemSchema),
    updatedAt: z.iso.datetime().nullable().openapi({ description: 'Null until the mentor writes notes.' }),
  })
  .openapi('SessionNotes');

export const SetNotesSchema = z
  .strictObject({
    summary: z.string().trim().max(4000, 'must be at most 4000 characters').default(''),
    actionItems: z
      .array(
        z.strictObject({
          id: IdSchema.optional().openapi({
            description: 'An existing item’s id: it keeps its id and done state.',
          }),
          text: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'),
        }),
      )
      .max(MAX_ACTION_ITEMS, `at most ${MAX_ACTION_ITEMS} action items`)
      .default([]),
  })
  .openapi('SetSessionNotes');

export type Feedback = z.infer<typeof FeedbackSchema>;
export type CreateFeedbackInput = z.infer<typeof CreateFeedbackSchema>;
export type ActionItem = z.infer<typeof ActionItemSchema>;
export type SessionNotes = z.infer<typeof SessionNotesSchema>;
export type SetNotesInput = z.infer<typeof SetNotesSchema>;
