import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { createMentor, snapshot } from './support/fixtures.js';
import { type CallOptions, call } from './support/http.js';

let ctx: TestContext;
let t: TestTenant;

beforeAll(async () => {
  ctx = await createTestContext();
  t = await ctx.tenant({ origins: ['https://lms.example'] });
});
afterAll(() => ctx.close());

const as = (sub: string, roles?: ('mentor' | 'admin')[]): CallOptions => ({
  key: t.publishableKey,
  origin: 'https://lms.example',
  token: t.token({ sub, ...(roles ? { roles } : {}) }),
});
const admin = () => as('admin-1', ['admin']);
const sk = (): CallOptions => ({ key: t.secretKey });

interface AdminMentor {
  id: string;
  status: string;
  statusReason: string | null;
  approvedAt: string | null;
  openReports: number;
}

async function events(type: string) {
  return ctx.db
    .selectFrom('events')
    .selectAll()
    .where('tenant_id', '=', t.id)
    .where('type', '=', type)
    .execute();
}

describe('mentor vetting', () => {
  it('approves an application from the queue with an admin token and records mentor.approved', async () => {
    const applicant = await createMentor(ctx, t, {
      externalId: 'applicant-1',
      status: 'pending',
      name: 'Ada',
    });
    const queue = await call<{ data: AdminMentor[] }>(ctx.app, 'GET', '/v1/admin/mentors', admin());
    expect(queue.status).toBe(200);
    expect(queue.body.data.map((m) => m.id)).toContain(applicant.id);
    expect(queue.body.data.every((m) => m.status === 'pending')).toBe(true);

    const res = await call<AdminMentor>(
      ctx.app,
      'POST',
      `/v1/admin/mentors/${applicant.id}/approve`,
      admin(),
    );
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('approved');
    expect(res.body.approvedAt).toBe(ctx.clock.now().toISOString());
    const approved = await events('mentor.approved');
    expect(approved.map((e) => e.data.mentorId)).toContain(applicant.id);
    const again = await call<{ code: string }>(
      ctx.app,
      'POST',
      `/v1/admin/mentors/${applicant.id}/approve`,
      sk(),
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('invalid_transition');
  });

  it('refuses learners and mentors (403 admin_required) and changes nothing', async () => {
    const applicant = await createMentor(ctx, t, { externalId: 'applicant-2', status: 'pending' });
    // Users are recorded on first sight; see them once so the snapshot compares only the action.
    for (const who of [as('learner-1'), as('mentor-9', ['mentor'])])
      await call(ctx.app, 'GET', '/v1/me', who);
    const before = await snapshot(ctx);
    for (const who of [as('learner-1'), as('mentor-9', ['mentor'])]) {
      const res = await call<{ code: string }>(
        ctx.app,
        'POST',
        `/v1/admin/mentors/${applicant.id}/approve`,
        who,
      );
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('admin_required');
    }
    const anonymous = await call<{ code: string }>(ctx.app, 'GET', '/v1/admin/mentors', {
      key: t.publishableKey,
      origin: 'https://lms.example',
    });
    expect(anonymous.status).toBe(401);
    expect(await snapshot(ctx)).toEqual(before);
  });

  it('rejects with a reason the applicant sees in /v1/me', async () => {
    const applicant = await createMentor(ctx, t, { externalId: 'applicant-3', status: 'pending' });
    const res = await call<AdminMentor>(ctx.app, 'POST', `/v1/admin/mentors/${applicant.id}/reject`, {
      ...admin(),
      body: { reason: 'Please add more detail about your SQL experience.' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'rejected',
      statusReason: 'Please add more detail about your SQL experience.',
    });
    const me = await call<{ mentorProfile: { status: string; statusReason: string } }>(
      ctx.app,
      'GET',
      '/v1/me',
      as('applicant-3'),
    );
    expect(me.body.mentorProfile).toMatchObject({
      status: 'rejected',
      statusReason: expect.stringContaining('SQL'),
    });
    const noReason = await call<{ code: string }>(
      ctx.app,
      'POST',
      `/v1/admin/mentors/${applicant.id}/reject`,
      {
        ...admin(),
        body: {},
      },
    );
    expect(noReason.status).toBe(400);
  });

  it('pauses, suspends and reinstates along the allowed transitions only', async () => {
    const m = await createMentor(ctx, t, { externalId: 'mentor-pause' });
    const post = (action: string, body?: unknown) =>
      call<AdminMentor & { code: string }>(ctx.app, 'POST', `/v1/admin/mentors/${m.id}/${action}`, {
        ...sk(),
        ...(body ? { body } : {}),
      });
    expect((await post('reinstate')).body.code).toBe('invalid_transition');
    expect((await post('pause', { reason: 'On holiday' })).body).toMatchObject({
      status: 'paused',
      statusReason: 'On holiday',
    });
    // Hidden from learners while paused.
    expect((await call(ctx.app, 'GET', `/v1/mentors/${m.id}`, as('learner-1'))).status).toBe(404);
    expect((await post('suspend', { reason: 'Complaints' })).body.status).toBe('suspended');
    const approve = await post('approve');
    expect(approve.status).toBe(409);
    expect(approve.body.code).toBe('invalid_transition');
    expect((await post('reinstate')).body).toMatchObject({ status: 'approved', statusReason: null });
    expect((await call(ctx.app, 'GET', `/v1/mentors/${m.id}`, as('learner-1'))).status).toBe(200);
    const types = (
      await ctx.db.selectFrom('events').select('type').where('tenant_id', '=', t.id).execute()
    ).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['mentor.paused', 'mentor.suspended', 'mentor.reinstated']));
  });

  it('pages through the queue with a cursor, oldest first', async () => {
    const t2 = await ctx.tenant();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ctx.clock.advance(1000);
      ids.push((await createMentor(ctx, t2, { externalId: `q-${i}`, status: 'pending' })).id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = await call<{ data: AdminMentor[]; nextCursor: string | null }>(
        ctx.app,
        'GET',
        `/v1/admin/mentors?status=pending&limit=2${query}`,
        { key: t2.secretKey },
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((m) => m.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);
    const bad = await call<{ code: string }>(ctx.app, 'GET', '/v1/admin/mentors?cursor=nope', {
      key: t2.secretKey,
    });
    expect(bad.body.code).toBe('invalid_cursor');
  });
});

describe('mentor list: search, filters, paging', () => {
  async function list(tenant: TestTenant, query: string) {
    return call<{ data: (AdminMentor & { name: string })[]; nextCursor: string | null }>(
      ctx.app,
      'GET',
      `/v1/admin/mentors?${query}`,
      { key: tenant.secretKey },
    );
  }

  it('searches names, headlines and skills, filters by status (or any) and skill, and pages the result', async () => {
    const t5 = await ctx.tenant();
    const other = await ctx.tenant();
    const mk = async (
      externalId: string,
      name: string,
      skills: string[],
      status = 'approved',
      headline = 'Mentor',
    ) => {
      ctx.clock.advance(1000);
      return createMentor(ctx, t5, { externalId, name, skills, status, headline });
    };
    const ada = await mk('s-1', 'Ada Lovelace', ['python', 'statistics']);
    const alan = await mk('s-2', 'Alan Turing', ['python', 'cryptography'], 'paused');
    const grace = await mk('s-3', 'Grace Hopper', ['cobol'], 'approved', 'Compiler pioneer, 100% practical');
    const pending = await mk('s-4', 'Adele Goldberg', ['smalltalk'], 'pending');
    // Another program's mentor with the same name and skill is never seen.
    await createMentor(ctx, other, { externalId: 's-1', name: 'Ada Lovelace', skills: ['python'] });

    const names = async (query: string) => (await list(t5, query)).body.data.map((m) => m.name);
    expect(await names('status=any&q=ada')).toEqual(['Ada Lovelace']);
    expect(await names('status=any&q=AD')).toEqual(['Ada Lovelace', 'Adele Goldberg']);
    expect(await names('status=approved&q=ad')).toEqual(['Ada Lovelace']);
    expect(await names('status=any&q=crypto')).toEqual(['Alan Turing']);
    expect(await names('status=any&q=pioneer')).toEqual(['Grace Hopper']);
    // `%` and `_` are literal characters, not wildcards.
    expect(await names('status=any&q=100%25')).toEqual(['Grace Hopper']);
    expect(await names('status=any&q=%25')).toEqual(['Grace Hopper']);
    expect(await names('status=any&q=_')).toEqual([]);
    // The skill filter folds synonyms like the profile does (`Python ` → `python`).
    expect(await names('status=any&skill=Python%20')).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(await names('status=paused&skill=python')).toEqual(['Alan Turing']);
    expect(await names('status=any&skill=python&q=alan')).toEqual(['Alan Turing']);
    expect(await names('q=adele')).toEqual(['Adele Goldberg']);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(t5, `status=any&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.data.map((m) => m.id));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(2);
    expect(seen).toEqual([ada.id, alan.id, grace.id, pending.id]);
  });

  it('answers bad search, filter and paging input with 400 problem+json naming each field', async () => {
    const res = await call<{ code: string; errors: { path: string }[] }>(
      ctx.app,
      'GET',
      `/v1/admin/mentors?status=retired&q=${'x'.repeat(101)}&skill=&limit=0`,
      { key: t.secretKey },
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['query.status', 'query.q', 'query.skill', 'query.limit']),
    );
    const reports = await call<{ errors: { path: string }[] }>(
      ctx.app,
      'GET',
      '/v1/admin/reports?reason=boring',
      {
        key: t.secretKey,
      },
    );
    expect(reports.status).toBe(400);
    expect(reports.headers.get('content-type')).toContain('application/problem+json');
    expect(reports.body.errors.map((e) => e.path)).toEqual(['query.reason']);
  });
});

describe('reports', () => {
  it('lists reports with the mentor’s name, filtered by reason, paged, and only the tenant’s own', async () => {
    const t6 = await ctx.tenant({ origins: ['https://six.example'] });
    const t7 = await ctx.tenant({ origins: ['https://seven.example'] });
    const m = await createMentor(ctx, t6, { externalId: 'rep-1', name: 'Linus' });
    const m7 = await createMentor(ctx, t7, { externalId: 'rep-1', name: 'Other Linus' });
    const report = async (
      tenant: TestTenant,
      origin: string,
      mentorId: string,
      sub: string,
      reason: string,
    ) => {
      ctx.clock.advance(1000);
      const res = await call<{ id: string }>(ctx.app, 'POST', '/v1/reports', {
        key: tenant.publishableKey,
        origin,
        token: tenant.token({ sub }),
        body: { mentorId, reason },
      });
      expect(res.status).toBe(201);
      return res.body.id;
    };
    const a = await report(t6, 'https://six.example', m.id, 'l-a', 'spam');
    const b = await report(t6, 'https://six.example', m.id, 'l-b', 'no_show');
    await report(t7, 'https://seven.example', m7.id, 'l-c', 'spam');

    const spam = await call<{ data: { id: string; mentorName: string; reason: string }[] }>(
      ctx.app,
      'GET',
      '/v1/admin/reports?reason=spam',
      { key: t6.secretKey },
    );
    expect(spam.body.data).toEqual([expect.objectContaining({ id: a, mentorName: 'Linus', reason: 'spam' })]);
    const first = await call<{ data: { id: string }[]; nextCursor: string | null }>(
      ctx.app,
      'GET',
      '/v1/admin/reports?limit=1',
      { key: t6.secretKey },
    );
    expect(first.body.data.map((r) => r.id)).toEqual([a]);
    const second = await call<{ data: { id: string }[]; nextCursor: string | null }>(
      ctx.app,
      'GET',
      `/v1/admin/reports?limit=1&cursor=${first.body.nextCursor}`,
      { key: t6.secretKey },
    );
    expect(second.body.data.map((r) => r.id)).toEqual([b]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('pauses a mentor pending review at the tenant’s reportsToPause open reports', async () => {
    const t3 = await ctx.tenant({ settings: { reportsToPause: 2 }, origins: ['https://three.example'] });
    const m = await createMentor(ctx, t3, { externalId: 'reported' });
    const learner = (sub: string): CallOptions => ({
      key: t3.publishableKey,
      origin: 'https://three.example',
      token: t3.token({ sub }),
    });
    const first = await call<{ id: string; status: string }>(ctx.app, 'POST', '/v1/reports', {
      ...learner('l1'),
      body: { mentorId: m.id, reason: 'inappropriate', details: 'Rude.' },
    });
    expect(first.status).toBe(201);
    expect(first.body.status).toBe('open');
    let row = await ctx.db
      .selectFrom('mentors')
      .select(['status'])
      .where('id', '=', m.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('approved');
    ctx.clock.advance(1000);
    const second = await call(ctx.app, 'POST', '/v1/reports', {
      ...learner('l2'),
      body: { mentorId: m.id, reason: 'no_show' },
    });
    expect(second.status).toBe(201);
    row = await ctx.db
      .selectFrom('mentors')
      .select(['status'])
      .where('id', '=', m.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('paused');
    const view = await call<{ data: AdminMentor[] }>(ctx.app, 'GET', '/v1/admin/mentors?status=paused', {
      key: t3.secretKey,
    });
    expect(view.body.data).toEqual([
      expect.objectContaining({ id: m.id, statusReason: 'reports', openReports: 2 }),
    ]);

    const queue = await call<{ data: { id: string }[] }>(ctx.app, 'GET', '/v1/admin/reports?status=open', {
      key: t3.secretKey,
    });
    expect(queue.body.data.map((r) => r.id)).toEqual([first.body.id, expect.any(String)]);
    const dismissed = await call<{ report: { status: string; resolution: string }; mentor: AdminMentor }>(
      ctx.app,
      'POST',
      `/v1/admin/reports/${first.body.id}/resolve`,
      { key: t3.secretKey, body: { action: 'dismiss', note: 'Not substantiated' } },
    );
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.report).toMatchObject({ status: 'resolved', resolution: 'dismiss' });
    expect(dismissed.body.mentor).toMatchObject({ status: 'paused', openReports: 1 });
    const twice = await call<{ code: string }>(
      ctx.app,
      'POST',
      `/v1/admin/reports/${first.body.id}/resolve`,
      {
        key: t3.secretKey,
        body: { action: 'dismiss' },
      },
    );
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('report_resolved');
    const open = await call<{ data: { id: string }[] }>(ctx.app, 'GET', '/v1/admin/reports', {
      key: t3.secretKey,
    });
    expect(open.body.data).toHaveLength(1);
    const suspended = await call<{ mentor: AdminMentor }>(
      ctx.app,
      'POST',
      `/v1/admin/reports/${open.body.data[0]!.id}/resolve`,
      { key: t3.secretKey, body: { action: 'suspend', note: 'Pattern of no-shows' } },
    );
    expect(suspended.body.mentor).toMatchObject({ status: 'suspended', statusReason: 'Pattern of no-shows' });
  });

  it('refuses a booking that is not the reporter’s with this mentor, and unknown mentors (404, nothing stored)', async () => {
    const m = await createMentor(ctx, t, { externalId: 'reported-2' });
    const pending = await createMentor(ctx, t, { externalId: 'reported-3', status: 'pending' });
    const before = await snapshot(ctx);
    const foreignBooking = await call<{ code: string }>(ctx.app, 'POST', '/v1/reports', {
      ...as('learner-1'),
      body: { mentorId: m.id, bookingId: '5b0c3a9e-0000-4000-8000-000000000000', reason: 'no_show' },
    });
    expect(foreignBooking.status).toBe(404);
    const hidden = await call<{ code: string }>(ctx.app, 'POST', '/v1/reports', {
      ...as('learner-1'),
      body: { mentorId: pending.id, reason: 'spam' },
    });
    expect(hidden.status).toBe(404);
    const bad = await call<{ code: string; errors: { path: string }[] }>(ctx.app, 'POST', '/v1/reports', {
      ...as('learner-1'),
      body: { mentorId: m.id, reason: 'boring', details: 'x'.repeat(2001) },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.path)).toEqual(
      expect.arrayContaining(['body.reason', 'body.details']),
    );
    const bySecret = await call(ctx.app, 'POST', '/v1/reports', {
      ...sk(),
      body: { mentorId: m.id, reason: 'spam' },
    });
    expect(bySecret.status).toBe(401);
    expect(await snapshot(ctx)).toEqual(before);
  });
});

describe('program settings', () => {
  it('reads defaults, merges a partial update and applies new origins at once', async () => {
    const t4 = await ctx.tenant({ origins: ['https://four.example'] });
    const get = await call<Record<string, unknown>>(ctx.app, 'GET', '/v1/admin/settings', {
      key: t4.secretKey,
    });
    expect(get.status).toBe(200);
    expect(get.body).toMatchObject({
      reportsToPause: 3,
      leaderboard: false,
      allowedOrigins: ['https://four.example'],
      branding: { accentColor: null, logoUrl: null, name: null },
    });
    const patched = await call<Record<string, unknown>>(ctx.app, 'PATCH', '/v1/admin/settings', {
      key: t4.secretKey,
      body: {
        sessionLengths: [20],
        branding: { accentColor: '#3355ff' },
        allowedOrigins: ['https://New.example/'],
        reportsToPause: 5,
      },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      sessionLengths: [20],
      reportsToPause: 5,
      allowedOrigins: ['https://new.example'],
      branding: { accentColor: '#3355ff', logoUrl: null },
      formats: ['video', 'call', 'chat'],
    });
    const oldOrigin = await call(ctx.app, 'GET', '/v1/me', {
      key: t4.publishableKey,
      origin: 'https://four.example',
    });
    expect(oldOrigin.status).toBe(403);
    const newOrigin = await call(ctx.app, 'GET', '/v1/me', {
      key: t4.publishableKey,
      origin: 'https://new.example',
    });
    expect(newOrigin.status).toBe(200);
  });

  it('refuses invalid settings with field errors and changes nothing', async () => {
    const before = await snapshot(ctx);
    for (const [body, field] of [
      [{ sessionLengths: [5] }, 'body.sessionLengths.0'],
      [{ formats: [] }, 'body.formats'],
      [{ branding: { accentColor: 'red' } }, 'body.branding.accentColor'],
      [{ branding: { logoUrl: 'http://x.example/logo.png' } }, 'body.branding.logoUrl'],
      [{ allowedOrigins: ['https://x.example/path'] }, 'body.allowedOrigins.0'],
      [{ meetingLinkTemplate: 'https://meet.example/fixed' }, 'body.meetingLinkTemplate'],
      [{ reportsToPause: 0 }, 'body.reportsToPause'],
      [{ tenantId: t.id }, 'body'],
      [{}, 'body'],
    ] as const) {
      const res = await call<{ code: string; errors: { path: string }[] }>(
        ctx.app,
        'PATCH',
        '/v1/admin/settings',
        {
          ...admin(),
          body,
        },
      );
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(
        res.body.errors.map((e) => e.path),
        JSON.stringify(body),
      ).toContain(field);
    }
    expect(await snapshot(ctx)).toEqual(before);
  });
});

describe('key rotation', () => {
  it('issues a new secret key once; the old one works through the overlap and not after', async () => {
    const t5 = await ctx.tenant();
    const rotated = await call<{
      key: string;
      apiKey: { prefix: string; kind: string };
      previousExpireAt: string;
    }>(ctx.app, 'POST', '/v1/admin/keys/rotate', {
      key: t5.secretKey,
      body: { kind: 'secret', overlapHours: 2 },
    });
    expect(rotated.status).toBe(201);
    expect(rotated.body.key).toMatch(/^sk_/);
    expect(rotated.headers.get('cache-control')).toBe('no-store');
    expect(rotated.body.previousExpireAt).toBe(
      new Date(ctx.clock.now().getTime() + 2 * 3600_000).toISOString(),
    );
    const me = (key: string) => call(ctx.app, 'GET', '/v1/me', { key });
    expect((await me(t5.secretKey)).status).toBe(200);
    expect((await me(rotated.body.key)).status).toBe(200);
    ctx.clock.advance(2 * 3600_000 - 1000);
    expect((await me(t5.secretKey)).status).toBe(200);
    ctx.clock.advance(2000);
    expect((await me(t5.secretKey)).status).toBe(401);
    expect((await me(rotated.body.key)).status).toBe(200);

    const list = await call<{ data: { kind: string; active: boolean; prefix: string }[] }>(
      ctx.app,
      'GET',
      '/v1/admin/keys',
      { key: rotated.body.key },
    );
    expect(list.status).toBe(200);
    expect(list.text).not.toContain(rotated.body.key);
    expect(list.text).not.toContain(t5.secretKey);
    expect(list.text).not.toContain(t5.identitySecret);
    const secrets = list.body.data.filter((k) => k.kind === 'secret');
    expect(secrets.map((k) => k.active)).toEqual([true, false]);
    expect(secrets[0]!.prefix).toBe(rotated.body.apiKey.prefix);
  });

  it('rotates the identity secret: tokens signed with either work during the overlap', async () => {
    const t6 = await ctx.tenant({ origins: ['https://six.example'] });
    const rotated = await call<{ key: string }>(ctx.app, 'POST', '/v1/admin/keys/rotate', {
      key: t6.secretKey,
      body: { kind: 'identity' },
    });
    expect(rotated.body.key).toMatch(/^ids_/);
    const { signUserToken } = await import('../src/security/user-token.js');
    const withSecret = (secret: string) =>
      call(ctx.app, 'GET', '/v1/me', {
        key: t6.publishableKey,
        origin: 'https://six.example',
        token: signUserToken({ secret, sub: 'u', name: 'U', ttlSeconds: 600, now: ctx.clock.now() }),
      });
    expect((await withSecret(rotated.body.key)).status).toBe(200);
    expect((await withSecret(t6.identitySecret)).status).toBe(200);
    ctx.clock.advance(24 * 3600_000 + 1000);
    expect((await withSecret(rotated.body.key)).status).toBe(200);
    expect((await withSecret(t6.identitySecret)).status).toBe(401);
  });

  it('refuses bad rotations', async () => {
    for (const body of [
      { kind: 'master' },
      { kind: 'secret', overlapHours: -1 },
      { kind: 'secret', overlapHours: 1000 },
    ]) {
      const res = await call(ctx.app, 'POST', '/v1/admin/keys/rotate', { ...sk(), body });
      expect(res.status).toBe(400);
    }
    const byLearner = await call<{ code: string }>(ctx.app, 'POST', '/v1/admin/keys/rotate', {
      ...as('learner-1'),
      body: { kind: 'secret' },
    });
    expect(byLearner.status).toBe(403);
  });

  it('never hands a key or identity secret to an admin’s browser token (finding 4): 403, and nothing rotated', async () => {
    const t7 = await ctx.tenant({ origins: ['https://seven.example'] });
    const browserAdmin = {
      key: t7.publishableKey,
      origin: 'https://seven.example',
      token: t7.token({ sub: 'seven-admin', roles: ['admin'] }),
    };
    const keysBefore = await ctx.db
      .selectFrom('api_keys')
      .selectAll()
      .where('tenant_id', '=', t7.id)
      .execute();
    for (const kind of ['identity', 'secret', 'publishable']) {
      const res = await call<{ code: string; detail: string; key?: string }>(
        ctx.app,
        'POST',
        '/v1/admin/keys/rotate',
        {
          ...browserAdmin,
          body: { kind },
        },
      );
      expect(res.status, kind).toBe(403);
      expect(res.body.code).toBe('secret_key_required');
      expect(res.body.detail).toContain('micromentor keys rotate');
      expect(res.body.key).toBeUndefined();
    }
    expect(await ctx.db.selectFrom('api_keys').selectAll().where('tenant_id', '=', t7.id).execute()).toEqual(
      keysBefore,
    );
    // Listing prefixes stays open to the console: it reveals nothing.
    expect((await call(ctx.app, 'GET', '/v1/admin/keys', browserAdmin)).status).toBe(200);
  });
});
