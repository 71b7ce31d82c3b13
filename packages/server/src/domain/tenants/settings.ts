import { z } from 'zod';

/** Program settings a tenant controls. Stored as JSON; missing keys take these defaults. */
export const TenantSettingsSchema = z.object({
  allowGuests: z.boolean().default(false),
  formats: z
    .array(z.enum(['video', 'call', 'chat']))
    .min(1)
    .default(['video', 'call', 'chat']),
  sessionLengths: z.array(z.number().int().min(10).max(60)).min(1).default([15, 30]),
  requestSlaHours: z.number().int().min(1).max(720).default(48),
  instantHelpWindowMinutes: z.number().int().min(1).max(120).default(10),
  /** How many online top matches an instant ("now") request is offered to at once. */
  instantHelpMaxOffers: z.number().int().min(1).max(50).default(5),
  meetingLinkTemplate: z.string().max(500).default('https://meet.jit.si/micromentor-{room}'),
  branding: z
    .object({
      accentColor: z
        .string()
        .regex(/^#[0-9a-fA-F]{6}$/, 'must be a hex colour such as #3355ff')
        .nullable()
        .default(null),
      logoUrl: z
        .url({ protocol: /^https$/, message: 'must be an https URL' })
        .max(2000)
        .nullable()
        .default(null),
      name: z.string().trim().max(120).nullable().default(null),
    })
    .default({ accentColor: null, logoUrl: null, name: null }),
  leaderboard: z.boolean().default(false),
  /** Reminders before each session (email, `booking.reminder`), in minutes: the day before and just before. */
  reminderMinutesBefore: z
    .array(
      z
        .number()
        .int()
        .min(5)
        .max(7 * 24 * 60),
    )
    .max(4)
    .default([24 * 60, 10]),
  /** A mentor's new requests arriving within this many minutes come as one digest email. */
  emailDigestMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /** Open reports that pause a mentor pending review. */
  reportsToPause: z.number().int().min(1).max(100).default(3),
  /**
   * Request texts, messages and notes older than this many months are taken out by a daily job
   * (domain/privacy/retention-job.ts); null: kept as long as the program runs.
   */
  retentionMonths: z.number().int().min(1).max(120).nullable().default(null),
  /**
   * Match by meaning (sentence embeddings, when the server has MICROMENTOR_EMBEDDINGS on) as well
   * as by skills and words; off: skills and words only.
   */
  semanticMatching: z.boolean().default(true),
  /**
   * A mentor who was offered a scheduled request, accepted it, or was written to about it has this
   * many hours to answer; then the request goes to the next best mentor (domain/requests/hand-over.ts).
   */
  mentorReplyWindowHours: z.number().int().min(1).max(168).default(24),
  /** Automatic hand-overs of one request before it waits for the program instead (unanswered). */
  maxHandovers: z.number().int().min(0).max(10).default(3),
  /** Times one booking may be moved; the next reschedule answers 409 `reschedule_limit`. */
  maxReschedules: z.number().int().min(0).max(20).default(2),
});

export type TenantSettings = z.infer<typeof TenantSettingsSchema>;

export function readSettings(stored: unknown): TenantSettings {
  const parsed = TenantSettingsSchema.safeParse(stored ?? {});
  // Settings are written only through validated paths; fall back to defaults if a stored
  // document predates a field's constraints rather than failing every request.
  return parsed.success ? parsed.data : TenantSettingsSchema.parse({});
}
