import { z } from '@hono/zod-openapi';
import { earlierAdviceFields } from './advice.js';
import { BookingSchema, PreviousSessionsSchema } from './bookings.js';
import { CursorSchema, IdSchema, LimitSchema, pageOf } from './common.js';
import { MentorStatusSchema } from './mentors.js';
import { type OfferSummarySchema, requestFields } from './requests.js';

export const OFFER_STATUSES = ['offered', 'accepted', 'declined', 'expired', 'withdrawn'] as const;

export const MentorOfferSchema = z
  .object({
    requestId: IdSchema,
    status: z.enum(OFFER_STATUSES).openapi({
      description:
        '`offered` (answer it), `accepted` (yours), `declined`, `expired` (nobody answered in time), ' +
        '`withdrawn` (another mentor took it, the learner cancelled or booked).',
    }),
    offeredAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
    respondedAt: z.iso.datetime().nullable(),
    request: z.object({
      id: IdSchema,
      ...requestFields,
      createdAt: z.iso.datetime(),
      ...earlierAdviceFields,
    }),
    learner: z.object({ name: z.string() }),
    previousSessions: PreviousSessionsSchema.openapi({
      description:
        'Your sessions with this learner that took place before, newest first (at most 5), with your notes.',
    }),
  })
  .openapi('MentorOffer');

export const AcceptedOfferSchema = MentorOfferSchema.extend({
  booking: BookingSchema.nullable().openapi({
    description:
      'The session the accept created: starting now (or at the next free minute) with you, for the ' +
      'shortest session length, in the request’s format; it always has a thread. `null` for a scheduled ' +
      'request handed over to you (you and the learner talk in its thread; the learner books a slot), and for an ' +
      'accept answered before sessions were created on accept.',
  }),
}).openapi('AcceptedOffer');

export const ListOffersQuerySchema = z.strictObject({
  status: z.enum(OFFER_STATUSES).optional(),
  limit: LimitSchema,
  cursor: CursorSchema,
});

export const MentorOfferPageSchema = pageOf(MentorOfferSchema).openapi('MentorOfferPage');

export const PresenceInputSchema = z
  .strictObject({
    availableNow: z.boolean().openapi({
      description:
        'true: take instant requests for the next 15 minutes (also lifts a pause for unresponsiveness); ' +
        'false: offline now.',
    }),
  })
  .openapi('PresenceInput');

export const PresenceSchema = z
  .object({
    availableNow: z.boolean(),
    onlineUntil: z.iso.datetime().nullable(),
    status: MentorStatusSchema,
  })
  .openapi('Presence');

export type OfferSummary = z.infer<typeof OfferSummarySchema>;
export type MentorOffer = z.infer<typeof MentorOfferSchema>;
export type AcceptedOffer = z.infer<typeof AcceptedOfferSchema>;
