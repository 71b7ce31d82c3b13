import { z } from '@hono/zod-openapi';
import { EMAIL_KINDS } from '../domain/email/kinds.js';
import { AvailabilitySchema } from './availability.js';
import { IdSchema } from './common.js';
import { MentorSchema } from './mentors.js';
import { RequestContextSchema } from './requests.js';

// Data rights (docs/features/data-rights.md): a person's export, their erasure, and how an admin
// finds the person to act for.

const at = z.iso.datetime();
const atOrNull = at.nullable();
const KindsSchema = z.record(z.enum(EMAIL_KINDS), z.boolean());

const ExportRequestSchema = z.object({
  id: IdSchema,
  title: z.string(),
  details: z.string(),
  skills: z.array(z.string()),
  format: z.string().nullable(),
  urgency: z.string(),
  languages: z.array(z.string()),
  context: RequestContextSchema,
  status: z.string(),
  createdAt: at,
});

const ExportBookingSchema = z.object({
  id: IdSchema,
  as: z.enum(['learner', 'mentor']),
  withName: z.string().openapi({ description: 'The other person of the session.' }),
  requestId: IdSchema.nullable(),
  start: at,
  end: at,
  format: z.string(),
  status: z.string(),
  joinUrl: z.string().nullable(),
  callPhone: z.string().nullable(),
  note: z.string().nullable(),
  cancelReason: z.string().nullable(),
  cancelledBy: z.string().nullable(),
  createdAt: at,
});

const ExportThreadSchema = z.object({
  id: IdSchema,
  as: z.enum(['learner', 'mentor']),
  withName: z.string(),
  requestId: IdSchema.nullable(),
  bookingId: IdSchema.nullable(),
  createdAt: at,
  lastMessageAt: atOrNull,
});

const ExportMessageSchema = z.object({ id: IdSchema, threadId: IdSchema, body: z.string(), createdAt: at });

const ExportNotesSchema = z.object({
  bookingId: IdSchema,
  summary: z.string(),
  actionItems: z.array(z.object({ id: IdSchema, text: z.string(), doneAt: atOrNull })),
  updatedAt: at,
});

const ExportFeedbackSchema = z.object({
  id: IdSchema,
  bookingId: IdSchema,
  rating: z.number().int(),
  solved: z.string(),
  comment: z.string().nullable().openapi({ description: 'Only on feedback you gave.' }),
  createdAt: at,
});

