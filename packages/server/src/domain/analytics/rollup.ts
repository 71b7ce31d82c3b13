import { type Kysely, sql } from 'kysely';
import {
  analyzeRollup,
  claimDirtyDays,
  hasDirtyDays,
  lockTenantRollup,
  rollupDays,
} from '../../db/analytics-rollup.js';
import type { Database } from '../../db/database.js';
import { enqueueJob } from '../../db/jobs.js';
import { inTransaction } from '../../db/transaction.js';
import type { JobHandler } from '../job-handler.js';

export const ANALYTICS_ROLLUP_JOB = 'analytics.rollup';
/** While a tenant keeps changing, its rollup job runs again this often. */
export const ROLLUP_INTERVAL_MS = 15 * 60_000;
const SUBJECT = 'analytics';
/** Recomputing at least this many days at once is a backfill: statistics are refreshed after it. */
const ANALYZE_AFTER_DAYS = 28;

/**
 * Brings the tenant's daily rollup up to date: recomputes every day marked dirty by the triggers
 * (or only those in [fromDay, toDay)), in one transaction under the tenant's rollup lock.
 * Returns the days recomputed.
 */
export async function refreshRollup(
  db: Kysely<Database>,
  tenantId: string,
  threshold: number,
  window?: { fromDay: string; toDay: string },
): Promise<string[]> {
  return inTransaction(db, async (trx) => {
    await lockTenantRollup(trx, tenantId);
    const days = await claimDirtyDays(trx, tenantId, window);
    await rollupDays(trx, tenantId, days, threshold);
    // After a backfill the planner's statistics still describe near-empty tables (and pick nested
    // loops that re-aggregate per mentor); refresh them rather than wait for autovacuum.
    if (days.length >= ANALYZE_AFTER_DAYS) await analyzeRollup(trx);
    return days;
  });
}

/** Makes sure a rollup job is waiting for the tenant (one at most), so its rollup stays current. */
export async function ensureRollupJob(db: Kysely<Database>, tenantId: string, now: Date): Promise<void> {
  const { rows } = await sql<{ one: number }>`
    select 1 as one from jobs
     where tenant_id = ${tenantId} and kind = ${ANALYTICS_ROLLUP_JOB} and subject = ${SUBJECT}
       and status in ('pending', 'running')
     limit 1`.execute(db);
  if (rows.length === 0)
    await enqueueJob(
      db,
      {
        tenantId,
        kind: ANALYTICS_ROLLUP_JOB,
        subject: SUBJECT,
        runAt: new Date(now.getTime() + ROLLUP_INTERVAL_MS),
      },
      now,
    );
}

/**
 * The job: refreshes every dirty day of its tenant, then comes back in ROLLUP_INTERVAL_MS if
 * there was anything to do (the tenant is active). A quiet tenant's chain stops; its next analytics read starts it again.
 */
export function analyticsRollupJob(threshold: number): JobHandler {
  return {
    async run(job, { db, clock }) {
      if (!job.tenant_id) return;
      const days = await refreshRollup(db, job.tenant_id, threshold);
      if (days.length > 0 || (await hasDirtyDays(db, job.tenant_id))) {
        const now = clock.now();
        await enqueueJob(
          db,
          {
            tenantId: job.tenant_id,
            kind: ANALYTICS_ROLLUP_JOB,
            subject: SUBJECT,
            runAt: new Date(now.getTime() + ROLLUP_INTERVAL_MS),
          },
          now,
        );
      }
    },
  };
}
