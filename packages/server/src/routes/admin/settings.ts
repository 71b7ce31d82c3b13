import { createRoute } from '@hono/zod-openapi';
import { getProgramSettings, updateProgramSettings } from '../../domain/tenants/program-settings.js';
import { atomic, ctx } from '../../http/atomic.js';
import { requireAdmin } from '../../http/auth.js';
import { createRouter } from '../../http/router.js';
import { ProgramSettingsSchema, UpdateSettingsSchema } from '../../schemas/admin.js';
import { commonErrors, jsonBody, jsonResponse, PROGRAM } from '../../schemas/common.js';

const get = createRoute({
  method: 'get',
  path: '/v1/admin/settings',
  tags: ['Admin'],
  summary: 'Program settings',
  ...PROGRAM,
  middleware: [requireAdmin] as const,
  responses: { 200: jsonResponse(ProgramSettingsSchema, 'The settings.'), ...commonErrors },
});

const patch = createRoute({
  method: 'patch',
  path: '/v1/admin/settings',
  tags: ['Admin'],
  summary: 'Change program settings',
  description: 'Only the fields sent change; `branding` merges field by field. Validated as a whole.',
  ...PROGRAM,
  middleware: [requireAdmin, atomic] as const,
  request: { body: jsonBody(UpdateSettingsSchema) },
  responses: { 200: jsonResponse(ProgramSettingsSchema, 'The settings now.'), ...commonErrors },
});

export function adminSettingsRoutes() {
  return createRouter()
    .openapi(get, async (c) => c.json(await getProgramSettings(ctx(c), c.get('auth').tenant.id), 200))
    .openapi(patch, async (c) =>
      c.json(await updateProgramSettings(ctx(c), c.get('auth').tenant.id, c.req.valid('json')), 200),
    );
}