export const PersonalDataExportSchema = z
  .object({
    format: z.literal('micromentor-export/1'),
    exportedAt: at,
    program: z.object({ id: IdSchema, name: z.string() }),
    user: z.object({
      id: IdSchema,
      externalId: z.string(),
      name: z.string(),
      email: z.string().nullable(),
      roles: z.array(z.string()),
      isGuest: z.boolean(),
      locale: z.string().nullable(),
      timeZone: z.string().nullable(),
      createdAt: at,
      erasedAt: atOrNull,
    }),
    requests: z.array(ExportRequestSchema),
    bookings: z.array(ExportBookingSchema),
    threads: z.array(ExportThreadSchema),
    messages: z.array(ExportMessageSchema).openapi({ description: 'Messages you wrote.' }),
    notes: z.array(ExportNotesSchema).openapi({ description: 'Notes and action items of your sessions.' }),
    feedback: z.object({
      given: z.array(ExportFeedbackSchema),
      received: z.array(ExportFeedbackSchema),
    }),
    reports: z.array(
      z.object({
        id: IdSchema,
        mentorId: IdSchema,
        bookingId: IdSchema.nullable(),
        reason: z.string(),
        details: z.string(),
        status: z.string(),
        createdAt: at,
      }),
    ),
    board: z.array(
      z.object({ mentorId: IdSchema, mentorName: z.string(), label: z.string(), createdAt: at }),
    ),
    questionDecisions: z
      .array(
        z.object({
          requestId: IdSchema,
          decision: z.string().nullable(),
          decidedAt: atOrNull,
          shareEarlierAdvice: z.boolean(),
        }),
      )
      .openapi({
        description: 'What you decided on questions several mentors advised on, and what you share.',
      }),
    recommendationDismissals: z
      .array(z.object({ skill: z.string(), createdAt: at }))
      .openapi({ description: 'Topics you dismissed from your suggestions of what to ask next.' }),
    badges: z.array(z.object({ code: z.string(), earnedAt: at })),
    emailPreferences: z.object({ learner: KindsSchema, mentor: KindsSchema.nullable() }),
    calendarFeed: z.object({ on: z.boolean(), createdAt: atOrNull }).openapi({
      description: 'Whether your private calendar feed is on (its secret link is not exported).',
    }),
    mentorProfile: MentorSchema.pick({
      id: true,
      name: true,
      headline: true,
      bio: true,
      skills: true,
      yearsExperience: true,
      languages: true,
      timeZone: true,
      formats: true,
      status: true,
    })
      .extend({
        statusReason: z.string().nullable(),
        callBridge: z.string().nullable(),
        contactEmail: z.string().nullable(),
        sessions: z.number().int(),
        createdAt: at,
        availability: z
          .object({
            weekly: AvailabilitySchema.shape.weekly,
            overrides: AvailabilitySchema.shape.overrides.unwrap(),
            sessionLengths: z.array(z.number().int()),
            meetingUrl: z.string().nullable(),
          })
          .nullable(),
      })
      .nullable(),
    emails: z
      .array(
        z.object({
          id: IdSchema,
          kind: z.string(),
          to: z.string(),
          subject: z.string(),
          text: z.string(),
          status: z.string(),
          sentAt: atOrNull,
          createdAt: at,
        }),
      )
      .openapi({ description: 'Email the program sent (or tried to send) you.' }),
  })
  .openapi('PersonalDataExport', {
    description: 'Everything the program holds about one person (as learner and, with a profile, as mentor).',
  });

export const EraseBodySchema = z
  .strictObject({
    confirm: z.literal('erase', { message: 'must be "erase"' }).openapi({
      description: 'Must be `erase`: erasure cannot be undone.',
    }),
  })
  .openapi('EraseRequest');

export const ErasureSchema = z
  .object({
    userId: IdSchema,
    erasedAt: at,
    counts: z.record(z.string(), z.number().int()).openapi({
      description: 'Rows changed, by kind (requests, messages, notes, bookingsCancelled, emails, …).',
    }),
  })
  .openapi('Erasure');

export const UserIdParamSchema = z.strictObject({
  userId: IdSchema.openapi({ param: { name: 'userId', in: 'path' } }),
});

export const AdminUserSchema = z
  .object({
    id: IdSchema,
    externalId: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    roles: z.array(z.string()),
    isGuest: z.boolean(),
    createdAt: at,
    erasedAt: atOrNull,
  })
  .openapi('AdminUser');

export const AdminUsersQuerySchema = z
  .strictObject({
    externalId: z
      .string()
      .min(1)
      .max(255)
      .optional()
      .openapi({ description: 'The host’s user id (the token’s `sub`), exactly.' }),
    q: z
      .string()
      .trim()
      .min(2, 'must be at least 2 characters')
      .max(100, 'must be at most 100 characters')
      .optional()
      .openapi({ description: 'A part of the name, email or host user id (case-insensitive).' }),
  })
  .refine((q) => q.externalId !== undefined || q.q !== undefined, 'give `externalId` or `q`');

export const AdminUserListSchema = z
  .object({ data: z.array(AdminUserSchema).openapi({ description: 'At most 20, by name.' }) })
  .openapi('AdminUserList');

export type PersonalDataExport = z.infer<typeof PersonalDataExportSchema>;
export type Erasure = z.infer<typeof ErasureSchema>;
export type AdminUser = z.infer<typeof AdminUserSchema>;
