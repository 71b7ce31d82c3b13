import { createRoute } from '@hono/zod-openapi';
import {
  boardMentor,
  getBoard,
  type Learner,
  removeBoardEntry,
  requireMentor,
  setBoardEntry,
} from '../domain/board/board.js';
import { atomic, ctx } from '../http/atomic.js';
import { requireSecretKeyOrUser, requireUser } from '../http/auth.js';
import type { Auth } from '../http/env.js';
import { ApiError } from '../http/errors.js';
import { createRouter } from '../http/router.js';
import { BoardEntrySchema, BoardSchema, SetBoardEntrySchema } from '../schemas/board.js';
import {
  ANY_USER,
  commonErrors,
  conflictError,
  IdParamSchema,
  jsonBody,
  jsonResponse,
  notFoundError,
  USER_OR_SECRET,
} from '../schemas/common.js';

const list = createRoute({
  method: 'get',
  path: '/v1/me/board',
  tags: ['Me'],
  summary: 'My board of advisors',
  description: 'Mentors the learner keeps, each with their label and public profile (approved mentors only).',
  ...ANY_USER,
  middleware: [requireUser] as const,
  responses: { 200: jsonResponse(BoardSchema, 'The board, oldest entry first.'), ...commonErrors },
});

const put = createRoute({
  method: 'put',
  path: '/v1/me/board/{id}',
  tags: ['Me'],
  summary: 'Put a mentor on my board',
  description:
    '`id` is the mentor’s id; they must be an approved mentor of this tenant (else 404). Adds them or ' +
    'changes the label. At most 100 entries (409 `board_full`).',
  ...USER_OR_SECRET,
  middleware: [requireSecretKeyOrUser, atomic] as const,
  request: { params: IdParamSchema, body: jsonBody(SetBoardEntrySchema) },
  responses: {
    200: jsonResponse(BoardEntrySchema, 'The entry.'),
    ...commonErrors,
    ...notFoundError,
    ...conflictError,
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/v1/me/board/{id}',
  tags: ['Me'],
  summary: 'Take a mentor off my board',
  description: '`id` is the mentor’s id; 404 when they are not on the board.',
  ...USER_OR_SECRET,
  middleware: [requireSecretKeyOrUser, atomic] as const,
  request: { params: IdParamSchema },
  responses: { 204: { description: 'Removed.' }, ...commonErrors, ...notFoundError },
});

/**
 * The learner behind the token. Board routes with an id accept the secret key so that an id
 * of another tenant answers 404 like everywhere else; without a user there is still no board.
 */
function learnerOf(auth: Auth): Learner {
  if (!auth.user) {
    throw new ApiError(
      401,
      'user_token_required',
      'A board belongs to a user: send their token as X-User-Token.',
    );
  }
  return { tenantId: auth.tenant.id, id: auth.user.id, externalId: auth.user.externalId };
}

export function boardRoutes() {
  return createRouter()
    .openapi(list, async (c) => {
      return c.json({ data: await getBoard(ctx(c), learnerOf(c.get('auth'))) }, 200);
    })
    .openapi(put, async (c) => {
      const auth = c.get('auth');
      const mentor = await boardMentor(ctx(c), auth.tenant.id, c.req.valid('param').id);
      const entry = await setBoardEntry(ctx(c), learnerOf(auth), mentor, c.req.valid('json').label);
      return c.json(entry, 200);
    })
    .openapi(remove, async (c) => {
      const auth = c.get('auth');
      const { id } = c.req.valid('param');
      // Without a user, an id that is no mentor of this tenant is still a plain 404.
      if (!auth.user) await requireMentor(ctx(c), auth.tenant.id, id);
      await removeBoardEntry(ctx(c), learnerOf(auth), id);
      return c.body(null, 204);
    });
}
