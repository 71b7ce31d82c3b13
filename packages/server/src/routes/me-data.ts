import { createRoute } from '@hono/zod-openapi';
import { eraseUser } from '../domain/privacy/erase.js';
import { exportPersonalData } from '../domain/privacy/export.js';
import { atomic, ctx } from '../http/atomic.js';
import { auditTrail } from '../http/audit-trail.js';
import { requireUser } from '../http/auth.js';
import { createRouter } from '../http/router.js';
import { ANY_USER, commonErrors, jsonBody, jsonResponse } from '../schemas/common.js';
import { EraseBodySchema, ErasureSchema, PersonalDataExportSchema } from '../schemas/privacy.js';
import { exportHeaders } from './personal-data-headers.js';

const exportMine = createRoute({
  method: 'get',
  path: '/v1/me/export',
  tags: ['Me'],
  summary: 'Download my data',
  description:
    'Everything the program holds about you, as one JSON document (an attachment, never cached): your ' +
    'profile, requests, sessions, threads and the messages you wrote, notes and action items, feedback ' +
    'given and received, reports, board, badges, email preferences, whether your calendar feed is on, ' +
    'your mentor profile and availability, and the email sent to you.',
  ...ANY_USER,
  // A person's own export and erasure are in the program's audit log too (by their user id only).
  'x-audited': true,
  middleware: [requireUser, auditTrail()] as const,
  responses: { 200: jsonResponse(PersonalDataExportSchema, 'Your data.'), ...commonErrors },
});

const eraseMine = createRoute({
  method: 'post',
  path: '/v1/me/erase',
  tags: ['Me'],
  summary: 'Erase my account',
  description:
    'Erases who you are and what you wrote, everywhere, in one step that cannot be undone (send ' +
    '`{"confirm": "erase"}`). Your sessions ahead are cancelled (the other person is told); the other ' +
    'people’s own records stay, naming you "Erased user", and the program’s counts stay as they were. ' +
    'Signing in again afterwards makes a new, empty account. See docs/features/data-rights.md.',
  ...ANY_USER,
  'x-audited': true,
  middleware: [requireUser, atomic, auditTrail()] as const,
  request: { body: jsonBody(EraseBodySchema) },
  responses: { 200: jsonResponse(ErasureSchema, 'Erased.'), ...commonErrors },
});

export function meDataRoutes() {
  return createRouter()
    .openapi(exportMine, async (c) => {
      const { tenant, user } = c.get('auth');
      const data = await exportPersonalData(ctx(c), {
        tenantId: tenant.id,
        tenantName: tenant.name,
        userId: user!.id,
      });
      return c.json(data, 200, exportHeaders(data.exportedAt));
    })
    .openapi(eraseMine, async (c) => {
      const { tenant, user } = c.get('auth');
      return c.json(
        await eraseUser(ctx(c), { tenantId: tenant.id, settings: tenant.settings, userId: user!.id }),
        200,
      );
    });
}
