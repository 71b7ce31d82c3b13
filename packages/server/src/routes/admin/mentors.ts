import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  changeMentorStatus,
  listMentorsForReview,
  type VettingAction,
} from '../../domain/admin/mentor-vetting.js';
import { atomic, ctx } from '../../http/atomic.js';
import { pageBody, withCursor } from '../../http/cursor.js';
import type { AppEnv } from '../../http/env.js';
import { createRouter } from '../../http/router.js';
import {
  AdminMentorPageSchema,
  AdminMentorSchema,
  AdminMentorsQuerySchema,
  StatusReasonSchema,
} from '../../schemas/admin.js';
import {
  conflictError,
  IdempotencyHeaderSchema,
  IdParamSchema,
  jsonBody,
  jsonResponse,
  notFoundError,
} from '../../schemas/common.js';
import { adminRoute } from './admin-route.js';

const QueueCursorSchema = z.strictObject({ createdAt: z.iso.datetime(), id: z.uuid() });

const list = adminRoute({
  method: 'get',
  path: '/v1/admin/mentors',
  summary: 'Mentors by status, search and skill',
  description:
    'The applications queue by default (`status=pending`), oldest first, with open report counts; ' +
    '`status=any` lists every status, `q` searches names, headlines and skills, `skill` keeps one skill.',
  request: { query: AdminMentorsQuerySchema },
  responses: { 200: jsonResponse(AdminMentorPageSchema, 'A page of mentors.') },
});

const transitionResponses = {
  200: jsonResponse(AdminMentorSchema, 'The mentor in their new status.'),
  ...notFoundError,
  ...conflictError,
};

function transition(action: VettingAction, summary: string, description: string) {
  return adminRoute({
    method: 'post',
    path: `/v1/admin/mentors/{id}/${action}`,
    summary,
    description: `${description} A status it cannot come from answers 409 \`invalid_transition\`.`,
    middleware: [atomic],
    request: { params: IdParamSchema, headers: IdempotencyHeaderSchema },
    responses: transitionResponses,
  });
}

function transitionWithReason(action: VettingAction, summary: string, description: string) {
  return adminRoute({
    method: 'post',
    path: `/v1/admin/mentors/{id}/${action}`,
    summary,
    description: `${description} A status it cannot come from answers 409 \`invalid_transition\`.`,
    middleware: [atomic],
    request: { params: IdParamSchema, headers: IdempotencyHeaderSchema, body: jsonBody(StatusReasonSchema) },
    responses: transitionResponses,
  });
}

const approve = transition(
  'approve',
  'Approve an application',
  'From `pending` (or a `rejected` application reconsidered) to `approved`; records `mentor.approved`.',
);
const reject = transitionWithReason(
  'reject',
  'Reject an application',
  'From `pending` to `rejected`; the applicant sees the reason.',
);
const pause = transitionWithReason(
  'pause',
  'Pause a mentor',
  'From `approved`: out of matching until reinstated.',
);
const suspend = transitionWithReason(
  'suspend',
  'Suspend a mentor',
  'From `approved` or `paused`: out of matching until reinstated.',
);
const reinstate = transition(
  'reinstate',
  'Reinstate a mentor',
  'From `paused` or `suspended` back to `approved`.',
);

export function adminMentorRoutes() {
  return createRouter()
    .openapi(list, async (c) => {
      const query = withCursor(c.req.valid('query'), QueueCursorSchema);
      const tenantId = c.get('auth').tenant.id;
      return c.json(pageBody(await listMentorsForReview(ctx(c), { ...query, tenantId })), 200);
    })
    .openapi(approve, async (c) => c.json(await vet(c, 'approve'), 200))
    .openapi(reject, async (c) => c.json(await vet(c, 'reject', c.req.valid('json')), 200))
    .openapi(pause, async (c) => c.json(await vet(c, 'pause', c.req.valid('json')), 200))
    .openapi(suspend, async (c) => c.json(await vet(c, 'suspend', c.req.valid('json')), 200))
    .openapi(reinstate, async (c) => c.json(await vet(c, 'reinstate'), 200));
}

/** Every vetting action: the transition on this tenant's mentor, answered as admins see mentors. */
function vet(c: Context<AppEnv>, action: VettingAction, body?: { reason?: string | null }) {
  // The route's validator has checked the id by the time the handler runs.
  const input = { tenantId: c.get('auth').tenant.id, mentorId: c.req.param('id') ?? '', action };
  return changeMentorStatus(ctx(c), { ...input, ...body });
}
