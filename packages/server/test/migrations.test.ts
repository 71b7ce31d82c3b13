// Upgrading a database that already holds a program's data: the later migrations are undone and
// applied again on a populated database, and what they derive from existing rows (the analytics
// rollup's backfill, the badges' recompute) must come out as it was.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATION_NAMES, migrateTo, migrateToLatest } from '../src/db/migrate.js';
import { programAnalytics } from '../src/domain/analytics/analytics.js';
import { ANALYTICS_ROLLUP_JOB } from '../src/domain/analytics/rollup.js';
import { listBadges, recomputeBadges } from '../src/domain/recognition/badges.js';
import { jobHandlers } from '../src/jobs/handlers.js';
import { createWorker } from '../src/jobs/worker.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { createMentor } from './support/fixtures.js';

/** The last migration before the analytics rollup: everything after it is replayed. */
const BEFORE_ROLLUP = '2026-11-25T1650-admin';
const REPLAYED = MIGRATION_NAMES.slice(MIGRATION_NAMES.indexOf(BEFORE_ROLLUP) + 1);

let ctx: TestContext;
let t: TestTenant;
let mentors: string[];
const DAY = 86_400_000;
const START = Date.parse('2026-10-01T09:00:00Z');
const range = { from: new Date('2026-10-01T00:00:00Z'), to: new Date('2026-11-01T00:00:00Z') };

async function tableExists(name: string): Promise<boolean> {
  const { rows } = await sql<{ found: string | null }>`select to_regclass(${name})::text as found`.execute(
    ctx.db,
  );
  return rows[0]!.found !== null;
}

