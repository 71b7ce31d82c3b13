import { type Kysely, sql } from 'kysely';
import type { Database, JobRow } from './database.js';

export interface NewJob {
  tenantId: string | null;
  kind: string;
  payload?: Record<string, unknown>;
  /** What the job is about (e.g. `booking:<id>`), so it can be cancelled along with it. */
  subject?: string;
  runAt: Date;
  maxAttempts?: number;
}

/** Enqueues a job inside the caller's transaction: it exists only if the change commits. */
export async function enqueueJob(db: Kysely<Database>, job: NewJob, now: Date): Promise<string> {
  const row = await db
    .insertInto('jobs')
    .values({
      tenant_id: job.tenantId,
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? {}),
      subject: job.subject ?? null,
      status: 'pending',
      run_at: job.runAt,
      max_attempts: job.maxAttempts ?? 8,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Enqueues a job unless one of its kind about the same subject is still pending (a burst of edits
 * needs one run, which reads the latest state); returns the new job's id, or null.
 */
export async function enqueueJobUnlessPending(
  db: Kysely<Database>,
  job: NewJob & { tenantId: string; subject: string },
  now: Date,
): Promise<string | null> {
  const result = await sql<{ id: string }>`
    insert into jobs (tenant_id, kind, payload, subject, status, run_at, max_attempts, created_at)
    select ${job.tenantId}, ${job.kind}, ${JSON.stringify(job.payload ?? {})}::jsonb, ${job.subject},
           'pending', ${job.runAt}, ${job.maxAttempts ?? 8}, ${now}
    where not exists (
      select 1 from jobs
      where tenant_id = ${job.tenantId} and subject = ${job.subject} and kind = ${job.kind}
        and status = 'pending'
    )
    returning id`.execute(db);
  return result.rows[0]?.id ?? null;
}

/** Cancels the pending jobs about a subject (optionally of some kinds only); returns how many. */
export async function cancelJobs(
  db: Kysely<Database>,
  where: { tenantId: string; subject: string; kinds?: readonly string[] },
  now: Date,
): Promise<number> {
  let query = db
    .updateTable('jobs')
    .set({ status: 'cancelled', finished_at: now, locked_by: null, locked_until: null })
    .where('tenant_id', '=', where.tenantId)
    .where('subject', '=', where.subject)
    .where('status', '=', 'pending');
  if (where.kinds?.length) query = query.where('kind', 'in', [...where.kinds]);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Claims up to `limit` due jobs for one worker under a lease. `FOR UPDATE SKIP LOCKED` lets
 * several workers (in several processes) claim concurrently without ever taking the same job;
 * a job whose worker died (lease expired) becomes claimable again.
 */
export async function claimJobs(
  db: Kysely<Database>,
  options: { workerId: string; now: Date; leaseMs: number; limit: number; kinds: readonly string[] },
): Promise<JobRow[]> {
  if (options.kinds.length === 0) return [];
  const leaseUntil = new Date(options.now.getTime() + options.leaseMs);
  const result = await sql<JobRow>`
    update jobs set status = 'running', attempts = attempts + 1,
      locked_by = ${options.workerId}, locked_until = ${leaseUntil}
    where id in (
      select id from jobs
      where run_at <= ${options.now}
        and kind = any(${sql.val([...options.kinds])}::text[])
        and (status = 'pending' or (status = 'running' and locked_until < ${options.now}))
      order by run_at, id
      limit ${options.limit}
      for update skip locked
    )
    returning *`.execute(db);
  return result.rows;
}

/**
 * Hands claimed jobs that were never started back to the queue (a stopping worker): pending
 * again at once, their claim's attempt not counted. Only the claiming worker's own jobs.
 */
export async function releaseJobs(
  db: Kysely<Database>,
  jobs: { ids: readonly string[]; workerId: string },
): Promise<number> {
  if (jobs.ids.length === 0) return 0;
  const result = await db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'pending',
      attempts: eb('attempts', '-', 1),
      locked_by: null,
      locked_until: null,
    }))
    .where('id', 'in', [...jobs.ids])
    .where('locked_by', '=', jobs.workerId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Marks a claimed job done, unless another worker took it over after the lease ran out. */
export async function completeJob(
  db: Kysely<Database>,
  job: { id: string; workerId: string },
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ status: 'done', finished_at: now, locked_by: null, locked_until: null, last_error: null })
    .where('id', '=', job.id)
    .where('locked_by', '=', job.workerId)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Records a failure: retried at `retryAt`, or `failed` for good after the last attempt. */
export async function failJob(
  db: Kysely<Database>,
  job: { id: string; workerId: string; attempts: number; maxAttempts: number },
  error: string,
  retryAt: Date,
  now: Date,
): Promise<'retry' | 'failed'> {
  const final = job.attempts >= job.maxAttempts;
  await db
    .updateTable('jobs')
    .set({
      status: final ? 'failed' : 'pending',
      run_at: final ? now : retryAt,
      finished_at: final ? now : null,
      locked_by: null,
      locked_until: null,
      last_error: error.slice(0, 2000),
    })
    .where('id', '=', job.id)
    .where('locked_by', '=', job.workerId)
    .execute();
  return final ? 'failed' : 'retry';
}
