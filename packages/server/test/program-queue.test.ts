import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REMATCH_WAITING_JOB } from '../src/domain/requests/waiting-jobs.js';
import { jobHandlers } from '../src/jobs/handlers.js';
import { createWorker, type Worker } from '../src/jobs/worker.js';
import { asLearner, book, bookableMentor, weekly } from './support/booking-fixtures.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { createMentor, userIdOf } from './support/fixtures.js';
import { type CallOptions, type CallResult, call } from './support/http.js';
import { asMentor } from './support/thread-fixtures.js';

interface Problem {
  code?: string;
}
interface RequestBody {
  id: string;
  status: string;
  matchedMentorId: string | null;
  queuedAt?: string;
  waitingSince?: string;
  matchFoundAt?: string;
  instantHelpAvailable?: boolean;
}
interface Created {
  request: RequestBody;
  matches: { mentor: { id: string } }[];
  instantHelpAvailable?: boolean;
}
interface QueueItem {
  request: { id: string; title: string };
  learner: { name: string };
  queuedAt: string;
  reason: string;
}
interface QueuePage {
  data: QueueItem[];
  nextCursor: string | null;
}

let ctx: TestContext;
let worker: Worker;
const ALL_WEEK = {
  weekly: weekly('00:00', '24:00', ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']),
  minNoticeMinutes: 0,
};
const VIOLIN = {
  title: 'My violin bow squeaks on the E string',
  details: 'Rosin, bow pressure, violin technique: what am I doing wrong?',
  skills: ['violin'],
  urgency: 'this_week',
};
const VIOLIN_MENTOR = {
  name: 'Vera Violin',
  headline: 'Violinist and violin teacher',
  bio: 'I teach violin technique: bow pressure, rosin, intonation on the violin.',
  skills: ['violin', 'music'],
};

beforeAll(async () => {
  ctx = await createTestContext();
  worker = createWorker({ db: ctx.db, clock: ctx.clock, handlers: jobHandlers() });
});
afterAll(() => ctx.close());
beforeEach(() => ctx.clock.set('2026-11-25T12:00:00Z'));

/** A tenant whose SQL mentors (bookable all week) fit nothing about the violin. */
async function sqlProgram(mentors = 2): Promise<{ tenant: TestTenant; mentorIds: string[] }> {
  const tenant = await ctx.tenant();
  const mentorIds: string[] = [];
  for (let i = 0; i < mentors; i++) {
    const m = await bookableMentor(ctx, tenant, ALL_WEEK, {
      name: `Mentor sql-${i}`,
      externalId: `sql-${i}`,
    });
    mentorIds.push(m.id);
  }
  return { tenant, mentorIds };
}

async function ask(tenant: TestTenant, body: Record<string, unknown> = VIOLIN, learner = 'learner-1') {
  const res = await call<Created>(ctx.app, 'POST', '/v1/requests', { ...asLearner(tenant, learner), body });
  expect(res.status, res.text).toBe(201);
  return res.body;
}

const post = <T>(path: string, options: CallOptions) => call<T & Problem>(ctx.app, 'POST', path, options);

function expectProblem(res: CallResult<Problem>, status: number, code: string) {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.body.code).toBe(code);
}

async function eventsOf(tenantId: string, type: string) {
  return ctx.db
    .selectFrom('events')
    .select(['data', 'user_ids'])
    .where('tenant_id', '=', tenantId)
    .where('type', '=', type)
    .orderBy('id')
    .execute();
}

async function mailsLike(tenantId: string, cause: string) {
  return ctx.db
    .selectFrom('email_messages')
    .select(['subject', 'text_body', 'kind'])
    .where('tenant_id', '=', tenantId)
    .where('cause', 'like', cause)
    .execute();
}

