import { getProgramSettings, updateProgramSettings } from '../../domain/tenants/program-settings.js';
import { atomic, ctx } from '../../http/atomic.js';
import { createRouter } from '../../http/router.js';
import { ProgramSettingsSchema, UpdateSettingsSchema } from '../../schemas/admin.js';
import { jsonBody, jsonResponse } from '../../schemas/common.js';
import { adminRoute } from './admin-route.js';

const get = adminRoute({
  method: 'get',
  path: '/v1/admin/settings',
  summary: 'Program settings',
  responses: { 200: jsonResponse(ProgramSettingsSchema, 'The settings.') },
});

const patch = adminRoute({
  method: 'patch',
  path: '/v1/admin/settings',
  summary: 'Change program settings',
  description: 'Only the fields sent change; `branding` merges field by field. Validated as a whole.',
  middleware: [atomic],
  request: { body: jsonBody(UpdateSettingsSchema) },
  responses: { 200: jsonResponse(ProgramSettingsSchema, 'The settings now.') },
});

export function adminSettingsRoutes() {
  return createRouter()
    .openapi(get, async (c) => c.json(await getProgramSettings(ctx(c), c.get('auth').tenant.id), 200))
    .openapi(patch, async (c) =>
      c.json(await updateProgramSettings(ctx(c), c.get('auth').tenant.id, c.req.valid('json')), 200),
    );
}
