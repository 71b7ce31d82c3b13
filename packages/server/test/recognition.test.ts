import { createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { awardBadges, recomputeBadges } from '../src/domain/recognition/badges.js';
import { jobHandlers } from '../src/jobs/handlers.js';
import { createWorker, type Worker } from '../src/jobs/worker.js';
import { asLearner, type BookingBody, book, bookableMentor } from './support/booking-fixtures.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import type { MentorBody } from './support/fixtures.js';
import { type CallOptions, call } from './support/http.js';
import { listen, type TestServer } from './support/http-server.js';

interface Badge {
  code: string;
  earnedAt: string;
}
type MentorWithBadges = MentorBody & { badges: Badge[] };
interface RecordBody {
  mentorId: string;
  name: string;
  sessions: number;
  minutes: number;
  firstSessionAt: string | null;
  lastSessionAt: string | null;
  badges: Badge[];
}
interface LeaderboardBody {
  month: string;
  from: string;
  to: string;
  by: string;
  entries: { rank: number; mentor: Record<string, unknown>; sessions: number; minutes: number }[];
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let ctx: TestContext;
let worker: Worker;
let tenant: TestTenant;
let mentor: MentorBody;
let learnerId: string;

const asMentor = (t: TestTenant = tenant, sub = 'mentor-rec'): CallOptions => ({
  key: t.publishableKey,
  origin: t.origin,
  token: t.token({ sub, name: 'Ada Mentor', roles: ['mentor'] }),
});

beforeAll(async () => {
  ctx = await createTestContext();
  worker = createWorker({ db: ctx.db, clock: ctx.clock, handlers: jobHandlers() });
});
afterAll(() => ctx.close());
beforeEach(async () => {
  ctx.clock.set('2026-11-25T12:00:00Z');
  tenant = await ctx.tenant({ name: 'Code Club' });
  mentor = await bookableMentor(
    ctx,
    tenant,
    {
      minNoticeMinutes: 0,
      weekly: [0, 1, 2, 3, 4, 5, 6].map((d) => ({
        day: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][d],
        start: '00:00',
        end: '24:00',
      })),
      timeZone: 'UTC',
    },
    { externalId: 'mentor-rec', name: 'Ada Mentor' },
  );
  learnerId = (await call<{ user: { id: string } }>(ctx.app, 'GET', '/v1/me', asLearner(tenant))).body.user
    .id;
});

/** Past sessions written straight to the table (history), `daysAgo` apart so none overlap. */
async function history(
  count: number,
  opts: {
    status?: 'completed' | 'cancelled' | 'no_show';
    from?: Date;
    minutes?: number;
    mentorId?: string;
  } = {},
): Promise<string[]> {
  const ids: string[] = [];
  const base = opts.from ?? new Date('2026-06-01T08:00:00Z');
  const minutes = opts.minutes ?? 30;
  for (let i = 0; i < count; i++) {
    const start = new Date(base.getTime() + i * DAY + (opts.mentorId ? 2 * 60 * MINUTE : 0));
    const end = new Date(start.getTime() + minutes * MINUTE);
    const row = await ctx.db
      .insertInto('bookings')
      .values({
        tenant_id: tenant.id,
        mentor_id: opts.mentorId ?? mentor.id,
        learner_id: learnerId,
        start_at: start,
        end_at: end,
        blocked_range: `[${start.toISOString()},${end.toISOString()})`,
        format: 'video',
        status: opts.status ?? 'completed',
        join_url: null,
        thread_id: null,
        note: null,
        cancel_reason: null,
        cancelled_by: null,
        cancelled_at: null,
        created_at: start,
        updated_at: start,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}

/** Books a session through the API and lets the completion job mark it completed. */
async function completeOne(start = '2026-11-25T13:00:00Z'): Promise<BookingBody> {
  const res = await book(ctx, tenant, { mentorId: mentor.id, start, durationMinutes: 30 });
  expect(res.status, res.text).toBe(201);
  ctx.clock.set(new Date(new Date(res.body.end).getTime() + 16 * MINUTE));
  await worker.drain();
  const row = await ctx.db
    .selectFrom('bookings')
    .select('status')
    .where('id', '=', res.body.id)
    .executeTakeFirstOrThrow();
  expect(row.status).toBe('completed');
  return res.body;
}

async function codes(mentorId = mentor.id): Promise<string[]> {
  const rows = await ctx.db
    .selectFrom('mentor_badges')
    .select('code')
    .where('tenant_id', '=', tenant.id)
    .where('mentor_id', '=', mentorId)
    .orderBy('code')
    .execute();
  return rows.map((r) => r.code);
}

async function rate(bookingId: string, rating: number) {
  const res = await call(ctx.app, 'POST', `/v1/bookings/${bookingId}/feedback`, {
    ...asLearner(tenant),
    body: { rating, solved: 'yes' },
  });
  expect(res.status, res.text).toBe(201);
}

describe('badges at session thresholds', () => {
  it('awards first_session when the completion job completes the first session, once', async () => {
    expect(await codes()).toEqual([]);
    await history(2, { status: 'cancelled' });
    await history(1, { status: 'no_show', from: new Date('2026-07-01T08:00:00Z') });
    await completeOne();
    expect(await codes()).toEqual(['first_session']);

    const profile = await call<MentorWithBadges>(ctx.app, 'GET', `/v1/mentors/${mentor.id}`, {
      key: tenant.secretKey,
    });
    expect(profile.body.badges).toEqual([{ code: 'first_session', earnedAt: ctx.clock.now().toISOString() }]);

    // Idempotent: awarding again (a re-run job, a backfill) adds nothing and keeps the date.
    const earnedAt = profile.body.badges[0]!.earnedAt;
    ctx.clock.advance(DAY);
    expect(
      await awardBadges(ctx.db, { tenantId: tenant.id, mentorId: mentor.id, now: ctx.clock.now() }),
    ).toEqual([]);
    expect(await recomputeBadges(ctx.db, { tenantId: tenant.id, now: ctx.clock.now() })).toBe(0);
    const again = await call<MentorWithBadges>(ctx.app, 'GET', `/v1/mentors/${mentor.id}`, {
      key: tenant.secretKey,
    });
    expect(again.body.badges).toEqual([{ code: 'first_session', earnedAt }]);
  });

  it('awards sessions_10 at the 10th completed session and sessions_50 at the 50th, not before', async () => {
    await history(8);
    await completeOne('2026-11-25T13:00:00Z'); // 9
    expect(await codes()).toEqual(['first_session']);
    await completeOne('2026-11-25T14:00:00Z'); // 10
    expect(await codes()).toEqual(['first_session', 'sessions_10']);

    await history(38, { from: new Date('2026-09-01T08:00:00Z') }); // 48
    await completeOne('2026-11-25T15:00:00Z'); // 49
    expect(await codes()).not.toContain('sessions_50');
    await completeOne('2026-11-25T16:00:00Z'); // 50
    expect(await codes()).toEqual(['first_session', 'sessions_10', 'sessions_50']);

    const record = await call<RecordBody>(ctx.app, 'GET', '/v1/me/mentor/record', asMentor());
    expect(record.status, record.text).toBe(200);
    expect(record.body).toMatchObject({ mentorId: mentor.id, sessions: 50, minutes: 50 * 30 });
    expect(record.body.badges.map((b) => b.code)).toEqual(['first_session', 'sessions_10', 'sessions_50']);
  });

  it('backfills a mentor whose history predates recognition', async () => {
    await history(12);
    expect(await codes()).toEqual([]);
    expect(await recomputeBadges(ctx.db, { tenantId: tenant.id, now: ctx.clock.now() })).toBe(2);
    expect(await codes()).toEqual(['first_session', 'sessions_10']);
    const profile = await call<MentorWithBadges>(ctx.app, 'GET', `/v1/mentors/${mentor.id}`, {
      key: tenant.secretKey,
    });
    expect(profile.body.badges.map((b) => b.code)).toEqual(['first_session', 'sessions_10']);
  });
});

describe('one session count', () => {
  const profileSessions = async () =>
    (
      await call<MentorBody & { stats: { sessions: number } }>(ctx.app, 'GET', `/v1/mentors/${mentor.id}`, {
        key: tenant.secretKey,
      })
    ).body.stats.sessions;
  const figures = async () => ({
    profile: await profileSessions(),
    record: (await call<RecordBody>(ctx.app, 'GET', '/v1/me/mentor/record', asMentor())).body.sessions,
    stats: (await call<{ sessions: number }>(ctx.app, 'GET', '/v1/me/stats', asMentor())).body.sessions,
  });

  it('is the same on the profile, the record and my stats once the completion job has run', async () => {
    // History imported straight into bookings: the profile's counter catches up at the next recount.
    await history(3);
    await history(2, { status: 'cancelled', from: new Date('2026-08-01T08:00:00Z') });
    expect(await profileSessions()).toBe(0);
    expect(await recomputeBadges(ctx.db, { tenantId: tenant.id, now: ctx.clock.now() })).toBeGreaterThan(0);
    expect(await figures()).toEqual({ profile: 3, record: 3, stats: 3 });

    await completeOne('2026-11-25T13:00:00Z');
    expect(await figures()).toEqual({ profile: 4, record: 4, stats: 4 });

    // Ended but not yet completed by the job: my stats count it as held; the profile and the
    // record wait for the job, then all agree again.
    const pending = await book(ctx, tenant, { mentorId: mentor.id, start: '2026-11-25T15:00:00Z' });
    expect(pending.status, pending.text).toBe(201);
    ctx.clock.set(new Date(new Date(pending.body.end).getTime() + MINUTE));
    expect(await figures()).toEqual({ profile: 4, record: 4, stats: 5 });
    ctx.clock.advance(15 * MINUTE);
    await worker.drain();
    expect(await figures()).toEqual({ profile: 5, record: 5, stats: 5 });
    const row = await ctx.db
      .selectFrom('mentors')
      .select('sessions_count')
      .where('id', '=', mentor.id)
      .executeTakeFirstOrThrow();
    expect(row.sessions_count).toBe(5);
  });

  it('counts both of two sessions completed at the same time', async () => {
    const a = await book(ctx, tenant, { mentorId: mentor.id, start: '2026-11-25T13:00:00Z' });
    const b = await book(ctx, tenant, { mentorId: mentor.id, start: '2026-11-25T14:00:00Z' }, 'learner-2');
    for (const r of [a, b]) expect(r.status, r.text).toBe(201);
    ctx.clock.set('2026-11-25T15:00:00Z');
    const jobs = await ctx.db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', 'booking.complete')
      .where('tenant_id', '=', tenant.id)
      .execute();
    expect(jobs).toHaveLength(2);
    // Two completion jobs at once (two workers): each recounts under the mentor row lock.
    const complete = jobHandlers()['booking.complete']!;
    await Promise.all(jobs.map((job) => complete.run(job, { db: ctx.db, clock: ctx.clock })));
    expect(await figures()).toEqual({ profile: 2, record: 2, stats: 2 });
  });
});

describe('the five-star streak', () => {
  it('needs five 5-star sessions in a row by session time: a 4-star breaks the run', async () => {
    const ids = await history(9);
    // Held in this order; rated 5 5 4 5 5 5 5 so far: the longest run of fives is 4.
    for (const [i, rating] of [5, 5, 4, 5, 5, 5, 5].entries()) {
      await rate(ids[i]!, rating);
      expect(await codes(), `after rating ${i}`).not.toContain('five_star_streak');
    }
    await rate(ids[7]!, 5); // the fifth 5 in a row after the 4
    expect(await codes()).toContain('five_star_streak');
    // Kept once earned.
    await rate(ids[8]!, 1);
    expect(await codes()).toContain('five_star_streak');
  });

  it('orders by when sessions were held: a late 4-star in the middle breaks the run (badge kept)', async () => {
    const ids = await history(6);
    // Sessions 0,1,3,4,5 rated 5 and session 2 not rated: unrated sessions neither count nor break.
    for (const i of [0, 1, 3, 4, 5]) await rate(ids[i]!, 5);
    expect(await codes()).toContain('five_star_streak');

    // The same, but session 2 is then rated 4: by session time that is 5 5 4 5 5 5 — no run of five.
    await rate(ids[2]!, 4);
    expect(await codes(), 'earned badges are kept').toContain('five_star_streak');
    await ctx.db.deleteFrom('mentor_badges').where('mentor_id', '=', mentor.id).execute();
    await recomputeBadges(ctx.db, { tenantId: tenant.id, now: ctx.clock.now() });
    expect(await codes()).toEqual(['first_session']);
  });
});

describe('fast responder', () => {
  async function offers(minutes: number[]): Promise<void> {
    for (const [i, m] of minutes.entries()) {
      const request = await ctx.db
        .insertInto('help_requests')
        .values({
          tenant_id: tenant.id,
          learner_id: learnerId,
          title: `Question ${i}`,
          details: '',
          skills: ['sql'],
          format: null,
          urgency: 'now',
          languages: ['en'],
          context: '{}',
          status: 'matched',
          matched_mentor_id: null,
          best_score: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const offeredAt = new Date(Date.UTC(2026, 10, 1, 9) + i * DAY);
      await ctx.db
        .insertInto('request_offers')
        .values({
          request_id: request.id,
          mentor_id: mentor.id,
          tenant_id: tenant.id,
          status: i % 2 ? 'declined' : 'accepted',
          offered_at: offeredAt,
          responded_at: new Date(offeredAt.getTime() + m * MINUTE),
          expires_at: new Date(offeredAt.getTime() + 60 * MINUTE),
        })
        .execute();
    }
  }
  const recompute = () => recomputeBadges(ctx.db, { tenantId: tenant.id, now: ctx.clock.now() });

  it('is a median response of at most 15 minutes over at least 5 answered offers', async () => {
    await offers([2, 3, 15, 40]);
    await recompute();
    expect(await codes(), 'four answers are too few').not.toContain('fast_responder');
    await offers([50]); // median of 2, 3, 15, 40, 50 = 15
    await recompute();
    expect(await codes()).toContain('fast_responder');
  });

  it('is not earned with a median over 15 minutes', async () => {
    await offers([2, 3, 16, 40, 50]);
    await recompute();
    expect(await codes()).not.toContain('fast_responder');
  });

  it('reads the stored median response time when there is one', async () => {
    await offers([30, 30, 30, 30, 30]);
    await ctx.db
      .updateTable('mentors')
      .set({ median_response_minutes: 9 })
      .where('id', '=', mentor.id)
      .execute();
    await completeOne(); // awarding runs in the completion's transaction
    expect(await codes()).toEqual(['fast_responder', 'first_session']);
  });
});

describe('GET /v1/me/mentor/record', () => {
  it('is the caller’s own record; 404 for a user without a mentor profile', async () => {
    const empty = await call<RecordBody>(ctx.app, 'GET', '/v1/me/mentor/record', asMentor());
    expect(empty.status).toBe(200);
    expect(empty.body).toEqual({
      mentorId: mentor.id,
      name: 'Ada Mentor',
      sessions: 0,
      minutes: 0,
      firstSessionAt: null,
      lastSessionAt: null,
      badges: [],
    });
    await history(2, { minutes: 45 });
    await history(1, { status: 'cancelled', from: new Date('2026-08-01T08:00:00Z') });
    const res = await call<RecordBody>(ctx.app, 'GET', '/v1/me/mentor/record', asMentor());
    expect(res.body).toMatchObject({
      sessions: 2,
      minutes: 90,
      firstSessionAt: '2026-06-01T08:00:00.000Z',
      lastSessionAt: '2026-06-02T08:00:00.000Z',
    });
    const learner = await call<{ code: string }>(ctx.app, 'GET', '/v1/me/mentor/record', asLearner(tenant));
    expect(learner.status).toBe(404);
    expect(learner.body.code).toBe('not_found');
  });
});

describe('GET /v1/leaderboard', () => {
  it('is 404 leaderboard_disabled until the program turns it on, then ranks this month', async () => {
    const off = await call<{ code: string }>(ctx.app, 'GET', '/v1/leaderboard', asLearner(tenant));
    expect(off.status).toBe(404);
    expect(off.headers.get('content-type')).toContain('application/problem+json');
    expect(off.body.code).toBe('leaderboard_disabled');

    const on = await call(ctx.app, 'PATCH', '/v1/admin/settings', {
      key: tenant.secretKey,
      body: { leaderboard: true },
    });
    expect(on.status, on.text).toBe(200);

    const bea = await bookableMentor(ctx, tenant, {}, { externalId: 'bea', name: 'Bea' });
    const cy = await bookableMentor(ctx, tenant, {}, { externalId: 'cy', name: 'Cy' });
    await history(2, { from: new Date('2026-11-02T08:00:00Z'), minutes: 30 }); // Ada: 2 × 30
    await history(1, { from: new Date('2026-11-10T08:00:00Z'), minutes: 90, mentorId: bea.id }); // Bea: 1 × 90
    await history(2, { from: new Date('2026-11-12T08:00:00Z'), minutes: 15, mentorId: cy.id }); // Cy: 2 × 15
    await history(5, { from: new Date('2026-10-01T08:00:00Z'), mentorId: bea.id }); // last month: not counted
    await history(3, { from: new Date('2026-11-20T08:00:00Z'), status: 'cancelled', mentorId: cy.id });

    const res = await call<LeaderboardBody>(ctx.app, 'GET', '/v1/leaderboard', asLearner(tenant));
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      month: '2026-11',
      from: '2026-11-01T00:00:00.000Z',
      to: '2026-12-01T00:00:00.000Z',
      by: 'sessions',
    });
    expect(res.body.entries.map((e) => [e.rank, e.mentor.name, e.sessions, e.minutes])).toEqual([
      [1, 'Ada Mentor', 2, 60],
      [1, 'Cy', 2, 30],
      [3, 'Bea', 1, 90],
    ]);
    // Public fields only.
    expect(Object.keys(res.body.entries[0]!.mentor).sort()).toEqual(['badges', 'headline', 'id', 'name']);

    const byMinutes = await call<LeaderboardBody>(ctx.app, 'GET', '/v1/leaderboard?by=minutes&limit=2', {
      key: tenant.publishableKey,
      origin: tenant.origin,
    });
    expect(byMinutes.status, byMinutes.text).toBe(200);
    expect(byMinutes.body.entries.map((e) => e.mentor.name)).toEqual(['Bea', 'Ada Mentor']);

    const bad = await call<{ code: string }>(ctx.app, 'GET', '/v1/leaderboard?by=rating', asLearner(tenant));
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');

    // Another tenant, leaderboard on, sees none of these mentors.
    const other = await ctx.tenant({ settings: { leaderboard: true } });
    const theirs = await call<LeaderboardBody>(ctx.app, 'GET', '/v1/leaderboard', { key: other.secretKey });
    expect(theirs.status).toBe(200);
    expect(theirs.body.entries).toEqual([]);

    await call(ctx.app, 'PATCH', '/v1/admin/settings', {
      key: tenant.secretKey,
      body: { leaderboard: false },
    });
    expect((await call(ctx.app, 'GET', '/v1/leaderboard', asLearner(tenant))).status).toBe(404);
  });
});

describe('the verifiable record (Open Badges 3.0, JSON Web Token Proof Format)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await listen(ctx.app);
  });
  afterAll(() => server.close());

  const fromB64 = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

  async function download(): Promise<{ jws: string; response: Response }> {
    const m = asMentor();
    const response = await fetch(`${server.url}/v1/me/mentor/credential`, {
      headers: { Authorization: `Bearer ${m.key}`, Origin: m.origin!, 'X-User-Token': m.token! },
    });
    return { jws: await response.text(), response };
  }

  /** The header's `kid` is a URL: fetched with no credentials at all, it is the public JWK. */
  async function publicKeyFor(kid: string) {
    expect(kid.startsWith(`${server.url}/issuers/${tenant.id}/keys/`), kid).toBe(true);
    const res = await fetch(kid);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const jwk = (await res.json()) as Record<string, string>;
    expect(Object.keys(jwk).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'use', 'x']);
    expect(kid.endsWith(`/keys/${jwk.kid}`)).toBe(true);
    // The JWKS lists the same key.
    const set = (await (await fetch(`${server.url}/issuers/${tenant.id}/jwks.json`)).json()) as {
      keys: Record<string, string>[];
    };
    expect(set.keys).toContainEqual(jwk);
    return createPublicKey({ key: jwk as never, format: 'jwk' });
  }

  const verifies = (jws: string, key: ReturnType<typeof createPublicKey>) => {
    const [h, p, s] = jws.split('.');
    return verify(null, Buffer.from(`${h}.${p}`), key, Buffer.from(s!, 'base64url'));
  };

  it('is signed by the program’s Ed25519 key, which anyone can fetch, and states the record', async () => {
    await history(10);
    await recomputeBadges(ctx.db, { tenantId: tenant.id, now: ctx.clock.now() });
    const { jws, response } = await download();
    expect(response.status, jws).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vc+jwt');
    const parts = jws.split('.');
    expect(parts).toHaveLength(3);
    const header = fromB64(parts[0]!);
    // OB 3.0 §8.2: alg, kid (a URL dereferencing to the JWK) and typ "JWT", and no other header.
    expect(Object.keys(header).sort()).toEqual(['alg', 'kid', 'typ']);
    expect(header).toMatchObject({ alg: 'EdDSA', typ: 'JWT' });

    const key = await publicKeyFor(header.kid);
    expect(verifies(jws, key)).toBe(true);

    const vc = fromB64(parts[1]!);
    expect(vc['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    expect(vc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(vc.id).toMatch(new RegExp(`^${server.url}/issuers/${tenant.id}/credentials/[0-9a-f-]{36}$`));
    expect(response.headers.get('link')).toBe(`<${vc.id}>; rel="alternate"; type="text/html"`);
    // The JWT claims mirror the credential.
    expect(vc.iss).toBe(vc.issuer.id);
    expect(vc.jti).toBe(vc.id);
    expect(vc.sub).toBe(vc.credentialSubject.id);
    expect(vc.nbf).toBe(Date.parse(vc.validFrom) / 1000);
    expect(vc.exp).toBeUndefined();
    expect(vc.issuer).toEqual({
      id: `${server.url}/issuers/${tenant.id}`,
      type: ['Profile'],
      name: 'Code Club',
    });
    expect(vc.validFrom).toBe('2026-11-25T12:00:00.000Z');
    const subject = vc.credentialSubject;
    expect(subject.id).toBe(`urn:uuid:${mentor.id}`);
    expect(subject.type).toEqual(['AchievementSubject']);
    expect(subject.achievement).toMatchObject({ type: ['Achievement'], name: 'Mentoring record' });
    expect(subject.achievement.id).toBe(`${vc.issuer.id}/achievements/mentoring-record`);
    expect(typeof subject.achievement.description).toBe('string');
    expect(typeof subject.achievement.criteria.narrative).toBe('string');
    expect(subject.result).toEqual([
      { type: ['Result'], resultDescription: `${subject.achievement.id}#sessions`, value: '10' },
      { type: ['Result'], resultDescription: `${subject.achievement.id}#minutes`, value: '300' },
    ]);
    expect(vc.evidence.map((e: { name: string }) => e.name)).toEqual(['First session', '10 sessions']);

    // The private key is sealed at rest; the same key signs the next credential.
    const stored = await ctx.db
      .selectFrom('issuer_keys')
      .selectAll()
      .where('tenant_id', '=', tenant.id)
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.private_key_sealed.startsWith('v1:')).toBe(true);
    const next = await download();
    expect(fromB64(next.jws.split('.')[0]!).kid).toBe(header.kid);
    // The record is unchanged: the same credential, byte for byte (Ed25519 is deterministic).
    expect(next.jws).toBe(jws);
  });

  it('fails verification once anything is changed', async () => {
    await history(1);
    const { jws } = await download();
    const [h, p, s] = jws.split('.') as [string, string, string];
    const key = await publicKeyFor(fromB64(h).kid);
    expect(verifies(jws, key)).toBe(true);

    const vc = fromB64(p);
    vc.credentialSubject.result[0].value = '500';
    const forgedPayload = Buffer.from(JSON.stringify(vc)).toString('base64url');
    expect(verifies(`${h}.${forgedPayload}.${s}`, key)).toBe(false);
    const sig = Buffer.from(s, 'base64url');
    sig[0] = sig[0]! ^ 0xff;
    expect(verifies(`${h}.${p}.${sig.toString('base64url')}`, key)).toBe(false);

    // Another program's key does not verify it either.
    const other = await ctx.tenant();
    await bookableMentor(ctx, other, {}, { externalId: 'mentor-rec' });
    const theirs = await fetch(`${server.url}/v1/me/mentor/credential`, {
      headers: {
        Authorization: `Bearer ${other.publishableKey}`,
        Origin: other.origin,
        'X-User-Token': other.token({ sub: 'mentor-rec', roles: ['mentor'] }),
      },
    });
    const otherJws = await theirs.text();
    const otherKid = fromB64(otherJws.split('.')[0]!).kid;
    expect(otherKid).not.toBe(fromB64(h).kid);
    const otherJwk = (await (await fetch(otherKid)).json()) as Record<string, string>;
    const otherKey = createPublicKey({ key: otherJwk as never, format: 'jwk' });
    expect(verifies(jws, otherKey)).toBe(false);
  });

  it('publishes keys only for a known issuer; no credential without a mentor profile', async () => {
    const unknown = await fetch(`${server.url}/issuers/5b0c3a9e-0000-4000-8000-000000000000/jwks.json`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { code: string }).code).toBe('not_found');
    const malformed = await fetch(`${server.url}/issuers/not-a-uuid/jwks.json`);
    expect(malformed.status).toBe(400);
    const fresh = await fetch(`${server.url}/issuers/${tenant.id}/jwks.json`);
    expect(await fresh.json()).toEqual({ keys: [] });

    const learner = asLearner(tenant);
    const res = await call<{ code: string }>(ctx.app, 'GET', '/v1/me/mentor/credential', learner);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
  });
});
