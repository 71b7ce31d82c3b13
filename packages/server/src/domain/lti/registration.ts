import type { Kysely } from 'kysely';
import type { Database, LtiPlatformRow } from '../../db/database.js';
import { findTenantById } from '../../db/tenants.js';
import { signValue } from '../../security/launch-token.js';
import type { DomainCtx } from '../context.js';
import { ConflictError, InvalidInputError } from '../errors.js';
import { isRefusedHost } from '../webhooks/url-policy.js';
import { MESSAGE_TYPES } from './claims.js';
import { NRPS_SCOPE } from './names-roles.js';
import { type OutboundOptions, outboundRequest } from './outbound.js';
import { createLtiPlatform, toolConfiguration } from './platforms.js';

// LTI Dynamic Registration 1.0 (tool side). The platform (Moodle 4.x, Canvas, …) opens the tool's
// registration URL with `openid_configuration` and `registration_token`; the tool reads the
// platform's configuration, posts its own client registration to the platform's
// registration_endpoint (the token as bearer) and stores the platform with the client_id and
// deployment_id the platform answered.
//
// Which program? The spec's request carries nothing of ours, so the URL the admin pastes into the
// LMS names the program: `/lti/register/{code}`, where the code is a signed, short-lived value
// (`rg_…`, security/launch-token.ts's signValue) that `POST /v1/admin/lti/registration-links`
// mints for the admin's program. Between the confirmation page and the registration the
// platform's configuration travels in another signed value (`rs_…`): no server state.

export const REGISTRATION_LINK_PREFIX = 'rg_';
export const REGISTRATION_LINK_SECONDS = 3_600;
export const REGISTRATION_SESSION_PREFIX = 'rs_';
export const REGISTRATION_SESSION_SECONDS = 15 * 60;

export const TOOL_CONFIGURATION_CLAIM = 'https://purl.imsglobal.org/spec/lti-tool-configuration';
export const PLATFORM_CONFIGURATION_CLAIM = 'https://purl.imsglobal.org/spec/lti-platform-configuration';

export class LtiRegistrationError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const fail = (code: string, message: string): never => {
  throw new LtiRegistrationError(code, message);
};

/** What the per-program registration link carries. */
export interface RegistrationLink {
  /** The program the platform is registered into. */
  tid: string;
  exp: number;
}

/** The platform's configuration, as far as the registration needs it. */
export interface PlatformConfiguration {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  jwksUri: string;
  registrationEndpoint: string;
  /** The LMS's own name for itself (`product_family_code`), e.g. `moodle`, `canvas`. */
  productFamily: string | null;
}

/** What travels from the confirmation page to the registration (signed). */
export interface RegistrationSession {
  tid: string;
  configuration: PlatformConfiguration;
  registrationToken: string | null;
  exp: number;
}

/** The program's name, for the confirmation page; null when it no longer exists. */
export async function programName(db: Kysely<Database>, tenantId: string): Promise<string | null> {
  return (await findTenantById(db, tenantId))?.name ?? null;
}

const urlField = (body: Record<string, unknown>, field: string): string => {
  const value = body[field];
  if (typeof value !== 'string' || !URL.canParse(value)) {
    return fail('lti_registration_bad_configuration', `The platform's configuration has no valid ${field}.`);
  }
  return value;
};

