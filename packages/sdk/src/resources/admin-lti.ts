import { segment } from '../internal/url.js';
import type { CallOptions, Requester, WriteOptions } from '../request.js';
import type {
  CreateLtiPlatformParams,
  LtiPlatform,
  LtiRegistrationLink,
  UpdateLtiPlatformParams,
} from '../types.js';

/**
 * The LMSs (LTI 1.3 platforms: Moodle, Canvas, Blackboard, D2L Brightspace, Open edX) that launch
 * this program's tool (secret key, or an admin's user token). Each platform's `tool` holds the
 * values to paste into the LMS: login, launch (redirect), Deep Linking, key set and registration URLs.
 */
export interface AdminLtiPlatformsResource {
  /** The program's platforms, oldest first (all of them: the list is not paged). */
  list(options?: CallOptions): Promise<{ data: LtiPlatform[] }>;
  /**
   * Registers a platform: exactly one of `jwksUrl` and `publicJwks`. The same issuer and client id
   * twice is a `ConflictError` (`lti_platform_exists`); an http or private endpoint a
   * `ValidationError` (`lti_url_not_allowed`).
   */
  create(params: CreateLtiPlatformParams, options?: WriteOptions): Promise<LtiPlatform>;
  get(id: string, options?: CallOptions): Promise<LtiPlatform>;
  /** The fields given change; `jwksUrl` clears `publicJwks` and the other way round; lists are replaced. */
  update(id: string, params: UpdateLtiPlatformParams, options?: WriteOptions): Promise<LtiPlatform>;
  /** Launches from it are refused from now on. */
  delete(id: string, options?: WriteOptions): Promise<void>;
}

const PLATFORMS = '/v1/admin/lti/platforms';
const platformPath = (id: string): string => `${PLATFORMS}/${segment(id)}`;

export function adminLtiPlatformsResource(client: Requester): AdminLtiPlatformsResource {
  return {
    list: (options) => client.request('GET', PLATFORMS, options),
    create: (params, options) => client.request('POST', PLATFORMS, { ...options, body: params }),
    get: (id, options) => client.request('GET', platformPath(id), options),
    update: (id, params, options) => client.request('PATCH', platformPath(id), { ...options, body: params }),
    delete: async (id, options) => {
      await client.request('DELETE', platformPath(id), options);
    },
  };
}

/**
 * LTI Dynamic Registration links for this program (secret key, or an admin's user token). The
 * standard names no program, so the link does: the LMS administrator pastes it into the LMS
 * (Moodle: "Tool URL" → Add LTI Advantage; Brightspace: Register Tool → Dynamic), which registers
 * the tool and stores the platform here. Signed, valid one hour: give it only to that administrator.
 */
export interface AdminLtiRegistrationLinksResource {
  /** A new link (`url`) and when it stops working (`expiresAt`, ISO, one hour on). */
  create(options?: WriteOptions): Promise<LtiRegistrationLink>;
}

export function adminLtiRegistrationLinksResource(client: Requester): AdminLtiRegistrationLinksResource {
  return {
    create: (options) => client.request('POST', '/v1/admin/lti/registration-links', options),
  };
}
