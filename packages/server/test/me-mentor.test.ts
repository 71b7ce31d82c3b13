import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signUserToken } from '../src/security/user-token.js';
import { asLearner, book, bookableMentor, weekly } from './support/booking-fixtures.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import type { MentorBody } from './support/fixtures.js';
import { type CallOptions, call } from './support/http.js';

type OwnBody = MentorBody & { statusReason: string | null };
interface StatsBody {
  sessions: number;
  minutes: number;
  rating: number | null;
  ratingCount: number;
  medianResponseMinutes: number | null;
  upcoming: number;
}

let ctx: TestContext;
let tenant: TestTenant;

const APPLICATION = {
  headline: 'Data analyst',
  bio: 'Pandas, window functions and SQL joins.',
  skills: ['pandas', 'SQL', 'sql-joins'],
  yearsExperience: 4,
  timeZone: 'Africa/Lagos',
  formats: ['video', 'chat'],
};

const user = (sub: string, t: TestTenant = tenant): CallOptions => ({
  key: t.publishableKey,
  origin: t.origin,
  token: t.token({ sub, name: `User ${sub}` }),
});

beforeAll(async () => {
  ctx = await createTestContext();
});
beforeEach(async () => {
  ctx.clock.set('2026-11-25T12:00:00Z');
  tenant = await ctx.tenant();
});
afterAll(() => ctx.close());

