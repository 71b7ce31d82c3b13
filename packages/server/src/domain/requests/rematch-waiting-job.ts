import { lockHelpRequest } from '../../db/help-requests.js';
import { enqueueJob } from '../../db/jobs.js';
import { listWaitingRequests, markMatchFound } from '../../db/program-queue.js';
import { findTenantById } from '../../db/tenants.js';
import { findUser } from '../../db/users.js';
import { recordEvent } from '../events/record-event.js';
import type { JobHandler } from '../job-handler.js';
import { readSettings } from '../tenants/settings.js';
import { findMatches, requestMatchInput } from './find-matches.js';
import { REMATCH_WAITING_JOB, waitingSubject } from './waiting-jobs.js';

/** Waiting requests matched again per run; more are left to a follow-up run (bounded work per job). */
export const REMATCH_BATCH = 25;

function afterOf(payload: Record<string, unknown>): { at: string; id: string } | undefined {
  const after = payload.after as { at?: unknown; id?: unknown } | undefined;
  return typeof after?.at === 'string' && typeof after.id === 'string'
    ? { at: after.at, id: after.id }
    : undefined;
}

/**
 * `request.rematch-waiting`: a mentor may fit the tenant's requests that wait for a match (one
 * was approved, changed their profile or hours, or a session freed up). Each waiting request,
 * oldest first, is matched again under its row lock, in its own transaction; when someone fits
 * now, it is marked (once) and the learner told: `request.match_found` (live and by email).
 * At most `REMATCH_BATCH` per run; a full batch queues the next run after the last one.
 */
export const rematchWaitingJob: JobHandler = {
  async run(job, { db, clock, semantic }) {
    const tenantId = job.tenant_id;
    if (!tenantId) throw new Error(`job ${job.id} has no tenant`);
    const tenant = await findTenantById(db, tenantId);
    if (!tenant) return;
    const settings = readSettings(tenant.settings);
    const rows = await listWaitingRequests(db, {
      tenantId,
      limit: REMATCH_BATCH,
      after: afterOf(job.payload),
    });
    for (const waiting of rows) {
      await db.transaction().execute(async (trx) => {
        const now = clock.now();
        const row = await lockHelpRequest(trx, tenantId, waiting.id);
        if (row?.status !== 'open' || row.waiting_since === null || row.match_found_at !== null) return;
        const learner = await findUser(trx, tenantId, row.learner_id);
        if (!learner) return;
        const { matches } = await findMatches(
          trx,
          requestMatchInput(row, { tenantId, settings, learnerExternalId: learner.external_id, now }),
          semantic ?? null,
        );
        if (matches.length === 0 || !(await markMatchFound(trx, tenantId, row.id, now))) return;
        await recordEvent(trx, {
          tenantId,
          type: 'request.match_found',
          data: {
            requestId: row.id,
            title: row.title,
            matches: matches.map((m) => ({
              mentorId: m.mentor.id,
              name: m.mentor.name,
              nextSlots: m.nextSlots,
            })),
          },
          userIds: [row.learner_id],
          at: now,
        });
      });
    }
    const last = rows.at(-1);
    if (rows.length === REMATCH_BATCH && last?.waiting_since) {
      const now = clock.now();
      await enqueueJob(
        db,
        {
          tenantId,
          kind: REMATCH_WAITING_JOB,
          subject: waitingSubject(tenantId),
          payload: { after: { at: last.waiting_since.toISOString(), id: last.id } },
          runAt: now,
          maxAttempts: 5,
        },
        now,
      );
    }
  },
};
