import { createHash } from 'node:crypto';
import { decodeProtectedHeader, errors, type JWTPayload, jwtVerify } from 'jose';
import type { Kysely, Selectable } from 'kysely';
import type { Database, LtiLoginStatesTable, LtiPlatformRow } from '../../db/database.js';
import type { LtiTarget } from '../../schemas/lti.js';
import { CLAIM, MESSAGE_TYPES, type MessageType, targetOf } from './claims.js';
import { type PlatformKeys, PlatformKeysError } from './platform-keys.js';

// The launch (1EdTech Security Framework 1.0 §5.1.3, LTI Core 1.3 §5.3-5.4): the platform posts
// an id_token and our state back. Everything the spec asks of a tool is checked, in an order
// that says the most precise reason; any failure is an LtiLaunchError with a stable code, shown
// to the user as a page and logged, never a 500. Unknown claims are ignored.

export const CLOCK_SKEW_SECONDS = 60;

export class LtiLaunchError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const fail = (code: string, message: string): never => {
  throw new LtiLaunchError(code, message);
};

export interface LaunchContext {
  platform: LtiPlatformRow;
  messageType: MessageType;
  deploymentId: string;
  /** `lti:<issuer hash>:<sub>`: the user's id in the tenant (tenant + issuer + sub). */
  externalId: string;
  sub: string;
  name: string | null;
  email: string | null;
  locale: string | null;
  roles: string[];
  target: LtiTarget;
  context: { id: string; title: string | null } | null;
  resourceLink: { id: string; title: string | null } | null;
  custom: Record<string, string>;
  deepLinking: { returnUrl: string; data: string | null; acceptMultiple: boolean } | null;
  namesRoles: { contextMembershipsUrl: string } | null;
  /** The raw claims, for what a page may want later (never logged). */
  claims: JWTPayload;
}

/** The user's external id: tenant-scoped by the users table, issuer-scoped here. */
export function ltiExternalId(issuer: string, sub: string): string {
  return `lti:${createHash('sha256').update(issuer).digest('base64url').slice(0, 12)}:${sub}`;
}

const text = (value: unknown, max: number): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : null;

/** Takes the state (once: it is deleted in the same statement) or fails. */
async function takeState(
  db: Kysely<Database>,
  state: string,
  now: Date,
): Promise<Selectable<LtiLoginStatesTable>> {
  const row = await db
    .deleteFrom('lti_login_states')
    .where('state', '=', state)
    .returningAll()
    .executeTakeFirst();
  if (!row) {
    return fail(
      'lti_state_unknown',
      'This launch was already used, has expired or did not start here. Launch the tool again from the course.',
    );
  }
  if (row.expires_at.getTime() <= now.getTime()) {
    return fail('lti_state_expired', 'This launch took too long. Launch the tool again from the course.');
  }
  return row;
}

async function platformOf(db: Kysely<Database>, id: string): Promise<LtiPlatformRow> {
  const row = await db.selectFrom('lti_platforms').selectAll().where('id', '=', id).executeTakeFirst();
  return row ?? fail('lti_unknown_platform', 'The platform of this launch is no longer registered.');
}

function mapVerifyError(error: unknown): never {
  if (error instanceof errors.JWTExpired) return fail('lti_token_expired', 'The launch token has expired.');
  if (error instanceof errors.JWTClaimValidationFailed) {
    const claim = error.claim;
    if (claim === 'iss') return fail('lti_wrong_issuer', 'The launch token was not issued by this platform.');
    if (claim === 'aud') return fail('lti_wrong_audience', 'The launch token is not addressed to this tool.');
    if (claim === 'iat' || claim === 'nbf')
      return fail('lti_token_not_yet_valid', 'The launch token is not valid yet.');
    return fail('lti_invalid_token', `The launch token's ${claim} claim is not valid.`);
  }
  if (error instanceof errors.JWKSNoMatchingKey) {
    return fail('lti_unknown_kid', "The launch token's key is not in the platform's key set.");
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return fail('lti_bad_signature', "The launch token's signature does not verify with the platform's key.");
  }
  if (error instanceof errors.JOSEAlgNotAllowed)
    return fail('lti_wrong_alg', 'The launch token must be signed with RS256.');
  if (error instanceof PlatformKeysError)
    return fail('lti_platform_keys_unavailable', `Could not check the launch: ${error.message}.`);
  if (error instanceof errors.JOSEError)
    return fail('lti_invalid_token', 'The launch token is not a valid JWT.');
  throw error;
}

