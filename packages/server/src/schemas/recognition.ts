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

export const JwkSchema = z
  .object({
    kty: z.literal('OKP'),
    crv: z.literal('Ed25519'),
    x: z.string(),
    kid: z.string().openapi({ description: 'The key’s RFC 7638 thumbprint.' }),
    alg: z.literal('EdDSA'),
    use: z.literal('sig'),
  })
  .openapi('Jwk');

export const JwksSchema = z.object({ keys: z.array(JwkSchema) }).openapi('Jwks');

const LdContextSchema = z.array(z.string()).openapi({
  example: [
    'https://www.w3.org/ns/credentials/v2',
    'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
  ],
});

/** The issuer's Open Badges 3.0 Profile, served at its id. */
export const IssuerProfileSchema = z
  .object({
    '@context': LdContextSchema,
    id: z.string().openapi({ format: 'uri' }),
    type: z.array(z.literal('Profile')),
    name: z.string(),
  })
  .openapi('IssuerProfile');

const ResultDescriptionDocSchema = z.object({
  id: z.string(),
  type: z.array(z.literal('ResultDescription')),
  name: z.string(),
  resultType: z.string(),
});

/** An Open Badges 3.0 Achievement, served at its id. */
export const AchievementDocSchema = z
  .object({
    '@context': LdContextSchema,
    id: z.string().openapi({ format: 'uri' }),
    type: z.array(z.literal('Achievement')),
    achievementType: z.string(),
    name: z.string(),
    description: z.string(),
    criteria: z.object({ narrative: z.string() }),
    creator: z.object({ id: z.string(), type: z.array(z.literal('Profile')), name: z.string() }),
    resultDescription: z.array(ResultDescriptionDocSchema),
  })
  .openapi('Achievement');

export const IssuerParamSchema = z.strictObject({
  tenantId: IdSchema.openapi({ param: { name: 'tenantId', in: 'path' } }),
});

const tenantIdParam = IdSchema.openapi({ param: { name: 'tenantId', in: 'path' } });

export const IssuerKeyParamSchema = z.strictObject({
  tenantId: tenantIdParam,
  kid: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/, 'must be a key thumbprint')
    .openapi({ param: { name: 'kid', in: 'path' }, description: 'The key’s RFC 7638 thumbprint.' }),
});

export const AchievementParamSchema = z.strictObject({
  tenantId: tenantIdParam,
  achievementId: z
    .string()
    .max(100, 'must be at most 100 characters')
    .openapi({ param: { name: 'achievementId', in: 'path' }, example: 'mentoring-record' }),
});

export const StatusListParamSchema = z.strictObject({
  tenantId: tenantIdParam,
  list: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(1_000_000, 'must be at most 1000000')
    .openapi({ param: { name: 'list', in: 'path' }, description: 'The list’s number, from 1.' }),
});

export const IssuedCredentialParamSchema = z.strictObject({
  tenantId: tenantIdParam,
  credentialId: IdSchema.openapi({ param: { name: 'credentialId', in: 'path' } }),
});

export type MentorRecord = z.infer<typeof MentorRecordSchema>;
export type LeaderboardQuery = z.infer<typeof LeaderboardQuerySchema>;
export type Leaderboard = z.infer<typeof LeaderboardSchema>;
export type Jwks = z.infer<typeof JwksSchema>;
