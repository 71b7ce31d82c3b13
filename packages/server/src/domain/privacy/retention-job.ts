import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { enqueueJob } from '../../db/jobs.js';
import {
  expireEmailBodies,
  expireMessages,
  expireNotes,
  expireRequests,
  type Sweep,
} from '../../db/retention.js';
import { inTransaction } from '../../db/transaction.js';
import type { DomainCtx } from '../context.js';
import type { JobHandler } from '../job-handler.js';
import { readSettings } from '../tenants/settings.js';
import { EXPIRED_TEXT } from './scrub.js';

/**
 * The program's retention period (`retentionMonths`): request texts, messages, session notes
 * with their action items, and the bodies of email that quoted them, older than that, are taken
 * out — the rows stay, so sessions, threads and every analytics count stay as they were.
 */
export const RETENTION_JOB = 'privacy.retention';
/** A tenant with a retention period has its texts swept this often. */
export const RETENTION_INTERVAL_MS = 24 * 60 * 60_000;
/** Rows per statement, and statements per run: a large backlog is done over several runs. */
export const RETENTION_BATCH = 500;
const BATCHES_PER_RUN = 20;
const SUBJECT = 'retention';

/** `now` minus whole calendar months (UTC): what was written before it has expired. */
export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  return cutoff;
}

export interface RetentionCounts {
  requests: number;
  messages: number;
  notes: number;
  actionItems: number;
  emails: number;
  /** More rows are waiting (the run stopped at its batch budget). */
  more: boolean;
}

/**
 * Takes the texts older than `months` out of the tenant's data, in batches, each batch in a
 * transaction of its own; running it again finds nothing more to do.
 */
export async function applyRetention(
  ctx: DomainCtx,
  tenantId: string,
  months: number,
  options: { batch?: number; maxBatches?: number } = {},
): Promise<RetentionCounts> {
  const now = ctx.clock.now();
  const sweep: Sweep = {
    tenantId,
    before: retentionCutoff(now, months),
    limit: options.batch ?? RETENTION_BATCH,
    marker: EXPIRED_TEXT,
    now,
  };
  const counts: RetentionCounts = {
    requests: 0,
    messages: 0,
    notes: 0,
    actionItems: 0,
    emails: 0,
    more: false,
  };
  for (let i = 0; i < (options.maxBatches ?? BATCHES_PER_RUN); i++) {
    const batch = await inTransaction(ctx.db, async (trx) => {
      const requests = await expireRequests(trx, sweep);
      const messages = await expireMessages(trx, sweep);
      const notes = await expireNotes(trx, sweep);
      const emails = await expireEmailBodies(trx, sweep);
      return { requests, messages, ...notes, emails };
    });
    counts.requests += batch.requests;
    counts.messages += batch.messages;
    counts.notes += batch.notes;
    counts.actionItems += batch.actionItems;
    counts.emails += batch.emails;
    const full = [batch.requests, batch.messages, batch.notes, batch.emails].some((n) => n === sweep.limit);
    if (!full) return counts;
  }
  counts.more = true;
  return counts;
}

/** Makes sure the tenant's retention job is waiting (one at most): when the setting is turned on. */
export async function ensureRetentionJob(db: Kysely<Database>, tenantId: string, now: Date): Promise<void> {
  const { rows } = await sql<{ one: number }>`
    select 1 as one from jobs
     where tenant_id = ${tenantId} and kind = ${RETENTION_JOB} and subject = ${SUBJECT}
       and status in ('pending', 'running')
     limit 1`.execute(db);
  if (rows.length === 0) {
    await enqueueJob(db, { tenantId, kind: RETENTION_JOB, subject: SUBJECT, runAt: now }, now);
  }
}

/**
 * The job: sweeps its tenant with the retention period the program has now, then comes back in a
 * day (at once while a backlog remains). A program that turned retention off ends its chain.
 */
export const retentionJob: JobHandler = {
  async run(job, ctx) {
    if (!job.tenant_id) return;
    const tenant = await ctx.db
      .selectFrom('tenants')
      .select('settings')
      .where('id', '=', job.tenant_id)
      .executeTakeFirst();
    const months = tenant ? readSettings(tenant.settings).retentionMonths : null;
    if (months === null) return;
    const counts = await applyRetention(ctx, job.tenant_id, months);
    const now = ctx.clock.now();
    await enqueueJob(
      ctx.db,
      {
        tenantId: job.tenant_id,
        kind: RETENTION_JOB,
        subject: SUBJECT,
        // What the last run took out, for whoever reads the job log.
        payload: { last: { ...counts, at: now.toISOString() } },
        runAt: counts.more ? now : new Date(now.getTime() + RETENTION_INTERVAL_MS),
      },
      now,
    );
  },
};