/** Validates a launch (`id_token`, `state` as posted) and consumes its state. */
export async function validateLaunch(
  db: Kysely<Database>,
  keys: PlatformKeys,
  input: { idToken: string | undefined; state: string | undefined; now: Date },
): Promise<{ launch: LaunchContext; binding: 'cookie' | 'storage'; state: string }> {
  const { idToken, state, now } = input;
  if (!state) fail('lti_state_missing', 'The launch carries no state.');
  if (!idToken) fail('lti_token_missing', 'The launch carries no id_token.');
  const stored = await takeState(db, state!, now);
  const platform = await platformOf(db, stored.platform_id);

  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(idToken!);
  } catch {
    return fail('lti_invalid_token', 'The launch token is not a valid JWT.');
  }
  if (header.alg !== 'RS256')
    fail('lti_wrong_alg', `The launch token must be signed with RS256, not ${String(header.alg)}.`);
  if (!header.kid) fail('lti_missing_kid', 'The launch token names no key (kid).');

  let payload: JWTPayload;
  try {
    const keySet = await keys.keySet(platform, header, now.getTime());
    ({ payload } = await jwtVerify(idToken!, keySet, {
      algorithms: ['RS256'],
      issuer: platform.issuer,
      audience: platform.client_id,
      clockTolerance: CLOCK_SKEW_SECONDS,
      currentDate: now,
      requiredClaims: ['exp', 'iat'],
    }));
  } catch (error) {
    return mapVerifyError(error);
  }

  // More than one audience: the authorized party must be us; when present it must be us anyway.
  if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp === undefined) {
    fail('lti_wrong_audience', 'The launch token has several audiences and no azp.');
  }
  if (payload.azp !== undefined && payload.azp !== platform.client_id) {
    fail('lti_wrong_audience', 'The launch token is authorized for another client (azp).');
  }
  if (payload.nonce !== stored.nonce)
    fail('lti_nonce_mismatch', 'The launch token carries another nonce than the one sent.');
  const sub = text(payload.sub, 255);
  if (!sub) fail('lti_missing_sub', 'The launch token names no user (sub).');
  if (payload[CLAIM.version] !== '1.3.0') {
    fail(
      'lti_wrong_version',
      `This tool speaks LTI 1.3.0; the launch says ${JSON.stringify(payload[CLAIM.version] ?? null)}.`,
    );
  }
  const messageType = payload[CLAIM.messageType];
  if (!MESSAGE_TYPES.includes(messageType as MessageType)) {
    fail(
      'lti_wrong_message_type',
      `This tool does not handle ${JSON.stringify(messageType ?? null)} messages.`,
    );
  }
  const deploymentId = text(payload[CLAIM.deploymentId], 255);
  if (!deploymentId || !platform.deployment_ids.includes(deploymentId)) {
    fail(
      'lti_unknown_deployment',
      `The deployment ${JSON.stringify(deploymentId)} is not registered for this platform.`,
    );
  }
  if (payload[CLAIM.targetLinkUri] !== stored.target_link_uri) {
    fail(
      'lti_target_link_uri_mismatch',
      'The launch goes to another place (target_link_uri) than its login said.',
    );
  }
  const rolesClaim = payload[CLAIM.roles];
  if (!Array.isArray(rolesClaim) || rolesClaim.some((r) => typeof r !== 'string')) {
    fail('lti_missing_roles', 'The launch token has no roles claim (an empty list is fine).');
  }
  const roles = rolesClaim as string[];

  const resourceLinkClaim = payload[CLAIM.resourceLink] as { id?: unknown; title?: unknown } | undefined;
  const resourceLinkId = text(resourceLinkClaim?.id, 255);
  if (messageType === 'LtiResourceLinkRequest' && !resourceLinkId) {
    fail('lti_missing_resource_link', 'The launch names no resource link (resource_link.id).');
  }
  const settings = payload[CLAIM.deepLinkingSettings] as
    | { deep_link_return_url?: unknown; data?: unknown; accept_multiple?: unknown }
    | undefined;
  const returnUrl = text(settings?.deep_link_return_url, 2_000);
  if (messageType === 'LtiDeepLinkingRequest' && !returnUrl) {
    fail('lti_missing_deep_linking_settings', 'The deep linking request has no deep_link_return_url.');
  }
  const contextClaim = payload[CLAIM.context] as { id?: unknown; title?: unknown } | undefined;
  const contextId = text(contextClaim?.id, 255);
  const customClaim = payload[CLAIM.custom];
  const custom: Record<string, string> = {};
  if (customClaim && typeof customClaim === 'object') {
    for (const [k, v] of Object.entries(customClaim)) if (typeof v === 'string') custom[k] = v.slice(0, 500);
  }
  const presentation = payload[CLAIM.launchPresentation] as { locale?: unknown } | undefined;
  const nrps = payload[CLAIM.namesRoles] as { context_memberships_url?: unknown } | undefined;
  const membershipsUrl = text(nrps?.context_memberships_url, 2_000);
  const name =
    text(payload.name, 200) ??
    ([text(payload.given_name, 100), text(payload.family_name, 100)].filter(Boolean).join(' ') || null);

  return {
    binding: stored.binding,
    state: stored.state,
    launch: {
      platform,
      messageType: messageType as MessageType,
      deploymentId: deploymentId!,
      externalId: ltiExternalId(platform.issuer, sub!),
      sub: sub!,
      name,
      email:
        typeof payload.email === 'string' && /^[^\s@]+@[^\s@]+$/.test(payload.email)
          ? payload.email.slice(0, 320)
          : null,
      locale: text(presentation?.locale, 35),
      roles,
      target: targetOf(roles, platform.role_mapping as Record<string, LtiTarget>),
      context: contextId ? { id: contextId, title: text(contextClaim?.title, 200) } : null,
      resourceLink: resourceLinkId
        ? { id: resourceLinkId, title: text(resourceLinkClaim?.title, 200) }
        : null,
      custom,
      deepLinking:
        messageType === 'LtiDeepLinkingRequest'
          ? {
              returnUrl: returnUrl!,
              data: typeof settings?.data === 'string' ? settings.data : null,
              acceptMultiple: settings?.accept_multiple === true,
            }
          : null,
      namesRoles: membershipsUrl ? { contextMembershipsUrl: membershipsUrl } : null,
      claims: payload,
    },
  };
}
