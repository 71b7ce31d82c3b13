import { z } from '@hono/zod-openapi';
import { CursorSchema, IdSchema, isSingleLine, LimitSchema, ONE_LINE, pageOf } from './common.js';
import { CallBridgeSchema } from './phone.js';

export const FORMATS = ['video', 'call', 'chat'] as const;
export const MENTOR_STATUSES = ['pending', 'approved', 'paused', 'suspended', 'rejected'] as const;

export const FormatSchema = z.enum(FORMATS).openapi('SessionFormat');
export const MentorStatusSchema = z.enum(MENTOR_STATUSES).openapi('MentorStatus');

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return value.length <= 64;
  } catch {
    return false;
  }
}

export const TimeZoneSchema = z
  .string()
  .refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin')
  .openapi({ example: 'Europe/Berlin' });

const LanguageSchema = z
  .string()
  .regex(/^[a-zA-Z]{2}$/, 'must be a two-letter ISO 639-1 code')
  .transform((s) => s.toLowerCase());

const SkillSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .refine(isSingleLine, ONE_LINE);

export const MentorStatsSchema = z.object({
  sessions: z.number().int(),
  rating: z.number().nullable(),
  ratingCount: z.number().int(),
  medianResponseMinutes: z.number().int().nullable(),
});

/** Recognition badges (domain/recognition/badges.ts): stable codes, never renamed. */
export const BADGE_CODES = [
  'first_session',
  'sessions_10',
  'sessions_50',
  'five_star_streak',
  'fast_responder',
] as const;
export const BadgeCodeSchema = z.enum(BADGE_CODES).openapi('BadgeCode');

export const BadgeSchema = z
  .object({ code: BadgeCodeSchema, earnedAt: z.string().openapi({ format: 'date-time' }) })
  .openapi('Badge');

export const MentorSchema = z
  .object({
    id: IdSchema,
    externalId: z.string().nullable(),
    name: z.string(),
    headline: z.string(),
    bio: z.string(),
    skills: z.array(z.string()),
    yearsExperience: z.number().int(),
    languages: z.array(z.string()),
    timeZone: z.string(),
    formats: z.array(FormatSchema),
    status: MentorStatusSchema,
    stats: MentorStatsSchema,
    /** Earned recognition, oldest first. */
    badges: z.array(BadgeSchema),
    hasCallBridge: z.boolean().openapi({
      description:
        'Whether the mentor’s call sessions use their own dial-in (`callBridge`): then booking a `call` needs no phone number from the learner.',
    }),
  })
  .openapi('Mentor');

/** The profile fields a mentor may edit themself. */
const profileFields = {
  name: z.string().trim().min(1, 'must not be empty').max(120).refine(isSingleLine, ONE_LINE),
  headline: z.string().trim().max(200).refine(isSingleLine, ONE_LINE),
  bio: z.string().trim().max(4000),
  skills: z.array(SkillSchema).min(1, 'list at least one skill').max(30, 'at most 30 skills'),
  yearsExperience: z.number().int('must be a whole number').min(0).max(70),
  languages: z.array(LanguageSchema).min(1, 'list at least one language').max(10),
  timeZone: TimeZoneSchema,
  formats: z
    .array(FormatSchema)
    .min(1, 'offer at least one format')
    .max(3)
    .refine((f) => new Set(f).size === f.length, 'must not repeat a format'),
};

/** A profile change: any of the fields, each checked as when the profile was created. */
const profileEdits = {
  name: profileFields.name.optional(),
  headline: profileFields.headline.optional(),
  bio: profileFields.bio.optional(),
  skills: profileFields.skills.optional(),
  yearsExperience: profileFields.yearsExperience.optional(),
  languages: profileFields.languages.optional(),
  timeZone: profileFields.timeZone.optional(),
  formats: profileFields.formats.optional(),
};

const ExternalIdSchema = z.string().trim().min(1).max(200).refine(isSingleLine, ONE_LINE);

const ContactEmailSchema = z.email('must be an email address').max(320).nullable().optional().openapi({
  description:
    'Where the mentor gets email (booking invitations, reminders, new requests); wins over the email in their token. null removes it.',
});

export const CreateMentorSchema = z
  .strictObject({
    externalId: ExternalIdSchema.optional(),
    ...profileFields,
    headline: profileFields.headline.default(''),
    bio: profileFields.bio.default(''),
    yearsExperience: profileFields.yearsExperience.default(0),
    languages: profileFields.languages.default(['en']),
    status: MentorStatusSchema.default('approved'),
    callBridge: CallBridgeSchema.nullable().optional(),
    contactEmail: ContactEmailSchema,
  })
  .openapi('CreateMentor');

