import { createRoute } from '@hono/zod-openapi';
import { getEmailPreferences, updateEmailPreferences } from '../domain/email/preferences.js';
import { atomic, ctx } from '../http/atomic.js';
import { requireUser } from '../http/auth.js';
import type { Auth } from '../http/env.js';
import { createRouter } from '../http/router.js';
import { ANY_USER, commonErrors, jsonBody, jsonResponse, notFoundError } from '../schemas/common.js';
import { EmailPreferencesSchema, UpdateEmailPreferencesSchema } from '../schemas/email.js';

const get = createRoute({
  method: 'get',
  path: '/v1/me/email-preferences',
  tags: ['Me'],
  summary: 'My email preferences',
  description:
    'Which kinds of email you get as a learner and, with a mentor profile, as a mentor, and the address each goes to ' +
    '(a learner’s from the `email` claim of their token; a mentor’s contact email wins over it).',
  ...ANY_USER,
  middleware: [requireUser] as const,
  responses: { 200: jsonResponse(EmailPreferencesSchema, 'The preferences.'), ...commonErrors },
});

const patch = createRoute({
  method: 'patch',
  path: '/v1/me/email-preferences',
  tags: ['Me'],
  summary: 'Turn kinds of email on or off',
  description:
    '`as`: `learner` (default) or `mentor` (404 without a mentor profile); `kinds`: the kinds to change, true for on. ' +
    'Every email also has a one-click unsubscribe link for its kind.',
  ...ANY_USER,
  middleware: [requireUser, atomic] as const,
  request: { body: jsonBody(UpdateEmailPreferencesSchema) },
  responses: {
    200: jsonResponse(EmailPreferencesSchema, 'The preferences now.'),
    ...commonErrors,
    ...notFoundError,
  },
});

function meOf(auth: Auth) {
  // requireUser has run.
  const user = auth.user!;
  return { tenantId: auth.tenant.id, userId: user.id, externalId: user.externalId, email: user.email };
}

export function emailPreferenceRoutes() {
  return createRouter()
    .openapi(get, async (c) => c.json(await getEmailPreferences(ctx(c), meOf(c.get('auth'))), 200))
    .openapi(patch, async (c) =>
      c.json(await updateEmailPreferences(ctx(c), meOf(c.get('auth')), c.req.valid('json')), 200),
    );
}
