// Generated from platform.mjs by `node examples/lms/gen-types.mjs`: do not edit (the JSDoc in
// platform.mjs is the source; test/lti/platform-types.test.ts fails when this file is stale).
/**
 * Full role URIs for a short context role (as LTI Core 1.3 §A.2.3 lists them); a sub-role comes
 * with its principal role, as the spec's best practice asks. A full URI passes through.
 * @param {string} role
 * @returns {string[]}
 */
export function roleUris(role: string): string[];
/**
 * The "Data Foundations" course: 2 instructors, 2 teaching assistants, 10 learners, a content
 * developer and an administrator, with one Micromentor link placed on lesson 3.
 * @returns {Roster}
 */
export function demoRoster(): Roster;
/** @param {string} value */
export function escapeHtml(value: string): string;
/** A fresh 2048-bit RSA private key (for a second platform key or a "foreign" key in tests). */
export function generateRsaKey(): KeyObject;
/**
 * Splits a compact JWS without checking it.
 * @param {string} token
 */
export function decodeJwt(token: string): {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signingInput: string;
  signature: Buffer<ArrayBuffer>;
};
/**
 * The auto-submitting form that carries fields to action (form_post).
 * @param {string} action
 * @param {Record<string, string>} fields
 * @param {string} [title]
 */
export function autoPostForm(action: string, fields: Record<string, string>, title?: string): string;
/** @param {PlatformOptions} options */
export function createPlatform(options: PlatformOptions): {
  issuer: string;
  clientId: string;
  deploymentId: string;
  endpoints: Readonly<{
    authorization: `${string}/auth`;
    token: `${string}/token`;
    jwks: `${string}/jwks`;
    deepLinkReturn: `${string}/deep-link/return`;
    openidConfiguration: `${string}/.well-known/openid-configuration`;
    registration: `${string}/register`;
    /** @param {string} courseId */
    memberships: (courseId: string) => string;
  }>;
  roster: Roster;
  /** The tool's registered URLs (undefined until configured or registered). */
  tool: ToolConfig | undefined;
  readonly currentKid: string;
  jwks: () => {
    keys: PublicJwk[];
  };
  /**
   * Adds a signing key (a fresh one by default); it signs from now on, the older keys stay listed.
   * @param {KeyObject | string} [key]
   */
  rotateKey: (key?: KeyObject | string) => string;
  /**
   * Removes a key from the key set (the end of a rotation overlap).
   * @param {string} kid
   */
  retireKey(kid: string): void;
  sign: (payload: Record<string, unknown>, opts?: SignOptions) => string;
  idToken: (message: LaunchMessage, overrides?: Record<string, unknown>) => Record<string, unknown>;
  loginInitiation: (params: {
    loginHint: string;
    messageHint?: string;
    targetLinkUri: string;
    storageTarget?: string;
  }) => string;
  prepareLaunch: (request: LaunchRequest) => {
    url: string;
    loginHint: string;
    messageHint: string;
  };
  authorize: (params: Record<string, string | undefined>) => AuthorizeResult;
  verifyToolJwt: (token: string) => Promise<Record<string, unknown>>;
  openidConfiguration: () => {
    issuer: string;
    authorization_endpoint: `${string}/auth`;
    registration_endpoint: `${string}/register`;
    jwks_uri: `${string}/jwks`;
    token_endpoint: `${string}/token`;
    token_endpoint_auth_methods_supported: string[];
    token_endpoint_auth_signing_alg_values_supported: string[];
    scopes_supported: string[];
    response_types_supported: string[];
    response_modes_supported: string[];
    subject_types_supported: string[];
    id_token_signing_alg_values_supported: string[];
    claims_supported: string[];
    'https://purl.imsglobal.org/spec/lti-platform-configuration': {
      product_family_code: string;
      version: string;
      messages_supported: {
        type: string;
      }[];
      variables: never[];
    };
  };
  startRegistration: (toolRegistrationUrl: string) => string;
  handle: (
    req: import('node:http').IncomingMessage,
    res: import('node:http').ServerResponse,
  ) => Promise<boolean>;
  placements: Placement[];
  registrations: Registration[];
  events: PlatformEvent[];
};
/** @typedef {ReturnType<typeof createPlatform>} Platform */
/**
 * A platform on its own HTTP server at http://127.0.0.1:<ephemeral>/<path> (the tests' emulator).
 * @param {Omit<PlatformOptions, 'issuer'> & { path?: string }} options
 * @returns {Promise<{ platform: Platform, url: string, close: () => Promise<void> }>}
 */
