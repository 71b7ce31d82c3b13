import { z } from '@hono/zod-openapi';
import type { Urgency } from '../db/database.js';
import { earlierAdviceFields } from './advice.js';
import { TimeRangeSchema } from './availability.js';
import { CursorSchema, IdSchema, isSingleLine, LimitSchema, ONE_LINE, pageOf } from './common.js';
import { FormatSchema, MentorSchema } from './mentors.js';

export const URGENCIES = ['now', 'today', 'this_week', 'flexible'] as const satisfies readonly Urgency[];
export const REQUEST_STATUSES = ['open', 'matched', 'resolved', 'expired', 'cancelled'] as const;

const LanguageSchema = z
  .string()
  .regex(/^[a-zA-Z]{2}$/, 'must be a two-letter ISO 639-1 code')
  .transform((s) => s.toLowerCase());

export const RequestContextSchema = z
  .strictObject({
    url: z
      .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
      .max(2000)
      .optional(),
    pageTitle: z.string().trim().max(300).refine(isSingleLine, ONE_LINE).optional(),
    topic: z.string().trim().max(100).refine(isSingleLine, ONE_LINE).optional(),
    courseId: z.string().trim().max(200).refine(isSingleLine, ONE_LINE).optional(),
    lessonId: z.string().trim().max(200).refine(isSingleLine, ONE_LINE).optional(),
    selection: z.string().trim().max(2000).optional(),
  })
  .openapi('RequestContext', { description: 'Where the learner asked from, as the widget captured it.' });

/**
 * The help request a session, offer or thread is about, as its mentor needs it: the question and
 * where it was asked. `details` and `context.selection` are the learner's plain text (render as
 * text). The LMS's `courseId`/`lessonId` are internal ids: they are left out when the page has a
 * title to show instead.
 */
export const RequestBriefSchema = z
  .object({
    id: IdSchema,
    title: z.string(),
    details: z.string().openapi({ description: 'Plain text as the learner wrote it, possibly empty.' }),
    context: RequestContextSchema.openapi({
      description:
        'Where it was asked: page title and URL, topic, the selected text; course and lesson ids only ' +
        'when there is no page title.',
    }),
    createdAt: z.iso.datetime(),
    ...earlierAdviceFields,
  })
  .openapi('RequestBrief');

export const CreateRequestSchema = z
  .strictObject({
    title: z
      .string()
      .trim()
      .min(1, 'say in a few words what you are stuck on')
      .max(200)
      .refine(isSingleLine, ONE_LINE),
    details: z.string().trim().max(4000).default(''),
    skills: z.array(z.string().trim().min(1).max(64).refine(isSingleLine, ONE_LINE)).max(10).default([]),
    format: FormatSchema.optional(),
    urgency: z.enum(URGENCIES).default('flexible'),
    languages: z.array(LanguageSchema).max(5).default([]),
    context: RequestContextSchema.default({}),
  })
  .openapi('CreateHelpRequest');

/** What a help request says, as the learner and the mentors it is offered to see it. */
export const requestFields = {
  title: z.string(),
  details: z.string(),
  skills: z.array(z.string()),
  format: FormatSchema.nullable(),
  urgency: z.enum(URGENCIES),
  languages: z.array(z.string()),
  context: RequestContextSchema,
  status: z.enum(REQUEST_STATUSES),
};

export const HANDOVER_REASONS = ['no_reply', 'learner_asked'] as const;

const HandoverMentorSchema = z.object({ mentorId: IdSchema, name: z.string() }).openapi('HandoverMentor');

/** The request's latest hand-over, as its learner sees it (from its `request.reassigned` event). */
export const HandoverSchema = z
  .object({
    reason: z.enum(HANDOVER_REASONS).openapi({
      description:
        '`no_reply`: the mentor let the program’s reply window pass; `learner_asked`: the learner asked for another.',
    }),
    at: z.iso.datetime(),
    from: z.array(HandoverMentorSchema).openapi({
      description:
        'The mentors it was taken from (empty when an instant request’s offers expired with nobody accepting).',
    }),
    to: z.array(HandoverMentorSchema).openapi({
      description:
        'The mentors it was offered to next (empty: see `unanswered`, or the learner picks from the matches).',
    }),
    unanswered: z.boolean().openapi({
      description: 'Nobody was left to hand it to (or `maxHandovers` was reached): it waits for the program.',
    }),
    windowMinutes: z.number().int().nullable().openapi({
      description:
        'For `no_reply`: how long the mentor had to answer (the program’s window then); else null.',
    }),
  })
  .openapi('Handover');

