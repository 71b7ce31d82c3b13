// @ts-check
/**
 * An LTI 1.3 PLATFORM (the LMS side), written from the 1EdTech specs: LTI Core 1.3, Security
 * Framework 1.0, Deep Linking 2.0, Names and Role Provisioning Services 2.0 and LTI Dynamic
 * Registration 1.0. Node builtins only (node:crypto signs and verifies RS256; keys are exported as
 * JWK), so it shares no JWT library with the tool it tests. It is the test suite's emulator and
 * the platform behind the example site's LMS at /lms/ (examples/lms/site.mjs).
 *
 * ── Create ────────────────────────────────────────────────────────────────────────────────────
 *   const platform = createPlatform({
 *     issuer: 'http://127.0.0.1:PORT/lms',       // a URL; every endpoint lives under its path
 *     clientId: 'micromentor', deploymentId: 'deployment-1',
 *     tool: { loginUrl, launchUrl, jwksUrl, deepLinkUrl? },   // optional until known (or registered)
 *     roster?,            // { users, courses, resourceLinks }; default: demoRoster() ("Data Foundations")
 *     keys?,              // private keys (KeyObject or PKCS#8 PEM) to sign with; default: one fresh RSA key
 *     fetch?, now?,       // injectable fetch (tool JWKS) and clock (ms)
 *   });
 *   await startPlatform(options without issuer) → { platform, url, close() }  // listens on 127.0.0.1:0
 *
 * ── Endpoints (platform.endpoints; all under the issuer's path) ──────────────────────────────
 *   GET      {issuer}/jwks  (and /.well-known/jwks.json)        the platform's public key set
 *   GET|POST {issuer}/auth                                      OIDC authorization (→ platform.authorize)
 *   POST     {issuer}/token                                     OAuth2 client_credentials, private_key_jwt
 *   GET      {issuer}/nrps/contexts/{courseId}/memberships      NRPS 2.0 (bearer token; ?limit, ?role, Link rel=next)
 *   POST     {issuer}/deep-link/return                          Deep Linking 2.0 response (form field JWT)
 *   GET      {issuer}/.well-known/openid-configuration          Dynamic Registration: platform configuration
 *   POST     {issuer}/register                                  Dynamic Registration: client registration
 *   `await platform.handle(req, res)` serves them (node http style) and resolves false for any other
 *   path, so a host can serve its own pages beside it.
 *
 * ── Launching ─────────────────────────────────────────────────────────────────────────────────
 *   platform.prepareLaunch({ userId, courseId?, resourceLinkId?, type?, custom?, placement?, returnUrl?,
 *                            targetLinkUri?, storageTarget?, overrides?, signOptions?, fields? })
 *     → { url, loginHint, messageHint }. `url` is the tool's login initiation (GET): open it in an
 *     iframe or follow it. The tool redirects to {issuer}/auth, which answers with the auto-posting
 *     form carrying the id_token built from this launch. `overrides` (claims; a key set to undefined
 *     is removed), `signOptions` (see sign) and `fields` (replace posted form fields, e.g. state)
 *     forge bad launches through the real flow. type: 'LtiResourceLinkRequest' (default) or
 *     'LtiDeepLinkingRequest' (placement: where the returned links go; returnUrl: page after).
 *   platform.loginInitiation({ loginHint, messageHint?, targetLinkUri, storageTarget? }) → URL string
 *     (iss, login_hint, target_link_uri, lti_message_hint, client_id, lti_deployment_id,
 *     lti_storage_target), the low-level form of the above.
 *   platform.authorize(params) → AuthorizeResult: checks scope=openid, response_type=id_token,
 *     response_mode=form_post, prompt=none, client_id, redirect_uri (registered), login_hint
 *     (= the hinted launch's user), lti_message_hint (known), nonce. ok → { ok:true, action, fields:
 *     {id_token, state}, html, claims }. A bad client_id/redirect_uri → { ok:false, status:400, html }
 *     (never sent anywhere); other errors are posted back to redirect_uri (OIDC error, state kept).
 *   platform.idToken(message, overrides?) → claims for LtiResourceLinkRequest/LtiDeepLinkingRequest:
 *     message = { type?, userId, courseId?, resourceLinkId?, nonce, targetLinkUri?, custom?,
 *                 deepLinkingData?, returnUrl? }
 *   platform.sign(payload, { kid?, alg?, key?, header?, secret? }) → compact JWT. kid: a kid in the
 *     key set (signs with it), any other string (an unknown kid), or null (no kid). alg: RS256 (default),
 *     RS384, RS512, PS256, HS256 (HMAC; secret defaults to the public key's PEM: the alg confusion
 *     attack), ES256 (with an EC key), none. key: another private key (a foreign key).
 *   platform.jwks() → { keys }; platform.rotateKey() → new kid (signs from now on; the old key stays
 *     listed until platform.retireKey(kid)); platform.currentKid.
 *
 * ── Services ──────────────────────────────────────────────────────────────────────────────────
 *   Token: client_assertion (RS256, kid in the TOOL's key set, fetched from tool.jwksUrl and
 *     refetched on an unknown kid; iss=sub=clientId, aud = token URL or issuer, exp, jti single use),
 *     scopes granted = requested ∩ LTI_SCOPES; → { access_token, token_type:'Bearer', expires_in, scope }.
 *   NRPS: membership container (application/vnd.ims.lti-nrps.v2.membershipcontainer+json).
 *   Deep linking return: verifies the tool's LtiDeepLinkingResponse (kid via tool JWKS, iss=clientId,
 *     aud=issuer, exp, nonce once, message_type, version, deployment_id, data echoed); each
 *     ltiResourceLink becomes a resource link (platform.roster.resourceLinks, with `placement`) and
 *     a record in platform.placements.
 *   Dynamic Registration: platform.startRegistration(toolRegistrationUrl) → the URL to open (with
 *     openid_configuration and a single-use registration_token); the tool POSTs its registration
 *     to {issuer}/register; the platform answers 201 with client_id (and deployment_id in the tool
 *     configuration), adopts the tool's URLs and records it in platform.registrations.
 *   platform.events: what each endpoint accepted or refused, and why (newest last).
 *   platform.tool (get/set: re-point the platform at a tool), platform.roster (users, courses,
 *   resourceLinks; mutable), platform.placements, platform.registrations, platform.endpoints.
 *
 * ── Recipes for a tool's certification tests (prepareLaunch options) ──────────────────────────
 *   unknown kid: signOptions { kid: 'nope' }      missing kid: { kid: null }      foreign key: { key: generateRsaKey() }
 *   wrong alg: signOptions { alg: 'HS256' | 'none' | 'RS512' }
 *   wrong/missing version: overrides { [CLAIMS.version]: '1.1' } / { [CLAIMS.version]: undefined }
 *   message_type, roles, deployment_id, resource_link, sub, aud, exp, target_link_uri: overrides likewise
 *     (e.g. { exp: past }, { aud: 'other' }, { [CLAIMS.roles]: ['Instructor'] } for short role names)
 *   nonce mismatch: overrides { nonce: 'other' }   state mismatch: fields { state: 'other' }
 *   nonce replay: post the same form twice         no PII: overrides { name: undefined, email: undefined, … }
 *   no context: noCourse: true                     key rotation: platform.rotateKey(), platform.retireKey(kid)
 *   Errors thrown by the API are LtiPlatformError { code, status, message }.
 */