async function readJson(
  url: string,
  init: Parameters<typeof outboundRequest>[1],
  outbound: OutboundOptions,
  what: string,
  unreachableCode: string,
): Promise<{ status: number; body: unknown }> {
  const response = await outboundRequest(url, init, outbound).catch((error: Error) =>
    fail(unreachableCode, `The platform's ${what} could not be reached (${error.message}).`),
  );
  let body: unknown = null;
  try {
    body = response.body ? JSON.parse(response.body) : null;
  } catch {
    body = null;
  }
  return { status: response.status, body };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads the platform's OpenID configuration (through the outbound guard) and checks what the
 * registration needs; the issuer must be on the configuration URL's origin (Dynamic Registration
 * §3.5.1: a configuration cannot speak for another site's issuer).
 */
export async function fetchPlatformConfiguration(
  configurationUrl: string,
  outbound: OutboundOptions,
): Promise<PlatformConfiguration> {
  if (!URL.canParse(configurationUrl)) {
    fail('lti_registration_incomplete', 'The openid_configuration parameter is not a URL.');
  }
  const { status, body } = await readJson(
    configurationUrl,
    { method: 'GET', headers: { accept: 'application/json' } },
    outbound,
    'configuration',
    'lti_registration_unreachable',
  );
  if (status !== 200) {
    fail('lti_registration_unreachable', `The platform's configuration answered HTTP ${status}.`);
  }
  if (!isObject(body))
    fail('lti_registration_bad_configuration', "The platform's configuration is not JSON.");
  const config = body as Record<string, unknown>;
  const issuer = urlField(config, 'issuer');
  const issuerUrl = new URL(issuer);
  const configUrl = new URL(configurationUrl);
  if (issuerUrl.origin !== configUrl.origin) {
    fail(
      'lti_registration_issuer_mismatch',
      `The platform's issuer ${issuer} is not on the site its configuration came from (${configUrl.origin}).`,
    );
  }
  const platform = isObject(config[PLATFORM_CONFIGURATION_CLAIM])
    ? (config[PLATFORM_CONFIGURATION_CLAIM] as Record<string, unknown>)
    : {};
  const family = platform.product_family_code;
  const configuration: PlatformConfiguration = {
    issuer,
    authorizationEndpoint: urlField(config, 'authorization_endpoint'),
    tokenEndpoint: urlField(config, 'token_endpoint'),
    jwksUri: urlField(config, 'jwks_uri'),
    registrationEndpoint: urlField(config, 'registration_endpoint'),
    productFamily: typeof family === 'string' && family.trim() ? family.trim().slice(0, 60) : null,
  };
  // Checked before registering, so the platform does not keep a registration we cannot store.
  for (const [field, value] of Object.entries(configuration)) {
    if (field === 'productFamily' || typeof value !== 'string') continue;
    const url = new URL(value);
    const allowed = outbound.allowPrivate
      ? url.protocol === 'https:' || url.protocol === 'http:'
      : url.protocol === 'https:' && !isRefusedHost(url);
    if (!allowed || url.username || url.password) {
      fail(
        'lti_registration_url_not_allowed',
        `The platform's ${field} (${value}) must be an https URL on a public host.`,
      );
    }
  }
  return configuration;
}

/** The client registration this tool sends (OpenID Connect Dynamic Client Registration + LTI's claim). */
export function clientRegistration(baseUrl: string): Record<string, unknown> {
  const tool = toolConfiguration(baseUrl);
  const domain = new URL(tool.launchUrl).host;
  return {
    application_type: 'web',
    response_types: ['id_token'],
    grant_types: ['implicit', 'client_credentials'],
    initiate_login_uri: tool.loginUrl,
    redirect_uris: [tool.launchUrl],
    client_name: 'Micromentor',
    jwks_uri: tool.jwksUrl,
    token_endpoint_auth_method: 'private_key_jwt',
    scope: NRPS_SCOPE,
    [TOOL_CONFIGURATION_CLAIM]: {
      domain,
      description: 'Ask an expert: learners reach a mentor who knows the lesson, in minutes.',
      target_link_uri: tool.launchUrl,
      claims: ['iss', 'sub', 'name', 'given_name', 'family_name', 'email', 'locale'],
      messages: MESSAGE_TYPES.map((type) => ({
        type,
        target_link_uri: tool.launchUrl,
        label: type === 'LtiDeepLinkingRequest' ? 'Add “Ask an expert”' : 'Ask an expert',
      })),
    },
  };
}

export interface RegistrationAnswer {
  clientId: string;
  deploymentId: string | null;
}

/** Posts the tool's registration to the platform (bearer: the registration token), reads the answer. */
export async function registerWithPlatform(
  session: RegistrationSession,
  baseUrl: string,
  outbound: OutboundOptions,
): Promise<RegistrationAnswer> {
  const { status, body } = await readJson(
    session.configuration.registrationEndpoint,
    {
      method: 'POST',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        ...(session.registrationToken ? { authorization: `Bearer ${session.registrationToken}` } : {}),
      },
      body: JSON.stringify(clientRegistration(baseUrl)),
    },
    outbound,
    'registration endpoint',
    'lti_registration_unreachable',
  );
  if (status !== 200 && status !== 201) {
    const reason = isObject(body)
      ? [body.error, body.error_description].filter((v) => typeof v === 'string').join(': ')
      : '';
    fail(
      'lti_registration_refused',
      `The platform refused the registration (HTTP ${status}${reason ? `, ${reason.slice(0, 300)}` : ''}).`,
    );
  }
  if (!isObject(body)) fail('lti_registration_bad_answer', "The platform's answer is not JSON.");
  const answer = body as Record<string, unknown>;
  const clientId = answer.client_id;
  if (typeof clientId !== 'string' || !clientId.trim() || clientId.length > 200) {
    fail('lti_registration_bad_answer', "The platform's answer has no client_id.");
  }
  const config = isObject(answer[TOOL_CONFIGURATION_CLAIM])
    ? (answer[TOOL_CONFIGURATION_CLAIM] as Record<string, unknown>)
    : {};
  const deployment = config.deployment_id;
  return {
    clientId: (clientId as string).trim(),
    deploymentId:
      typeof deployment === 'string' && deployment.trim() && deployment.length <= 200
        ? deployment.trim()
        : null,
  };
}

