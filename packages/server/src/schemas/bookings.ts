import { z } from '@hono/zod-openapi';
import { CursorSchema, IdSchema, LimitSchema, pageOf } from './common.js';
import { FormatSchema } from './mentors.js';
import { PhoneSchema } from './phone.js';
import { RequestBriefSchema } from './requests.js';

export const BOOKING_STATUSES = ['confirmed', 'cancelled', 'completed', 'no_show'] as const;
export const NO_SHOW_PARTIES = ['mentor', 'learner'] as const;
export const BookingStatusSchema = z.enum(BOOKING_STATUSES).openapi('BookingStatus');

const IsoDateTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });

/** An earlier session between a mentor and a learner, with the mentor's notes (shown to that mentor only). */
export const PreviousSessionSchema = z
  .object({
    id: IdSchema,
    start: z.iso.datetime(),
    end: z.iso.datetime(),
    format: FormatSchema,
    status: BookingStatusSchema,
    requestTitle: z.string().nullable().openapi({ description: 'The question it was about, if any.' }),
    notes: z.string().nullable().openapi({
      description: 'The mentor’s summary (plain text), null when none was written.',
    }),
  })
  .openapi('PreviousSession');

export const PREVIOUS_SESSIONS_MAX = 5;

/** Only for the mentor: added to their own sessions, offers and threads. */
export const PreviousSessionsSchema = z
  .array(PreviousSessionSchema)
  .max(PREVIOUS_SESSIONS_MAX)
  .openapi({
    description:
      'Only for the calling mentor: their sessions with this learner that took place before this one ' +
      `(not cancelled), newest first, at most ${PREVIOUS_SESSIONS_MAX}, with their notes. Absent for anyone else.`,
  });

export const BookingSchema = z
  .object({
    id: IdSchema,
    mentorId: IdSchema,
    mentorName: z.string().openapi({ description: 'The mentor’s name, to show with the session.' }),
    learnerId: IdSchema,
    learnerName: z.string().openapi({ description: 'The learner’s display name.' }),
    requestId: IdSchema.nullable(),
    request: RequestBriefSchema.nullable().openapi({
      description: 'The help request it was booked for (the question and where it was asked), if any.',
    }),
    start: z.iso.datetime(),
    end: z.iso.datetime(),
    format: FormatSchema,
    status: BookingStatusSchema,
    joinUrl: z.string().nullable().openapi({
      description: 'A video session’s link; null for call and chat sessions.',
    }),
    dialIn: z.string().nullable().openapi({
      description:
        'A call session’s way in when its mentor has a call bridge: a phone number, a `tel:` or an `https:` link. Null otherwise (then the mentor calls the learner’s `phone`).',
    }),
    phone: z.string().optional().openapi({
      description:
        'A call session’s learner number (E.164), given when booking. Only for the learner and the session’s mentor (never the program, webhooks or anyone else); gone once the session is over or cancelled.',
    }),
    threadId: IdSchema.nullable(),
    note: z.string().nullable(),
    sequence: z.number().int(),
    cancelReason: z.string().nullable(),
    cancelledBy: z.enum(['learner', 'mentor', 'program']).nullable(),
    rescheduleCount: z.number().int().openapi({
      description:
        'Times the session was moved; the program allows `maxReschedules` (409 `reschedule_limit` after).',
    }),
    noShow: z
      .object({
        who: z.enum(NO_SHOW_PARTIES),
        recordedAt: z.iso.datetime(),
      })
      .nullable()
      .openapi({ description: 'With status `no_show`: who did not come, as the other party recorded it.' }),
    previousSessions: PreviousSessionsSchema.optional(),
    feedbackGiven: z.boolean().openapi({
      description:
        'Whether the learner has rated this session (`GET /v1/bookings/{id}/feedback` has it), so a client needs no failing request to find out.',
    }),
  })
  .openapi('Booking');

export const CreateBookingSchema = z
  .strictObject({
    mentorId: IdSchema,
    start: IsoDateTime,
    durationMinutes: z.number().int('must be a whole number of minutes').min(10).max(60),
    format: FormatSchema,
    requestId: IdSchema.optional(),
    note: z.string().trim().max(2000).optional(),
    phone: PhoneSchema.optional().openapi({
      type: 'string',
      example: '+34 600 000 000',
      description:
        'For a `call`: the number the mentor calls, international (`+`, country code; spaces, dashes and parentheses allowed). Required for a call unless the mentor has a call bridge (`hasCallBridge`); not accepted for other formats. Only the session’s mentor sees it.',
    }),
  })
  .openapi('CreateBooking');

export const CancelBookingSchema = z
  .strictObject({ reason: z.string().trim().min(1, 'say briefly why').max(500) })
  .openapi('CancelBooking');

export const RescheduleBookingSchema = z
  .strictObject({
    start: IsoDateTime,
    durationMinutes: z.number().int().min(10).max(60).optional(),
  })
  .openapi('RescheduleBooking');

export const NoShowInputSchema = z
  .strictObject({
    who: z.enum(NO_SHOW_PARTIES).openapi({
      description: 'Who did not come: the learner records `mentor`, the mentor records `learner`.',
    }),
  })
  .openapi('NoShowInput');

export const ListBookingsQuerySchema = z.strictObject({
  as: z.enum(['learner', 'mentor']).optional().openapi({
    description:
      'Whose bookings: yours as learner (default for users) or as mentor. Omit with the secret key for all.',
  }),
  status: BookingStatusSchema.optional(),
  from: IsoDateTime.optional().openapi({ description: 'Sessions starting at or after this time.' }),
  to: IsoDateTime.optional().openapi({ description: 'Sessions starting before this time.' }),
  mentorId: IdSchema.optional().openapi({ description: 'Secret key: one mentor’s bookings.' }),
  limit: LimitSchema,
  cursor: CursorSchema,
});

export const BookingPageSchema = pageOf(BookingSchema).openapi('BookingPage');

export type NoShowInput = z.infer<typeof NoShowInputSchema>;
export type Booking = z.infer<typeof BookingSchema>;
export type PreviousSession = z.infer<typeof PreviousSessionSchema>;
export type CreateBookingInput = z.infer<typeof CreateBookingSchema>;
export type ListBookingsQuery = z.infer<typeof ListBookingsQuerySchema>;
