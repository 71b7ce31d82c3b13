import type { Kysely } from 'kysely';
import type { Database, LtiPlatformRow } from '../../db/database.js';
import { findMentorByExternalId } from '../../db/mentors.js';
import type { LtiTarget } from '../../schemas/lti.js';
import type { SecretBox } from '../../security/keys.js';
import type { DomainCtx } from '../context.js';
import { ConflictError } from '../errors.js';
import { recordEvent } from '../events/record-event.js';
import { createMentor } from '../mentors/mentors.js';
import { shortRole, targetOf } from './claims.js';
import { ltiExternalId } from './launch.js';
import { type OutboundOptions, outboundRequest } from './outbound.js';
import { getLtiPlatform } from './platforms.js';
import { signAsTool } from './tool-keys.js';

// Names and Role Provisioning Services 2.0: an instructor imports the course's instructors and
// teaching assistants as mentor applicants. The tool gets an access token from the platform's
// token endpoint (OAuth 2 client credentials, the client authenticated by a JWT signed with the
// tool's key: 1EdTech Security Framework §4.1), reads the membership container page by page
// (`Link: <…>; rel="next"`, bounded) and creates a pending mentor for every active member whose
// roles map to `mentor`, keyed on the member's LTI user id: a second import finds them.

export const NRPS_SCOPE = 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly';
export const NRPS_MEDIA_TYPE = 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json';
const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** At most this many pages are read (a platform's page is 100 members or more in practice). */
export const MAX_PAGES = 50;
/** At most this many members are imported in one go. */
export const MAX_MEMBERS = 5_000;

/** The signed value (`nr_…`) the launch page holds for the import: what the launch said, no secret. */
export const ROSTER_SESSION_PREFIX = 'nr_';
export interface RosterSession {
  /** The tenant and the instructor (the launch token must be the same user's). */
  tid: string;
  sub: string;
  platformId: string;
  membershipsUrl: string;
  contextId: string | null;
  contextTitle: string | null;
  exp: number;
}

/** A failure talking to the platform (its token endpoint or its roster): the API's 502. */
export class LtiServiceError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const fail = (code: string, message: string): never => {
  throw new LtiServiceError(code, message);
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** `error: error_description` of an OAuth error answer, when there is one. */
function oauthReason(body: unknown): string {
  if (!isObject(body)) return '';
  return [body.error, body.error_description]
    .filter((v): v is string => typeof v === 'string')
    .join(': ')
    .slice(0, 300);
}

/** An access token for `scope` from the platform's token endpoint (client_credentials + signed assertion). */
export async function platformAccessToken(
  db: Kysely<Database>,
  box: SecretBox,
  now: Date,
  platform: LtiPlatformRow,
  scope: string,
  outbound: OutboundOptions,
): Promise<string> {
  const assertion = await signAsTool(
    db,
    box,
    now,
    { sub: platform.client_id },
    { issuer: platform.client_id, audience: platform.auth_token_url, expiresInSeconds: 300 },
  );
  const response = await outboundRequest(
    platform.auth_token_url,
    {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_assertion_type: CLIENT_ASSERTION_TYPE,
        client_assertion: assertion,
        scope,
      }).toString(),
    },
    outbound,
  ).catch((error: Error) =>
    fail('lti_token_unreachable', `The LMS's token endpoint could not be reached (${error.message}).`),
  );
  const body = parseJson(response.body);
  if (response.status !== 200) {
    const reason = oauthReason(body);
    fail(
      'lti_token_refused',
      `The LMS refused this tool an access token (HTTP ${response.status}${reason ? `, ${reason}` : ''}). Check the tool's registration in the LMS (its key set URL and the Names and Roles service).`,
    );
  }
  const token = isObject(body) ? body.access_token : undefined;
  if (typeof token !== 'string' || !token) {
    fail('lti_token_bad_answer', "The LMS's token endpoint answered without an access token.");
  }
  const granted = isObject(body) && typeof body.scope === 'string' ? body.scope.split(/\s+/) : [scope];
  if (!granted.includes(scope)) {
    fail('lti_token_refused', 'The LMS did not grant this tool the Names and Roles scope.');
  }
  return token as string;
}

