import { z } from '@hono/zod-openapi';
import { EMAIL_KINDS } from '../domain/email/kinds.js';

const KindsSchema = z
  .object(
    Object.fromEntries(EMAIL_KINDS.map((k) => [k, z.boolean()])) as Record<
      (typeof EMAIL_KINDS)[number],
      z.ZodBoolean
    >,
  )
  .openapi('EmailKinds', {
    description:
      'Each kind of email, on (true) or off: bookings (confirmations, moves, cancellations with calendar invitations), ' +
      'reminders, requests (a mentor’s new requests and instant offers, batched in a digest), messages (thread messages ' +
      'unread after 5 minutes), feedback (asked after a session), account (application and report outcomes).',
  });

const PartyPreferencesSchema = z.object({
  address: z
    .string()
    .nullable()
    .openapi({ description: 'Where this email goes; null: nowhere (none known).' }),
  kinds: KindsSchema,
});

export const EmailPreferencesSchema = z
  .object({
    learner: PartyPreferencesSchema,
    mentor: PartyPreferencesSchema.nullable().openapi({
      description: 'null unless you have a mentor profile.',
    }),
  })
  .openapi('EmailPreferences');

export const UpdateEmailPreferencesSchema = z
  .strictObject({
    as: z.enum(['learner', 'mentor']).default('learner'),
    kinds: z
      .strictObject(
        Object.fromEntries(EMAIL_KINDS.map((k) => [k, z.boolean().optional()])) as Record<
          (typeof EMAIL_KINDS)[number],
          z.ZodOptional<z.ZodBoolean>
        >,
      )
      .refine((k) => Object.keys(k).length > 0, 'name at least one kind'),
  })
  .openapi('UpdateEmailPreferences');

export type EmailPreferences = z.infer<typeof EmailPreferencesSchema>;
export type UpdateEmailPreferencesInput = z.infer<typeof UpdateEmailPreferencesSchema>;

export const UnsubscribeTokenParamSchema = z.object({
  token: z
    .string()
    .regex(/^[A-Za-z0-9]{20,80}$/, 'is not an unsubscribe token')
    .openapi({ param: { name: 'token', in: 'path' } }),
});
