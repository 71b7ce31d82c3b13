// The audit log: one entry per successful admin write or export, written by one middleware in the
// request's transaction; append-only in the database; listed and exported by the program.
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isAudited } from '../src/http/audit-trail.js';
import { openApiDocument, operations } from './security/openapi-walk.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { createMentor, mentorInput } from './support/fixtures.js';
import { type CallOptions, type CallResult, call } from './support/http.js';

let ctx: TestContext;
let t: TestTenant;
let other: TestTenant;
let adminUserId: string;
const ORIGIN = 'https://audit.example';
const ADMIN = {
  sub: 'audit-admin',
  name: 'Ada Auditor',
  email: 'ada.auditor@audit.example',
  roles: ['admin' as const],
};

const admin = (): CallOptions => ({ key: t.publishableKey, origin: ORIGIN, token: t.token(ADMIN) });
const secret = (): CallOptions => ({ key: t.secretKey });

interface AuditEntry {
  id: string;
  at: string;
  actor: { userId: string | null; name: string | null; keyKind: string; keyPrefix: string | null };
  action: string;
  target: string | null;
  summary: { fields: string[]; values: Record<string, unknown> };
  clientIp: string | null;
  requestId: string | null;
}

const rows = (tenantId: string) =>
  ctx.db
    .selectFrom('audit_log')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .orderBy('at')
    .orderBy('id')
    .execute();

let hookA: string;
let hookB: string;
let deliveryA: string;
const mentors: Record<string, string> = {};
let reportId: string;

beforeAll(async () => {
  ctx = await createTestContext();
  t = await ctx.tenant({ origins: [ORIGIN] });
  other = await ctx.tenant({ origins: ['https://other.example'] });
  const me = await call<{ user: { id: string } }>(ctx.app, 'GET', '/v1/me', admin());
  expect(me.status, me.text).toBe(200);
  adminUserId = me.body.user.id;

  for (const [name, status] of [
    ['approve', 'pending'],
    ['reject', 'pending'],
    ['pause', 'approved'],
    ['suspend', 'approved'],
    ['reinstate', 'paused'],
    ['reported', 'approved'],
    ['erased', 'approved'],
  ] as const) {
    mentors[name] = (await createMentor(ctx, t, { externalId: `m-${name}`, status })).id;
  }
  for (const url of ['https://hooks.example.com/a', 'https://hooks.example.com/b']) {
    const hook = await call<{ id: string }>(ctx.app, 'POST', '/v1/admin/webhooks', {
      ...secret(),
      body: { url, events: ['request.created'] },
    });
    expect(hook.status).toBe(201);
    if (url.endsWith('/a')) hookA = hook.body.id;
    else hookB = hook.body.id;
  }
  const learner = { key: t.publishableKey, origin: ORIGIN, token: t.token({ sub: 'audit-learner' }) };
  const asked = await call(ctx.app, 'POST', '/v1/requests', {
    ...learner,
    body: { title: 'Help with SQL joins', urgency: 'flexible' },
  });
  expect(asked.status).toBe(201);
  deliveryA = (
    await ctx.db
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('endpoint_id', '=', hookA)
      .executeTakeFirstOrThrow()
  ).id;
  const reported = await call<{ id: string }>(ctx.app, 'POST', '/v1/reports', {
    ...learner,
    body: { mentorId: mentors.reported, reason: 'no_show' },
  });
  expect(reported.status, reported.text).toBe(201);
  reportId = reported.body.id;
});
afterAll(() => ctx.close());
// Each test's entries are later than the ones before (one clock tick would order them by id only).
beforeEach(() => ctx.clock.advance(1000));

const userIdOf = async (externalId: string) =>
  (
    await ctx.db
      .selectFrom('users')
      .select('id')
      .where('tenant_id', '=', t.id)
      .where('external_id', '=', externalId)
      .executeTakeFirstOrThrow()
  ).id;

