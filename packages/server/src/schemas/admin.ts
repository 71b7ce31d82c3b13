import { z } from '@hono/zod-openapi';
import { TenantSettingsSchema } from '../domain/tenants/settings.js';
import { CursorSchema, IdSchema, isSingleLine, LimitSchema, ONE_LINE, pageOf } from './common.js';
import { FormatSchema, MentorSchema, MentorStatusSchema } from './mentors.js';

const IsoDateTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });

// Mentors (vetting)

export const AdminMentorSchema = MentorSchema.extend({
  statusReason: z.string().nullable().openapi({ description: 'Why: a rejection reason, `reports`, …' }),
  statusChangedAt: z.iso.datetime().nullable(),
  approvedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  openReports: z.number().int(),
  noShows: z.number().int().openapi({
    description: 'Sessions this mentor did not come to, as learners recorded them (all time).',
  }),
  lastNoShowAt: z.iso.datetime().nullable().openapi({
    description: 'When a learner last recorded that this mentor did not come; null if never.',
  }),
}).openapi('AdminMentor');

export const AdminMentorPageSchema = pageOf(AdminMentorSchema).openapi('AdminMentorPage');

export const AdminMentorsQuerySchema = z.strictObject({
  status: z
    .union([MentorStatusSchema, z.literal('any')])
    .default('pending')
    .openapi({
      description: 'Default `pending`: the applications queue, oldest first; `any`: every status.',
    }),
  q: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(100, 'must be at most 100 characters')
    .optional()
    .openapi({
      description: 'Search: a part of the name, headline or one of the skills (case-insensitive).',
    }),
  skill: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(64, 'must be at most 64 characters')
    .optional()
    .openapi({
      description: 'Only mentors with this skill (synonyms are folded, as in the profile).',
    }),
  limit: LimitSchema,
  cursor: CursorSchema,
});

export const StatusReasonSchema = z
  .strictObject({
    reason: z.string().trim().min(1, 'say why').max(1000),
  })
  .openapi('StatusReason');

// Reports

export const REPORT_REASONS = [
  'no_show',
  'inappropriate',
  'harassment',
  'spam',
  'unqualified',
  'other',
] as const;
export const REPORT_ACTIONS = ['dismiss', 'pause', 'suspend'] as const;

export const CreateReportSchema = z
  .strictObject({
    mentorId: IdSchema,
    bookingId: IdSchema.optional().openapi({
      description: 'The session it is about; yours, with this mentor.',
    }),
    reason: z.enum(REPORT_REASONS),
    details: z.string().trim().max(2000).default(''),
  })
  .openapi('CreateReport');

export const ReportSchema = z
  .object({
    id: IdSchema,
    mentorId: IdSchema,
    bookingId: IdSchema.nullable(),
    reporterId: IdSchema,
    reason: z.enum(REPORT_REASONS),
    details: z.string(),
    status: z.enum(['open', 'resolved']),
    resolution: z.enum(REPORT_ACTIONS).nullable(),
    resolutionNote: z.string().nullable(),
    createdAt: z.iso.datetime(),
    resolvedAt: z.iso.datetime().nullable(),
  })
  .openapi('Report');

export const AdminReportSchema = ReportSchema.extend({
  mentorName: z.string().openapi({ description: 'The reported mentor’s name.' }),
}).openapi('AdminReport');

export const ReportPageSchema = pageOf(AdminReportSchema).openapi('ReportPage');

export const ReportsQuerySchema = z.strictObject({
  status: z.enum(['open', 'resolved']).default('open'),
  mentorId: IdSchema.optional(),
  reason: z.enum(REPORT_REASONS).optional().openapi({ description: 'Only reports with this reason.' }),
  limit: LimitSchema,
  cursor: CursorSchema,
});

export const ResolveReportSchema = z
  .strictObject({
    action: z.enum(REPORT_ACTIONS),
    note: z.string().trim().max(2000).default(''),
  })
  .openapi('ResolveReport');

export const ResolvedReportSchema = z
  .object({ report: ReportSchema, mentor: AdminMentorSchema })
  .openapi('ResolvedReport');

// Program settings

const s = TenantSettingsSchema.shape;
const b = s.branding.unwrap().shape;

