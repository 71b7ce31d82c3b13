import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock.js';
import type { Database, JobRow } from '../db/database.js';
import { claimJobs, completeJob, failJob, releaseJobs } from '../db/jobs.js';
import type { JobHandlers } from '../domain/job-handler.js';
import type { SemanticSearch } from '../domain/matching/semantic/semantic-search.js';

export type { JobHandler, JobHandlers } from '../domain/job-handler.js';

export interface WorkerOptions {
  db: Kysely<Database>;
  clock: Clock;
  handlers: JobHandlers;
  workerId?: string;
  /** How long a claimed job stays ours; a crashed worker's jobs are retried after it. */
  leaseMs?: number;
  pollMs?: number;
  batchSize?: number;
  onError?: (error: unknown, job: JobRow | undefined) => void;
  /** Matching by meaning for the jobs that match (next matches of an expired request); null: keywords. */
  semantic?: SemanticSearch | null;
}

/** 5 s, 10 s, 20 s … capped at one hour, ±20 % jitter so retries of many jobs spread out. */
export function defaultRetryDelayMs(attempts: number): number {
  const base = Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
  return Math.round(base * (0.8 + Math.random() * 0.4));
}

export interface Worker {
  readonly id: string;
  /** The job running right now, if any (shutdown names it when it has to abandon it). */
  readonly current: Pick<JobRow, 'id' | 'kind'> | undefined;
  /**
   * Runs every job due now (by the worker's clock) until none is left, or until `stop()` is
   * called; returns how many ran.
   */
  drain(): Promise<number>;
  start(): void;
  /**
   * Stops between jobs: hands the jobs claimed with the one in flight but not started back to
   * the queue at once, and resolves once the job in flight (if any) has finished — never after
   * the whole backlog.
   */
  stop(): Promise<void>;
}

export function createWorker(options: WorkerOptions): Worker {
  const id = options.workerId ?? `worker-${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? 60_000;
  const kinds = Object.keys(options.handlers);
  const onError = options.onError ?? (() => {});
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  let stopped = true;
  /** Set by stop(): drain() ends after the job in flight (tests call drain() without start()). */
  let stopping = false;
  let current: JobRow | undefined;

  async function runOne(job: JobRow): Promise<void> {
    const handler = options.handlers[job.kind];
    const context = { db: options.db, clock: options.clock, semantic: options.semantic ?? null };
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler.run(job, context);
      await completeJob(options.db, { id: job.id, workerId: id }, options.clock.now());
    } catch (error) {
      onError(error, job);
      const now = options.clock.now();
      const delay = (handler?.retryDelayMs ?? defaultRetryDelayMs)(job.attempts);
      await failJob(
        options.db,
        { id: job.id, workerId: id, attempts: job.attempts, maxAttempts: job.max_attempts },
        error instanceof Error ? error.message : String(error),
        new Date(now.getTime() + delay),
        now,
      ).catch((e: unknown) => onError(e, job));
    }
  }

  /** Jobs the running drain has claimed but not started: handed back when the worker stops. */
  let unstarted: JobRow[] = [];

  async function releaseUnstarted(): Promise<void> {
    const left = unstarted.splice(0);
    if (left.length === 0) return;
    // Back to the queue now, not after the lease, their claim not counted as an attempt.
    await releaseJobs(options.db, { ids: left.map((j) => j.id), workerId: id }).catch((e: unknown) =>
      onError(e, undefined),
    );
  }

  async function drain(): Promise<number> {
    let count = 0;
    while (!stopping) {
      const jobs = await claimJobs(options.db, {
        workerId: id,
        now: options.clock.now(),
        leaseMs,
        limit: options.batchSize ?? 10,
        kinds,
      });
      if (jobs.length === 0) return count;
      unstarted = jobs;
      while (unstarted.length > 0 && !stopping) {
        const job = unstarted.shift()!;
        current = job;
        try {
          await runOne(job);
        } finally {
          current = undefined;
        }
        count += 1;
      }
    }
    // Stopped while claiming: what that claim took goes back.
    await releaseUnstarted();
    return count;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = drain()
        .catch((error: unknown) => onError(error, undefined))
        .finally(() => {
          running = undefined;
          schedule();
        });
    }, options.pollMs ?? 1_000);
    timer.unref?.();
  }

  return {
    id,
    get current() {
      return current && { id: current.id, kind: current.kind };
    },
    drain,
    start() {
      if (!stopped) return;
      stopped = false;
      stopping = false;
      schedule();
    },
    async stop() {
      stopped = true;
      stopping = true;
      if (timer) clearTimeout(timer);
      // The rest of the batch is released at once, while the job in flight finishes.
      await Promise.all([releaseUnstarted(), running]);
    },
  };
}