/**
 * One successful call per audited admin operation, and what its entry must name as target. An
 * audited route of the OpenAPI document without a case here fails the test, so a new admin
 * action cannot go unrecorded unnoticed.
 */
/** The LTI platform the create case made, for the cases that change and remove it. */
let ltiPlatformId = '';

const CASES: Record<string, () => Promise<{ res: CallResult<{ id?: string }>; target: string | null }>> = {
  'POST /v1/admin/webhooks': async () => {
    const res = await call<{ id: string }>(ctx.app, 'POST', '/v1/admin/webhooks', {
      ...admin(),
      body: { url: 'https://hooks.example.com/c', events: ['request.created'], description: 'Ada’s CRM' },
    });
    return { res, target: res.body.id };
  },
  'PATCH /v1/admin/webhooks/{id}': async () => ({
    res: await call(ctx.app, 'PATCH', `/v1/admin/webhooks/${hookA}`, {
      ...admin(),
      body: { description: 'renamed', enabled: true },
    }),
    target: hookA,
  }),
  'DELETE /v1/admin/webhooks/{id}': async () => ({
    res: await call(ctx.app, 'DELETE', `/v1/admin/webhooks/${hookB}`, admin()),
    target: hookB,
  }),
  'POST /v1/admin/webhooks/{id}/rotate-secret': async () => ({
    res: await call(ctx.app, 'POST', `/v1/admin/webhooks/${hookA}/rotate-secret`, { ...admin(), body: {} }),
    target: hookA,
  }),
  'POST /v1/admin/webhooks/{id}/deliveries/{deliveryId}/replay': async () => ({
    res: await call(ctx.app, 'POST', `/v1/admin/webhooks/${hookA}/deliveries/${deliveryA}/replay`, admin()),
    target: hookA,
  }),
  'POST /v1/admin/mentors/{id}/approve': async () => ({
    res: await call(ctx.app, 'POST', `/v1/admin/mentors/${mentors.approve}/approve`, admin()),
    target: mentors.approve!,
  }),
  'POST /v1/admin/mentors/{id}/reject': async () => ({
    res: await call(ctx.app, 'POST', `/v1/admin/mentors/${mentors.reject}/reject`, {
      ...admin(),
      body: { reason: 'Not a fit for Ada' },
    }),
    target: mentors.reject!,
  }),
  'POST /v1/admin/mentors/{id}/pause': async () => ({
    res: await call(ctx.app, 'POST', `/v1/admin/mentors/${mentors.pause}/pause`, {
      ...admin(),
      body: { reason: 'Holiday' },
    }),
    target: mentors.pause!,
  }),
  'POST /v1/admin/mentors/{id}/suspend': async () => ({
    res: await call(ctx.app, 'POST', `/v1/admin/mentors/${mentors.suspend}/suspend`, {
      ...admin(),
      body: { reason: 'Reports' },
    }),
    target: mentors.suspend!,
  }),
  'POST /v1/admin/mentors/{id}/reinstate': async () => ({
    res: await call(ctx.app, 'POST', `/v1/admin/mentors/${mentors.reinstate}/reinstate`, admin()),
    target: mentors.reinstate!,
  }),
  'POST /v1/admin/reports/{id}/resolve': async () => ({
    res: await call(ctx.app, 'POST', `/v1/admin/reports/${reportId}/resolve`, {
      ...admin(),
      body: { action: 'dismiss', note: 'Spoke with Ada' },
    }),
    target: reportId,
  }),
  'PATCH /v1/admin/settings': async () => ({
    res: await call(ctx.app, 'PATCH', '/v1/admin/settings', { ...admin(), body: { allowGuests: true } }),
    target: null,
  }),
  'POST /v1/admin/keys/rotate': async () => {
    const res = await call<{ apiKey: { id: string } }>(ctx.app, 'POST', '/v1/admin/keys/rotate', {
      ...secret(),
      body: { kind: 'publishable', overlapHours: 1 },
    });
    return { res: res as CallResult<{ id?: string }>, target: null };
  },
  'GET /v1/admin/exports/{dataset}': async () => ({
    res: await call(
      ctx.app,
      'GET',
      '/v1/admin/exports/requests.csv?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z',
      admin(),
    ),
    target: 'requests.csv',
  }),
  'GET /v1/admin/users/{userId}/export': async () => ({
    res: await call(ctx.app, 'GET', `/v1/admin/users/${await userIdOf('audit-learner')}/export`, admin()),
    target: await userIdOf('audit-learner'),
  }),
  'POST /v1/admin/users/{userId}/erase': async () => {
    const seen = await call(ctx.app, 'GET', '/v1/me', {
      key: t.publishableKey,
      origin: ORIGIN,
      token: t.token({ sub: 'audit-erased', name: 'Eve Erased' }),
    });
    expect(seen.status).toBe(200);
    const userId = await userIdOf('audit-erased');
    return {
      res: await call(ctx.app, 'POST', `/v1/admin/users/${userId}/erase`, {
        ...admin(),
        body: { confirm: 'erase' },
      }),
      target: userId,
    };
  },
  'POST /v1/admin/mentors/{id}/erase': async () => ({
    res: await call(ctx.app, 'POST', `/v1/admin/mentors/${mentors.erased}/erase`, {
      ...admin(),
      body: { confirm: 'erase' },
    }),
    target: mentors.erased!,
  }),
  'POST /v1/admin/lti/platforms': async () => {
    const res = await call<{ id: string }>(ctx.app, 'POST', '/v1/admin/lti/platforms', {
      ...admin(),
      body: {
        name: 'Moodle',
        issuer: 'https://moodle.example.edu',
        clientId: 'audit-client',
        deploymentIds: ['1'],
        authLoginUrl: 'https://moodle.example.edu/mod/lti/auth.php',
        authTokenUrl: 'https://moodle.example.edu/mod/lti/token.php',
        jwksUrl: 'https://moodle.example.edu/mod/lti/certs.php',
      },
    });
    ltiPlatformId = res.body.id;
    return { res: res as CallResult<{ id?: string }>, target: ltiPlatformId };
  },
  'PATCH /v1/admin/lti/platforms/{id}': async () => ({
    res: await call(ctx.app, 'PATCH', `/v1/admin/lti/platforms/${ltiPlatformId}`, {
      ...admin(),
      body: { deploymentIds: ['1', '2'] },
    }),
    target: ltiPlatformId,
  }),
  'DELETE /v1/admin/lti/platforms/{id}': async () => ({
    res: await call(ctx.app, 'DELETE', `/v1/admin/lti/platforms/${ltiPlatformId}`, admin()),
    target: ltiPlatformId,
  }),
  'POST /v1/admin/lti/registration-links': async () => ({
    res: await call(ctx.app, 'POST', '/v1/admin/lti/registration-links', admin()),
    target: null,
  }),
  'GET /v1/admin/audit/export': async () => ({
    res: await call(ctx.app, 'GET', '/v1/admin/audit/export?format=jsonl', admin()),
    target: null,
  }),
};