import {
  constants,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  sign as cryptoSign,
  verify as cryptoVerify,
  generateKeyPairSync,
  KeyObject,
  randomBytes,
} from 'node:crypto';
import { createServer } from 'node:http';

// ── Vocabulary ─────────────────────────────────────────────────────────────────────────────────

const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';
/** The claim names this platform sends and reads. */
export const CLAIMS = Object.freeze({
  messageType: `${LTI}message_type`,
  version: `${LTI}version`,
  deploymentId: `${LTI}deployment_id`,
  targetLinkUri: `${LTI}target_link_uri`,
  resourceLink: `${LTI}resource_link`,
  roles: `${LTI}roles`,
  context: `${LTI}context`,
  custom: `${LTI}custom`,
  launchPresentation: `${LTI}launch_presentation`,
  toolPlatform: `${LTI}tool_platform`,
  deepLinkingSettings: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings',
  contentItems: 'https://purl.imsglobal.org/spec/lti-dl/claim/content_items',
  deepLinkingData: 'https://purl.imsglobal.org/spec/lti-dl/claim/data',
  deepLinkingMsg: 'https://purl.imsglobal.org/spec/lti-dl/claim/msg',
  deepLinkingErrorMsg: 'https://purl.imsglobal.org/spec/lti-dl/claim/errormsg',
  nrps: 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice',
  platformConfiguration: 'https://purl.imsglobal.org/spec/lti-platform-configuration',
  toolConfiguration: 'https://purl.imsglobal.org/spec/lti-tool-configuration',
});

/** The OAuth2 scopes the token endpoint grants. */
export const LTI_SCOPES = Object.freeze({
  nrps: 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
  agsLineItem: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  agsLineItemReadonly: 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly',
  agsResultReadonly: 'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
  agsScore: 'https://purl.imsglobal.org/spec/lti-ags/scope/score',
});

export const NRPS_MEDIA_TYPE = 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json';
const MEMBERSHIP = 'http://purl.imsglobal.org/vocab/lis/v2/membership#';
const INSTITUTION = 'http://purl.imsglobal.org/vocab/lis/v2/institution/person#';
const SYSTEM = 'http://purl.imsglobal.org/vocab/lis/v2/system/person#';
const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/**
 * Full role URIs for a short context role (as LTI Core 1.3 §A.2.3 lists them); a sub-role comes
 * with its principal role, as the spec's best practice asks. A full URI passes through.
 * @param {string} role
 * @returns {string[]}
 */
export function roleUris(role) {
  if (role.includes('://')) return [role];
  if (role === 'TeachingAssistant')
    return [
      'http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant',
      `${MEMBERSHIP}Instructor`,
    ];
  if (role === 'Student' || role === 'Faculty' || role === 'Staff') return [`${INSTITUTION}${role}`];
  if (role === 'SysAdmin') return [`${SYSTEM}Administrator`];
  return [`${MEMBERSHIP}${role}`];
}

// ── Types ──────────────────────────────────────────────────────────────────────────────────────

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
  constructor(code, message, status = 400) {
    super(message);
    this.name = 'LtiPlatformError';
    this.code = code;
    this.status = status;
  }
}

// ── Demo roster ────────────────────────────────────────────────────────────────────────────────

/**
 * The "Data Foundations" course: 2 instructors, 2 teaching assistants, 10 learners, a content
 * developer and an administrator, with one Micromentor link placed on lesson 3.
 * @returns {Roster}
 */
export function demoRoster() {
  /** @type {[string, string, string, string[]][]} */
  const people = [
    ['lms-u-1001', 'Amara', 'Okafor', ['Faculty']],
    ['lms-u-1002', 'Daniel', 'Reyes', ['Faculty']],
    ['lms-u-1101', 'Luis', 'Fernández', ['Student']],
    ['lms-u-1102', 'Hannah', 'Kim', ['Student']],
    ['lms-u-2001', 'Mei', 'Chen', ['Student']],
    ['lms-u-2002', 'Jonas', 'Becker', ['Student']],
    ['lms-u-2003', 'Priya', 'Raman', ['Student']],
    ['lms-u-2004', 'Tomás', 'Silva', ['Student']],
    ['lms-u-2005', 'Fatima', 'El Idrissi', ['Student']],
    ['lms-u-2006', 'Noah', 'Williams', ['Student']],
    ['lms-u-2007', 'Sofia', 'Rossi', ['Student']],
    ['lms-u-2008', 'Kwame', 'Mensah', ['Student']],
    ['lms-u-2009', 'Aiko', 'Tanaka', ['Student']],
    ['lms-u-2010', 'Oliver', "O'Brien", ['Student']],
    ['lms-u-3001', 'Rosa', 'Martínez', ['Staff']],
    ['lms-u-9001', 'Grace', 'Hopper', ['Staff', 'SysAdmin']],
  ];
  const users = people.map(([id, givenName, familyName, institutionRoles]) => ({
    id,
    name: `${givenName} ${familyName}`,
    givenName,
    familyName,
    email: `${givenName}.${familyName}`
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z.]/g, '')
      .toLowerCase()
      .concat('@univ.example.edu'),
    institutionRoles,
  }));
  /** @param {string} id */
  const rolesOf = (id) => {
    if (id.startsWith('lms-u-10')) return ['Instructor'];
    if (id.startsWith('lms-u-11')) return ['TeachingAssistant'];
    if (id.startsWith('lms-u-3')) return ['ContentDeveloper'];
    if (id.startsWith('lms-u-9')) return ['Administrator'];
    return ['Learner'];
  };
  return {
    users,
    courses: [
      {
        id: 'data-foundations',
        label: 'DATA 101',
        title: 'Data Foundations',
        members: users.map((u) => ({ userId: u.id, roles: rolesOf(u.id), status: 'Active' })),
      },
    ],
    resourceLinks: [
      {
        id: 'rl-data-foundations-joins',
        courseId: 'data-foundations',
        title: 'Ask an expert: SQL joins',
        description: 'Stuck on joins? Ask a mentor.',
        custom: { lesson_id: 'joins-3', topic: 'sql-joins' },
        placement: 'joins-3',
      },
    ],
  };
}

// ── Small helpers ──────────────────────────────────────────────────────────────────────────────

/** @param {Buffer | string} value */
const b64url = (value) => Buffer.from(value).toString('base64url');
const randomId = (bytes = 18) => randomBytes(bytes).toString('base64url');

/** @param {string} value */
export function escapeHtml(value) {
  return value.replace(
    /[&<>"']/g,
    (ch) =>
      /** @type {Record<string, string>} */ ({
        '&': '&amp;',
        '<': '&lt;',
        '>': '&gt;',
        '"': '&quot;',
        "'": '&#39;',
      })[ch] ?? ch,
  );
}

/**
 * The RFC 7638 thumbprint of an RSA public JWK: the kid this platform uses.
 * @param {JsonWebKey} jwk
 */
function thumbprint(jwk) {
  return createHash('sha256')
    .update(JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n }))
    .digest('base64url');
}