export const ProgramSettingsSchema = z
  .object({
    allowGuests: z.boolean(),
    formats: z.array(FormatSchema),
    sessionLengths: z.array(z.number().int()),
    requestSlaHours: z.number().int(),
    instantHelpWindowMinutes: z.number().int(),
    meetingLinkTemplate: z.string(),
    allowedOrigins: z.array(z.string()),
    branding: z.object({
      accentColor: z.string().nullable(),
      logoUrl: z.string().nullable(),
      name: z.string().nullable(),
    }),
    leaderboard: z.boolean(),
    reportsToPause: z.number().int(),
    reminderMinutesBefore: z.array(z.number().int()).openapi({
      description:
        'When reminders go out (email and the `booking.reminder` webhook), in minutes before each session.',
    }),
    emailDigestMinutes: z.number().int().openapi({
      description: 'A mentor’s new requests arriving within this many minutes come as one digest email.',
    }),
    retentionMonths: z
      .number()
      .int()
      .nullable()
      .openapi({
        description:
          'Request texts, messages and session notes older than this many months (1–120) are taken out by a ' +
          'daily job, the rows and counts staying; null: kept.',
      }),
    semanticMatching: z.boolean().openapi({
      description:
        'Match by meaning (sentence embeddings, computed on the server, no network) as well as by skills and ' +
        'words, and quote the mentor’s nearest sentence as a reason; false: skills and words only. Has effect ' +
        'when the server runs with MICROMENTOR_EMBEDDINGS on.',
    }),
    mentorReplyWindowHours: z
      .number()
      .int()
      .openapi({
        description:
          'Hours a mentor has to answer a request they were offered, accepted or were written to about; then it is ' +
          'offered to the next best mentor and the learner is told (`request.reassigned`). Instant requests use ' +
          '`instantHelpWindowMinutes`.',
      }),
    maxHandovers: z
      .number()
      .int()
      .openapi({
        description:
          'Automatic hand-overs of one request; after them (or when no other mentor fits) it waits for the program ' +
          'and counts as unmet.',
      }),
    maxReschedules: z.number().int().openapi({
      description: 'Times one booking may be moved; one more answers 409 `reschedule_limit`.',
    }),
  })
  .openapi('ProgramSettings');

export const UpdateSettingsSchema = z
  .strictObject({
    allowGuests: s.allowGuests.unwrap().optional(),
    formats: s.formats
      .unwrap()
      .refine((f) => new Set(f).size === f.length, 'must not repeat a format')
      .optional(),
    sessionLengths: s.sessionLengths
      .unwrap()
      .max(6)
      .refine((l) => new Set(l).size === l.length, 'must not repeat a length')
      .optional(),
    requestSlaHours: s.requestSlaHours.unwrap().optional(),
    instantHelpWindowMinutes: s.instantHelpWindowMinutes.unwrap().optional(),
    meetingLinkTemplate: s.meetingLinkTemplate
      .unwrap()
      .refine(
        (t) => t.startsWith('https://') && t.includes('{room}'),
        'must be an https URL containing {room}',
      )
      .optional(),
    allowedOrigins: z
      .array(z.string().trim().min(1).max(200))
      .max(20, 'at most 20 origins')
      .optional()
      .openapi({ description: 'Origins whose pages may use the publishable key: scheme://host[:port].' }),
    branding: z
      .strictObject({
        accentColor: b.accentColor.unwrap().optional(),
        logoUrl: b.logoUrl.unwrap().optional(),
        name: b.name
          .unwrap()
          .refine((name) => name === null || isSingleLine(name), ONE_LINE)
          .optional(),
      })
      .optional(),
    leaderboard: s.leaderboard.unwrap().optional(),
    reportsToPause: s.reportsToPause.unwrap().optional(),
    reminderMinutesBefore: s.reminderMinutesBefore
      .unwrap()
      .refine((m) => new Set(m).size === m.length, 'must not repeat a time')
      .optional(),
    emailDigestMinutes: s.emailDigestMinutes.unwrap().optional(),
    retentionMonths: s.retentionMonths.unwrap().optional(),
    semanticMatching: s.semanticMatching.unwrap().optional(),
    mentorReplyWindowHours: s.mentorReplyWindowHours.unwrap().optional(),
    maxHandovers: s.maxHandovers.unwrap().optional(),
    maxReschedules: s.maxReschedules.unwrap().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'send at least one setting to change')
  .openapi('UpdateProgramSettings');

// Keys

export const KEY_KINDS = ['publishable', 'secret', 'identity'] as const;

export const ApiKeySchema = z
  .object({
    id: IdSchema,
    kind: z.enum(KEY_KINDS),
    prefix: z.string().openapi({ description: 'The first characters, e.g. `sk_AbCd…`; never the key.' }),
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime().nullable(),
    revokedAt: z.iso.datetime().nullable(),
    active: z.boolean(),
  })
  .openapi('ApiKey');

export const ApiKeyListSchema = z.object({ data: z.array(ApiKeySchema) }).openapi('ApiKeyList');

export const RotateKeySchema = z
  .strictObject({
    kind: z.enum(KEY_KINDS),
    overlapHours: z
      .number()
      .min(0, 'must be 0 or more')
      .max(720, 'must be at most 720 (30 days)')
      .default(24)
      .openapi({ description: 'How long the old key keeps working (default 24; 0 = stop at once).' }),
  })
  .openapi('RotateKey');

export const RotatedKeySchema = z
  .object({
    key: z.string().openapi({ description: 'The new key or identity secret. Shown only here, once.' }),
    apiKey: ApiKeySchema,
    previousExpireAt: z.iso.datetime().openapi({ description: 'When the keys it replaces stop working.' }),
  })
  .openapi('RotatedKey');

// Analytics and exports

const rangeFields = {
  from: IsoDateTime.openapi({ description: 'Start of the range (inclusive).' }),
  to: IsoDateTime.openapi({ description: 'End of the range (exclusive); at most 366 days after `from`.' }),
};

const MAX_RANGE_MS = 366 * 24 * 60 * 60 * 1000;

function checkRange(q: { from: string; to: string }, ctx: z.core.$RefinementCtx): void {
  const from = Date.parse(q.from);
  const to = Date.parse(q.to);
  if (!(to > from)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after `from`' });
  else if (to - from > MAX_RANGE_MS)
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'the range is at most 366 days' });
}