describe('audit log: one entry per admin action', () => {
  it('has a case for every audited admin operation of the OpenAPI document, each marked x-audited', async () => {
    const doc = await openApiDocument(ctx.app);
    const audited = operations(doc).filter(
      (op) => op.path.startsWith('/v1/admin/') && isAudited(op.method, op.path),
    );
    expect(audited.length).toBeGreaterThanOrEqual(15);
    expect(Object.keys(CASES).sort()).toEqual(audited.map((op) => op.key).sort());
    for (const op of audited) {
      const operation = doc.paths[op.path]![op.method.toLowerCase()] as Record<string, unknown>;
      expect(operation['x-audited'], op.key).toBe(true);
    }
    // Reads are not recorded (exports aside).
    for (const op of operations(doc).filter(
      (o) => o.path.startsWith('/v1/admin/') && !isAudited(o.method, o.path),
    )) {
      expect(op.method, op.key).toBe('GET');
    }
  });

  for (const [action, run] of Object.entries(CASES)) {
    it(`records ${action} once: who, when, what, from where, the request id`, async () => {
      const before = (await rows(t.id)).length;
      const { res, target } = await run();
      expect(res.status, res.text).toBeGreaterThanOrEqual(200);
      expect(res.status, res.text).toBeLessThan(300);
      const after = await rows(t.id);
      expect(after).toHaveLength(before + 1);
      const entry = after.at(-1)!;
      const bySecret = action === 'POST /v1/admin/keys/rotate';
      expect(entry).toMatchObject({
        action,
        target,
        actor_user_id: bySecret ? null : adminUserId,
        actor_key_kind: bySecret ? 'secret' : 'publishable',
        actor_key_prefix: `${(bySecret ? t.secretKey : t.publishableKey).slice(0, 7)}…`,
        request_id: res.headers.get('x-request-id'),
      });
      expect(entry.at.toISOString()).toBe(ctx.clock.now().toISOString());
      // No personal name, email or free text of the request: ids, field names, declared values.
      const stored = JSON.stringify(entry);
      for (const personal of [
        'Ada',
        'ada.auditor',
        'Eve',
        'Erin',
        'Holiday',
        'renamed',
        'hooks.example.com',
      ]) {
        expect(stored, action).not.toContain(personal);
      }
    });
  }

  it('keeps the changed fields, and the values a route declares (a key’s kind), never secrets', async () => {
    const res = await call<{ key: string }>(ctx.app, 'POST', '/v1/admin/keys/rotate', {
      ...secret(),
      body: { kind: 'secret', overlapHours: 2 },
    });
    expect(res.status).toBe(201);
    const entry = (await rows(t.id)).at(-1)!;
    expect(entry.summary).toEqual({
      fields: ['kind', 'overlapHours'],
      values: { kind: 'secret', overlapHours: 2 },
    });
    expect(JSON.stringify(await rows(t.id))).not.toContain(res.body.key);
    t.secretKey = res.body.key;
  });

  it('records the program’s changes to the mentor directory (secret key), not a mentor’s own edits', async () => {
    const before = (await rows(t.id)).length;
    const created = await call<{ id: string }>(ctx.app, 'POST', '/v1/mentors', {
      ...secret(),
      body: mentorInput({ externalId: 'm-directory', name: 'Dora Directory' }),
    });
    expect(created.status, created.text).toBe(201);
    const paused = await call(ctx.app, 'PATCH', `/v1/mentors/${created.body.id}`, {
      ...secret(),
      body: { status: 'paused' },
    });
    expect(paused.status, paused.text).toBe(200);
    const ownEdit = await call(ctx.app, 'PATCH', `/v1/mentors/${created.body.id}`, {
      key: t.publishableKey,
      origin: ORIGIN,
      token: t.token({ sub: 'm-directory', name: 'Dora Directory', roles: ['mentor'] }),
      body: { headline: 'SQL and dbt' },
    });
    expect(ownEdit.status, ownEdit.text).toBe(200);
    const removed = await call(ctx.app, 'DELETE', `/v1/mentors/${created.body.id}`, secret());
    expect(removed.status, removed.text).toBe(204);
    // One clock tick: entries of the same instant are in no particular order.
    const added = (await rows(t.id)).slice(before);
    const byAction = Object.fromEntries(added.map((e) => [e.action, e]));
    expect(Object.keys(byAction).sort()).toEqual([
      'DELETE /v1/mentors/{id}',
      'PATCH /v1/mentors/{id}',
      'POST /v1/mentors',
    ]);
    for (const entry of added)
      expect(entry).toMatchObject({ target: created.body.id, actor_key_kind: 'secret' });
    // The fields set (defaults included) and the one value the route lets in; never the texts.
    expect(byAction['POST /v1/mentors']!.summary).toMatchObject({
      fields: expect.arrayContaining(['externalId', 'name', 'bio', 'status']),
      values: { status: 'approved' },
    });
    expect(byAction['PATCH /v1/mentors/{id}']!.summary).toEqual({
      fields: ['status'],
      values: { status: 'paused' },
    });
    expect(JSON.stringify(added)).not.toContain('Dora');
  });

  it('records nothing for a refused or failed admin request', async () => {
    const before = await rows(t.id);
    const twice = await call(ctx.app, 'POST', `/v1/admin/mentors/${mentors.approve}/approve`, admin());
    expect(twice.status).toBe(409);
    const invalid = await call(ctx.app, 'PATCH', '/v1/admin/settings', {
      ...admin(),
      body: { allowGuests: 'yes' },
    });
    expect(invalid.status).toBe(400);
    const byLearner = await call(ctx.app, 'PATCH', '/v1/admin/settings', {
      key: t.publishableKey,
      origin: ORIGIN,
      token: t.token({ sub: 'audit-learner' }),
      body: { allowGuests: false },
    });
    expect(byLearner.status).toBe(403);
    expect(await rows(t.id)).toEqual(before);
  });

  it('records the client address as the rate limiter sees it', async () => {
    const res = await ctx.app.request(
      '/v1/admin/settings',
      {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${t.secretKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ allowGuests: false }),
      },
      { incoming: { socket: { remoteAddress: '198.51.100.23' } } },
    );
    expect(res.status).toBe(200);
    expect((await rows(t.id)).at(-1)!.client_ip).toBe('198.51.100.23');
  });
});