/** A fresh 2048-bit RSA private key (for a second platform key or a "foreign" key in tests). */
export function generateRsaKey() {
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Splits a compact JWS without checking it.
 * @param {string} token
 */
export function decodeJwt(token) {
  const parts = String(token).split('.');
  if (parts.length !== 3) throw new LtiPlatformError('malformed_jwt', 'not a compact JWS (three parts)');
  const [h = '', p = '', s = ''] = parts;
  /** @type {unknown} */ let header;
  /** @type {unknown} */ let payload;
  try {
    header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
    payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
  } catch {
    throw new LtiPlatformError('malformed_jwt', 'the header or payload is not base64url JSON');
  }
  if (!isObject(header) || !isObject(payload))
    throw new LtiPlatformError('malformed_jwt', 'the header and payload must be JSON objects');
  return { header, payload, signingInput: `${h}.${p}`, signature: Buffer.from(s, 'base64url') };
}

/**
 * The auto-submitting form that carries fields to action (form_post).
 * @param {string} action
 * @param {Record<string, string>} fields
 * @param {string} [title]
 */
export function autoPostForm(action, fields, title = 'Continuing…') {
  const inputs = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><form id="lti-post" method="post" action="${escapeHtml(action)}">${inputs}<noscript><button type="submit">Continue</button></noscript></form><script>document.getElementById('lti-post').submit()</script></body></html>`;
}

/**
 * @param {string} title
 * @param {string} message
 */
function errorPage(title, message) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1d2433}@media (prefers-color-scheme:dark){body{background:#111827;color:#e5e7eb}}</style></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p></body></html>`;
}

/**
 * Reads a request body (1 MiB at most) and parses it as a form or JSON.
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<{ form: Record<string, string>, json: unknown, raw: string }>}
 */
async function readBody(req) {
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > 1024 * 1024)
      throw new LtiPlatformError('invalid_request', 'the request body is too large', 413);
    chunks.push(chunk);
  }
  const raw = Buffer.concat(chunks).toString('utf8');
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  /** @type {Record<string, string>} */
  let form = {};
  /** @type {unknown} */
  let json;
  if (type.includes('application/json')) {
    try {
      json = JSON.parse(raw);
    } catch {
      throw new LtiPlatformError('invalid_request', 'the body is not JSON');
    }
  } else {
    form = Object.fromEntries(new URLSearchParams(raw));
  }
  return { form, json, raw };
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
function sendJson(res, status, body, headers = {}) {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(JSON.stringify(body));
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} html
 */
function sendHtml(res, status, html) {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(html);
}

// ── The platform ───────────────────────────────────────────────────────────────────────────────

