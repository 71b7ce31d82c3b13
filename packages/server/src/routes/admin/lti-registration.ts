import { z } from '@hono/zod-openapi';
import { REGISTRATION_LINK_SECONDS, registrationLink } from '../../domain/lti/registration.js';
import { publicBaseUrl } from '../../http/public-url.js';
import { createRouter } from '../../http/router.js';
import { jsonResponse } from '../../schemas/common.js';
import { adminRoute } from './admin-route.js';

const RegistrationLinkSchema = z
  .object({
    url: z.string().openapi({
      description:
        'The tool URL to give the LMS for Dynamic Registration (Moodle 4.x: Site administration → Plugins → ' +
        'External tool → Manage tools → “Tool URL” → Add LTI Advantage). It registers the LMS into this program.',
      example: 'https://api.micromentor.example/lti/register/rg_eyJ0aWQiOi….mac',
    }),
    expiresAt: z.iso.datetime().openapi({ description: 'The link works until then (one hour).' }),
  })
  .openapi('LtiRegistrationLink');

const create = adminRoute({
  method: 'post',
  path: '/v1/admin/lti/registration-links',
  tags: ['LTI'],
  summary: 'Make a Dynamic Registration link for this program',
  description:
    'LTI Dynamic Registration 1.0 names no program: the link does. The LMS opens it with its ' +
    '`openid_configuration` and `registration_token`; the page shows the program and the LMS, and on ' +
    'confirmation registers the tool with the LMS and stores the platform (issuer, the client id and ' +
    `deployment id the LMS answered, its endpoints) in this program. Signed, valid ${REGISTRATION_LINK_SECONDS / 60} minutes; ` +
    'give it only to the LMS administrator.',
  responses: { 201: jsonResponse(RegistrationLinkSchema, 'The link.') },
});

export function adminLtiRegistrationRoutes() {
  return createRouter().openapi(create, async (c) => {
    const deps = c.get('deps');
    const link = registrationLink(
      c.get('auth').tenant.id,
      deps.clock.now(),
      deps.lti.launchKey,
      publicBaseUrl(c),
    );
    c.header('Cache-Control', 'no-store');
    return c.json({ url: link.url, expiresAt: link.expiresAt.toISOString() }, 201);
  });
}