export function startPlatform(
  options: Omit<PlatformOptions, 'issuer'> & {
    path?: string;
  },
): Promise<{
  platform: Platform;
  url: string;
  close: () => Promise<void>;
}>;
/** The claim names this platform sends and reads. */
export const CLAIMS: Readonly<{
  messageType: 'https://purl.imsglobal.org/spec/lti/claim/message_type';
  version: 'https://purl.imsglobal.org/spec/lti/claim/version';
  deploymentId: 'https://purl.imsglobal.org/spec/lti/claim/deployment_id';
  targetLinkUri: 'https://purl.imsglobal.org/spec/lti/claim/target_link_uri';
  resourceLink: 'https://purl.imsglobal.org/spec/lti/claim/resource_link';
  roles: 'https://purl.imsglobal.org/spec/lti/claim/roles';
  context: 'https://purl.imsglobal.org/spec/lti/claim/context';
  custom: 'https://purl.imsglobal.org/spec/lti/claim/custom';
  launchPresentation: 'https://purl.imsglobal.org/spec/lti/claim/launch_presentation';
  toolPlatform: 'https://purl.imsglobal.org/spec/lti/claim/tool_platform';
  deepLinkingSettings: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings';
  contentItems: 'https://purl.imsglobal.org/spec/lti-dl/claim/content_items';
  deepLinkingData: 'https://purl.imsglobal.org/spec/lti-dl/claim/data';
  deepLinkingMsg: 'https://purl.imsglobal.org/spec/lti-dl/claim/msg';
  deepLinkingErrorMsg: 'https://purl.imsglobal.org/spec/lti-dl/claim/errormsg';
  nrps: 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice';
  platformConfiguration: 'https://purl.imsglobal.org/spec/lti-platform-configuration';
  toolConfiguration: 'https://purl.imsglobal.org/spec/lti-tool-configuration';
}>;
/** The OAuth2 scopes the token endpoint grants. */
export const LTI_SCOPES: Readonly<{
  nrps: 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly';
  agsLineItem: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem';
  agsLineItemReadonly: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly';
  agsResultReadonly: 'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly';
  agsScore: 'https://purl.imsglobal.org/spec/lti-ags/scope/score';
}>;
export const NRPS_MEDIA_TYPE: 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json';
/**
 * @typedef {object} ToolConfig The tool's URLs, as registered with the platform.
 * @property {string} loginUrl OIDC login initiation URL (the tool's /lti/login).
 * @property {string} launchUrl Where id_tokens are posted (redirect_uri) and resource links launch.
 * @property {string} [jwksUrl] The tool's public key set (client assertions, deep linking responses).
 * @property {{ keys: JsonWebKey[] }} [publicJwks] An inline key set instead of jwksUrl.
 * @property {string} [deepLinkUrl] target_link_uri for deep linking requests (default: launchUrl).
 * @property {string[]} [redirectUris] Registered redirect URIs (default: launchUrl and deepLinkUrl).
 */
/**
 * @typedef {object} PlatformUser
 * @property {string} id The stable, opaque user id (the id_token's sub).
 * @property {string} [name]
 * @property {string} [givenName]
 * @property {string} [familyName]
 * @property {string} [email]
 * @property {string} [picture]
 * @property {string[]} [institutionRoles] e.g. ['Student'], ['Faculty'], ['SysAdmin'] or full URIs.
 */
/**
 * @typedef {object} CourseMember
 * @property {string} userId
 * @property {string[]} roles Short context roles (Learner, Instructor, TeachingAssistant, ContentDeveloper,
 *   Administrator, Mentor) or full URIs.
 * @property {'Active' | 'Inactive'} [status]
 */
