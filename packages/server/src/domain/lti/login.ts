import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, LtiPlatformRow } from '../../db/database.js';
import { platformByClient, platformsByIssuer } from './platforms.js';

// OIDC login initiation (1EdTech Security Framework 1.0 §5.1.1): the platform sends the browser
// here with who it is and where the launch should go; we answer with the authentication request
// to the platform, carrying a fresh state and nonce that the launch must bring back (once).

export const STATE_TTL_MS = 10 * 60_000;

export interface LoginInitiation {
  iss?: string | undefined;
  login_hint?: string | undefined;
  target_link_uri?: string | undefined;
  lti_message_hint?: string | undefined;
  lti_deployment_id?: string | undefined;
  client_id?: string | undefined;
  lti_storage_target?: string | undefined;
}

export class LtiLoginError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface LoginAnswer {
  platform: LtiPlatformRow;
  /** The platform's authorization endpoint with the request's parameters. */
  authUrl: URL;
  state: string;
  nonce: string;
  /** Where the state is bound to the browser: our cookie, or the platform's storage (postMessage). */
  binding: 'cookie' | 'storage';
  storageTarget: string | null;
}

/** The cookie that binds a state to the browser: named after the state, so launches in two tabs do not collide. */
export const stateCookieName = (state: string): string =>
  `mm_lti_${createHash('sha256').update(state).digest('base64url').slice(0, 16)}`;

/** Checks the initiation, records the state and builds the authentication request. */
export async function initiateLogin(
  db: Kysely<Database>,
  params: LoginInitiation,
  options: { launchUrl: string; now: Date },
): Promise<LoginAnswer> {
  const { iss, login_hint: loginHint, target_link_uri: targetLinkUri } = params;
  if (!iss || !loginHint || !targetLinkUri) {
    throw new LtiLoginError(
      'lti_login_incomplete',
      'The login initiation must carry iss, login_hint and target_link_uri.',
    );
  }
  let platform: LtiPlatformRow | undefined;
  if (params.client_id) {
    platform = await platformByClient(db, iss, params.client_id);
  } else {
    // Without client_id the issuer must name exactly one registration (never guess between two).
    const candidates = await platformsByIssuer(db, iss);
    platform = candidates.length === 1 ? candidates[0] : undefined;
  }
  if (!platform) {
    throw new LtiLoginError(
      'lti_unknown_platform',
      `No program has registered the platform ${iss}${params.client_id ? ` with client id ${params.client_id}` : ''}.`,
    );
  }
  if (params.lti_deployment_id && !platform.deployment_ids.includes(params.lti_deployment_id)) {
    throw new LtiLoginError(
      'lti_unknown_deployment',
      `The deployment ${params.lti_deployment_id} is not registered for this platform.`,
    );
  }
  const state = randomBytes(24).toString('base64url');
  const nonce = randomBytes(24).toString('base64url');
  const binding = params.lti_storage_target ? 'storage' : 'cookie';
  await db
    .insertInto('lti_login_states')
    .values({
      state,
      platform_id: platform.id,
      nonce,
      target_link_uri: targetLinkUri,
      binding,
      created_at: options.now,
      expires_at: new Date(options.now.getTime() + STATE_TTL_MS),
    })
    .execute();
  // Expired states are cleared as new ones come (cheap: an index on expires_at).
  await db.deleteFrom('lti_login_states').where('expires_at', '<', options.now).execute();
  const authUrl = new URL(platform.auth_login_url);
  const query: Record<string, string> = {
    scope: 'openid',
    response_type: 'id_token',
    response_mode: 'form_post',
    prompt: 'none',
    client_id: platform.client_id,
    redirect_uri: options.launchUrl,
    login_hint: loginHint,
    state,
    nonce,
  };
  if (params.lti_message_hint) query.lti_message_hint = params.lti_message_hint;
  for (const [name, value] of Object.entries(query)) authUrl.searchParams.set(name, value);
  return { platform, authUrl, state, nonce, binding, storageTarget: params.lti_storage_target ?? null };
}
