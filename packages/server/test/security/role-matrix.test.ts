import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestTenant } from '../support/context.js';
import { type CallOptions, call } from '../support/http.js';
import {
  type ApiOperation,
  fillPath,
  openApiDocument,
  operations,
  ROLES,
  type Role,
} from './openapi-walk.js';

let ctx: TestContext;
let t: TestTenant;
let ops: ApiOperation[];

beforeAll(async () => {
  ctx = await createTestContext();
  // Guests allowed so that the guest-session route answers on its own terms, not the setting's.
  t = await ctx.tenant({ origins: ['https://matrix.example'], settings: { allowGuests: true } });
  ops = operations(await openApiDocument(ctx.app));
});
afterAll(() => ctx.close());

function credentials(role: Role): CallOptions {
  const browser = { key: t.publishableKey, origin: 'https://matrix.example' };
  switch (role) {
    case 'public':
      return browser;
    case 'learner':
      return { ...browser, token: t.token({ sub: 'matrix-learner' }) };
    case 'mentor':
      return { ...browser, token: t.token({ sub: 'matrix-mentor', roles: ['mentor'] }) };
    case 'admin':
      return { ...browser, token: t.token({ sub: 'matrix-admin', roles: ['admin'] }) };
    case 'secret':
      return { key: t.secretKey };
  }
}

/**
 * Each route is called with an unknown id and an empty JSON body: an allowed caller gets past
 * the role gate (to validation, 404 or the answer itself), a refused one is stopped at it (401/403).
 */
async function callAs(op: ApiOperation, options: CallOptions) {
  if (op.streams) {
    // A live stream never ends: the status (and the gate behind it) is all this suite needs.
    const headers: Record<string, string> = {};
    if (options.key) headers.Authorization = `Bearer ${options.key}`;
    if (options.origin) headers.Origin = options.origin;
    if (options.token) headers['X-User-Token'] = options.token;
    const res = await ctx.app.request(fillPath(op.path), { method: op.method, headers });
    const body = res.headers.get('content-type')?.includes('json')
      ? ((await res.json()) as { code?: string })
      : {};
    if (!res.bodyUsed) await res.body?.cancel();
    return { status: res.status, body };
  }
  return call<{ code?: string }>(ctx.app, op.method, fillPath(op.path), {
    ...options,
    ...(op.body ? { body: {} } : {}),
  });
}

describe('role matrix, generated from /openapi.json', () => {
  it('finds the routes, and every one declares its roles (x-roles) with known names', () => {
    expect(ops.length).toBeGreaterThan(20);
    const undeclared = ops.filter((op) => !op.roles?.length).map((op) => op.key);
    expect(undeclared, 'routes without x-roles (use access() from schemas/common.ts)').toEqual([]);
    for (const op of ops) for (const role of op.roles!) expect(ROLES, op.key).toContain(role);
  });

  it('answers every route with no credentials with 401', async () => {
    for (const op of ops) {
      const res = await callAs(op, {});
      expect(res.status, op.key).toBe(401);
    }
  });

  it('lets exactly the declared roles past the gate', async () => {
    const failures: string[] = [];
    for (const op of ops) {
      for (const role of ROLES) {
        const res = await callAs(op, credentials(role));
        const refused = res.status === 401 || res.status === 403;
        const allowed = op.roles!.includes(role);
        if (allowed === refused) {
          failures.push(
            `${op.key} as ${role}: ${res.status} ${res.body?.code ?? ''} (declared ${op.roles!.join(', ')})`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('keeps secret-revealing routes (x-secret-key-only) from every browser credential, an admin’s included, pointing to the CLI and SDK', async () => {
    const doc = await openApiDocument(ctx.app);
    const secretOnly = ops.filter(
      (op) =>
        (doc.paths[op.path]![op.method.toLowerCase()] as Record<string, unknown>)['x-secret-key-only'] ===
        true,
    );
    expect(secretOnly.map((op) => op.key)).toContain('POST /v1/admin/keys/rotate');
    for (const op of secretOnly) {
      expect(op.roles, op.key).toEqual(['secret']);
      const res = await call<{ code?: string; detail?: string }>(ctx.app, op.method, fillPath(op.path), {
        ...credentials('admin'),
        body: { kind: 'identity' },
      });
      expect(res.status, op.key).toBe(403);
      expect(res.headers.get('content-type'), op.key).toContain('application/problem+json');
      expect(res.body.code, op.key).toBe('secret_key_required');
      expect(res.body.detail, op.key).toContain('micromentor keys rotate');
      expect(res.body.detail, op.key).toContain('SDK');
    }
  });
});
