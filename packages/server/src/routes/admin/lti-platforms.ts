import {
  createLtiPlatform,
  deleteLtiPlatform,
  getLtiPlatform,
  listLtiPlatforms,
  toLtiPlatform,
  updateLtiPlatform,
} from '../../domain/lti/platforms.js';
import { atomic, ctx } from '../../http/atomic.js';
import { publicBaseUrl } from '../../http/public-url.js';
import { createRouter } from '../../http/router.js';
import {
  conflictError,
  IdempotencyHeaderSchema,
  IdParamSchema,
  jsonBody,
  jsonResponse,
  notFoundError,
} from '../../schemas/common.js';
import {
  CreateLtiPlatformSchema,
  LtiPlatformListSchema,
  LtiPlatformSchema,
  UpdateLtiPlatformSchema,
} from '../../schemas/lti.js';
import { adminRoute } from './admin-route.js';

const TAGS = ['LTI'];

const create = adminRoute({
  method: 'post',
  path: '/v1/admin/lti/platforms',
  tags: TAGS,
  summary: 'Register an LTI 1.3 platform',
  description:
    'An LMS (Moodle, Canvas, Blackboard, D2L, Open edX) that launches this tool: its issuer, the client id it ' +
    'gave the tool, the deployments, its OIDC authorization and token endpoints and its keys (`jwksUrl` or an ' +
    'inline `publicJwks`). A launch finds the program by issuer and client id together, then the deployment. ' +
    'The answer’s `tool` holds the URLs to paste into the LMS. Endpoints must be https to public hosts ' +
    '(400 `lti_url_not_allowed`); the same issuer and client id twice is 409 `lti_platform_exists`.',
  auditValues: [],
  middleware: [atomic],
  request: { headers: IdempotencyHeaderSchema, body: jsonBody(CreateLtiPlatformSchema) },
  responses: {
    201: jsonResponse(LtiPlatformSchema, 'The platform, with the tool’s URLs.'),
    ...conflictError,
  },
});

const list = adminRoute({
  method: 'get',
  path: '/v1/admin/lti/platforms',
  tags: TAGS,
  summary: 'List LTI platforms',
  description: 'The program’s registered platforms, oldest first, each with the tool’s URLs.',
  responses: { 200: jsonResponse(LtiPlatformListSchema, 'The platforms.') },
});

const get = adminRoute({
  method: 'get',
  path: '/v1/admin/lti/platforms/{id}',
  tags: TAGS,
  summary: 'Get an LTI platform',
  description: 'One registered platform; another program’s is 404.',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(LtiPlatformSchema, 'The platform.'), ...notFoundError },
});

const update = adminRoute({
  method: 'patch',
  path: '/v1/admin/lti/platforms/{id}',
  tags: TAGS,
  summary: 'Change an LTI platform',
  description:
    'Changes the fields given. Setting `jwksUrl` clears `publicJwks` and the other way round; `deploymentIds` ' +
    'and `roleMapping` are replaced as a whole.',
  middleware: [atomic],
  request: { params: IdParamSchema, body: jsonBody(UpdateLtiPlatformSchema) },
  responses: { 200: jsonResponse(LtiPlatformSchema, 'The platform.'), ...notFoundError, ...conflictError },
});

const remove = adminRoute({
  method: 'delete',
  path: '/v1/admin/lti/platforms/{id}',
  tags: TAGS,
  summary: 'Remove an LTI platform',
  description: 'Launches from it are refused from now on (logins waiting for their launch too).',
  middleware: [atomic],
  request: { params: IdParamSchema },
  responses: { 204: { description: 'Removed.' }, ...notFoundError },
});

export function adminLtiRoutes() {
  return createRouter()
    .openapi(create, async (c) => {
      const deps = c.get('deps');
      const row = await createLtiPlatform(ctx(c), c.get('auth').tenant.id, c.req.valid('json'), {
        allowPrivate: deps.webhooksAllowPrivate ?? false,
      });
      return c.json(toLtiPlatform(row, publicBaseUrl(c)), 201, {
        Location: `/v1/admin/lti/platforms/${row.id}`,
      });
    })
    .openapi(list, async (c) => {
      const rows = await listLtiPlatforms(ctx(c).db, c.get('auth').tenant.id);
      const base = publicBaseUrl(c);
      return c.json({ data: rows.map((row) => toLtiPlatform(row, base)) }, 200);
    })
    .openapi(get, async (c) => {
      const row = await getLtiPlatform(ctx(c).db, c.get('auth').tenant.id, c.req.valid('param').id);
      return c.json(toLtiPlatform(row, publicBaseUrl(c)), 200);
    })
    .openapi(update, async (c) => {
      const deps = c.get('deps');
      const row = await updateLtiPlatform(
        ctx(c),
        c.get('auth').tenant.id,
        c.req.valid('param').id,
        c.req.valid('json'),
        { allowPrivate: deps.webhooksAllowPrivate ?? false },
      );
      return c.json(toLtiPlatform(row, publicBaseUrl(c)), 200);
    })
    .openapi(remove, async (c) => {
      await deleteLtiPlatform(ctx(c).db, c.get('auth').tenant.id, c.req.valid('param').id);
      return c.body(null, 204);
    });
}
