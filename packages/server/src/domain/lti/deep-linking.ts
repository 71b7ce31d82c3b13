import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { SecretBox } from '../../security/keys.js';
import { CLAIM } from './claims.js';
import { signAsTool } from './tool-keys.js';

// Deep Linking 2.0: an instructor places the tool in a course. Between the request (validated
// like any launch) and the instructor's choice, what the response needs travels in a signed
// session value (`dl_…`, security/launch-token.ts) in the choice form: no server state.

export const DEEP_LINK_SESSION_PREFIX = 'dl_';
export const DEEP_LINK_SESSION_SECONDS = 30 * 60;

export interface DeepLinkSession {
  /** The platform's issuer (the response's audience) and the client id it gave us (its issuer). */
  issuer: string;
  clientId: string;
  deploymentId: string;
  returnUrl: string;
  data: string | null;
  courseTitle: string | null;
  exp: number;
}

export interface PlacementChoice {
  /** What learners ask about at this placement (`custom.topic`). */
  topic: string;
  /** The lesson it sits in (`custom.lesson_id`), optional. */
  lessonId: string | null;
  /** The link's title in the course. */
  title: string;
}

/** The signed `LtiDeepLinkingResponse` (one `ltiResourceLink`) to post back to the platform. */
export async function deepLinkingResponse(
  db: Kysely<Database>,
  box: SecretBox,
  now: Date,
  session: DeepLinkSession,
  choice: PlacementChoice,
  launchUrl: string,
): Promise<string> {
  const custom: Record<string, string> = { topic: choice.topic };
  if (choice.lessonId) custom.lesson_id = choice.lessonId;
  return signAsTool(
    db,
    box,
    now,
    {
      nonce: randomBytes(16).toString('base64url'),
      [CLAIM.messageType]: 'LtiDeepLinkingResponse',
      [CLAIM.version]: '1.3.0',
      [CLAIM.deploymentId]: session.deploymentId,
      ...(session.data !== null ? { [CLAIM.deepLinkingData]: session.data } : {}),
      [CLAIM.contentItems]: [
        {
          type: 'ltiResourceLink',
          title: choice.title,
          text: `Ask an expert about ${choice.topic}.`,
          url: launchUrl,
          custom,
        },
      ],
    },
    { issuer: session.clientId, audience: session.issuer, expiresInSeconds: 600 },
  );
}