export const HelpRequestSchema = z
  .object({
    id: IdSchema,
    learnerId: IdSchema,
    ...requestFields,
    matchedMentorId: IdSchema.nullable(),
    createdAt: z.iso.datetime(),
    liveOffers: z
      .number()
      .int()
      .optional()
      .openapi({
        description:
          'Only on `GET /v1/requests/{id}` of an `urgency: now` request: how many online mentors still have it ' +
          'on offer (0 once nobody is left to accept it).',
      }),
    queuedAt: z.iso.datetime().optional().openapi({
      description:
        'When the learner asked the program (`POST /v1/requests/{id}/ask-program`); absent if not.',
    }),
    waitingSince: z.iso.datetime().optional().openapi({
      description:
        'When the learner chose to wait for a match (`POST /v1/requests/{id}/wait-for-match`); absent if not.',
    }),
    matchFoundAt: z.iso.datetime().optional().openapi({
      description: 'When a mentor who fits was found for a waiting request and the learner told.',
    }),
    handover: HandoverSchema.optional().openapi({
      description:
        'On `GET /v1/requests` and `GET /v1/requests/{id}`: the latest time the request was handed to another ' +
        'mentor (`request.reassigned`); absent if it never was.',
    }),
    instantHelpAvailable: z
      .boolean()
      .optional()
      .openapi({
        description:
          'Only when nobody fits an open request: whether a mentor is online and free now, so instant help ' +
          '(`urgency: now`) could reach someone.',
      }),
  })
  .openapi('HelpRequest');

export const ReasonSchema = z
  .object({
    code: z.string().openapi({
      description:
        'Stable, for translation: skill_match, related_skill, experience, available_soon, rating, language, on_board, new_mentor, text_match.',
    }),
    text: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
  })
  .openapi('MatchReason');

export const MatchSchema = z
  .object({
    mentor: MentorSchema,
    score: z.number().min(0).max(1),
    reasons: z.array(ReasonSchema),
    nextSlots: z.array(TimeRangeSchema),
  })
  .openapi('Match');

/** An instant request as offered to one mentor (the learner's response lists these). */
export const OfferSummarySchema = z
  .object({ mentorId: IdSchema, expiresAt: z.iso.datetime() })
  .openapi('OfferSummary', { description: 'A mentor the request was offered to, and until when.' });

export const RequestWithMatchesSchema = z
  .object({
    request: HelpRequestSchema,
    matches: z.array(MatchSchema),
    offers: z.array(OfferSummarySchema).optional().openapi({
      description:
        'For `urgency: now` only: the online, free mentors the request was offered to; the first to accept gets it.',
    }),
    instantHelpAvailable: z
      .boolean()
      .optional()
      .openapi({
        description:
          'Only when nobody fits (`matches` is empty) and the request is not instant: whether a mentor is online ' +
          'and free now, so asking again with `urgency: now` could reach someone.',
      }),
  })
  .openapi('HelpRequestWithMatches');

export const AnotherMentorInputSchema = z
  .strictObject({
    mentorId: IdSchema.optional().openapi({
      description:
        'The mentor to pass on (one the request was matched, offered or written to); default: the mentor the ' +
        'request is with — its matched mentor, else those holding a live offer, else those you wrote to.',
    }),
    reason: z.string().trim().min(1).max(1000).optional().openapi({
      description: 'Why, in your words: kept for the program, and the reason of a session this cancels.',
    }),
  })
  .openapi('AnotherMentorInput');

export const AnotherMentorSchema = z
  .object({
    request: HelpRequestSchema,
    releasedMentorIds: z.array(IdSchema).openapi({ description: 'The mentors taken off the request.' }),
    matches: z
      .array(MatchSchema)
      .openapi({ description: 'The next matches, the released mentors left out.' }),
    offers: z.array(OfferSummarySchema).optional().openapi({
      description: 'For `urgency: now` only: the next online, free mentors it was offered to.',
    }),
  })
  .openapi('AnotherMentor');

export const MatchesSchema = z.object({ data: z.array(MatchSchema) }).openapi('Matches');

export const ListRequestsQuerySchema = z.strictObject({
  status: z.enum(REQUEST_STATUSES).optional(),
  limit: LimitSchema,
  cursor: CursorSchema,
});

export const RequestPageSchema = pageOf(HelpRequestSchema).openapi('HelpRequestPage');

export type CreateRequestInput = z.infer<typeof CreateRequestSchema>;
export type AnotherMentorInput = z.infer<typeof AnotherMentorInputSchema>;
export type AnotherMentor = z.infer<typeof AnotherMentorSchema>;
export type HandoverView = z.infer<typeof HandoverSchema>;
export type HelpRequest = z.infer<typeof HelpRequestSchema>;
export type RequestBrief = z.infer<typeof RequestBriefSchema>;
export type Match = z.infer<typeof MatchSchema>;
