import { z } from '@hono/zod-openapi';
import { CursorSchema, IdSchema, LimitSchema, pageOf } from './common.js';

const IsoDateTime = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });

export const AUDIT_KEY_KINDS = ['secret', 'publishable', 'cli'] as const;

export const AuditEntrySchema = z
  .object({
    id: z.uuid(),
    at: z.iso.datetime(),
    actor: z.object({
      userId: z
        .uuid()
        .nullable()
        .openapi({ description: 'The admin’s user id; null for the secret key or CLI.' }),
      name: z
        .string()
        .nullable()
        .openapi({ description: 'The admin’s name as it is now (read, never stored); null once erased.' }),
      keyKind: z.enum(AUDIT_KEY_KINDS).openapi({
        description:
          '`publishable` (the admin console), `secret` (a server), `cli` (`micromentor` on the server).',
      }),
      keyPrefix: z
        .string()
        .nullable()
        .openapi({ description: 'The key’s first characters, e.g. `sk_AbCd…`.' }),
    }),
    action: z.string().openapi({
      description:
        'The route, as `METHOD /path/{param}` (`POST /v1/admin/mentors/{id}/approve`), or `cli …`.',
      example: 'POST /v1/admin/mentors/{id}/approve',
    }),
    target: z
      .string()
      .nullable()
      .openapi({ description: 'What it acted on: the path’s id, or what it created.' }),
    summary: z.object({
      fields: z
        .array(z.string())
        .openapi({ description: 'The fields the request set (never their values).' }),
      values: z
        .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
        .openapi({ description: 'Values of fields the route declares safe (e.g. a key’s `kind`).' }),
    }),
    clientIp: z.string().nullable(),
    requestId: z.string().nullable(),
  })
  .openapi('AuditEntry');

export const AuditPageSchema = pageOf(AuditEntrySchema).openapi('AuditPage');

const filterFields = {
  action: z
    .string()
    .max(300)
    .optional()
    .openapi({ description: 'Only this action, e.g. `POST /v1/admin/keys/rotate`.' }),
  actorId: IdSchema.optional().openapi({ description: 'Only what this admin (user id) did.' }),
  from: IsoDateTime.optional().openapi({ description: 'From this time (inclusive).' }),
  to: IsoDateTime.optional().openapi({ description: 'Until this time (exclusive).' }),
};

export const AuditQuerySchema = z.strictObject({ ...filterFields, limit: LimitSchema, cursor: CursorSchema });

export const AuditExportQuerySchema = z.strictObject({
  ...filterFields,
  format: z
    .enum(['csv', 'jsonl'])
    .default('csv')
    .openapi({ description: '`csv` (RFC 4180, a header row) or `jsonl` (one entry per line).' }),
});
