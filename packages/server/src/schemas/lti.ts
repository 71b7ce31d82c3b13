import { z } from '@hono/zod-openapi';
import { IdSchema, isSingleLine, ONE_LINE } from './common.js';

/** Our roles an LTI role can map to (`none`: the launch is refused with a clear page). */
export const LTI_TARGETS = ['learner', 'mentor', 'admin', 'none'] as const;

const Url = z.url({ message: 'must be an absolute URL' }).max(2_000);
const Line = (max: number) => z.string().trim().min(1).max(max).refine(isSingleLine, ONE_LINE);

const RsaJwkSchema = z
  // The members of an RSA public JWK (RFC 7517/7518) and nothing else: a private key's members
  // (d, p, q, …) are refused rather than stored.
  .strictObject({
    kty: z.literal('RSA', { message: 'must be an RSA key (LTI 1.3 signs with RS256)' }),
    n: z.string().min(1).max(2_000),
    e: z.string().min(1).max(20),
    kid: z.string().min(1).max(200).optional(),
    alg: z.literal('RS256').optional(),
    use: z.literal('sig').optional(),
    key_ops: z.array(z.string().max(20)).max(10).optional(),
    x5c: z.array(z.string().max(10_000)).max(5).optional(),
    x5t: z.string().max(100).optional(),
    'x5t#S256': z.string().max(100).optional(),
  })
  .openapi('LtiPublicJwk');

const PublicJwksSchema = z
  .strictObject({ keys: z.array(RsaJwkSchema).min(1).max(20) })
  .openapi('LtiPublicJwks', {
    description: 'An inline public key set (Moodle’s “RSA key” option), instead of `jwksUrl`.',
  });

const RoleMappingSchema = z
  .record(z.string().min(1).max(200), z.enum(LTI_TARGETS))
  .refine((m) => Object.keys(m).length <= 50, 'at most 50 roles')
  .openapi({
    description:
      'LTI role (full URI, e.g. `http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor`, or short name ' +
      '`Instructor`) → `learner`, `mentor`, `admin` or `none`; merged over the default (Learner → learner; ' +
      'Instructor, TeachingAssistant, ContentDeveloper, Mentor → mentor; Administrator → admin; others → learner).',
  });

const platformFields = {
  name: Line(120).openapi({ example: 'Moodle — School of Data' }),
  issuer: Url.openapi({
    description: 'The platform’s `iss` exactly as it sends it.',
    example: 'https://moodle.example.edu',
  }),
  clientId: Line(200).openapi({
    description: 'The client id the platform gave this tool.',
    example: 'K3yq1',
  }),
  deploymentIds: z
    .array(Line(200))
    .min(1)
    .max(100)
    .openapi({ description: 'The deployments of the tool on this platform a launch may come from.' }),
  authLoginUrl: Url.openapi({ description: 'The platform’s OIDC authorization endpoint.' }),
  authTokenUrl: Url.openapi({ description: 'The platform’s OAuth 2 token endpoint (Names and Roles).' }),
  jwksUrl: Url.optional().openapi({ description: 'The platform’s public key set URL (or `publicJwks`).' }),
  publicJwks: PublicJwksSchema.optional(),
  roleMapping: RoleMappingSchema.optional(),
};

export const CreateLtiPlatformSchema = z
  .strictObject(platformFields)
  .refine((p) => (p.jwksUrl === undefined) !== (p.publicJwks === undefined), {
    message: 'give exactly one of jwksUrl and publicJwks',
    path: ['jwksUrl'],
  })
  .openapi('CreateLtiPlatform');

export const UpdateLtiPlatformSchema = z
  .strictObject({
    ...Object.fromEntries(Object.entries(platformFields).map(([k, v]) => [k, v.optional()])),
  } as { [K in keyof typeof platformFields]: z.ZodOptional<(typeof platformFields)[K]> })
  .refine((p) => !(p.jwksUrl !== undefined && p.publicJwks !== undefined), {
    message: 'give one of jwksUrl and publicJwks, not both',
    path: ['jwksUrl'],
  })
  .openapi('UpdateLtiPlatform');

export const ToolConfigurationSchema = z
  .object({
    loginUrl: z
      .string()
      .openapi({ description: 'OIDC login initiation URL (Moodle: “Initiate login URL”).' }),
    launchUrl: z
      .string()
      .openapi({ description: 'Redirect / launch URL (Moodle: “Tool URL” and “Redirection URI(s)”).' }),
    deepLinkUrl: z.string().openapi({ description: 'Deep Linking (content selection) URL.' }),
    jwksUrl: z.string().openapi({ description: 'The tool’s public key set URL.' }),
    registrationUrl: z
      .string()
      .openapi({ description: 'LTI Dynamic Registration URL (Moodle 4.x: “Tool URL” to register).' }),
  })
  .openapi('LtiToolConfiguration');

export const LtiPlatformSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    issuer: z.string(),
    clientId: z.string(),
    deploymentIds: z.array(z.string()),
    authLoginUrl: z.string(),
    authTokenUrl: z.string(),
    jwksUrl: z.string().nullable(),
    publicJwks: PublicJwksSchema.nullable(),
    roleMapping: z.record(z.string(), z.enum(LTI_TARGETS)),
    tool: ToolConfigurationSchema.openapi({ description: 'The values to paste into the LMS for this tool.' }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .openapi('LtiPlatform');

export const LtiPlatformListSchema = z
  .object({ data: z.array(LtiPlatformSchema) })
  .openapi('LtiPlatformList');

export type CreateLtiPlatform = z.infer<typeof CreateLtiPlatformSchema>;
export type UpdateLtiPlatform = z.infer<typeof UpdateLtiPlatformSchema>;
export type LtiPlatform = z.infer<typeof LtiPlatformSchema>;
export type LtiTarget = (typeof LTI_TARGETS)[number];
export type ToolConfiguration = z.infer<typeof ToolConfigurationSchema>;
