import type { Kysely } from 'kysely';
import type { Database, HelpRequestRow } from '../../db/database.js';
import { lockHelpRequest } from '../../db/help-requests.js';
import { type JobHandler, jobTarget } from '../job-handler.js';
import type { SemanticSearch } from '../matching/semantic/semantic-search.js';

/**
 * A job about one request (`payload.requestId`): `step` runs in one transaction under the
 * request's row lock, and only while the request is still open — accepted, cancelled or
 * booked meanwhile, the job has nothing left to do.
 */
export function openRequestJob(
  step: (
    trx: Kysely<Database>,
    request: HelpRequestRow,
    now: Date,
    semantic: SemanticSearch | null,
  ) => Promise<void>,
): JobHandler {
  return {
    async run(job, { db, clock, semantic }) {
      const { tenantId, id } = jobTarget(job, 'requestId');
      await db.transaction().execute(async (trx) => {
        const now = clock.now();
        const request = await lockHelpRequest(trx, tenantId, id);
        if (request?.status !== 'open') return;
        await step(trx, request, now, semantic ?? null);
      });
    },
  };
}