/**
 * Stores the registered platform in the program. A platform that gave no deployment id yet (Canvas
 * gives it at install time) cannot launch until the admin adds one (PATCH deploymentIds).
 */
export async function storeRegisteredPlatform(
  ctx: DomainCtx,
  session: RegistrationSession,
  answer: RegistrationAnswer,
  options: { allowPrivate: boolean },
): Promise<LtiPlatformRow> {
  const { configuration } = session;
  const host = new URL(configuration.issuer).host;
  const name = (configuration.productFamily ? `${configuration.productFamily} — ${host}` : host).slice(
    0,
    120,
  );
  try {
    return await createLtiPlatform(
      ctx,
      session.tid,
      {
        name,
        issuer: configuration.issuer,
        clientId: answer.clientId,
        deploymentIds: answer.deploymentId ? [answer.deploymentId] : [],
        authLoginUrl: configuration.authorizationEndpoint,
        authTokenUrl: configuration.tokenEndpoint,
        jwksUrl: configuration.jwksUri,
      },
      options,
    );
  } catch (error) {
    if (error instanceof ConflictError) return fail('lti_registration_exists', error.message);
    if (error instanceof InvalidInputError) {
      return fail(
        'lti_registration_url_not_allowed',
        `The platform's endpoints are not allowed: ${error.fields.map((f) => `${f.path.replace('body.', '')} ${f.message}`).join('; ')}.`,
      );
    }
    throw error;
  }
}

/** The per-program URL an admin pastes into the LMS as the Dynamic Registration tool URL. */
export function registrationLink(
  tenantId: string,
  now: Date,
  key: Buffer,
  baseUrl: string,
): { url: string; expiresAt: Date } {
  const exp = Math.floor(now.getTime() / 1000) + REGISTRATION_LINK_SECONDS;
  const code = signValue(REGISTRATION_LINK_PREFIX, { tid: tenantId, exp } satisfies RegistrationLink, key);
  return {
    url: `${toolConfiguration(baseUrl).registrationUrl}/${code}`,
    expiresAt: new Date(exp * 1000),
  };
}
