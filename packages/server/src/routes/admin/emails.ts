import { z } from '@hono/zod-openapi';
import { getEmailForAdmin, listEmailsForAdmin } from '../../domain/email/admin-view.js';
import { ctx } from '../../http/atomic.js';
import { pageBody, withCursor } from '../../http/cursor.js';
import { createRouter } from '../../http/router.js';
import {
  AdminEmailDetailSchema,
  AdminEmailPageSchema,
  AdminEmailsQuerySchema,
} from '../../schemas/admin-emails.js';
import { IdParamSchema, jsonResponse, notFoundError } from '../../schemas/common.js';
import { adminRoute } from './admin-route.js';

const EmailCursorSchema = z.strictObject({ createdAt: z.iso.datetime(), id: z.uuid() });

const list = adminRoute({
  method: 'get',
  path: '/v1/admin/emails',
  summary: 'Email sent by the program',
  description:
    'Every message the program sent or tried to send, newest first, with its attempt count and the ' +
    'last SMTP reply; `unaddressed` ones could not be sent (the recipient has no address). Filter by ' +
    '`status`, `kind` or a part of the address (`to`).',
  request: { query: AdminEmailsQuerySchema },
  responses: { 200: jsonResponse(AdminEmailPageSchema, 'A page of messages.') },
});

const get = adminRoute({
  method: 'get',
  path: '/v1/admin/emails/{id}',
  summary: 'One email with its attempts',
  description:
    'The message as sent: plain text, HTML (render it sandboxed), the iCalendar invitation, Reply-To, ' +
    'and every attempt with the SMTP server’s reply.',
  request: { params: IdParamSchema },
  responses: { 200: jsonResponse(AdminEmailDetailSchema, 'The message.'), ...notFoundError },
});

export function adminEmailRoutes() {
  return createRouter()
    .openapi(list, async (c) => {
      const query = withCursor(c.req.valid('query'), EmailCursorSchema);
      const tenantId = c.get('auth').tenant.id;
      return c.json(pageBody(await listEmailsForAdmin(ctx(c), { ...query, tenantId })), 200);
    })
    .openapi(get, async (c) =>
      c.json(await getEmailForAdmin(ctx(c), c.get('auth').tenant.id, c.req.valid('param').id), 200),
    );
}