/**
 * @typedef {object} Course
 * @property {string} id
 * @property {string} label
 * @property {string} title
 * @property {CourseMember[]} members
 */
/**
 * @typedef {object} ResourceLink
 * @property {string} id
 * @property {string} courseId
 * @property {string} title
 * @property {string} [description]
 * @property {Record<string, string>} [custom] Sent as the custom claim on launch.
 * @property {string} [url] The tool URL a deep linking response gave (target_link_uri on launch).
 * @property {string} [placement] Where in the course it is shown (e.g. a lesson id).
 */
/**
 * @typedef {object} Roster
 * @property {PlatformUser[]} users
 * @property {Course[]} courses
 * @property {ResourceLink[]} resourceLinks
 */
/**
 * @typedef {object} PlatformOptions
 * @property {string} issuer The platform's issuer URL; its endpoints live under its path.
 * @property {string} clientId The client id this platform gave the tool.
 * @property {string} deploymentId
 * @property {ToolConfig} [tool]
 * @property {Roster} [roster] Default: demoRoster().
 * @property {(KeyObject | string)[]} [keys] RSA private keys (KeyObject or PKCS#8 PEM); the last signs.
 * @property {typeof fetch} [fetch] Used to fetch the tool's key set.
 * @property {() => number} [now] Clock in ms (default Date.now).
 * @property {string} [name] The platform's product name (tool_platform claim).
 */
/**
 * @typedef {{ kty: 'RSA', n: string, e: string, kid: string, alg: 'RS256', use: 'sig' }} PublicJwk
 */
/** @typedef {'RS256' | 'RS384' | 'RS512' | 'PS256' | 'HS256' | 'ES256' | 'none'} SignAlg */
/**
 * @typedef {object} SignOptions
 * @property {string | null} [kid] A kid of the key set (signs with that key), another string (an unknown
 *   kid, signed with the current key), or null (no kid header). Default: the current key's.
 * @property {SignAlg | string} [alg] The header's alg; the signature follows it where it can. Default RS256.
 * @property {KeyObject} [key] A private key to sign with instead (a foreign key).
 * @property {string} [secret] The HS256 secret (default: the current public key's PEM).
 * @property {Record<string, unknown>} [header] Extra or replaced header fields.
 */
/**
 * @typedef {'LtiResourceLinkRequest' | 'LtiDeepLinkingRequest'} MessageType
 */
/**
 * @typedef {object} LaunchMessage
 * @property {MessageType} [type] Default LtiResourceLinkRequest.
 * @property {string} userId
 * @property {string} [courseId] Without: no context claim and no NRPS claim.
 * @property {string} [resourceLinkId] For LtiResourceLinkRequest (default: the course's first link).
 * @property {string} nonce
 * @property {string} [targetLinkUri]
 * @property {Record<string, string>} [custom] Merged over the resource link's custom parameters.
 * @property {string} [deepLinkingData] The deep_linking_settings.data value.
 * @property {string} [returnUrl] launch_presentation.return_url.
 */
/**
 * @typedef {object} LaunchRequest
 * @property {string} userId
 * @property {string} [courseId] Default: the roster's first course.
 * @property {string} [resourceLinkId]
 * @property {MessageType} [type]
 * @property {Record<string, string>} [custom]
 * @property {string} [placement] Deep linking: where the returned links are placed.
 * @property {string} [returnUrl] Deep linking: the page to go back to; resource link: return_url.
 * @property {string} [targetLinkUri]
 * @property {string} [storageTarget] lti_storage_target (the platform-storage flow).
 * @property {Record<string, unknown>} [overrides] Claims replaced in the id_token (undefined removes).
 * @property {SignOptions} [signOptions]
 * @property {Record<string, string>} [fields] Replace fields of the posted form (e.g. { state: 'x' }).
 * @property {boolean} [noCourse] Launch without a context (no context or NRPS claims).
 */
/**
 * @typedef {{ ok: true, status: 200, action: string, fields: Record<string, string>, html: string,
 *   claims: Record<string, unknown> }
 *   | { ok: false, status: number, error: string, errorDescription: string, action?: string,
 *   fields?: Record<string, string>, html: string }} AuthorizeResult
 */
