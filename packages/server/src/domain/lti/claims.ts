import type { LtiTarget } from '../../schemas/lti.js';

// The claims of an LTI 1.3 message (1EdTech LTI Core 1.3, Deep Linking 2.0, NRPS 2.0).

export const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';
export const CLAIM = {
  messageType: `${LTI}message_type`,
  version: `${LTI}version`,
  deploymentId: `${LTI}deployment_id`,
  targetLinkUri: `${LTI}target_link_uri`,
  resourceLink: `${LTI}resource_link`,
  roles: `${LTI}roles`,
  context: `${LTI}context`,
  custom: `${LTI}custom`,
  launchPresentation: `${LTI}launch_presentation`,
  deepLinkingSettings: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings',
  deepLinkingData: 'https://purl.imsglobal.org/spec/lti-dl/claim/data',
  contentItems: 'https://purl.imsglobal.org/spec/lti-dl/claim/content_items',
  namesRoles: 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice',
} as const;

export const MESSAGE_TYPES = ['LtiResourceLinkRequest', 'LtiDeepLinkingRequest'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

/** Short names (the part after `#`, or the whole short form) → our role; unknown roles are learners. */
export const DEFAULT_ROLE_MAPPING: Readonly<Record<string, LtiTarget>> = {
  Learner: 'learner',
  Member: 'learner',
  Instructor: 'mentor',
  TeachingAssistant: 'mentor',
  ContentDeveloper: 'mentor',
  Mentor: 'mentor',
  Administrator: 'admin',
};

const RANK: Record<LtiTarget, number> = { none: 0, learner: 1, mentor: 2, admin: 3 };

/** `http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant` → `TeachingAssistant`. */
export function shortRole(role: string): string {
  const hash = role.lastIndexOf('#');
  if (hash >= 0) return role.slice(hash + 1);
  const slash = role.lastIndexOf('/');
  return slash >= 0 ? role.slice(slash + 1) : role;
}

/**
 * The highest of what each role maps to (the program's mapping by full URI, then by short name,
 * then the default); no roles, or only unknown ones: a learner. `none` only when every role says so.
 */
export function targetOf(roles: readonly string[], mapping: Readonly<Record<string, LtiTarget>>): LtiTarget {
  if (roles.length === 0) return 'learner';
  let best: LtiTarget = 'none';
  for (const role of roles) {
    const short = shortRole(role);
    const target = mapping[role] ?? mapping[short] ?? DEFAULT_ROLE_MAPPING[short] ?? 'learner';
    if (RANK[target] > RANK[best]) best = target;
  }
  return best;
}