export interface RosterMember {
  userId: string;
  status: string;
  roles: string[];
  name: string | null;
  email: string | null;
}

export interface Roster {
  context: { id: string | null; title: string | null };
  members: RosterMember[];
  pages: number;
}

/** The `rel="next"` target of a Link header, if any. */
export function nextLink(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  for (const part of value.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
    if (match && /(^|;)\s*rel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?\s*(;|$)/i.test(match[2] ?? '')) {
      return match[1] ?? null;
    }
  }
  return null;
}

const text = (value: unknown, max: number): string | null =>
  typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : null;

function memberOf(raw: unknown): RosterMember | null {
  if (!isObject(raw)) return null;
  const userId = text(raw.user_id, 255);
  if (!userId) return null;
  const roles = Array.isArray(raw.roles) ? raw.roles.filter((r): r is string => typeof r === 'string') : [];
  const name =
    text(raw.name, 120) ??
    ([text(raw.given_name, 60), text(raw.family_name, 60)].filter(Boolean).join(' ') || null);
  const email =
    typeof raw.email === 'string' && /^[^\s@]+@[^\s@]+$/.test(raw.email) && raw.email.length <= 320
      ? raw.email
      : null;
  return { userId, status: text(raw.status, 20) ?? 'Active', roles, name, email };
}

/** Every member of the context, following `rel="next"` (same origin only, at most MAX_PAGES pages). */
export async function readRoster(
  membershipsUrl: string,
  accessToken: string,
  outbound: OutboundOptions,
): Promise<Roster> {
  const origin = URL.canParse(membershipsUrl) ? new URL(membershipsUrl).origin : null;
  if (!origin) fail('lti_nrps_bad_answer', 'The course roster URL from the launch is not a URL.');
  const members: RosterMember[] = [];
  const context: Roster['context'] = { id: null, title: null };
  let url: string | null = membershipsUrl;
  let pages = 0;
  while (url) {
    if (pages >= MAX_PAGES) {
      fail('lti_nrps_too_large', `The course roster has more than ${MAX_PAGES} pages; nothing was imported.`);
    }
    const response = await outboundRequest(
      url,
      { method: 'GET', headers: { accept: NRPS_MEDIA_TYPE, authorization: `Bearer ${accessToken}` } },
      { ...outbound, maxBytes: 2 * 1024 * 1024 },
    ).catch((error: Error) =>
      fail('lti_nrps_unreachable', `The LMS's course roster could not be read (${error.message}).`),
    );
    const body = parseJson(response.body);
    if (response.status !== 200) {
      const reason = oauthReason(body);
      fail(
        'lti_nrps_refused',
        `The LMS refused the course roster (HTTP ${response.status}${reason ? `, ${reason}` : ''}).`,
      );
    }
    if (!isObject(body) || !Array.isArray(body.members)) {
      fail('lti_nrps_bad_answer', "The LMS's course roster is not a membership container.");
    }
    const container = body as { members: unknown[]; context?: unknown };
    if (pages === 0 && isObject(container.context)) {
      context.id = text(container.context.id, 255);
      context.title = text(container.context.title, 200);
    }
    for (const raw of container.members) {
      const member = memberOf(raw);
      if (member) members.push(member);
    }
    if (members.length > MAX_MEMBERS) {
      fail(
        'lti_nrps_too_large',
        `The course roster has more than ${MAX_MEMBERS} members; nothing was imported.`,
      );
    }
    pages += 1;
    const next = nextLink(response.headers.link);
    if (next !== null) {
      const resolved: URL | null = URL.canParse(next, url) ? new URL(next, url) : null;
      // The bearer token goes to the roster's own site only.
      if (!resolved || resolved.origin !== origin) {
        fail('lti_nrps_bad_answer', "The LMS's next roster page is on another site.");
      }
      url = resolved!.toString();
    } else {
      url = null;
    }
  }
  return { context, members, pages };
}