describe('nobody fits', () => {
  it('answers with no matches, and says whether instant help could reach someone now', async () => {
    const { tenant } = await sqlProgram();
    const created = await ask(tenant);
    expect(created.matches).toEqual([]);
    expect(created.instantHelpAvailable).toBe(false);
    expect(await call(ctx.app, 'GET', `/v1/requests/${created.request.id}`, asLearner(tenant))).toMatchObject(
      {
        status: 200,
        body: { instantHelpAvailable: false },
      },
    );

    // A violinist at their weekly cap is no match, but online and free right now: instant help works.
    const vera = await bookableMentor(
      ctx,
      tenant,
      { ...ALL_WEEK, maxPerWeek: 1 },
      { ...VIOLIN_MENTOR, externalId: 'vera' },
    );
    const booked = await book(ctx, tenant, { mentorId: vera.id, start: '2026-11-26T12:00:00Z' }, 'learner-9');
    expect(booked.status, booked.text).toBe(201);
    const online = await call(ctx.app, 'PUT', '/v1/me/presence', {
      ...asMentor(tenant, 'vera'),
      body: { availableNow: true },
    });
    expect(online.status, online.text).toBe(200);
    const again = await ask(tenant, VIOLIN, 'learner-2');
    expect(again.matches).toEqual([]);
    expect(again.instantHelpAvailable).toBe(true);
    const got = await call<RequestBody>(
      ctx.app,
      'GET',
      `/v1/requests/${again.request.id}`,
      asLearner(tenant, 'learner-2'),
    );
    expect(got.body.instantHelpAvailable).toBe(true);

    // A request that has matches does not carry it.
    const sqlAsk = await ask(
      tenant,
      { title: 'My SQL join returns duplicates', skills: ['sql'] },
      'learner-3',
    );
    expect(sqlAsk.matches.length).toBeGreaterThan(0);
    expect(sqlAsk).not.toHaveProperty('instantHelpAvailable');
  });
});

describe('ask the program', () => {
  it('queues the learner’s request once; admins and approved mentors see it, learners get 403', async () => {
    const { tenant } = await sqlProgram(1);
    const { request } = await ask(tenant);
    const res = await post<RequestBody>(`/v1/requests/${request.id}/ask-program`, asLearner(tenant));
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ id: request.id, status: 'open', queuedAt: '2026-11-25T12:00:00.000Z' });
    ctx.clock.set('2026-11-25T12:05:00Z');
    const again = await post<RequestBody>(`/v1/requests/${request.id}/ask-program`, asLearner(tenant));
    expect(again.body.queuedAt).toBe('2026-11-25T12:00:00.000Z');
    const queued = await eventsOf(tenant.id, 'request.queued');
    expect(queued).toHaveLength(1);
    expect(queued[0]!.data).toMatchObject({ requestId: request.id, title: VIOLIN.title });

    const admin = {
      ...asLearner(tenant, 'admin-1'),
      token: tenant.token({ sub: 'admin-1', roles: ['admin'] }),
    };
    for (const who of [admin, asMentor(tenant, 'sql-0'), { key: tenant.secretKey }]) {
      const page = await call<QueuePage>(ctx.app, 'GET', '/v1/program-queue', who);
      expect(page.status, page.text).toBe(200);
      expect(page.body.data).toEqual([
        {
          request: expect.objectContaining({ id: request.id, title: VIOLIN.title, skills: ['violin'] }),
          learner: { name: 'Learner learner-1' },
          queuedAt: '2026-11-25T12:00:00.000Z',
          reason: 'learner_asked',
        },
      ]);
    }
    expectProblem(
      await call<Problem>(ctx.app, 'GET', '/v1/program-queue', asLearner(tenant, 'learner-2')),
      403,
      'mentor_or_admin_required',
    );
    // A mentor not approved (yet) sees nothing; another tenant's admin sees its own (empty) queue.
    await createMentor(ctx, tenant, { externalId: 'pending-1', status: 'pending' } as never);
    const pending = await call<QueuePage>(ctx.app, 'GET', '/v1/program-queue', asMentor(tenant, 'pending-1'));
    expect(pending.body.data).toEqual([]);
    const other = await ctx.tenant();
    const otherAdmin = {
      ...asLearner(other, 'admin-1'),
      token: other.token({ sub: 'admin-1', roles: ['admin'] }),
    };
    expect((await call<QueuePage>(ctx.app, 'GET', '/v1/program-queue', otherAdmin)).body.data).toEqual([]);
  });

  it('pages the queue oldest first', async () => {
    const { tenant } = await sqlProgram(1);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ctx.clock.set(`2026-11-25T12:0${i}:00Z`);
      const { request } = await ask(tenant, VIOLIN, `learner-${i}`);
      expect(
        (await post(`/v1/requests/${request.id}/ask-program`, asLearner(tenant, `learner-${i}`))).status,
      ).toBe(200);
      ids.push(request.id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page: CallResult<QueuePage> = await call<QueuePage>(ctx.app, 'GET', `/v1/program-queue${q}`, {
        key: tenant.secretKey,
      });
      expect(page.status, page.text).toBe(200);
      seen.push(...page.body.data.map((d) => d.request.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);
    expectProblem(
      await call<Problem>(ctx.app, 'GET', '/v1/program-queue?cursor=nope', { key: tenant.secretKey }),
      400,
      'invalid_cursor',
    );
  });

  it('is the learner’s own: 404 for anyone else and another tenant, 409 when not open', async () => {
    const { tenant } = await sqlProgram(1);
    const { request } = await ask(tenant);
    for (const path of ['ask-program', 'wait-for-match']) {
      const url = `/v1/requests/${request.id}/${path}`;
      expectProblem(await post(url, asLearner(tenant, 'learner-2')), 404, 'not_found');
      expectProblem(await post(url, { key: tenant.secretKey }), 404, 'not_found');
      expectProblem(await post(url, asMentor(tenant, 'sql-0')), 404, 'not_found');
      const other = await ctx.tenant();
      expectProblem(await post(url, asLearner(other)), 404, 'not_found');
      expectProblem(
        await post(`/v1/requests/not-an-id/${path}`, asLearner(tenant)),
        400,
        'validation_failed',
      );
    }
    expect((await post(`/v1/requests/${request.id}/cancel`, asLearner(tenant))).status).toBe(200);
    expectProblem(
      await post(`/v1/requests/${request.id}/ask-program`, asLearner(tenant)),
      409,
      'request_not_open',
    );
    expectProblem(
      await post(`/v1/requests/${request.id}/wait-for-match`, asLearner(tenant)),
      409,
      'request_not_open',
    );
  });
});