describe('audit log: append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    const before = await rows(t.id);
    expect(before.length).toBeGreaterThan(0);
    await expect(
      sql`update audit_log set action = 'nothing' where tenant_id = ${t.id}`.execute(ctx.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log where tenant_id = ${t.id}`.execute(ctx.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`truncate audit_log`.execute(ctx.db)).rejects.toThrow(/append-only/);
    expect(await rows(t.id)).toEqual(before);
  });

  it('has no route that changes an entry', async () => {
    const doc = await openApiDocument(ctx.app);
    const auditRoutes = operations(doc).filter((op) => op.path.startsWith('/v1/admin/audit'));
    expect(auditRoutes.map((op) => op.key).sort()).toEqual([
      'GET /v1/admin/audit',
      'GET /v1/admin/audit/export',
    ]);
    const entry = (await rows(t.id))[0]!;
    for (const method of ['PATCH', 'PUT', 'DELETE', 'POST']) {
      const res = await call(ctx.app, method, `/v1/admin/audit/${entry.id}`, { ...secret(), body: {} });
      expect(res.status, method).toBe(404);
    }
  });
});

describe('GET /v1/admin/audit and /export', () => {
  it('lists newest first by keyset pages, with the admin’s name as it is now', async () => {
    const all = await rows(t.id);
    const seen: AuditEntry[] = [];
    let cursor: string | null = null;
    do {
      const page: CallResult<{ data: AuditEntry[]; nextCursor: string | null }> = await call(
        ctx.app,
        'GET',
        `/v1/admin/audit?limit=4${cursor ? `&cursor=${cursor}` : ''}`,
        admin(),
      );
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(4);
      seen.push(...page.body.data);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.map((e) => e.id)).toEqual([...all].reverse().map((r) => r.id));
    const byAdmin = seen.find((e) => e.actor.userId === adminUserId)!;
    expect(byAdmin.actor).toMatchObject({ name: 'Ada Auditor', keyKind: 'publishable' });
    // The name is read, not stored: a renamed admin shows the new name on old entries.
    await call(ctx.app, 'GET', '/v1/me', { ...admin(), token: t.token({ ...ADMIN, name: 'Ada Renamed' }) });
    const again = await call<{ data: AuditEntry[] }>(
      ctx.app,
      'GET',
      `/v1/admin/audit?actorId=${adminUserId}`,
      secret(),
    );
    expect(again.body.data.length).toBeGreaterThan(0);
    expect(
      again.body.data.every((e) => e.actor.name === 'Ada Renamed' && e.actor.userId === adminUserId),
    ).toBe(true);
  });

  it('filters by action and time range, and pages stay in the tenant', async () => {
    const approve = await call<{ data: AuditEntry[] }>(
      ctx.app,
      'GET',
      `/v1/admin/audit?action=${encodeURIComponent('POST /v1/admin/mentors/{id}/approve')}`,
      admin(),
    );
    expect(approve.body.data.map((e) => e.target)).toEqual([mentors.approve]);
    const now = ctx.clock.now().getTime();
    const future = await call<{ data: AuditEntry[] }>(
      ctx.app,
      'GET',
      `/v1/admin/audit?from=${new Date(now + 1000).toISOString()}`,
      admin(),
    );
    expect(future.body.data).toEqual([]);
    const past = await call<{ data: AuditEntry[] }>(
      ctx.app,
      'GET',
      '/v1/admin/audit?to=2026-11-25T12:00:00Z',
      admin(),
    );
    expect(past.body.data).toEqual([]);

    // The other tenant's log holds only its own (nothing yet), whatever the filter.
    const otherAdmin = {
      key: other.publishableKey,
      origin: 'https://other.example',
      token: other.token(ADMIN),
    };
    const theirs = await call<{ data: AuditEntry[] }>(ctx.app, 'GET', '/v1/admin/audit', otherAdmin);
    expect(theirs.status).toBe(200);
    expect(theirs.body.data).toEqual([]);
    const byOurAdmin = await call<{ data: AuditEntry[] }>(
      ctx.app,
      'GET',
      `/v1/admin/audit?actorId=${adminUserId}`,
      otherAdmin,
    );
    expect(byOurAdmin.body.data).toEqual([]);
    const theirExport = await call(ctx.app, 'GET', '/v1/admin/audit/export?format=jsonl', otherAdmin);
    expect(theirExport.text.split('\n').filter(Boolean)).toHaveLength(0);
  });

  it('refuses bad filters and cursors with 400 problem+json', async () => {
    for (const query of ['?actorId=nope', '?from=yesterday', '?cursor=bogus', '?limit=0', '?extra=1']) {
      const res = await call<{ code: string }>(ctx.app, 'GET', `/v1/admin/audit${query}`, admin());
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type'), query).toContain('application/problem+json');
    }
    const res = await call(ctx.app, 'GET', '/v1/admin/audit/export?format=xml', admin());
    expect(res.status).toBe(400);
  });

  it('exports CSV (with a header) and JSON lines, newest first', async () => {
    const count = (await rows(t.id)).length;
    const csv = await call(ctx.app, 'GET', '/v1/admin/audit/export', admin());
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csv.text.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(
      'id,at,actor_user_id,actor_name,actor_key_kind,actor_key_prefix,action,target,fields,values,client_ip,request_id',
    );
    // The log as it was when asked: this export's own entry is written after, and not in it.
    expect(lines).toHaveLength(1 + count);
    expect(await rows(t.id)).toHaveLength(count + 1);

    const jsonl = await call(ctx.app, 'GET', '/v1/admin/audit/export?format=jsonl', admin());
    expect(jsonl.headers.get('content-type')).toContain('application/jsonl');
    const entries = jsonl.text
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as AuditEntry);
    expect(entries).toHaveLength(count + 1);
    // Newest first: the CSV export above leads.
    expect(entries[0]!.action).toBe('GET /v1/admin/audit/export');
    expect(entries.map((e) => e.at)).toEqual([...entries.map((e) => e.at)].sort().reverse());
  });
});