export interface RosterImport {
  /** Members read from the roster. */
  members: number;
  /** Pending mentor applications created now. */
  imported: number;
  /** Members with a mentor profile already (any status). */
  alreadyThere: number;
  /** Members whose roles do not map to mentor, or who are not active. */
  skipped: number;
}

const ROLE_WORDS: Record<string, string> = {
  Instructor: 'Instructor',
  TeachingAssistant: 'Teaching assistant',
  ContentDeveloper: 'Content developer',
  Mentor: 'Mentor',
};

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '23505';
}

/**
 * Creates a pending mentor application for every active member whose roles map to `mentor` (the
 * platform's role mapping over the default), keyed on `ltiExternalId(issuer, user_id)`: members
 * with a mentor profile already are counted, never duplicated (also when two imports race).
 */
export async function importRosterMentors(
  ctx: DomainCtx,
  platform: LtiPlatformRow,
  roster: Roster,
  fallbackCourseTitle: string | null,
): Promise<RosterImport> {
  const tenantId = platform.tenant_id;
  const mapping = platform.role_mapping as Record<string, LtiTarget>;
  const course = roster.context.title ?? fallbackCourseTitle;
  const result: RosterImport = { members: roster.members.length, imported: 0, alreadyThere: 0, skipped: 0 };
  const seen = new Set<string>();
  for (const member of roster.members) {
    const externalId = ltiExternalId(platform.issuer, member.userId);
    if (seen.has(externalId)) continue;
    seen.add(externalId);
    if (
      member.status !== 'Active' ||
      member.roles.length === 0 ||
      targetOf(member.roles, mapping) !== 'mentor'
    ) {
      result.skipped += 1;
      continue;
    }
    if (await findMentorByExternalId(ctx.db, tenantId, externalId)) {
      result.alreadyThere += 1;
      continue;
    }
    const role = member.roles.map((r) => ROLE_WORDS[shortRole(r)]).find(Boolean) ?? 'Course staff';
    const name = member.name ?? 'Course mentor';
    try {
      await ctx.db.transaction().execute(async (trx) => {
        const inner: DomainCtx = { ...ctx, db: trx };
        const mentor = await createMentor(inner, tenantId, {
          externalId,
          name,
          headline: (course ? `${role} · ${course}` : role).slice(0, 200),
          bio: '',
          skills: [(course ?? 'Course mentoring').slice(0, 64)],
          yearsExperience: 0,
          languages: ['en'],
          timeZone: 'UTC',
          formats: ['video', 'chat'],
          status: 'pending',
          contactEmail: member.email,
        });
        await recordEvent(trx, {
          tenantId,
          type: 'mentor.applied',
          data: { mentorId: mentor.id, externalId, name: mentor.name },
          at: ctx.clock.now(),
        });
      });
      result.imported += 1;
    } catch (error) {
      // Another import (or the member applying) got there first.
      if (error instanceof ConflictError || isUniqueViolation(error)) {
        result.alreadyThere += 1;
        continue;
      }
      throw error;
    }
  }
  return result;
}

/**
 * The import an instructor starts from the launch page: the platform of the launch (in the
 * session's tenant), a token, the whole roster, then the applications.
 */
export async function importCourseMentors(
  ctx: DomainCtx,
  box: SecretBox,
  outbound: OutboundOptions,
  session: RosterSession,
): Promise<RosterImport> {
  const platform = await getLtiPlatform(ctx.db, session.tid, session.platformId);
  const token = await platformAccessToken(ctx.db, box, ctx.clock.now(), platform, NRPS_SCOPE, outbound);
  const roster = await readRoster(session.membershipsUrl, token, outbound);
  return importRosterMentors(ctx, platform, roster, session.contextTitle);
}
