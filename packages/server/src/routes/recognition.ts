import { createRoute, z } from '@hono/zod-openapi';
import { VC_MEDIA_TYPE } from '../domain/recognition/credential.js';
import { issueRecordCredential } from '../domain/recognition/issued.js';
import { leaderboard, mentorRecord, ownMentorRow } from '../domain/recognition/record.js';
import { ctx } from '../http/atomic.js';
import { requireUser } from '../http/auth.js';
import { ApiError } from '../http/errors.js';
import { publicBaseUrl } from '../http/public-url.js';
import { createRouter } from '../http/router.js';
import {
  ANY_USER,
  commonErrors,
  conflictError,
  EVERYONE,
  jsonResponse,
  notFoundError,
} from '../schemas/common.js';
import { LeaderboardQuerySchema, LeaderboardSchema, MentorRecordSchema } from '../schemas/recognition.js';

const record = createRoute({
  method: 'get',
  path: '/v1/me/mentor/record',
  tags: ['Recognition'],
  summary: 'My mentoring record',
  description:
    'Completed sessions, their minutes, first and last session, and the badges earned (oldest first). ' +
    'Badge codes are stable: `first_session`, `sessions_10`, `sessions_50`, `five_star_streak`, ' +
    '`fast_responder`. 404 without a mentor profile.',
  ...ANY_USER,
  middleware: [requireUser] as const,
  responses: { 200: jsonResponse(MentorRecordSchema, 'The record.'), ...commonErrors, ...notFoundError },
});

const credential = createRoute({
  method: 'get',
  path: '/v1/me/mentor/credential',
  tags: ['Recognition'],
  summary: 'My record as a verifiable credential',
  description:
    'The record as an Open Badges 3.0 `OpenBadgeCredential` (W3C VC Data Model 2.0), secured by OB 3.0’s JSON ' +
    'Web Token Proof Format: a compact JWS (`application/vc+jwt`, EdDSA/Ed25519) signed by the program, header ' +
    '`{alg, kid, typ: "JWT"}` where `kid` is the URL of the public JWK, payload = the credential with `iss`, `jti`, ' +
    '`nbf`, `sub`. It carries a `credentialStatus` (Bitstring Status List, revocation) and its `id` is a public ' +
    'verification page, also given in the `Link` header (`rel="alternate"`, text/html). The same credential is ' +
    'returned while the record is unchanged. 404 without a mentor profile; 409 `mentor_suspended` while the ' +
    'program has the profile suspended (suspending revokes every credential issued to it).',
  ...ANY_USER,
  middleware: [requireUser] as const,
  responses: {
    200: { description: 'The signed credential.', content: { [VC_MEDIA_TYPE]: { schema: z.string() } } },
    ...commonErrors,
    ...notFoundError,
    ...conflictError,
  },
});

const board = createRoute({
  method: 'get',
  path: '/v1/leaderboard',
  tags: ['Recognition'],
  summary: 'Mentor leaderboard',
  description:
    'Approved mentors ranked by completed sessions (or minutes) that started this UTC calendar month; ' +
    'public profile fields only. Only when the program turned `leaderboard` on in its settings: ' +
    'otherwise 404 `leaderboard_disabled`.',
  ...EVERYONE,
  request: { query: LeaderboardQuerySchema },
  responses: {
    200: jsonResponse(LeaderboardSchema, 'This month’s ranking.'),
    ...commonErrors,
    404: {
      description: 'The program has not turned the leaderboard on (`leaderboard_disabled`).',
      content: {
        'application/problem+json': { schema: notFoundError[404].content['application/problem+json'].schema },
      },
    },
  },
});

export function recognitionRoutes() {
  return createRouter()
    .openapi(record, async (c) => {
      const auth = c.get('auth');
      const mentor = await ownMentorRow(ctx(c), auth.tenant.id, auth.user!.externalId);
      return c.json(await mentorRecord(ctx(c), mentor), 200);
    })
    .openapi(credential, async (c) => {
      const auth = c.get('auth');
      const deps = c.get('deps');
      const mentor = await ownMentorRow(ctx(c), auth.tenant.id, auth.user!.externalId);
      const issued = await issueRecordCredential(ctx(c), deps.secretBox, {
        baseUrl: publicBaseUrl(c),
        tenant: { id: auth.tenant.id, name: auth.tenant.settings.branding.name ?? auth.tenant.name },
        mentor,
        record: await mentorRecord(ctx(c), mentor),
      });
      c.header('Content-Type', VC_MEDIA_TYPE);
      c.header('Link', `<${issued.url}>; rel="alternate"; type="text/html"`);
      c.header('Content-Disposition', `attachment; filename="mentoring-record-${mentor.id}.jwt"`);
      c.header('Cache-Control', 'no-store');
      return c.body(issued.jws, 200);
    })
    .openapi(board, async (c) => {
      const auth = c.get('auth');
      if (!auth.tenant.settings.leaderboard) {
        throw new ApiError(404, 'leaderboard_disabled', 'This program has not turned the leaderboard on.');
      }
      return c.json(await leaderboard(ctx(c), auth.tenant.id, c.req.valid('query')), 200);
    });
}
