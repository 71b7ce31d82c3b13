import type { Kysely } from 'kysely';
import type { Database, LtiPlatformRow } from '../../db/database.js';
import type {
  CreateLtiPlatform,
  LtiPlatform,
  LtiTarget,
  ToolConfiguration,
  UpdateLtiPlatform,
} from '../../schemas/lti.js';
import type { DomainCtx } from '../context.js';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.js';
import { isRefusedHost } from '../webhooks/url-policy.js';

/** The tool's URLs, from the API's public origin: what an admin pastes into the LMS. */
export function toolConfiguration(baseUrl: string): ToolConfiguration {
  const base = baseUrl.replace(/\/+$/, '');
  return {
    loginUrl: `${base}/lti/login`,
    launchUrl: `${base}/lti/launch`,
    deepLinkUrl: `${base}/lti/launch`,
    jwksUrl: `${base}/lti/jwks`,
    registrationUrl: `${base}/lti/register`,
  };
}

export function toLtiPlatform(row: LtiPlatformRow, baseUrl: string): LtiPlatform {
  return {
    id: row.id,
    name: row.name,
    issuer: row.issuer,
    clientId: row.client_id,
    deploymentIds: row.deployment_ids,
    authLoginUrl: row.auth_login_url,
    authTokenUrl: row.auth_token_url,
    jwksUrl: row.jwks_url,
    publicJwks: (row.public_jwks as LtiPlatform['publicJwks']) ?? null,
    roleMapping: row.role_mapping as Record<string, LtiTarget>,
    tool: toolConfiguration(baseUrl),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

const URL_FIELDS = ['authLoginUrl', 'authTokenUrl', 'jwksUrl'] as const;

/** The platform's endpoints: https to a public host (http and local hosts only in development). */
function checkUrls(input: UpdateLtiPlatform, allowPrivate: boolean): void {
  const issues = URL_FIELDS.flatMap((field) => {
    const raw = input[field];
    if (raw === undefined) return [];
    const url = new URL(raw);
    if (url.username || url.password)
      return [{ path: `body.${field}`, message: 'must not carry credentials' }];
    if (allowPrivate)
      return url.protocol === 'https:' || url.protocol === 'http:'
        ? []
        : [{ path: `body.${field}`, message: 'must be an http(s) URL' }];
    if (url.protocol !== 'https:') return [{ path: `body.${field}`, message: 'must be an https:// URL' }];
    if (isRefusedHost(url)) return [{ path: `body.${field}`, message: 'must be a public address' }];
    return [];
  });
  if (issues.length)
    throw new InvalidInputError('A platform URL is not allowed.', issues, 'lti_url_not_allowed');
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

const exists = (issuer: string, clientId: string) =>
  new ConflictError(
    'lti_platform_exists',
    `A platform with issuer ${issuer} and client id ${clientId} is already registered.`,
  );

export async function createLtiPlatform(
  ctx: DomainCtx,
  tenantId: string,
  input: CreateLtiPlatform,
  options: { allowPrivate: boolean },
): Promise<LtiPlatformRow> {
  checkUrls(input, options.allowPrivate);
  const now = ctx.clock.now();
  try {
    return await ctx.db
      .insertInto('lti_platforms')
      .values({
        tenant_id: tenantId,
        name: input.name,
        issuer: input.issuer,
        client_id: input.clientId,
        deployment_ids: [...new Set(input.deploymentIds)],
        auth_login_url: input.authLoginUrl,
        auth_token_url: input.authTokenUrl,
        jwks_url: input.jwksUrl ?? null,
        public_jwks: input.publicJwks ? JSON.stringify(input.publicJwks) : null,
        role_mapping: JSON.stringify(input.roleMapping ?? {}),
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  } catch (error) {
    if (isUniqueViolation(error)) throw exists(input.issuer, input.clientId);
    throw error;
  }
}

export async function listLtiPlatforms(db: Kysely<Database>, tenantId: string): Promise<LtiPlatformRow[]> {
  return db
    .selectFrom('lti_platforms')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function getLtiPlatform(
  db: Kysely<Database>,
  tenantId: string,
  id: string,
): Promise<LtiPlatformRow> {
  const row = await db
    .selectFrom('lti_platforms')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('LTI platform');
  return row;
}

export async function updateLtiPlatform(
  ctx: DomainCtx,
  tenantId: string,
  id: string,
  input: UpdateLtiPlatform,
  options: { allowPrivate: boolean },
): Promise<LtiPlatformRow> {
  checkUrls(input, options.allowPrivate);
  const current = await getLtiPlatform(ctx.db, tenantId, id);
  // One way of finding the platform's keys at a time: setting one clears the other.
  const keys =
    input.jwksUrl !== undefined
      ? { jwks_url: input.jwksUrl, public_jwks: null }
      : input.publicJwks !== undefined
        ? { jwks_url: null, public_jwks: JSON.stringify(input.publicJwks) }
        : {};
  try {
    return await ctx.db
      .updateTable('lti_platforms')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.issuer !== undefined ? { issuer: input.issuer } : {}),
        ...(input.clientId !== undefined ? { client_id: input.clientId } : {}),
        ...(input.deploymentIds !== undefined ? { deployment_ids: [...new Set(input.deploymentIds)] } : {}),
        ...(input.authLoginUrl !== undefined ? { auth_login_url: input.authLoginUrl } : {}),
        ...(input.authTokenUrl !== undefined ? { auth_token_url: input.authTokenUrl } : {}),
        ...(input.roleMapping !== undefined ? { role_mapping: JSON.stringify(input.roleMapping) } : {}),
        ...keys,
        updated_at: ctx.clock.now(),
      })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  } catch (error) {
    if (isUniqueViolation(error))
      throw exists(input.issuer ?? current.issuer, input.clientId ?? current.client_id);
    throw error;
  }
}

export async function deleteLtiPlatform(db: Kysely<Database>, tenantId: string, id: string): Promise<void> {
  const result = await db
    .deleteFrom('lti_platforms')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new NotFoundError('LTI platform');
}

/** The platform a launch comes from: by issuer AND client id (never the issuer alone). */
export async function platformByClient(
  db: Kysely<Database>,
  issuer: string,
  clientId: string,
): Promise<LtiPlatformRow | undefined> {
  return db
    .selectFrom('lti_platforms')
    .selectAll()
    .where('issuer', '=', issuer)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

/** Platforms of one issuer (login initiation without a client_id: only if exactly one). */
export async function platformsByIssuer(db: Kysely<Database>, issuer: string): Promise<LtiPlatformRow[]> {
  return db.selectFrom('lti_platforms').selectAll().where('issuer', '=', issuer).limit(2).execute();
}