/**
 * @typedef {object} Placement A content item the tool returned through deep linking.
 * @property {string} resourceLinkId
 * @property {string} courseId
 * @property {string | undefined} placement
 * @property {Record<string, unknown>} item The content item as the tool sent it.
 * @property {number} at
 */
/**
 * @typedef {object} Registration A tool registration received through Dynamic Registration.
 * @property {string} clientId
 * @property {string} deploymentId
 * @property {Record<string, unknown>} request The tool's registration request body.
 * @property {number} at
 */
/**
 * @typedef {object} PlatformEvent
 * @property {'authorize' | 'token' | 'nrps' | 'deep-link-return' | 'register'} endpoint
 * @property {boolean} ok
 * @property {string} [code] The refusal's code (e.g. invalid_client, bad_signature).
 * @property {string} [reason]
 * @property {number} at
 */
/** A refusal: `code` is stable (OAuth/OIDC error codes where the spec names one). */
export class LtiPlatformError extends Error {
  /**
   * @param {string} code
   * @param {string} message
   * @param {number} [status]
   */
  constructor(code: string, message: string, status?: number);
  code: string;
  status: number;
}
export type Platform = ReturnType<typeof createPlatform>;
/**
 * The tool's URLs, as registered with the platform.
 */
export type ToolConfig = {
  /**
   * OIDC login initiation URL (the tool's /lti/login).
   */
  loginUrl: string;
  /**
   * Where id_tokens are posted (redirect_uri) and resource links launch.
   */
  launchUrl: string;
  /**
   * The tool's public key set (client assertions, deep linking responses).
   */
  jwksUrl?: string | undefined;
  /**
   * An inline key set instead of jwksUrl.
   */
  publicJwks?:
    | {
        keys: JsonWebKey[];
      }
    | undefined;
  /**
   * target_link_uri for deep linking requests (default: launchUrl).
   */
  deepLinkUrl?: string | undefined;
  /**
   * Registered redirect URIs (default: launchUrl and deepLinkUrl).
   */
  redirectUris?: string[] | undefined;
};
export type PlatformUser = {
  /**
   * The stable, opaque user id (the id_token's sub).
   */
  id: string;
  name?: string | undefined;
  givenName?: string | undefined;
  familyName?: string | undefined;
  email?: string | undefined;
  picture?: string | undefined;
  /**
   * e.g. ['Student'], ['Faculty'], ['SysAdmin'] or full URIs.
   */
  institutionRoles?: string[] | undefined;
};
export type CourseMember = {
  userId: string;
  /**
   * Short context roles (Learner, Instructor, TeachingAssistant, ContentDeveloper,
   * Administrator, Mentor) or full URIs.
   */
  roles: string[];
  status?: 'Active' | 'Inactive' | undefined;
};
export type Course = {
  id: string;
  label: string;
  title: string;
  members: CourseMember[];
};
export type ResourceLink = {
  id: string;
  courseId: string;
  title: string;
  description?: string | undefined;
  /**
   * Sent as the custom claim on launch.
   */
  custom?: Record<string, string> | undefined;
  /**
   * The tool URL a deep linking response gave (target_link_uri on launch).
   */
  url?: string | undefined;
  /**
   * Where in the course it is shown (e.g. a lesson id).
   */
  placement?: string | undefined;
};
export type Roster = {
  users: PlatformUser[];
  courses: Course[];
  resourceLinks: ResourceLink[];
};
export type PlatformOptions = {
  /**
   * The platform's issuer URL; its endpoints live under its path.
   */
  issuer: string;
  /**
   * The client id this platform gave the tool.
   */
  clientId: string;
  deploymentId: string;
  tool?: ToolConfig | undefined;
  /**
   * Default: demoRoster().
   */
  roster?: Roster | undefined;
  /**
   * RSA private keys (KeyObject or PKCS#8 PEM); the last signs.
   */
  keys?: (string | KeyObject)[] | undefined;
  /**
   * Used to fetch the tool's key set.
   */
  fetch?: typeof fetch | undefined;
  /**
   * Clock in ms (default Date.now).
   */
  now?: (() => number) | undefined;
  /**
   * The platform's product name (tool_platform claim).
   */
  name?: string | undefined;
};
export type PublicJwk = {
  kty: 'RSA';
  n: string;
  e: string;
  kid: string;
  alg: 'RS256';
  use: 'sig';
};
export type SignAlg = 'RS256' | 'RS384' | 'RS512' | 'PS256' | 'HS256' | 'ES256' | 'none';
export type SignOptions = {
  /**
   * A kid of the key set (signs with that key), another string (an unknown
   * kid, signed with the current key), or null (no kid header). Default: the current key's.
   */
  kid?: string | null | undefined;
  /**
   * The header's alg; the signature follows it where it can. Default RS256.
   */
  alg?: string | undefined;
  /**
   * A private key to sign with instead (a foreign key).
   */
  key?: KeyObject | undefined;
  /**
   * The HS256 secret (default: the current public key's PEM).
   */
  secret?: string | undefined;
  /**
   * Extra or replaced header fields.
   */
  header?: Record<string, unknown> | undefined;
};
export type MessageType = 'LtiResourceLinkRequest' | 'LtiDeepLinkingRequest';
export type LaunchMessage = {
  /**
   * Default LtiResourceLinkRequest.
   */
  type?: MessageType | undefined;
  userId: string;
  /**
   * Without: no context claim and no NRPS claim.
   */
  courseId?: string | undefined;
  /**
   * For LtiResourceLinkRequest (default: the course's first link).
   */
  resourceLinkId?: string | undefined;
  nonce: string;
  targetLinkUri?: string | undefined;
  /**
   * Merged over the resource link's custom parameters.
   */
  custom?: Record<string, string> | undefined;
  /**
   * The deep_linking_settings.data value.
   */
  deepLinkingData?: string | undefined;
  /**
   * launch_presentation.return_url.
   */
  returnUrl?: string | undefined;
};
export type LaunchRequest = {
  userId: string;
  /**
   * Default: the roster's first course.
   */
  courseId?: string | undefined;
  resourceLinkId?: string | undefined;
  type?: MessageType | undefined;
  custom?: Record<string, string> | undefined;
  /**
   * Deep linking: where the returned links are placed.
   */
  placement?: string | undefined;
  /**
   * Deep linking: the page to go back to; resource link: return_url.
   */
  returnUrl?: string | undefined;
  targetLinkUri?: string | undefined;
  /**
   * lti_storage_target (the platform-storage flow).
   */
  storageTarget?: string | undefined;
  /**
   * Claims replaced in the id_token (undefined removes).
   */
  overrides?: Record<string, unknown> | undefined;
  signOptions?: SignOptions | undefined;
  /**
   * Replace fields of the posted form (e.g. { state: 'x' }).
   */
  fields?: Record<string, string> | undefined;
  /**
   * Launch without a context (no context or NRPS claims).
   */
  noCourse?: boolean | undefined;
};
export type AuthorizeResult =
  | {
      ok: true;
      status: 200;
      action: string;
      fields: Record<string, string>;
      html: string;
      claims: Record<string, unknown>;
    }
  | {
      ok: false;
      status: number;
      error: string;
      errorDescription: string;
      action?: string;
      fields?: Record<string, string>;
      html: string;
    };
/**
 * A content item the tool returned through deep linking.
 */
export type Placement = {
  resourceLinkId: string;
  courseId: string;
  placement: string | undefined;
  /**
   * The content item as the tool sent it.
   */
  item: Record<string, unknown>;
  at: number;
};
/**
 * A tool registration received through Dynamic Registration.
 */
export type Registration = {
  clientId: string;
  deploymentId: string;
  /**
   * The tool's registration request body.
   */
  request: Record<string, unknown>;
  at: number;
};
export type PlatformEvent = {
  endpoint: 'authorize' | 'token' | 'nrps' | 'deep-link-return' | 'register';
  ok: boolean;
  /**
   * The refusal's code (e.g. invalid_client, bad_signature).
   */
  code?: string | undefined;
  reason?: string | undefined;
  at: number;
};

import { KeyObject } from 'node:crypto';