describe('taking from the program queue', () => {
  it('matches the request to the mentor, opens their thread and tells the learner (event and email)', async () => {
    const { tenant, mentorIds } = await sqlProgram(2);
    const { request } = await ask(tenant);
    // Not queued yet: nothing to take.
    expectProblem(
      await post(`/v1/program-queue/${request.id}/take`, asMentor(tenant, 'sql-0')),
      409,
      'not_queued',
    );
    await post(`/v1/requests/${request.id}/ask-program`, asLearner(tenant));

    expectProblem(
      await post(`/v1/program-queue/${request.id}/take`, asLearner(tenant, 'learner-2')),
      403,
      'mentor_or_admin_required',
    );
    const admin = {
      ...asLearner(tenant, 'admin-1'),
      token: tenant.token({ sub: 'admin-1', roles: ['admin'] }),
    };
    expectProblem(await post(`/v1/program-queue/${request.id}/take`, admin), 403, 'mentor_required');
    const other = await ctx.tenant();
    await createMentor(ctx, other, { externalId: 'sql-0' });
    expectProblem(
      await post(`/v1/program-queue/${request.id}/take`, asMentor(other, 'sql-0')),
      404,
      'not_found',
    );

    const res = await post<{ request: RequestBody; threadId: string | null }>(
      `/v1/program-queue/${request.id}/take`,
      asMentor(tenant, 'sql-0'),
    );
    expect(res.status, res.text).toBe(200);
    expect(res.body.request).toMatchObject({
      id: request.id,
      status: 'matched',
      matchedMentorId: mentorIds[0],
    });
    expect(res.body.threadId).toEqual(expect.any(String));
    const thread = await ctx.db
      .selectFrom('threads')
      .select(['mentor_id', 'request_id'])
      .where('id', '=', res.body.threadId!)
      .executeTakeFirstOrThrow();
    expect(thread).toEqual({ mentor_id: mentorIds[0], request_id: request.id });
    // Gone from the queue; the second mentor is too late.
    expect(
      (await call<QueuePage>(ctx.app, 'GET', '/v1/program-queue', { key: tenant.secretKey })).body.data,
    ).toEqual([]);
    expectProblem(
      await post(`/v1/program-queue/${request.id}/take`, asMentor(tenant, 'sql-1')),
      409,
      'already_taken',
    );

    const learnerId = await userIdOf(ctx, tenant, 'learner-1');
    const taken = await eventsOf(tenant.id, 'request.taken');
    expect(taken).toHaveLength(1);
    expect(taken[0]!.data).toMatchObject({
      requestId: request.id,
      mentorId: mentorIds[0],
      mentorName: 'Mentor sql-0',
    });
    expect(taken[0]!.user_ids).toContain(learnerId);
    const matched = await eventsOf(tenant.id, 'request.matched');
    expect(matched.at(-1)!.data).toMatchObject({ requestId: request.id, via: 'program_queue' });
    await worker.drain();
    const mail = await mailsLike(tenant.id, '%:taken:learner');
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({
      kind: 'requests',
      subject: `A mentor took your request: ${VIOLIN.title}`,
    });
    expect(mail[0]!.text_body).toContain('Mentor sql-0');
  });

  it('two mentors taking at once: exactly one wins, the other gets 409 already_taken', async () => {
    const { tenant, mentorIds } = await sqlProgram(4);
    for (let round = 0; round < 3; round++) {
      const learner = `racer-${round}`;
      const { request } = await ask(tenant, VIOLIN, learner);
      await post(`/v1/requests/${request.id}/ask-program`, asLearner(tenant, learner));
      const results = await Promise.all(
        mentorIds.map((_, i) => post(`/v1/program-queue/${request.id}/take`, asMentor(tenant, `sql-${i}`))),
      );
      const won = results.filter((r) => r.status === 200);
      const lost = results.filter((r) => r.status !== 200);
      expect(won, results.map((r) => `${r.status} ${r.text}`).join('\n')).toHaveLength(1);
      for (const r of lost) expectProblem(r, 409, 'already_taken');
      const row = await ctx.db
        .selectFrom('help_requests')
        .select(['status', 'matched_mentor_id'])
        .where('id', '=', request.id)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('matched');
      const threads = await ctx.db
        .selectFrom('threads')
        .select('mentor_id')
        .where('request_id', '=', request.id)
        .execute();
      expect(threads).toEqual([{ mentor_id: row.matched_mentor_id }]);
      expect(await eventsOf(tenant.id, 'request.taken')).toHaveLength(round + 1);
    }
  });
});

