import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { JobRow } from '../src/db/database.js';
import { cancelJobs, claimJobs, completeJob, enqueueJob } from '../src/db/jobs.js';
import { createWorker, type JobHandlers } from '../src/jobs/worker.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';

let ctx: TestContext;
let tenant: TestTenant;

beforeAll(async () => {
  ctx = await createTestContext();
  tenant = await ctx.tenant();
});
afterAll(async () => {
  await ctx.close();
});

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

/** A worker on the test database and clock that runs only `kind`, with `handler`. */
const workerFor = (kind: string, handler: JobHandlers[string]) =>
  createWorker({ db: ctx.db, clock: ctx.clock, handlers: { [kind]: handler } });

describe('job queue', () => {
  it('runs each of 500 jobs exactly once with two workers claiming concurrently', async () => {
    const kind = 'test.count';
    const now = ctx.clock.now();
    await ctx.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 500; i++) {
        await enqueueJob(trx, { tenantId: tenant.id, kind, payload: { n: i }, runAt: now }, now);
      }
    });
    const runs = new Map<number, string[]>();
    const handlers = (who: string): JobHandlers => ({
      [kind]: {
        async run(job: JobRow) {
          const n = job.payload.n as number;
          runs.set(n, [...(runs.get(n) ?? []), who]);
          await tick();
        },
      },
    });
    const a = createWorker({ db: ctx.db, clock: ctx.clock, handlers: handlers('a'), batchSize: 7 });
    const b = createWorker({ db: ctx.db, clock: ctx.clock, handlers: handlers('b'), batchSize: 7 });
    const [ranA, ranB] = await Promise.all([a.drain(), b.drain()]);

    expect(ranA + ranB).toBe(500);
    expect(runs.size).toBe(500);
    expect([...runs.values()].every((who) => who.length === 1)).toBe(true);
    expect(ranA).toBeGreaterThan(0);
    expect(ranB).toBeGreaterThan(0);
    const left = await ctx.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', kind)
      .where('status', '!=', 'done')
      .executeTakeFirstOrThrow();
    expect(left.n).toBe(0);
  });

  it('retries a failing job with backoff and gives up after its last attempt', async () => {
    const kind = 'test.flaky';
    const now = ctx.clock.now();
    const id = await enqueueJob(ctx.db, { tenantId: tenant.id, kind, runAt: now, maxAttempts: 3 }, now);
    let calls = 0;
    const worker = workerFor(kind, {
      async run() {
        calls += 1;
        throw new Error(`boom ${calls}`);
      },
      retryDelayMs: (attempts) => attempts * 60_000,
    });
    expect(await worker.drain()).toBe(1);
    // Not due again until its backoff has passed.
    expect(await worker.drain()).toBe(0);
    ctx.clock.advance(59_000);
    expect(await worker.drain()).toBe(0);
    ctx.clock.advance(1_000);
    expect(await worker.drain()).toBe(1);
    ctx.clock.advance(120_000);
    expect(await worker.drain()).toBe(1);
    ctx.clock.advance(24 * 3_600_000);
    expect(await worker.drain()).toBe(0);
    expect(calls).toBe(3);
    const row = await ctx.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
    expect(row.attempts).toBe(3);
    expect(row.last_error).toBe('boom 3');
  });

  it('succeeds on a retry after a failure', async () => {
    const kind = 'test.second-time';
    const now = ctx.clock.now();
    const id = await enqueueJob(ctx.db, { tenantId: tenant.id, kind, runAt: now }, now);
    let calls = 0;
    const worker = workerFor(kind, {
      async run() {
        calls += 1;
        if (calls === 1) throw new Error('first time fails');
      },
      retryDelayMs: () => 5_000,
    });
    await worker.drain();
    ctx.clock.advance(5_000);
    await worker.drain();
    const row = await ctx.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect([calls, row.status, row.attempts]).toEqual([2, 'done', 2]);
  });

  it('never runs a job cancelled with its subject', async () => {
    const kind = 'test.reminder';
    const now = ctx.clock.now();
    await enqueueJob(ctx.db, { tenantId: tenant.id, kind, subject: 'booking:x', runAt: now }, now);
    await enqueueJob(ctx.db, { tenantId: tenant.id, kind, subject: 'booking:y', runAt: now }, now);
    expect(await cancelJobs(ctx.db, { tenantId: tenant.id, subject: 'booking:x' }, now)).toBe(1);
    const ran: string[] = [];
    const worker = workerFor(kind, { run: async (job) => void ran.push(job.subject ?? '') });
    await worker.drain();
    expect(ran).toEqual(['booking:y']);
  });

  it('hands a job whose worker died to another worker after the lease, and only then', async () => {
    const kind = 'test.lease';
    const now = ctx.clock.now();
    const id = await enqueueJob(ctx.db, { tenantId: tenant.id, kind, runAt: now }, now);
    const claimed = await claimJobs(ctx.db, {
      workerId: 'dead',
      now,
      leaseMs: 30_000,
      limit: 5,
      kinds: [kind],
    });
    expect(claimed.map((j) => j.id)).toEqual([id]);
    const again = () =>
      claimJobs(ctx.db, {
        workerId: 'alive',
        now: ctx.clock.now(),
        leaseMs: 30_000,
        limit: 5,
        kinds: [kind],
      });
    expect(await again()).toEqual([]);
    ctx.clock.advance(30_001);
    const taken = await again();
    expect(taken.map((j) => [j.id, j.attempts])).toEqual([[id, 2]]);
    // The dead worker's late completion does not count; the live one's does.
    expect(await completeJob(ctx.db, { id, workerId: 'dead' }, ctx.clock.now())).toBe(false);
    expect(await completeJob(ctx.db, { id, workerId: 'alive' }, ctx.clock.now())).toBe(true);
  });
  it('stop() returns after the job in flight, not after the backlog, and hands back the rest of its batch', async () => {
    const kind = 'test.backlog';
    const now = ctx.clock.now();
    await ctx.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 200; i++) {
        await enqueueJob(trx, { tenantId: tenant.id, kind, payload: { n: i }, runAt: now }, now);
      }
    });
    let started = 0;
    let finished = 0;
    let firstStarted: () => void = () => {};
    const first = new Promise<void>((resolve) => {
      firstStarted = resolve;
    });
    let finishFirst: () => void = () => {};
    const firstMayFinish = new Promise<void>((resolve) => {
      finishFirst = resolve;
    });
    const worker = createWorker({
      db: ctx.db,
      clock: ctx.clock,
      pollMs: 50,
      batchSize: 10,
      handlers: {
        [kind]: {
          async run() {
            started += 1;
            firstStarted();
            // The first job waits for the test; the others would take 100 ms each: 20 s of backlog.
            await (started === 1 ? firstMayFinish : new Promise((r) => setTimeout(r, 100)));
            finished += 1;
          },
        },
      },
    });
    const statuses = async () => {
      const rows = await ctx.db
        .selectFrom('jobs')
        .select([
          'status',
          (eb) => eb.fn.countAll<number>().as('n'),
          (eb) => eb.fn.max('attempts').as('attempts'),
        ])
        .where('kind', '=', kind)
        .groupBy('status')
        .execute();
      return rows
        .map((r) => ({ ...r, attempts: Number(r.attempts) }))
        .sort((x, y) => x.status.localeCompare(y.status));
    };
    worker.start();
    await first;
    const before = Date.now();
    let returned = false;
    const stopping = worker.stop().then(() => {
      returned = true;
    });
    // While the job in flight still runs, the other 9 jobs of its batch are already pending
    // again (not leased for a minute), their claim not counted as an attempt.
    await vi.waitFor(
      async () =>
        expect(await statuses()).toEqual([
          { status: 'pending', n: 199, attempts: 0 },
          { status: 'running', n: 1, attempts: 1 },
        ]),
      { timeout: 5_000, interval: 20 },
    );
    expect(worker.current?.kind).toBe(kind);
    expect(returned).toBe(false);
    finishFirst();
    await stopping;
    const took = Date.now() - before;

    // The job in flight finished; nothing else was started.
    expect(started).toBe(1);
    expect(finished).toBe(1);
    expect(took).toBeLessThan(5_000);
    expect(worker.current).toBeUndefined();
    expect(await statuses()).toEqual([
      { status: 'done', n: 1, attempts: 1 },
      { status: 'pending', n: 199, attempts: 0 },
    ]);
    // A stopped worker started again picks the backlog up.
    expect(
      await createWorker({
        db: ctx.db,
        clock: ctx.clock,
        handlers: { [kind]: { run: async () => {} } },
      }).drain(),
    ).toBe(199);
  });
});
