import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { enqueueJobUnlessPending } from '../../db/jobs.js';
import { hasWaitingRequests } from '../../db/program-queue.js';

/** Re-runs matching for the tenant's requests that wait for a match (rematch-waiting-job.ts). */
export const REMATCH_WAITING_JOB = 'request.rematch-waiting';

export const waitingSubject = (tenantId: string): string => `waiting:${tenantId}`;

/**
 * A mentor may fit a waiting request now (approved, profile or hours changed, a session freed):
 * queues one re-match of the tenant's waiting requests in the caller's transaction, unless one is
 * pending already (that run reads the latest state anyway). Nothing when nobody waits (one
 * indexed look-up).
 */
export async function enqueueWaitingRematch(
  db: Kysely<Database>,
  tenantId: string,
  now: Date,
): Promise<void> {
  if (!(await hasWaitingRequests(db, tenantId))) return;
  await enqueueJobUnlessPending(
    db,
    { tenantId, kind: REMATCH_WAITING_JOB, subject: waitingSubject(tenantId), runAt: now, maxAttempts: 5 },
    now,
  );
}
