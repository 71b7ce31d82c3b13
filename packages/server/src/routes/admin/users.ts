import { eraseMentorProfile, eraseUser } from '../../domain/privacy/erase.js';
import { exportPersonalData } from '../../domain/privacy/export.js';
import { findUsersForAdmin } from '../../domain/privacy/users.js';
import { atomic, ctx } from '../../http/atomic.js';
import { createRouter } from '../../http/router.js';
import { IdParamSchema, jsonBody, jsonResponse, notFoundError } from '../../schemas/common.js';
import {
  AdminUserListSchema,
  AdminUsersQuerySchema,
  EraseBodySchema,
  ErasureSchema,
  PersonalDataExportSchema,
  UserIdParamSchema,
} from '../../schemas/privacy.js';
import { exportHeaders } from '../personal-data-headers.js';
import { adminRoute } from './admin-route.js';

const find = adminRoute({
  method: 'get',
  path: '/v1/admin/users',
  summary: 'Find a user',
  description:
    'The users (learners, mentors, admins who have signed in) with this host user id (`externalId`, ' +
    'exactly), or whose name, email or host user id holds `q`: at most 20, by name. To export or erase ' +
    'their data on their behalf.',
  request: { query: AdminUsersQuerySchema },
  responses: { 200: jsonResponse(AdminUserListSchema, 'The users found.') },
});

const exportUser = adminRoute({
  method: 'get',
  path: '/v1/admin/users/{userId}/export',
  summary: 'Export a user’s data',
  description: 'The same document as the user’s own `GET /v1/me/export`, for a user who asked the program.',
  request: { params: UserIdParamSchema },
  responses: { 200: jsonResponse(PersonalDataExportSchema, 'Their data.'), ...notFoundError },
});

const eraseOne = adminRoute({
  method: 'post',
  path: '/v1/admin/users/{userId}/erase',
  summary: 'Erase a user',
  description:
    'The same erasure as the user’s own `POST /v1/me/erase` (send `{"confirm": "erase"}`), for a user ' +
    'who asked the program. Cannot be undone; erasing an erased user changes nothing.',
  middleware: [atomic],
  request: { params: UserIdParamSchema, body: jsonBody(EraseBodySchema) },
  responses: { 200: jsonResponse(ErasureSchema, 'Erased.'), ...notFoundError },
});

const eraseProfile = adminRoute({
  method: 'post',
  path: '/v1/admin/mentors/{id}/erase',
  summary: 'Erase a mentor profile’s person',
  description:
    'Erases the person behind a mentor profile (send `{"confirm": "erase"}`), deleted profiles included: ' +
    'for a profile the program made for someone who never signed in (so there is no user to erase), or ' +
    'by profile rather than by user. The same erasure as `POST /v1/admin/users/{userId}/erase`; the answer ' +
    'names the user erased. Cannot be undone.',
  middleware: [atomic],
  request: { params: IdParamSchema, body: jsonBody(EraseBodySchema) },
  responses: { 200: jsonResponse(ErasureSchema, 'Erased.'), ...notFoundError },
});

export function adminUserRoutes() {
  return createRouter()
    .openapi(find, async (c) =>
      c.json(
        {
          data: await findUsersForAdmin(ctx(c), {
            ...c.req.valid('query'),
            tenantId: c.get('auth').tenant.id,
          }),
        },
        200,
      ),
    )
    .openapi(exportUser, async (c) => {
      const { tenant } = c.get('auth');
      const data = await exportPersonalData(ctx(c), {
        tenantId: tenant.id,
        tenantName: tenant.name,
        userId: c.req.valid('param').userId,
      });
      return c.json(data, 200, exportHeaders(data.exportedAt));
    })
    .openapi(eraseOne, async (c) => {
      const { tenant } = c.get('auth');
      return c.json(
        await eraseUser(ctx(c), {
          tenantId: tenant.id,
          settings: tenant.settings,
          userId: c.req.valid('param').userId,
        }),
        200,
      );
    })
    .openapi(eraseProfile, async (c) => {
      const { tenant } = c.get('auth');
      return c.json(
        await eraseMentorProfile(ctx(c), {
          tenantId: tenant.id,
          settings: tenant.settings,
          mentorId: c.req.valid('param').id,
        }),
        200,
      );
    });
}
