// Generated from site.mjs by `node examples/lms/gen-types.mjs`: do not edit (the JSDoc in
// site.mjs is the source; test/lti/platform-types.test.ts fails when this file is stale).
/**
 * @param {{ siteOrigin: string, api: string, secretKey?: string, basePath?: string, fetch?: typeof fetch,
 *   statusCacheMs?: number }} options
 *   siteOrigin: this site's origin (the issuer is siteOrigin + basePath); api: Micromentor's API URL (the
 *   tool); secretKey: the demo tenant's secret key, to ask the API whether it knows this platform
 *   (GET /v1/admin/lti/platforms, remembered for statusCacheMs, default 5 s).
 */
export function createLmsSite(options: {
  siteOrigin: string;
  api: string;
  secretKey?: string;
  basePath?: string;
  fetch?: typeof fetch;
  statusCacheMs?: number;
}): {
  platform: {
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
      memberships: (courseId: string) => string;
    }>;
    roster: import('./platform.mjs').Roster;
    tool: import('./platform.mjs').ToolConfig | undefined;
    readonly currentKid: string;
    jwks: () => {
      keys: import('./platform.mjs').PublicJwk[];
    };
    rotateKey: (key?: import('crypto').KeyObject | string) => string;
    retireKey(kid: string): void;
    sign: (payload: Record<string, unknown>, opts?: import('./platform.mjs').SignOptions) => string;
    idToken: (
      message: import('./platform.mjs').LaunchMessage,
      overrides?: Record<string, unknown>,
    ) => Record<string, unknown>;
    loginInitiation: (params: {
      loginHint: string;
      messageHint?: string;
      targetLinkUri: string;
      storageTarget?: string;
    }) => string;
    prepareLaunch: (request: import('./platform.mjs').LaunchRequest) => {
      url: string;
      loginHint: string;
      messageHint: string;
    };
    authorize: (params: Record<string, string | undefined>) => import('./platform.mjs').AuthorizeResult;
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
    handle: (req: import('http').IncomingMessage, res: import('http').ServerResponse) => Promise<boolean>;
    placements: import('./platform.mjs').Placement[];
    registrations: import('./platform.mjs').Registration[];
    events: import('./platform.mjs').PlatformEvent[];
  };
  handle: (
    req: import('node:http').IncomingMessage,
    res: import('node:http').ServerResponse,
  ) => Promise<boolean>;
  toolStatus: () => Promise<{
    state: 'registered' | 'unregistered' | 'no-lti' | 'unreachable' | 'unknown';
    detail?: string;
  }>;
  registerWithTool: () => Promise<'registered' | 'updated'>;
};
export type Persona = 'learner' | 'ta' | 'instructor';
