import { z } from '@hono/zod-openapi';
import { isSingleLine, ONE_LINE } from './common.js';
import { MentorSchema } from './mentors.js';

export const MAX_BOARD_ENTRIES = 100;

export const BoardEntrySchema = z
  .object({
    mentor: MentorSchema,
    label: z.string(),
    addedAt: z.iso.datetime(),
  })
  .openapi('BoardEntry');

export const BoardSchema = z.object({ data: z.array(BoardEntrySchema) }).openapi('Board');

export const SetBoardEntrySchema = z
  .strictObject({
    label: z
      .string()
      .trim()
      .max(60, 'must be at most 60 characters')
      .refine(isSingleLine, ONE_LINE)
      .default('')
      .openapi({ description: 'What this mentor is on your board for, e.g. "SQL" or "career".' }),
  })
  .openapi('SetBoardEntry');

export type BoardEntry = z.infer<typeof BoardEntrySchema>;