/** @param {PlatformOptions} options */
export function createPlatform(options) {
  const issuer = options.issuer.replace(/\/+$/, '');
  const issuerUrl = new URL(issuer);
  const basePath = issuerUrl.pathname.replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const seconds = () => Math.floor(now() / 1000);
  const SKEW = 60;

  /** @type {{ kid: string, privateKey: KeyObject, publicKey: KeyObject, jwk: JsonWebKey }[]} */
  const keys = [];
  /** @param {KeyObject | string} input */
  const addKey = (input) => {
    const privateKey = typeof input === 'string' ? createPrivateKey(input) : input;
    const publicKey = createPublicKey(privateKey);
    const jwk = publicKey.export({ format: 'jwk' });
    const kid = thumbprint(jwk);
    keys.push({ kid, privateKey, publicKey, jwk });
    return kid;
  };
  for (const key of options.keys ?? [generateRsaKey()]) addKey(key);
  const current = () => {
    const key = keys[keys.length - 1];
    if (!key) throw new LtiPlatformError('no_key', 'the platform has no signing key', 500);
    return key;
  };

  const endpoints = Object.freeze({
    authorization: `${issuer}/auth`,
    token: `${issuer}/token`,
    jwks: `${issuer}/jwks`,
    deepLinkReturn: `${issuer}/deep-link/return`,
    openidConfiguration: `${issuer}/.well-known/openid-configuration`,
    registration: `${issuer}/register`,
    /** @param {string} courseId */
    memberships: (courseId) => `${issuer}/nrps/contexts/${encodeURIComponent(courseId)}/memberships`,
  });

  /** @type {ToolConfig | undefined} */
  let tool = options.tool;
  const roster = options.roster ?? demoRoster();

  /** @type {PlatformEvent[]} */
  const events = [];
  /**
   * @param {PlatformEvent['endpoint']} endpoint
   * @param {boolean} ok
   * @param {string} [code]
   * @param {string} [reason]
   */
  const record = (endpoint, ok, code, reason) => {
    events.push({ endpoint, ok, ...(code ? { code } : {}), ...(reason ? { reason } : {}), at: now() });
    if (events.length > 500) events.shift();
  };

  /** @type {Map<string, LaunchRequest & { courseId: string | undefined, at: number }>} */
  const launches = new Map();
  /** @type {Map<string, { courseId: string | undefined, placement: string | undefined, returnUrl: string | undefined, userId: string, at: number }>} */
  const deepLinkRequests = new Map();
  /** @type {Map<string, number>} */
  const usedJtis = new Map();
  /** @type {Map<string, number>} */
  const usedDeepLinkNonces = new Map();
  /** @type {Map<string, { scopes: string[], expiresAt: number }>} */
  const accessTokens = new Map();
  /** @type {Map<string, { expiresAt: number }>} */
  const registrationTokens = new Map();
  /** @type {Placement[]} */
  const placements = [];
  /** @type {Registration[]} */
  const registrations = [];

  /** @param {string} id */
  const userById = (id) => roster.users.find((u) => u.id === id);
  /** @param {string} id */
  const courseById = (id) => roster.courses.find((c) => c.id === id);

  const requireTool = () => {
    if (!tool) throw new LtiPlatformError('no_tool', 'no tool is registered with this platform yet', 409);
    return tool;
  };
  /** @param {ToolConfig} t */
  const redirectUrisOf = (t) => t.redirectUris ?? [t.launchUrl, ...(t.deepLinkUrl ? [t.deepLinkUrl] : [])];

  // ── Tool key set ──
  /** @type {{ keys: JsonWebKey[], fetchedAt: number } | undefined} */
  let toolJwksCache;
  /** @param {boolean} refresh */
  async function toolKeys(refresh) {
    const t = requireTool();
    if (t.publicJwks) return t.publicJwks.keys;
    if (!t.jwksUrl) throw new LtiPlatformError('invalid_client', 'the tool has no key set (jwksUrl)', 401);
    // A refetch on an unknown kid at most every 5 s.
    if (toolJwksCache && (!refresh || now() - toolJwksCache.fetchedAt < 5000)) return toolJwksCache.keys;
    let body;
    try {
      const res = await fetchImpl(t.jwksUrl, { signal: AbortSignal.timeout(5000) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      body = await res.json();
    } catch (error) {
      throw new LtiPlatformError(
        'jwks_unavailable',
        `the tool's key set could not be fetched from ${t.jwksUrl}: ${error instanceof Error ? error.message : String(error)}`,
        401,
      );
    }
    if (!isObject(body) || !Array.isArray(body.keys))
      throw new LtiPlatformError('jwks_unavailable', "the tool's key set is not a JWKS", 401);
    toolJwksCache = { keys: body.keys, fetchedAt: now() };
    return toolJwksCache.keys;
  }

  /**
   * Verifies a JWT the TOOL signed (client assertion, deep linking response): RS256, kid in the tool's
   * key set, exp/iat with 60 s skew. Returns its payload; throws LtiPlatformError.
   * @param {string} token
   */
  async function verifyToolJwt(token) {
    const { header, payload, signingInput, signature } = decodeJwt(token);
    if (header.alg !== 'RS256')
      throw new LtiPlatformError('bad_alg', `alg must be RS256, not ${JSON.stringify(header.alg)}`, 401);
    if (typeof header.kid !== 'string' || !header.kid)
      throw new LtiPlatformError('missing_kid', 'the JWT header has no kid', 401);
    const kid = header.kid;
    let jwk = (await toolKeys(false)).find((k) => /** @type {{ kid?: string }} */ (k).kid === kid);
    if (!jwk) jwk = (await toolKeys(true)).find((k) => /** @type {{ kid?: string }} */ (k).kid === kid);
    if (jwk?.kty !== 'RSA')
      throw new LtiPlatformError('unknown_kid', `kid ${kid} is not an RSA key of the tool's key set`, 401);
    let valid = false;
    try {
      valid = cryptoVerify(
        'sha256',
        Buffer.from(signingInput),
        createPublicKey({ key: /** @type {import('node:crypto').JsonWebKey} */ (jwk), format: 'jwk' }),
        signature,
      );
    } catch {
      valid = false;
    }
    if (!valid)
      throw new LtiPlatformError('bad_signature', "the signature does not verify with the tool's key", 401);
    const t = seconds();
    if (typeof payload.exp !== 'number' || payload.exp + SKEW < t)
      throw new LtiPlatformError('expired', 'the JWT has expired (or has no exp)', 401);
    if (typeof payload.iat !== 'number' || payload.iat - SKEW > t)
      throw new LtiPlatformError('bad_iat', 'iat is missing or in the future', 401);
    return payload;
  }

  /**
   * @param {unknown} aud
   * @param {string[]} accepted
   */
  const audienceMatches = (aud, accepted) =>
    (Array.isArray(aud) ? aud : [aud]).some((a) => typeof a === 'string' && accepted.includes(a));

  // ── Signing ──
  /**
   * @param {Record<string, unknown>} payload
   * @param {SignOptions} [opts]
   */
  function sign(payload, opts = {}) {
    const alg = opts.alg ?? 'RS256';
    const named = opts.kid ? keys.find((k) => k.kid === opts.kid) : undefined;
    const signer = named ?? current();
    /** @type {Record<string, unknown>} */
    const header = { typ: 'JWT', alg };
    if (opts.kid === undefined) header.kid = signer.kid;
    else if (opts.kid !== null) header.kid = opts.kid;
    Object.assign(header, opts.header ?? {});
    const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
    const data = Buffer.from(signingInput);
    const key = opts.key ?? signer.privateKey;
    /** @type {Buffer} */
    let signature;
    if (alg === 'none') signature = Buffer.alloc(0);
    else if (alg === 'HS256')
      signature = createHmac(
        'sha256',
        opts.secret ?? String(signer.publicKey.export({ format: 'pem', type: 'spki' })),
      )
        .update(data)
        .digest();
    else if (alg === 'PS256')
      signature = cryptoSign('sha256', data, {
        key,
        padding: constants.RSA_PKCS1_PSS_PADDING,
        saltLength: 32,
      });
    else if (alg === 'ES256') signature = cryptoSign('sha256', data, { key, dsaEncoding: 'ieee-p1363' });
    else if (alg === 'RS384') signature = cryptoSign('sha384', data, key);
    else if (alg === 'RS512') signature = cryptoSign('sha512', data, key);
    else signature = cryptoSign('sha256', data, key);
    return `${signingInput}.${b64url(signature)}`;
  }

  // ── Messages ──
  /**
   * @param {LaunchMessage} message
   * @param {Record<string, unknown>} [overrides]
   */
  function idToken(message, overrides = {}) {
    const type = message.type ?? 'LtiResourceLinkRequest';
    const user = userById(message.userId);
    if (!user) throw new LtiPlatformError('unknown_user', `no user ${message.userId} in the roster`);
    const course = message.courseId ? courseById(message.courseId) : undefined;
    if (message.courseId && !course)
      throw new LtiPlatformError('unknown_course', `no course ${message.courseId}`);
    const member = course?.members.find((m) => m.userId === user.id);
    const roles = [
      ...new Set([...(member?.roles ?? []), ...(user.institutionRoles ?? [])].flatMap((r) => roleUris(r))),
    ];
    const t = tool ?? { launchUrl: '', loginUrl: '' };
    const iat = seconds();
    /** @type {Record<string, unknown>} */
    const claims = {
      iss: issuer,
      aud: options.clientId,
      azp: options.clientId,
      sub: user.id,
      exp: iat + 300,
      iat,
      nonce: message.nonce,
      ...(user.name ? { name: user.name } : {}),
      ...(user.givenName ? { given_name: user.givenName } : {}),
      ...(user.familyName ? { family_name: user.familyName } : {}),
      ...(user.email ? { email: user.email } : {}),
      ...(user.picture ? { picture: user.picture } : {}),
      [CLAIMS.messageType]: type,
      [CLAIMS.version]: '1.3.0',
      [CLAIMS.deploymentId]: options.deploymentId,
      [CLAIMS.roles]: roles,
      [CLAIMS.toolPlatform]: {
        guid: `${issuerUrl.host}${basePath}`,
        name: options.name ?? 'Example LMS',
        product_family_code: 'micromentor-example-lms',
        version: '1.0',
      },
      [CLAIMS.launchPresentation]: {
        document_target: 'iframe',
        locale: 'en',
        ...(message.returnUrl ? { return_url: message.returnUrl } : {}),
      },
    };
    if (course) {
      claims[CLAIMS.context] = {
        id: course.id,
        label: course.label,
        title: course.title,
        type: ['http://purl.imsglobal.org/vocab/lis/v2/course#CourseOffering'],
      };
      claims[CLAIMS.nrps] = {
        context_memberships_url: endpoints.memberships(course.id),
        service_versions: ['2.0'],
      };
    }
    if (type === 'LtiResourceLinkRequest') {
      const link = message.resourceLinkId
        ? roster.resourceLinks.find((l) => l.id === message.resourceLinkId)
        : roster.resourceLinks.find((l) => l.courseId === course?.id);
      const resourceLink = link ?? {
        id: message.resourceLinkId ?? `rl-${course?.id ?? 'none'}`,
        title: 'Micromentor',
        custom: undefined,
        url: undefined,
        description: undefined,
      };
      claims[CLAIMS.resourceLink] = {
        id: resourceLink.id,
        title: resourceLink.title,
        ...(resourceLink.description ? { description: resourceLink.description } : {}),
      };
      claims[CLAIMS.targetLinkUri] = message.targetLinkUri ?? resourceLink.url ?? t.launchUrl;
      claims[CLAIMS.custom] = { ...(resourceLink.custom ?? {}), ...(message.custom ?? {}) };
    } else {
      claims[CLAIMS.targetLinkUri] = message.targetLinkUri ?? t.deepLinkUrl ?? t.launchUrl;
      claims[CLAIMS.custom] = { ...(message.custom ?? {}) };
      claims[CLAIMS.deepLinkingSettings] = {
        deep_link_return_url: endpoints.deepLinkReturn,
        accept_types: ['ltiResourceLink'],
        accept_presentation_document_targets: ['iframe', 'window'],
        accept_multiple: true,
        auto_create: true,
        title: 'Micromentor',
        text: 'Add Micromentor to this lesson',
        ...(message.deepLinkingData ? { data: message.deepLinkingData } : {}),
      };
    }
    for (const [key, value] of Object.entries(overrides)) {
      if (value === undefined) delete claims[key];
      else claims[key] = value;
    }
    return claims;
  }

  /**
   * @param {{ loginHint: string, messageHint?: string, targetLinkUri: string, storageTarget?: string }} params
   */
  function loginInitiation(params) {
    const url = new URL(requireTool().loginUrl);
    url.searchParams.set('iss', issuer);
    url.searchParams.set('login_hint', params.loginHint);
    url.searchParams.set('target_link_uri', params.targetLinkUri);
    if (params.messageHint) url.searchParams.set('lti_message_hint', params.messageHint);
    url.searchParams.set('client_id', options.clientId);
    url.searchParams.set('lti_deployment_id', options.deploymentId);
    if (params.storageTarget) url.searchParams.set('lti_storage_target', params.storageTarget);
    return url.toString();
  }

  /** @param {LaunchRequest} request */
  function prepareLaunch(request) {
    const t = requireTool();
    if (!userById(request.userId)) throw new LtiPlatformError('unknown_user', `no user ${request.userId}`);
    const courseId = request.noCourse ? undefined : (request.courseId ?? roster.courses[0]?.id);
    const type = request.type ?? 'LtiResourceLinkRequest';
    const link =
      type === 'LtiResourceLinkRequest'
        ? request.resourceLinkId
          ? roster.resourceLinks.find((l) => l.id === request.resourceLinkId)
          : undefined
        : undefined;
    const targetLinkUri =
      request.targetLinkUri ??
      (type === 'LtiDeepLinkingRequest' ? (t.deepLinkUrl ?? t.launchUrl) : (link?.url ?? t.launchUrl));
    const messageHint = randomId();
    launches.set(messageHint, { ...request, type, courseId, targetLinkUri, at: now() });
    for (const [hint, l] of launches) if (now() - l.at > 3600_000) launches.delete(hint);
    const url = loginInitiation({
      loginHint: request.userId,
      messageHint,
      targetLinkUri,
      ...(request.storageTarget ? { storageTarget: request.storageTarget } : {}),
    });
    return { url, loginHint: request.userId, messageHint };
  }

  /**
   * The OIDC authorization endpoint (LTI's "authentication request" answer).
   * @param {Record<string, string | undefined>} params
   * @returns {AuthorizeResult}
   */
  function authorize(params) {
    /**
     * @param {number} status
     * @param {string} error
     * @param {string} description
     * @returns {AuthorizeResult}
     */
    const refuse = (status, error, description) => {
      record('authorize', false, error, description);
      return {
        ok: false,
        status,
        error,
        errorDescription: description,
        html: errorPage('Launch refused', description),
      };
    };
    if (!tool) return refuse(409, 'unauthorized_client', 'no tool is registered with this platform yet');
    if (params.client_id !== options.clientId)
      return refuse(
        400,
        'unauthorized_client',
        `unknown client_id ${JSON.stringify(params.client_id ?? null)}`,
      );
    const redirectUri = params.redirect_uri;
    if (!redirectUri || !redirectUrisOf(tool).includes(redirectUri))
      return refuse(
        400,
        'invalid_request',
        `redirect_uri ${JSON.stringify(redirectUri ?? null)} is not registered`,
      );
    /**
     * From here errors go back to the (registered) redirect_uri, as OIDC asks.
     * @param {string} error
     * @param {string} description
     * @returns {AuthorizeResult}
     */
    const back = (error, description) => {
      record('authorize', false, error, description);
      /** @type {Record<string, string>} */
      const fields = {
        error,
        error_description: description,
        ...(params.state ? { state: params.state } : {}),
      };
      return {
        ok: false,
        status: 200,
        error,
        errorDescription: description,
        action: redirectUri,
        fields,
        html: autoPostForm(redirectUri, fields, 'Launch refused'),
      };
    };
    const scopes = (params.scope ?? '').split(/\s+/).filter(Boolean);
    if (!scopes.includes('openid')) return back('invalid_scope', 'scope must include openid');
    if (params.response_type !== 'id_token')
      return back('unsupported_response_type', 'response_type must be id_token');
    if (params.response_mode !== 'form_post')
      return back('invalid_request', 'response_mode must be form_post');
    if (params.prompt !== 'none') return back('invalid_request', 'prompt must be none');
    if (!params.nonce) return back('invalid_request', 'nonce is required');
    if (!params.login_hint) return back('login_required', 'login_hint is required');
    if (!params.lti_message_hint) return back('invalid_request', 'lti_message_hint is required');
    const launch = launches.get(params.lti_message_hint);
    if (!launch) return back('invalid_request', 'lti_message_hint is unknown or expired');
    if (launch.userId !== params.login_hint)
      return back('login_required', 'login_hint is not the launching user');
    let claims;
    try {
      claims = idToken(
        {
          type: launch.type ?? 'LtiResourceLinkRequest',
          userId: launch.userId,
          ...(launch.courseId ? { courseId: launch.courseId } : {}),
          ...(launch.resourceLinkId ? { resourceLinkId: launch.resourceLinkId } : {}),
          nonce: params.nonce,
          ...(launch.targetLinkUri ? { targetLinkUri: launch.targetLinkUri } : {}),
          ...(launch.custom ? { custom: launch.custom } : {}),
          ...(launch.returnUrl ? { returnUrl: launch.returnUrl } : {}),
          ...(launch.type === 'LtiDeepLinkingRequest'
            ? { deepLinkingData: dataFor(params.lti_message_hint, launch) }
            : {}),
        },
        launch.overrides,
      );
    } catch (error) {
      return back('server_error', error instanceof Error ? error.message : String(error));
    }
    /** @type {Record<string, string>} */
    const fields = {
      id_token: sign(claims, launch.signOptions),
      ...(params.state !== undefined ? { state: params.state } : {}),
      ...(launch.fields ?? {}),
    };
    record('authorize', true);
    return {
      ok: true,
      status: 200,
      action: redirectUri,
      fields,
      html: autoPostForm(redirectUri, fields),
      claims,
    };
  }

  /**
   * A fresh deep linking `data` value bound to this request (single use on return).
   * @param {string} hint
   * @param {LaunchRequest & { courseId: string | undefined }} launch
   */
  function dataFor(hint, launch) {
    const data = `dl.${hint}.${randomId(9)}`;
    deepLinkRequests.set(data, {
      courseId: launch.courseId,
      placement: launch.placement,
      returnUrl: launch.returnUrl,
      userId: launch.userId,
      at: now(),
    });
    return data;
  }

  // ── Token endpoint ──
  /** @param {Record<string, string>} form */
  async function token(form) {
    requireTool();
    if (form.grant_type !== 'client_credentials')
      throw new LtiPlatformError('unsupported_grant_type', 'grant_type must be client_credentials');
    if (form.client_assertion_type !== CLIENT_ASSERTION_TYPE)
      throw new LtiPlatformError('invalid_request', `client_assertion_type must be ${CLIENT_ASSERTION_TYPE}`);
    if (!form.client_assertion) throw new LtiPlatformError('invalid_request', 'client_assertion is required');
    /** @type {Record<string, unknown>} */
    let payload;
    try {
      payload = await verifyToolJwt(form.client_assertion);
    } catch (error) {
      if (error instanceof LtiPlatformError)
        throw new LtiPlatformError(
          'invalid_client',
          `client_assertion: ${error.message} (${error.code})`,
          401,
        );
      throw error;
    }
    if (payload.iss !== options.clientId || payload.sub !== options.clientId)
      throw new LtiPlatformError(
        'invalid_client',
        'client_assertion: iss and sub must be the client_id',
        401,
      );
    if (!audienceMatches(payload.aud, [endpoints.token, issuer]))
      throw new LtiPlatformError('invalid_client', 'client_assertion: aud must be the token endpoint', 401);
    if (typeof payload.jti !== 'string' || !payload.jti)
      throw new LtiPlatformError('invalid_client', 'client_assertion: jti is required', 401);
    for (const [jti, until] of usedJtis) if (until < now()) usedJtis.delete(jti);
    if (usedJtis.has(payload.jti))
      throw new LtiPlatformError('invalid_client', 'client_assertion: jti was already used', 401);
    usedJtis.set(payload.jti, (Number(payload.exp) + SKEW) * 1000);
    /** @type {string[]} */
    const supported = Object.values(LTI_SCOPES);
    const requested = (form.scope ?? '').split(/\s+/).filter(Boolean);
    const granted = requested.filter((s) => supported.includes(s));
    if (granted.length === 0)
      throw new LtiPlatformError(
        'invalid_scope',
        `none of the requested scopes is supported: ${form.scope ?? ''}`,
      );
    const accessToken = randomId(32);
    const expiresIn = 3600;
    accessTokens.set(accessToken, { scopes: granted, expiresAt: now() + expiresIn * 1000 });
    return {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: expiresIn,
      scope: granted.join(' '),
    };
  }

  // ── NRPS ──
  /**
   * @param {string} courseId
   * @param {URL} url
   * @param {string | undefined} authorization
   */
  function memberships(courseId, url, authorization) {
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    const grant = bearer ? accessTokens.get(bearer) : undefined;
    if (!grant || grant.expiresAt < now())
      throw new LtiPlatformError(
        'invalid_token',
        bearer ? 'the access token is unknown or expired' : 'a bearer token is required',
        401,
      );
    if (!grant.scopes.includes(LTI_SCOPES.nrps))
      throw new LtiPlatformError('insufficient_scope', `the token lacks the ${LTI_SCOPES.nrps} scope`, 403);
    const course = courseById(courseId);
    if (!course) throw new LtiPlatformError('not_found', `no course ${courseId}`, 404);
    const limitParam = url.searchParams.get('limit');
    const limit = limitParam === null ? 100 : Number(limitParam);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      throw new LtiPlatformError('invalid_request', 'limit must be an integer from 1 to 1000');
    const offsetParam = url.searchParams.get('offset');
    const offset = offsetParam === null ? 0 : Number(offsetParam);
    if (!Number.isInteger(offset) || offset < 0)
      throw new LtiPlatformError('invalid_request', 'offset is not valid');
    const role = url.searchParams.get('role');
    const roleFilter = role ? roleUris(role)[0] : undefined;
    const members = course.members
      .map((m) => {
        const user = userById(m.userId);
        const roles = [...new Set(m.roles.flatMap((r) => roleUris(r)))];
        return { m, user, roles };
      })
      .filter(({ user, roles }) => user && (!roleFilter || roles.includes(roleFilter)));
    const page = members.slice(offset, offset + limit).map(({ m, user, roles }) => ({
      status: m.status ?? 'Active',
      user_id: m.userId,
      roles,
      ...(user?.name ? { name: user.name } : {}),
      ...(user?.givenName ? { given_name: user.givenName } : {}),
      ...(user?.familyName ? { family_name: user.familyName } : {}),
      ...(user?.email ? { email: user.email } : {}),
      ...(user?.picture ? { picture: user.picture } : {}),
    }));
    /** @type {Record<string, string>} */
    const headers = { 'Content-Type': NRPS_MEDIA_TYPE };
    if (offset + limit < members.length) {
      const next = new URL(endpoints.memberships(course.id));
      next.searchParams.set('limit', String(limit));
      next.searchParams.set('offset', String(offset + limit));
      if (role) next.searchParams.set('role', role);
      headers.Link = `<${next.toString()}>; rel="next"`;
    }
    const self = new URL(endpoints.memberships(course.id));
    for (const [k, v] of url.searchParams) self.searchParams.set(k, v);
    return {
      headers,
      body: {
        id: self.toString(),
        context: { id: course.id, label: course.label, title: course.title },
        members: page,
      },
    };
  }

  // ── Deep linking return ──
  /** @param {string} jwt */
  async function deepLinkReturn(jwt) {
    requireTool();
    const payload = await verifyToolJwt(jwt);
    if (payload.iss !== options.clientId)
      throw new LtiPlatformError('bad_iss', 'iss must be the client_id', 401);
    if (!audienceMatches(payload.aud, [issuer]))
      throw new LtiPlatformError('bad_aud', 'aud must be the platform issuer', 401);
    if (typeof payload.nonce !== 'string' || !payload.nonce)
      throw new LtiPlatformError('bad_nonce', 'nonce is required', 401);
    for (const [n, until] of usedDeepLinkNonces) if (until < now()) usedDeepLinkNonces.delete(n);
    if (usedDeepLinkNonces.has(payload.nonce))
      throw new LtiPlatformError('nonce_replay', 'nonce was already used', 401);
    if (payload[CLAIMS.messageType] !== 'LtiDeepLinkingResponse')
      throw new LtiPlatformError('bad_message_type', 'message_type must be LtiDeepLinkingResponse');
    if (payload[CLAIMS.version] !== '1.3.0')
      throw new LtiPlatformError('bad_version', 'version must be 1.3.0');
    if (payload[CLAIMS.deploymentId] !== options.deploymentId)
      throw new LtiPlatformError('bad_deployment_id', 'deployment_id is not this deployment');
    const data = payload[CLAIMS.deepLinkingData];
    const request = typeof data === 'string' ? deepLinkRequests.get(data) : undefined;
    if (!request)
      throw new LtiPlatformError('bad_data', 'data is missing or does not echo an open deep linking request');
    const items = payload[CLAIMS.contentItems] ?? [];
    if (!Array.isArray(items) || !items.every(isObject))
      throw new LtiPlatformError('bad_content_items', 'content_items must be an array of objects');
    for (const item of items)
      if (item.type !== 'ltiResourceLink')
        throw new LtiPlatformError(
          'bad_content_items',
          `content item type ${JSON.stringify(item.type)} was not offered`,
        );
    usedDeepLinkNonces.set(payload.nonce, (Number(payload.exp) + SKEW) * 1000);
    deepLinkRequests.delete(/** @type {string} */ (data));
    /** @type {Placement[]} */
    const placed = [];
    for (const item of items) {
      const resourceLinkId = `rl-${randomId(9)}`;
      /** @type {Record<string, string>} */
      const custom = {};
      if (isObject(item.custom)) for (const [k, v] of Object.entries(item.custom)) custom[k] = String(v);
      roster.resourceLinks.push({
        id: resourceLinkId,
        courseId: request.courseId ?? '',
        title: typeof item.title === 'string' && item.title ? item.title : 'Micromentor',
        ...(typeof item.text === 'string' ? { description: item.text } : {}),
        custom,
        ...(typeof item.url === 'string' ? { url: item.url } : {}),
        ...(request.placement ? { placement: request.placement } : {}),
      });
      const placement = {
        resourceLinkId,
        courseId: request.courseId ?? '',
        placement: request.placement,
        item,
        at: now(),
      };
      placements.push(placement);
      placed.push(placement);
    }
    return {
      placed,
      returnUrl: request.returnUrl,
      msg:
        typeof payload[CLAIMS.deepLinkingMsg] === 'string'
          ? /** @type {string} */ (payload[CLAIMS.deepLinkingMsg])
          : undefined,
      errormsg:
        typeof payload[CLAIMS.deepLinkingErrorMsg] === 'string'
          ? /** @type {string} */ (payload[CLAIMS.deepLinkingErrorMsg])
          : undefined,
    };
  }

  // ── Dynamic registration ──
  function openidConfiguration() {
    return {
      issuer,
      authorization_endpoint: endpoints.authorization,
      registration_endpoint: endpoints.registration,
      jwks_uri: endpoints.jwks,
      token_endpoint: endpoints.token,
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      token_endpoint_auth_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', ...Object.values(LTI_SCOPES)],
      response_types_supported: ['id_token'],
      response_modes_supported: ['form_post'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      claims_supported: [
        'iss',
        'aud',
        'sub',
        'iat',
        'exp',
        'nonce',
        'name',
        'given_name',
        'family_name',
        'email',
      ],
      [CLAIMS.platformConfiguration]: {
        product_family_code: 'micromentor-example-lms',
        version: '1.0',
        messages_supported: [{ type: 'LtiResourceLinkRequest' }, { type: 'LtiDeepLinkingRequest' }],
        variables: [],
      },
    };
  }

  /**
   * The URL to open (GET, in a frame or window) to start registering the tool at toolRegistrationUrl.
   * @param {string} toolRegistrationUrl
   */
  function startRegistration(toolRegistrationUrl) {
    const registrationToken = randomId(24);
    registrationTokens.set(registrationToken, { expiresAt: now() + 3600_000 });
    const url = new URL(toolRegistrationUrl);
    url.searchParams.set('openid_configuration', endpoints.openidConfiguration);
    url.searchParams.set('registration_token', registrationToken);
    return url.toString();
  }

  /**
   * @param {unknown} body
   * @param {string | undefined} authorization
   */
  function register(body, authorization) {
    const bearer = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    const grant = bearer ? registrationTokens.get(bearer) : undefined;
    if (!bearer || !grant || grant.expiresAt < now())
      throw new LtiPlatformError(
        'invalid_token',
        'a valid registration_token is required as the bearer token',
        401,
      );
    /** @param {string} why */
    const bad = (why) => new LtiPlatformError('invalid_client_metadata', why);
    if (!isObject(body)) throw bad('the registration must be a JSON object');
    const config = body[CLAIMS.toolConfiguration];
    if (!isObject(config)) throw bad(`${CLAIMS.toolConfiguration} is required`);
    const strings = (/** @type {unknown} */ v) => Array.isArray(v) && v.every((x) => typeof x === 'string');
    if (
      !strings(body.response_types) ||
      !(/** @type {string[]} */ (body.response_types).includes('id_token'))
    )
      throw bad('response_types must include id_token');
    if (
      !strings(body.grant_types) ||
      !['implicit', 'client_credentials'].every((g) => /** @type {string[]} */ (body.grant_types).includes(g))
    )
      throw bad('grant_types must include implicit and client_credentials');
    if (typeof body.initiate_login_uri !== 'string') throw bad('initiate_login_uri is required');
    if (!strings(body.redirect_uris) || /** @type {string[]} */ (body.redirect_uris).length === 0)
      throw bad('redirect_uris is required');
    if (typeof body.jwks_uri !== 'string') throw bad('jwks_uri is required');
    if (body.token_endpoint_auth_method !== 'private_key_jwt')
      throw bad('token_endpoint_auth_method must be private_key_jwt');
    if (typeof body.client_name !== 'string' || !body.client_name) throw bad('client_name is required');
    if (typeof config.domain !== 'string' || !config.domain)
      throw bad('the tool configuration needs a domain');
    if (typeof config.target_link_uri !== 'string')
      throw bad('the tool configuration needs a target_link_uri');
    const redirectUris = /** @type {string[]} */ (body.redirect_uris);
    const domain = config.domain.toLowerCase();
    for (const u of [body.initiate_login_uri, body.jwks_uri, config.target_link_uri, ...redirectUris]) {
      let host;
      try {
        host = new URL(u).host.toLowerCase();
      } catch {
        throw bad(`${u} is not a URL`);
      }
      if (host !== domain && new URL(u).hostname.toLowerCase() !== domain)
        throw bad(`${u} is not on the tool's domain ${domain}`);
    }
    const messages = Array.isArray(config.messages) ? config.messages.filter(isObject) : [];
    const deepLinking = messages.find((m) => m.type === 'LtiDeepLinkingRequest');
    registrationTokens.delete(bearer);
    tool = {
      loginUrl: body.initiate_login_uri,
      launchUrl: config.target_link_uri,
      jwksUrl: body.jwks_uri,
      redirectUris,
      ...(deepLinking && typeof deepLinking.target_link_uri === 'string'
        ? { deepLinkUrl: deepLinking.target_link_uri }
        : {}),
    };
    toolJwksCache = undefined;
    registrations.push({
      clientId: options.clientId,
      deploymentId: options.deploymentId,
      request: body,
      at: now(),
    });
    return {
      ...body,
      client_id: options.clientId,
      [CLAIMS.toolConfiguration]: { ...config, deployment_id: options.deploymentId },
    };
  }

  // ── HTTP ──
  /**
   * Serves the platform's endpoints; resolves false (and writes nothing) for any other path.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @returns {Promise<boolean>}
   */
  async function handle(req, res) {
    const url = new URL(req.url ?? '/', issuerUrl.origin);
    if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) return false;
    const path = url.pathname.slice(basePath.length) || '/';
    const method = req.method ?? 'GET';
    try {
      if ((path === '/jwks' || path === '/.well-known/jwks.json') && method === 'GET') {
        sendJson(res, 200, jwks(), { 'Access-Control-Allow-Origin': '*' });
        return true;
      }
      if (path === '/.well-known/openid-configuration' && method === 'GET') {
        sendJson(res, 200, openidConfiguration(), { 'Access-Control-Allow-Origin': '*' });
        return true;
      }
      if (path === '/auth' && (method === 'GET' || method === 'POST')) {
        const params = method === 'POST' ? (await readBody(req)).form : Object.fromEntries(url.searchParams);
        const result = authorize(params);
        sendHtml(res, result.status, result.html);
        return true;
      }
      if (path === '/token' && method === 'POST') {
        try {
          sendJson(res, 200, await token((await readBody(req)).form));
          record('token', true);
        } catch (error) {
          if (!(error instanceof LtiPlatformError)) throw error;
          record('token', false, error.code, error.message);
          sendJson(res, error.status === 401 ? 401 : 400, {
            error: error.code,
            error_description: error.message,
          });
        }
        return true;
      }
      const nrps = /^\/nrps\/contexts\/([^/]+)\/memberships$/.exec(path);
      if (nrps && method === 'GET') {
        try {
          const { headers, body } = memberships(
            decodeURIComponent(nrps[1] ?? ''),
            url,
            req.headers.authorization,
          );
          record('nrps', true);
          sendJson(res, 200, body, headers);
        } catch (error) {
          if (!(error instanceof LtiPlatformError)) throw error;
          record('nrps', false, error.code, error.message);
          /** @type {Record<string, string>} */
          const headers =
            error.status === 401 || error.status === 403
              ? {
                  'WWW-Authenticate': `Bearer error="${error.code}", error_description="${error.message.replace(/"/g, "'")}"`,
                }
              : {};
          sendJson(res, error.status, { error: error.code, error_description: error.message }, headers);
        }
        return true;
      }
      if (path === '/deep-link/return' && method === 'POST') {
        const { form } = await readBody(req);
        try {
          if (!form.JWT) throw new LtiPlatformError('invalid_request', 'the form field JWT is required');
          const result = await deepLinkReturn(form.JWT);
          record('deep-link-return', true);
          sendHtml(res, 200, deepLinkDonePage(result));
        } catch (error) {
          if (!(error instanceof LtiPlatformError)) throw error;
          record('deep-link-return', false, error.code, error.message);
          sendHtml(res, 400, errorPage('Deep linking response refused', `${error.message} (${error.code})`));
        }
        return true;
      }
      if (path === '/register' && method === 'POST') {
        try {
          const { json } = await readBody(req);
          const body = register(json, req.headers.authorization);
          record('register', true);
          sendJson(res, 201, body);
        } catch (error) {
          if (!(error instanceof LtiPlatformError)) throw error;
          record('register', false, error.code, error.message);
          sendJson(res, error.status, { error: error.code, error_description: error.message });
        }
        return true;
      }
      return false;
    } catch (error) {
      if (error instanceof LtiPlatformError) {
        sendJson(res, error.status, { error: error.code, error_description: error.message });
        return true;
      }
      throw error;
    }
  }

  /** @param {Awaited<ReturnType<typeof deepLinkReturn>>} result */
  function deepLinkDonePage(result) {
    const list = result.placed
      .map((p) => `<li>${escapeHtml(String(p.item.title ?? 'Micromentor'))}</li>`)
      .join('');
    const back = result.returnUrl
      ? `<p><a id="back" href="${escapeHtml(result.returnUrl)}" target="_top">Back to the lesson</a></p><script>try{window.top.location.href=document.getElementById('back').href}catch(e){}</script>`
      : '';
    const msg = result.msg ? `<p>${escapeHtml(result.msg)}</p>` : '';
    const err = result.errormsg ? `<p role="alert">${escapeHtml(result.errormsg)}</p>` : '';
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Content added</title><style>body{font-family:system-ui,sans-serif;margin:1.5rem;color:#1d2433}@media (prefers-color-scheme:dark){body{background:#111827;color:#e5e7eb}a{color:#5eead4}}</style></head><body><h1>Added ${result.placed.length} item${result.placed.length === 1 ? '' : 's'}</h1><ul id="placed">${list}</ul>${msg}${err}${back}</body></html>`;
  }

  /** @returns {{ keys: PublicJwk[] }} */
  function jwks() {
    return {
      keys: keys.map((k) => ({
        kty: 'RSA',
        n: String(k.jwk.n),
        e: String(k.jwk.e),
        kid: k.kid,
        alg: 'RS256',
        use: 'sig',
      })),
    };
  }

  return {
    issuer,
    clientId: options.clientId,
    deploymentId: options.deploymentId,
    endpoints,
    roster,
    /** The tool's registered URLs (undefined until configured or registered). */
    get tool() {
      return tool;
    },
    set tool(value) {
      tool = value;
      toolJwksCache = undefined;
    },
    get currentKid() {
      return current().kid;
    },
    jwks,
    /**
     * Adds a signing key (a fresh one by default); it signs from now on, the older keys stay listed.
     * @param {KeyObject | string} [key]
     */
    rotateKey: (key) => addKey(key ?? generateRsaKey()),
    /**
     * Removes a key from the key set (the end of a rotation overlap).
     * @param {string} kid
     */
    retireKey(kid) {
      const i = keys.findIndex((k) => k.kid === kid);
      if (i >= 0 && keys.length > 1) keys.splice(i, 1);
    },
    sign,
    idToken,
    loginInitiation,
    prepareLaunch,
    authorize,
    verifyToolJwt,
    openidConfiguration,
    startRegistration,
    handle,
    placements,
    registrations,
    events,
  };
}

/** @typedef {ReturnType<typeof createPlatform>} Platform */

/**
 * A platform on its own HTTP server at http://127.0.0.1:<ephemeral>/<path> (the tests' emulator).
 * @param {Omit<PlatformOptions, 'issuer'> & { path?: string }} options
 * @returns {Promise<{ platform: Platform, url: string, close: () => Promise<void> }>}
 */
export async function startPlatform(options) {
  /** @type {Platform | undefined} */
  let platform;
  const server = createServer((req, res) => {
    const p = platform;
    if (!p) return void res.writeHead(503).end();
    p.handle(req, res).then(
      (handled) => {
        if (!handled) res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found\n');
      },
      (error) => {
        if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
        res.end(String(error));
      },
    );
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const { path = '/lms', ...rest } = options;
  platform = createPlatform({ ...rest, issuer: `http://127.0.0.1:${port}${path}` });
  return {
    platform,
    url: platform.issuer,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