beforeAll(async () => {
  ctx = await createTestContext();
  t = await ctx.tenant();
  mentors = [];
  for (let i = 0; i < 3; i++) mentors.push((await createMentor(ctx, t, { externalId: `mm${i}` })).id);
  const learners: string[] = [];
  for (let i = 0; i < 3; i++) {
    const row = await ctx.db
      .insertInto('users')
      .values({ tenant_id: t.id, external_id: `ml${i}`, name: `ml${i}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    learners.push(row.id);
  }
  // Thirty days of requests; most booked within hours, at varied statuses, with feedback.
  const statuses = ['completed', 'completed', 'no_show', 'cancelled', 'confirmed'] as const;
  for (let i = 0; i < 30; i++) {
    const at = new Date(START + i * DAY);
    const request = await ctx.db
      .insertInto('help_requests')
      .values({
        tenant_id: t.id,
        learner_id: learners[i % 3]!,
        title: `question ${i}`,
        details: '',
        languages: [],
        skills: i % 2 ? ['sql'] : ['python', 'pandas'],
        urgency: 'flexible',
        context: '{}',
        status: 'open',
        best_score: i % 7 === 0 ? 0.3 : 0.8,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (i % 5 === 4) continue;
    // Mentor 0 takes most sessions, so they earn badges the recompute must find again.
    const status = i < 12 ? 'completed' : statuses[i % statuses.length]!;
    const start = new Date(at.getTime() + (2 + (i % 4)) * 3_600_000);
    const end = new Date(start.getTime() + 30 * 60_000);
    const booking = await ctx.db
      .insertInto('bookings')
      .values({
        tenant_id: t.id,
        mentor_id: mentors[i < 12 ? 0 : i % 3]!,
        learner_id: learners[i % 3]!,
        request_id: request.id,
        start_at: start,
        end_at: end,
        blocked_range: `[${start.toISOString()},${end.toISOString()})`,
        format: 'video',
        status,
        created_at: new Date(at.getTime() + (10 + i) * 60_000),
      })
      .returning(['id', 'mentor_id', 'learner_id'])
      .executeTakeFirstOrThrow();
    if (status === 'completed') {
      await ctx.db
        .insertInto('feedback')
        .values({
          tenant_id: t.id,
          booking_id: booking.id,
          mentor_id: booking.mentor_id,
          learner_id: booking.learner_id,
          rating: i % 3 ? 5 : 4,
          solved: i % 4 ? 'yes' : 'partly',
          comment: null,
          created_at: new Date(end.getTime() + 60_000),
        })
        .execute();
    }
  }
}, 60_000);

afterAll(async () => {
  await ctx?.close();
});

describe('replaying the later migrations on a populated database', () => {
  it('undoes them and applies them again, and the rollup backfill and badge recompute give back what was there', async () => {
    const live = await programAnalytics(
      ctx.db,
      { tenantId: t.id, ...range, bucket: 'day' },
      { source: 'live' },
    );
    expect(live.totals.requests).toBe(30);
    expect(await programAnalytics(ctx.db, { tenantId: t.id, ...range, bucket: 'day' }, {})).toEqual(live);
    await recomputeBadges(ctx.db, { tenantId: t.id, now: ctx.clock.now() });
    const badgesBefore = (await listBadges(ctx.db, t.id, mentors[0]!)).map((b) => b.code);
    expect(badgesBefore).toEqual(expect.arrayContaining(['first_session', 'sessions_10']));

    const down = await migrateTo(ctx.db, BEFORE_ROLLUP);
    expect(down.applied).toEqual([...REPLAYED].reverse());
    expect(REPLAYED).toContain('2026-11-26T1000-analytics-rollup');
    expect(await tableExists('analytics_days')).toBe(false);
    expect(await tableExists('mentor_badges')).toBe(false);

    const up = await migrateToLatest(ctx.db);
    expect(up.applied).toEqual(REPLAYED);

    // The backfill marks every day that has a request or a session, and queues one rollup job.
    const { rows: marked } = await sql<{ n: number }>`
      select count(*)::int as n from analytics_dirty where tenant_id = ${t.id}`.execute(ctx.db);
    const { rows: days } = await sql<{ n: number }>`
      select count(*)::int as n from (
        select (created_at at time zone 'UTC')::date from help_requests where tenant_id = ${t.id}
        union select (start_at at time zone 'UTC')::date from bookings where tenant_id = ${t.id}) d`.execute(
      ctx.db,
    );
    expect(marked[0]!.n).toBe(days[0]!.n);
    const jobs = await ctx.db
      .selectFrom('jobs')
      .select(['run_at'])
      .where('tenant_id', '=', t.id)
      .where('kind', '=', ANALYTICS_ROLLUP_JOB)
      .where('status', '=', 'pending')
      .execute();
    expect(jobs).toHaveLength(1);

    // The job (queued at the database's now) rolls every day up before anyone reads them.
    ctx.clock.advance(Math.max(0, jobs[0]!.run_at.getTime() - ctx.clock.now().getTime()) + 1000);
    const worker = createWorker({ db: ctx.db, clock: ctx.clock, handlers: jobHandlers() });
    expect(await worker.drain()).toBeGreaterThanOrEqual(1);
    const { rows: left } = await sql<{ n: number }>`
      select count(*)::int as n from analytics_dirty where tenant_id = ${t.id}`.execute(ctx.db);
    expect(left[0]!.n).toBe(0);
    const { rows: rolled } = await sql<{ n: number }>`
      select coalesce(sum(requests), 0)::int as n from analytics_days where tenant_id = ${t.id}`.execute(
      ctx.db,
    );
    expect(rolled[0]!.n).toBe(30);
    expect(await programAnalytics(ctx.db, { tenantId: t.id, ...range, bucket: 'day' }, {})).toEqual(live);
    expect(await programAnalytics(ctx.db, { tenantId: t.id, ...range, bucket: 'week' }, {})).toEqual(
      await programAnalytics(ctx.db, { tenantId: t.id, ...range, bucket: 'week' }, { source: 'live' }),
    );

    // Badges are derived from sessions: the recompute (`micromentor badges recompute`) finds them again.
    expect(await listBadges(ctx.db, t.id, mentors[0]!)).toEqual([]);
    await recomputeBadges(ctx.db, { tenantId: t.id, now: ctx.clock.now() });
    expect((await listBadges(ctx.db, t.id, mentors[0]!)).map((b) => b.code)).toEqual(badgesBefore);
  });
});