export const UpdateMentorSchema = z
  .strictObject({
    externalId: ExternalIdSchema.nullable().optional(),
    ...profileEdits,
    status: MentorStatusSchema.optional().openapi({ description: 'Secret key only.' }),
    callBridge: CallBridgeSchema.nullable().optional().openapi({ description: 'null removes it.' }),
    contactEmail: ContactEmailSchema,
  })
  .refine((body) => Object.keys(body).length > 0, 'send at least one field to change')
  .openapi('UpdateMentor');

/** POST /v1/mentors's fields minus `status` and `externalId` (the user's own); name defaults to the user's. */
export const ApplyMentorSchema = z
  .strictObject({
    name: profileFields.name.optional(),
    headline: profileFields.headline.default(''),
    bio: profileFields.bio.default(''),
    skills: profileFields.skills,
    yearsExperience: profileFields.yearsExperience.default(0),
    languages: profileFields.languages.default(['en']),
    timeZone: profileFields.timeZone,
    formats: profileFields.formats,
    callBridge: CallBridgeSchema.nullable().optional(),
    contactEmail: ContactEmailSchema,
  })
  .openapi('MentorApplication');

/** The profile fields a mentor edits on their own profile; `status` and `externalId` are the program's. */
export const UpdateOwnMentorSchema = z
  .strictObject({
    ...profileEdits,
    callBridge: CallBridgeSchema.nullable()
      .optional()
      .openapi({ description: 'Your phone number or dial-in for call sessions; null removes it.' }),
    contactEmail: ContactEmailSchema,
  })
  .refine((body) => Object.keys(body).length > 0, 'send at least one field to change')
  .openapi('UpdateOwnMentorProfile');

/** The mentor's own view of their profile: the public one plus why it was rejected or paused. */
export const OwnMentorSchema = MentorSchema.extend({
  statusReason: z.string().nullable().openapi({ description: 'Why the program rejected or paused you.' }),
  callBridge: z.string().nullable().openapi({
    description:
      'Your phone number or dial-in for call sessions (learners who book a call see it), null when none.',
  }),
  contactEmail: z.string().nullable().openapi({
    description:
      'Where you get email, when it is not the address your program signed you in with; null when none.',
  }),
}).openapi('OwnMentorProfile');

export const MyMentorStatsSchema = z
  .object({
    sessions: z.number().int().openapi({ description: 'Sessions held: completed, or confirmed and ended.' }),
    minutes: z.number().int().openapi({ description: 'Minutes of those sessions.' }),
    rating: z.number().nullable().openapi({ description: 'Mean rating, two decimals; null when unrated.' }),
    ratingCount: z.number().int(),
    medianResponseMinutes: z.number().int().nullable(),
    upcoming: z.number().int().openapi({ description: 'Confirmed sessions that have not started.' }),
  })
  .openapi('MyMentorStats');

const csv = (description: string) =>
  z
    .union([z.string().max(1000), z.array(z.string().max(200)).max(30)])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .optional()
    .openapi({ description, type: 'string' });

export const ListMentorsQuerySchema = z.strictObject({
  q: z.string().trim().max(200).optional().openapi({
    description: 'Full-text search over skills, headline and bio; results ordered by relevance.',
  }),
  skills: csv('Comma-separated skills; a mentor must have all of them (synonyms are folded).'),
  language: z
    .string()
    .regex(/^[a-zA-Z]{2}$/, 'must be a two-letter ISO 639-1 code')
    .transform((s) => s.toLowerCase())
    .optional(),
  format: FormatSchema.optional(),
  status: MentorStatusSchema.optional().openapi({
    description: 'Secret key only; others see approved mentors.',
  }),
  limit: LimitSchema,
  cursor: CursorSchema,
});

export const MentorPageSchema = pageOf(MentorSchema).openapi('MentorPage');

export type Mentor = z.infer<typeof MentorSchema>;
export type BadgeCode = z.infer<typeof BadgeCodeSchema>;
export type Badge = z.infer<typeof BadgeSchema>;
export type CreateMentorInput = z.infer<typeof CreateMentorSchema>;
export type UpdateMentorInput = z.infer<typeof UpdateMentorSchema>;
export type ApplyMentorInput = z.infer<typeof ApplyMentorSchema>;
export type UpdateOwnMentorInput = z.infer<typeof UpdateOwnMentorSchema>;
export type OwnMentor = z.infer<typeof OwnMentorSchema>;
export type MyMentorStats = z.infer<typeof MyMentorStatsSchema>;
export type ListMentorsQuery = z.infer<typeof ListMentorsQuerySchema>;