export const AnalyticsQuerySchema = z
  .strictObject({ ...rangeFields, bucket: z.enum(['day', 'week']).default('day') })
  .superRefine(checkRange);

export const ExportQuerySchema = z.strictObject(rangeFields).superRefine(checkRange);

export const ExportParamSchema = z.strictObject({
  dataset: z
    .enum(['requests.csv', 'bookings.csv', 'feedback.csv'])
    .openapi({ param: { name: 'dataset', in: 'path' } }),
});

const SessionCountsSchema = z.object({
  booked: z.number().int(),
  completed: z.number().int(),
  noShow: z.number().int(),
  cancelled: z.number().int(),
});

const SatisfactionSchema = z.object({
  averageRating: z
    .number()
    .nullable()
    .openapi({ description: 'Average rating (1–5); null without feedback.' }),
  shareSolved: z
    .number()
    .nullable()
    .openapi({ description: 'Share of feedback saying the problem was solved.' }),
  responses: z.number().int().openapi({ description: 'Feedback given on these sessions.' }),
});

export const AnalyticsBucketSchema = z.object({
  start: z.iso.datetime(),
  requests: z.number().int(),
  matched: z.number().int().openapi({ description: 'Requests whose best match scored ≥ the threshold.' }),
  booked: z.number().int().openapi({ description: 'Requests that led to a booking.' }),
  medianFirstResponseMinutes: z.number().nullable(),
  sessions: SessionCountsSchema,
  satisfaction: SatisfactionSchema.openapi({
    description: 'Feedback on the sessions starting in the bucket.',
  }),
});

export const AnalyticsSchema = z
  .object({
    from: z.iso.datetime(),
    to: z.iso.datetime(),
    bucket: z.enum(['day', 'week']),
    matchThreshold: z.number(),
    totals: z.object({
      requests: z.number().int(),
      matched: z.number().int(),
      booked: z.number().int(),
      matchRate: z.number().nullable().openapi({ description: 'matched / requests.' }),
      bookedRate: z.number().nullable().openapi({ description: 'booked / requests.' }),
      medianFirstResponseMinutes: z.number().nullable(),
      sessions: SessionCountsSchema.openapi({
        description: 'Sessions starting in the range, by outcome (`booked`: all of them).',
      }),
      bookingsMade: z
        .number()
        .int()
        .openapi({
          description:
            'Bookings made (created) in the range, any status, whenever the session is: unlike ' +
            '`sessions.booked`, a booking made today for next week counts.',
        }),
      satisfaction: SatisfactionSchema.nullable().openapi({
        description: 'Feedback on sessions starting in the range (never null since feedback is recorded).',
      }),
    }),
    series: z.array(AnalyticsBucketSchema),
    topSkills: z.array(z.object({ skill: z.string(), requests: z.number().int() })),
    unmetSkills: z.array(z.object({ skill: z.string(), requests: z.number().int() })),
    noShows: z
      .object({
        mentor: z.number().int().openapi({ description: 'Sessions the mentor did not come to.' }),
        learner: z.number().int().openapi({ description: 'Sessions the learner did not come to.' }),
        byMentor: z.array(z.object({ mentorId: IdSchema, name: z.string(), noShows: z.number().int() })),
        byLearner: z.array(z.object({ learnerId: IdSchema, name: z.string(), noShows: z.number().int() })),
      })
      .openapi({
        description:
          'No-shows recorded (by the other party) for sessions starting in the range: totals by who did not come, ' +
          'and the ten mentors and ten learners with most, most first.',
      }),
    mentorLoad: z.object({
      mentors: z.number().int().openapi({ description: 'Approved mentors plus any with sessions in range.' }),
      sessions: z.number().int(),
      top10Share: z
        .number()
        .nullable()
        .openapi({ description: 'Share of sessions by the busiest 10 % of mentors.' }),
      gini: z.number().nullable().openapi({ description: 'Gini coefficient over mentors’ session counts.' }),
    }),
  })
  .openapi('Analytics');

export type AdminMentor = z.infer<typeof AdminMentorSchema>;
export type Report = z.infer<typeof ReportSchema>;
export type AdminReport = z.infer<typeof AdminReportSchema>;
export type CreateReportInput = z.infer<typeof CreateReportSchema>;
export type UpdateSettingsInput = z.infer<typeof UpdateSettingsSchema>;
export type ProgramSettings = z.infer<typeof ProgramSettingsSchema>;
export type Analytics = z.infer<typeof AnalyticsSchema>;
export type AnalyticsQuery = z.infer<typeof AnalyticsQuerySchema>;
