import { z } from '@hono/zod-openapi';
import type { EmailParty, EmailStatus } from '../db/database.js';
import { CursorSchema, IdSchema, LimitSchema, pageOf } from './common.js';

/** Every status of an outbox message; a record over the column's type, so none can be missed. */
export const EMAIL_STATUSES = Object.keys({
  pending: true,
  sent: true,
  failed: true,
  unaddressed: true,
} satisfies Record<EmailStatus, true>) as [EmailStatus, ...EmailStatus[]];

const EMAIL_PARTIES = ['learner', 'mentor'] as const satisfies readonly EmailParty[];

export const EmailStatusSchema = z.enum(EMAIL_STATUSES).openapi('EmailStatus', {
  description:
    '`pending`: waiting for its next attempt; `sent`: the relay took it (without `SMTP_URL`, kept in ' +
    'the local mailbox); `failed`: refused on every attempt; `unaddressed`: the recipient has no ' +
    'email address, so nothing was sent.',
});

export const AdminEmailsQuerySchema = z.strictObject({
  status: EmailStatusSchema.optional(),
  kind: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(64, 'must be at most 64 characters')
    .optional()
    .openapi({ description: 'Only messages of this kind, e.g. `booking_confirmed`.' }),
  to: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(254, 'must be at most 254 characters')
    .optional()
    .openapi({ description: 'Only messages whose recipient address contains this (case-insensitive).' }),
  limit: LimitSchema,
  cursor: CursorSchema,
});

export const AdminEmailSchema = z
  .object({
    id: IdSchema,
    kind: z.string(),
    to: z.string().nullable().openapi({ description: 'The recipient address; null when there was none.' }),
    subject: z.string(),
    status: EmailStatusSchema,
    recipientParty: z
      .enum(EMAIL_PARTIES)
      .nullable()
      .openapi({ description: 'Who it is for, when the message says: a learner or a mentor.' }),
    recipientId: IdSchema.nullable().openapi({
      description: 'The learner’s user id or the mentor’s id, when the message says.',
    }),
    createdAt: z.iso.datetime(),
    sentAt: z.iso.datetime().nullable(),
    attemptCount: z.number().int(),
    lastReply: z
      .string()
      .nullable()
      .openapi({ description: 'The SMTP server’s reply to the last attempt (or why it failed).' }),
  })
  .openapi('AdminEmail');

export const AdminEmailPageSchema = pageOf(AdminEmailSchema).openapi('AdminEmailPage');

export const EmailAttemptSchema = z
  .object({
    attempt: z.number().int(),
    ok: z.boolean(),
    reply: z.string().openapi({ description: 'The SMTP server’s reply, or why nothing was sent.' }),
    at: z.iso.datetime(),
  })
  .openapi('EmailAttempt');

export const AdminEmailDetailSchema = AdminEmailSchema.extend({
  cause: z.string().openapi({ description: 'What caused it, e.g. `booking:<id>:confirmed:learner`.' }),
  replyTo: z.string().nullable(),
  text: z.string().openapi({ description: 'The plain-text body.' }),
  html: z.string().openapi({ description: 'The HTML body, as sent: render it sandboxed, never inline.' }),
  ics: z.string().nullable().openapi({ description: 'The attached iCalendar invitation, if any.' }),
  attempts: z.array(EmailAttemptSchema),
}).openapi('AdminEmailDetail');

export type AdminEmail = z.infer<typeof AdminEmailSchema>;
export type AdminEmailDetail = z.infer<typeof AdminEmailDetailSchema>;
export type AdminEmailsQuery = z.infer<typeof AdminEmailsQuerySchema>;