describe('wait for a match', () => {
  it('tells the learner once when a mentor who fits is approved; counts as unmet meanwhile', async () => {
    const { tenant } = await sqlProgram(1);
    const { request } = await ask(tenant, VIOLIN, 'waiter');
    const res = await post<RequestBody>(
      `/v1/requests/${request.id}/wait-for-match`,
      asLearner(tenant, 'waiter'),
    );
    expect(res.status, res.text).toBe(200);
    expect(res.body.waitingSince).toBe('2026-11-25T12:00:00.000Z');
    // Waiting ends at the program's SLA: the expiry job is queued (once, however often it is asked).
    await post(`/v1/requests/${request.id}/wait-for-match`, asLearner(tenant, 'waiter'));
    const expiry = await ctx.db
      .selectFrom('jobs')
      .select('run_at')
      .where('subject', '=', `request:${request.id}`)
      .where('kind', '=', 'requests.expire')
      .where('status', '=', 'pending')
      .execute();
    expect(expiry.map((j) => j.run_at.toISOString())).toEqual(['2026-11-27T12:00:00.000Z']);

    // A mentor who does not fit changes nothing.
    await bookableMentor(ctx, tenant, ALL_WEEK, { name: 'Another SQL mentor', externalId: 'sql-x' });
    await worker.drain();
    expect(await eventsOf(tenant.id, 'request.match_found')).toEqual([]);

    // A violinist applies (pending: no match yet), then is approved: the learner hears of it.
    const vera = await createMentor(ctx, tenant, {
      ...VIOLIN_MENTOR,
      externalId: 'vera',
      status: 'pending',
    } as never);
    const hours = await call(ctx.app, 'PUT', `/v1/mentors/${vera.id}/availability`, {
      key: tenant.secretKey,
      body: { timeZone: 'Europe/Berlin', sessionLengths: [15, 30], ...ALL_WEEK },
    });
    expect(hours.status, hours.text).toBe(200);
    await worker.drain();
    expect(await eventsOf(tenant.id, 'request.match_found')).toEqual([]);
    ctx.clock.set('2026-11-25T13:00:00Z');
    const approved = await call(ctx.app, 'POST', `/v1/admin/mentors/${vera.id}/approve`, {
      key: tenant.secretKey,
      body: {},
    });
    expect(approved.status, approved.text).toBe(200);
    const queuedJobs = await ctx.db
      .selectFrom('jobs')
      .select('id')
      .where('tenant_id', '=', tenant.id)
      .where('kind', '=', REMATCH_WAITING_JOB)
      .where('status', '=', 'pending')
      .execute();
    expect(queuedJobs).toHaveLength(1);
    await worker.drain();
    const found = await eventsOf(tenant.id, 'request.match_found');
    expect(found).toHaveLength(1);
    expect(found[0]!.data).toMatchObject({
      requestId: request.id,
      matches: [expect.objectContaining({ mentorId: vera.id, name: 'Vera Violin' })],
    });
    expect(found[0]!.user_ids).toEqual([await userIdOf(ctx, tenant, 'waiter')]);
    const mail = await mailsLike(tenant.id, '%:match-found:learner');
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe(`A mentor who knows this is here: ${VIOLIN.title}`);
    expect(mail[0]!.text_body).toContain('Vera Violin');
    const got = await call<RequestBody>(
      ctx.app,
      'GET',
      `/v1/requests/${request.id}`,
      asLearner(tenant, 'waiter'),
    );
    expect(got.body).toMatchObject({
      waitingSince: '2026-11-25T12:00:00.000Z',
      matchFoundAt: '2026-11-25T13:00:00.000Z',
    });

    // Told once: later changes do not tell again.
    await call(ctx.app, 'PATCH', `/v1/mentors/${vera.id}`, {
      key: tenant.secretKey,
      body: { headline: 'Violin teacher' },
    });
    await worker.drain();
    expect(await eventsOf(tenant.id, 'request.match_found')).toHaveLength(1);

    // It counted as unmet in the admin's skills report.
    const report = await call<{ unmetSkills: { skill: string; requests: number }[] }>(
      ctx.app,
      'GET',
      '/v1/admin/analytics?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z',
      { key: tenant.secretKey },
    );
    expect(report.status, report.text).toBe(200);
    expect(report.body.unmetSkills).toContainEqual({ skill: 'violin', requests: 1 });
  });

  it('a queued or waiting request counts as unmet in the skills report, even one that had matches', async () => {
    const { tenant } = await sqlProgram(1);
    const report = async () => {
      const res = await call<{ unmetSkills: { skill: string; requests: number }[] }>(
        ctx.app,
        'GET',
        '/v1/admin/analytics?from=2026-11-01T00:00:00Z&to=2026-12-01T00:00:00Z',
        { key: tenant.secretKey },
      );
      expect(res.status, res.text).toBe(200);
      return res.body.unmetSkills;
    };
    const sqlQuestion = { title: 'My SQL join returns duplicates', skills: ['sql'], urgency: 'this_week' };
    const queued = await ask(tenant, sqlQuestion, 'q-1');
    const waiting = await ask(tenant, sqlQuestion, 'w-1');
    await ask(tenant, sqlQuestion, 'other');
    expect(queued.matches.length).toBeGreaterThan(0);
    expect(await report()).not.toContainEqual(expect.objectContaining({ skill: 'sql' }));
    await post(`/v1/requests/${queued.request.id}/ask-program`, asLearner(tenant, 'q-1'));
    await post(`/v1/requests/${waiting.request.id}/wait-for-match`, asLearner(tenant, 'w-1'));
    await worker.drain();
    expect(await report()).toContainEqual({ skill: 'sql', requests: 2 });
  });

  it('a cancelled waiting request is not told; one whose SLA passes expires', async () => {
    const { tenant } = await sqlProgram(1);
    const cancelled = (await ask(tenant, VIOLIN, 'a')).request;
    const expiring = (await ask(tenant, VIOLIN, 'b')).request;
    await post(`/v1/requests/${cancelled.id}/wait-for-match`, asLearner(tenant, 'a'));
    await post(`/v1/requests/${expiring.id}/wait-for-match`, asLearner(tenant, 'b'));
    await post(`/v1/requests/${cancelled.id}/cancel`, asLearner(tenant, 'a'));
    ctx.clock.set('2026-11-27T12:00:01Z');
    await worker.drain();
    const row = await ctx.db
      .selectFrom('help_requests')
      .select('status')
      .where('id', '=', expiring.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('expired');
    // A violinist now: nobody is waiting any more, so no re-match is even queued.
    await bookableMentor(ctx, tenant, ALL_WEEK, { ...VIOLIN_MENTOR, externalId: 'vera' });
    const rematch = await ctx.db
      .selectFrom('jobs')
      .select('id')
      .where('tenant_id', '=', tenant.id)
      .where('kind', '=', REMATCH_WAITING_JOB)
      .execute();
    expect(rematch).toEqual([]);
    expect(await eventsOf(tenant.id, 'request.match_found')).toEqual([]);
  });
});
