import { z } from '@hono/zod-openapi';
import { IdSchema } from './common.js';
import { BadgeSchema } from './mentors.js';

/** The mentor's own record: what the credential states. */
export const MentorRecordSchema = z
  .object({
    mentorId: IdSchema,
    name: z.string(),
    sessions: z.number().int().openapi({ description: 'Completed sessions.' }),
    minutes: z.number().int().openapi({ description: 'Their booked minutes, summed.' }),
    firstSessionAt: z.string().nullable().openapi({ format: 'date-time' }),
    lastSessionAt: z.string().nullable().openapi({ format: 'date-time' }),
    badges: z.array(BadgeSchema),
  })
  .openapi('MentorRecord');

export const LEADERBOARD_ORDERS = ['sessions', 'minutes'] as const;

export const LeaderboardQuerySchema = z.strictObject({
  by: z
    .enum(LEADERBOARD_ORDERS)
    .default('sessions')
    .openapi({
      param: { name: 'by', in: 'query' },
      description: 'Rank by `sessions` (default) or `minutes`.',
    }),
  limit: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(50, 'must be at most 50')
    .default(10)
    .openapi({ param: { name: 'limit', in: 'query' }, description: 'How many mentors, 1–50 (default 10).' }),
});

export const LeaderboardEntrySchema = z
  .object({
    rank: z.number().int().openapi({ description: 'Equal figures share a rank (1, 1, 3).' }),
    mentor: z.object({
      id: IdSchema,
      name: z.string(),
      headline: z.string(),
      badges: z.array(BadgeSchema),
    }),
    sessions: z.number().int(),
    minutes: z.number().int(),
  })
  .openapi('LeaderboardEntry');

export const LeaderboardSchema = z
  .object({
    month: z.string().openapi({ example: '2026-11', description: 'The UTC calendar month ranked.' }),
    from: z.string().openapi({ format: 'date-time' }),
    to: z.string().openapi({ format: 'date-time' }),
    by: z.enum(LEADERBOARD_ORDERS),
    entries: z.array(LeaderboardEntrySchema),
  })
  .openapi('Leaderboard');

export const JwksSchema = z
  .object({
    keys: z.array(
      z.object({
        kty: z.literal('OKP'),
        crv: z.literal('Ed25519'),
        x: z.string(),
        kid: z.string(),
        alg: z.literal('EdDSA'),
        use: z.literal('sig'),
      }),
    ),
  })
  .openapi('Jwks');

export const IssuerParamSchema = z.strictObject({
  tenantId: IdSchema.openapi({ param: { name: 'tenantId', in: 'path' } }),
});

export type MentorRecord = z.infer<typeof MentorRecordSchema>;
export type LeaderboardQuery = z.infer<typeof LeaderboardQuerySchema>;
export type Leaderboard = z.infer<typeof LeaderboardSchema>;
export type Jwks = z.infer<typeof JwksSchema>;