describe('applying as a mentor', () => {
  it('creates a pending profile that is not matched until the program approves it', async () => {
    const me = user('applicant');
    const res = await call<OwnBody>(ctx.app, 'POST', '/v1/me/mentor', { ...me, body: APPLICATION });
    expect(res.status, res.text).toBe(201);
    expect(res.headers.get('location')).toBe('/v1/me/mentor');
    expect(res.body).toMatchObject({
      externalId: 'applicant',
      name: 'User applicant',
      status: 'pending',
      statusReason: null,
      skills: ['pandas', 'sql', 'sql-joins'],
    });
    const event = await ctx.db
      .selectFrom('events')
      .selectAll()
      .where('tenant_id', '=', tenant.id)
      .where('type', '=', 'mentor.applied')
      .executeTakeFirstOrThrow();
    expect(event.user_ids).toEqual([]);
    expect(event.data).toMatchObject({ mentorId: res.body.id, externalId: 'applicant' });

    const again = await call<{ code: string }>(ctx.app, 'POST', '/v1/me/mentor', {
      ...me,
      body: APPLICATION,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_applied');
    expect((await call<OwnBody>(ctx.app, 'GET', '/v1/me/mentor', me)).body).toEqual(res.body);

    // The applicant manages their own availability even while pending.
    const availability = await call(ctx.app, 'PUT', `/v1/mentors/${res.body.id}/availability`, {
      ...me,
      body: {
        timeZone: 'Africa/Lagos',
        weekly: weekly('00:00', '24:00', ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']),
        sessionLengths: [15, 30],
      },
    });
    expect(availability.status, availability.text).toBe(200);

    const ask = async () => {
      const asked = await call<{ matches: { mentor: { id: string } }[] }>(ctx.app, 'POST', '/v1/requests', {
        ...asLearner(tenant, 'asker'),
        body: { title: 'My pandas merge duplicates rows like a bad SQL join', urgency: 'flexible' },
      });
      expect(asked.status, asked.text).toBe(201);
      return asked.body.matches.map((m) => m.mentor.id);
    };
    expect(await ask()).not.toContain(res.body.id);
    const approve = await call(ctx.app, 'PATCH', `/v1/mentors/${res.body.id}`, {
      key: tenant.secretKey,
      body: { status: 'approved' },
    });
    expect(approve.status).toBe(200);
    expect(await ask()).toContain(res.body.id);
    expect((await call<OwnBody>(ctx.app, 'GET', '/v1/me/mentor', me)).body.status).toBe('approved');
  });

  it('shows the program’s reason on the applicant’s own profile only', async () => {
    const me = user('rejected-one');
    const res = await call<OwnBody>(ctx.app, 'POST', '/v1/me/mentor', { ...me, body: APPLICATION });
    await ctx.db
      .updateTable('mentors')
      .set({ status: 'rejected', status_reason: 'Please describe your SQL experience.' })
      .where('id', '=', res.body.id)
      .execute();
    const own = await call<OwnBody>(ctx.app, 'GET', '/v1/me/mentor', me);
    expect(own.body).toMatchObject({
      status: 'rejected',
      statusReason: 'Please describe your SQL experience.',
    });
    const publicView = await call<Record<string, unknown>>(ctx.app, 'GET', `/v1/mentors/${res.body.id}`, me);
    expect(publicView.body).not.toHaveProperty('statusReason');
  });

  it('answers 404 for a user without a profile, and 401 without a user', async () => {
    expect((await call(ctx.app, 'GET', '/v1/me/mentor', user('nobody'))).status).toBe(404);
    expect((await call(ctx.app, 'GET', '/v1/me/stats', user('nobody'))).status).toBe(404);
    expect(
      (await call(ctx.app, 'PATCH', '/v1/me/mentor', { ...user('nobody'), body: { bio: 'x' } })).status,
    ).toBe(404);
    expect((await call(ctx.app, 'GET', '/v1/me/mentor', { key: tenant.secretKey })).status).toBe(401);
  });

  it('keeps tenants apart: the same host user id is another person elsewhere', async () => {
    const other = await ctx.tenant();
    await call(ctx.app, 'POST', '/v1/me/mentor', { ...user('same-sub'), body: APPLICATION });
    expect((await call(ctx.app, 'GET', '/v1/me/mentor', user('same-sub', other))).status).toBe(404);
    const there = await call(ctx.app, 'POST', '/v1/me/mentor', {
      ...user('same-sub', other),
      body: APPLICATION,
    });
    expect(there.status).toBe(201);
  });
});

describe('guests', () => {
  interface Problem {
    code: string;
  }

  it('are learners only: they cannot apply to mentor, go available, or act as admins', async () => {
    const open = await ctx.tenant({ settings: { allowGuests: true } });
    const session = await call<{ userToken: string; externalId: string }>(
      ctx.app,
      'POST',
      '/v1/guest-sessions',
      {
        key: open.publishableKey,
        origin: open.origin,
        body: { name: 'Gus Guest', email: 'gus@example.com' },
      },
    );
    expect(session.status, session.text).toBe(201);
    // A guest token whose claims ask for more than a learner gets no more.
    const greedy = signUserToken({
      secret: open.identitySecret,
      sub: 'guest_greedy',
      name: 'Greedy Guest',
      roles: ['mentor', 'admin'],
      guest: true,
      now: ctx.clock.now(),
    });
    for (const token of [session.body.userToken, greedy]) {
      const as: CallOptions = { key: open.publishableKey, origin: open.origin, token };
      const applied = await call<Problem>(ctx.app, 'POST', '/v1/me/mentor', { ...as, body: APPLICATION });
      expect(applied.status, applied.text).toBe(403);
      expect(applied.headers.get('content-type')).toContain('application/problem+json');
      expect(applied.body.code).toBe('guest_not_allowed');
      // No profile, so nothing a mentor does works for them.
      const presence = await call<Problem>(ctx.app, 'PUT', '/v1/me/presence', {
        ...as,
        body: { availableNow: true },
      });
      expect(presence.status).toBe(404);
      expect((await call(ctx.app, 'GET', '/v1/me/mentor', as)).status).toBe(404);
      const admin = await call<Problem>(ctx.app, 'GET', '/v1/admin/settings', as);
      expect(admin.status).toBe(403);
      expect(admin.body.code).toBe('admin_required');
      // They can still ask for help.
      const asked = await call(ctx.app, 'POST', '/v1/requests', {
        ...as,
        body: { title: 'Help with joins' },
      });
      expect(asked.status, asked.text).toBe(201);
    }
    const mentors = await ctx.db
      .selectFrom('mentors')
      .select('id')
      .where('tenant_id', '=', open.id)
      .execute();
    expect(mentors).toEqual([]);
    const applications = await ctx.db
      .selectFrom('events')
      .select('id')
      .where('tenant_id', '=', open.id)
      .where('type', '=', 'mentor.applied')
      .execute();
    expect(applications).toEqual([]);
  });
});

describe('editing my own profile', () => {
  it('changes profile fields, never status or externalId', async () => {
    const me = user('editor');
    const applied = await call<OwnBody>(ctx.app, 'POST', '/v1/me/mentor', { ...me, body: APPLICATION });
    const edit = await call<OwnBody>(ctx.app, 'PATCH', '/v1/me/mentor', {
      ...me,
      body: { headline: 'Analytics engineer', skills: ['dbt', 'SQL'] },
    });
    expect(edit.status, edit.text).toBe(200);
    expect(edit.body).toMatchObject({
      id: applied.body.id,
      headline: 'Analytics engineer',
      skills: ['dbt', 'sql'],
      status: 'pending',
    });
    for (const field of ['status', 'externalId'] as const) {
      const body = field === 'status' ? { status: 'approved' } : { externalId: 'someone-else' };
      const res = await call<{ code: string; errors: { path: string }[] }>(
        ctx.app,
        'PATCH',
        '/v1/me/mentor',
        {
          ...me,
          body: { ...body, headline: 'Sneaky' },
        },
      );
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors.map((e) => e.path)).toEqual([`body.${field}`]);
    }
    // Not even the secret key acting for the mentor can approve through this route.
    const backend = await call(ctx.app, 'PATCH', '/v1/me/mentor', {
      key: tenant.secretKey,
      token: tenant.token({ sub: 'editor', name: 'User editor' }),
      body: { status: 'approved' },
    });
    expect(backend.status).toBe(400);
    const now = await call<OwnBody>(ctx.app, 'GET', '/v1/me/mentor', me);
    expect(now.body).toEqual(edit.body);
  });
});

describe('my stats', () => {
  it('counts held sessions and minutes, the rating, and what is coming', async () => {
    const mentor = await bookableMentor(ctx, tenant, {}, { externalId: 'stats-mentor' });
    // Tokens are signed at the clock's now, so sign a fresh one for each call.
    const me = () => user('stats-mentor');
    const empty = await call<StatsBody>(ctx.app, 'GET', '/v1/me/stats', me());
    expect(empty.body).toEqual({
      sessions: 0,
      minutes: 0,
      rating: null,
      ratingCount: 0,
      medianResponseMinutes: null,
      upcoming: 0,
    });

    const first = await book(ctx, tenant, { mentorId: mentor.id, start: '2026-11-26T09:00:00Z' }, 'l1');
    const second = await book(
      ctx,
      tenant,
      { mentorId: mentor.id, start: '2026-11-26T10:00:00Z', durationMinutes: 15 },
      'l2',
    );
    const cancelled = await book(ctx, tenant, { mentorId: mentor.id, start: '2026-11-26T11:00:00Z' }, 'l3');
    const later = await book(ctx, tenant, { mentorId: mentor.id, start: '2026-11-27T09:00:00Z' }, 'l1');
    for (const b of [first, second, cancelled, later]) expect(b.status, b.text).toBe(201);
    const cancel = await call(ctx.app, 'POST', `/v1/bookings/${cancelled.body.id}/cancel`, {
      ...me(),
      body: { reason: 'Ill' },
    });
    expect(cancel.status).toBe(200);
    const before = await call<StatsBody>(ctx.app, 'GET', '/v1/me/stats', me());
    expect(before.body).toMatchObject({ sessions: 0, minutes: 0, upcoming: 3 });

    ctx.clock.set('2026-11-26T12:00:00Z');
    const rated = await call(ctx.app, 'POST', `/v1/bookings/${first.body.id}/feedback`, {
      ...user('l1'),
      body: { rating: 4, solved: 'yes' },
    });
    expect(rated.status).toBe(201);
    const stats = await call<StatsBody>(ctx.app, 'GET', '/v1/me/stats', me());
    expect(stats.status).toBe(200);
    expect(stats.body).toEqual({
      sessions: 2,
      minutes: 45,
      rating: 4,
      ratingCount: 1,
      medianResponseMinutes: null,
      upcoming: 1,
    });

    await ctx.db
      .updateTable('mentors')
      .set({ median_response_minutes: 7 })
      .where('id', '=', mentor.id)
      .execute();
    expect((await call<StatsBody>(ctx.app, 'GET', '/v1/me/stats', me())).body.medianResponseMinutes).toBe(7);
  });
});
