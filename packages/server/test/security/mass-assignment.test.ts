import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestTenant } from '../support/context.js';
import { createMentor, snapshot } from '../support/fixtures.js';
import { type CallOptions, call } from '../support/http.js';
import {
  type ApiOperation,
  declaredFields,
  fillPath,
  type OpenApiDoc,
  openApiDocument,
  openObjects,
  operations,
} from './openapi-walk.js';

let ctx: TestContext;
let t: TestTenant;
let doc: OpenApiDoc;
let ops: ApiOperation[];

/** Fields a caller must never set for itself: ownership, identity, state, server-kept dates. */
const PROTECTED = {
  id: '5b0c3a9e-0000-4000-8000-000000000001',
  tenantId: '5b0c3a9e-0000-4000-8000-000000000002',
  learnerId: '5b0c3a9e-0000-4000-8000-000000000003',
  reporterId: '5b0c3a9e-0000-4000-8000-000000000004',
  userId: '5b0c3a9e-0000-4000-8000-000000000005',
  status: 'approved',
  roles: ['admin'],
  createdAt: '2020-01-01T00:00:00Z',
  approvedAt: '2020-01-01T00:00:00Z',
  statusReason: 'mine',
  stats: { sessions: 1000 },
};

beforeAll(async () => {
  ctx = await createTestContext();
  t = await ctx.tenant({ origins: ['https://mass.example'], settings: { allowGuests: true } });
  doc = await openApiDocument(ctx.app);
  ops = operations(doc);
});
afterAll(() => ctx.close());

const learner = (sub = 'mass-learner'): CallOptions => ({
  key: t.publishableKey,
  origin: 'https://mass.example',
  token: t.token({ sub }),
});

describe('mass assignment, generated from /openapi.json', () => {
  it('declares every JSON request body (and every object inside it) closed to undeclared keys', () => {
    const withBody = ops.filter((op) => op.body);
    expect(withBody.length).toBeGreaterThan(5);
    const open = withBody.flatMap((op) => openObjects(doc, op.body!).map((at) => `${op.key} ${at}`));
    expect(open, 'use z.strictObject for request bodies').toEqual([]);
  });

  it('refuses a learner’s undeclared protected fields on every body a learner may send (400, nothing changed)', async () => {
    await call(ctx.app, 'GET', '/v1/me', learner());
    const mentor = await createMentor(ctx, t, { externalId: 'mass-mentor' });
    const before = await snapshot(ctx);
    const targets = ops.filter((op) => op.body && op.roles?.includes('learner'));
    expect(targets.length).toBeGreaterThan(3);
    for (const op of targets) {
      const declared = declaredFields(doc, op.body!);
      const injected = Object.fromEntries(Object.entries(PROTECTED).filter(([name]) => !declared.has(name)));
      const res = await call<{ code: string; errors: { path: string; message: string }[] }>(
        ctx.app,
        op.method,
        fillPath(op.path, mentor.id),
        { ...learner(), body: injected },
      );
      expect(res.status, op.key).toBe(400);
      expect(res.body.code, op.key).toBe('validation_failed');
      // Each refused field is named by its own path (http/errors.ts expands unrecognized keys).
      const paths = res.body.errors.map((e) => e.path);
      for (const name of Object.keys(injected)) expect(paths, `${op.key} ${name}`).toContain(`body.${name}`);
    }
    expect(await snapshot(ctx)).toEqual(before);
  });

  it('refuses a declared privileged field (a mentor setting their own status) with 400 and changes nothing', async () => {
    const own = await createMentor(ctx, t, { externalId: 'mass-own', status: 'pending' });
    const asOwner = { ...learner('mass-own'), token: t.token({ sub: 'mass-own', roles: ['mentor'] }) };
    await call(ctx.app, 'GET', '/v1/me', asOwner);
    const before = await snapshot(ctx);
    for (const body of [{ status: 'approved' }, { externalId: 'someone-else' }]) {
      const res = await call<{ code: string }>(ctx.app, 'PATCH', `/v1/mentors/${own.id}`, {
        ...asOwner,
        body,
      });
      expect(res.status).toBe(400);
    }
    expect(await snapshot(ctx)).toEqual(before);
  });
});
