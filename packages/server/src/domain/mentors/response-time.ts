import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database.js';

/** How many of a mentor's latest responses the median is taken over. */
export const RESPONSE_SAMPLE = 100;

/**
 * Recomputes `mentors.median_response_minutes`: the median, over the mentor's latest
 * RESPONSE_SAMPLE responses, of the time from being asked to answering. A response is an
 * instant offer accepted or declined (offered → answered), or the mentor's first message in the
 * thread of a request that was not offered to them (request created → that message). Offers let
 * expire are not responses (the unresponsive streak counts those). Null while there is none.
 * Called in the transaction of the response, so the stats and `/v1/me/stats` are never stale.
 */
export async function refreshMedianResponse(
  db: Kysely<Database>,
  tenantId: string,
  mentorId: string,
): Promise<number | null> {
  const result = await sql<{ median: number | string | null }>`
    select percentile_cont(0.5) within group (order by minutes) as median
    from (
      select minutes from (
        select extract(epoch from (o.responded_at - o.offered_at)) / 60.0 as minutes, o.responded_at as at
          from request_offers o
         where o.tenant_id = ${tenantId} and o.mentor_id = ${mentorId}
           and o.responded_at is not null and o.status in ('accepted', 'declined')
        union all
        select extract(epoch from (min(m.created_at) - r.created_at)) / 60.0, min(m.created_at)
          from threads t
          join help_requests r on r.tenant_id = t.tenant_id and r.id = t.request_id
          join messages m on m.tenant_id = t.tenant_id and m.thread_id = t.id and m.author_id <> t.learner_id
         where t.tenant_id = ${tenantId} and t.mentor_id = ${mentorId}
           and not exists (
             select 1 from request_offers o2
              where o2.tenant_id = t.tenant_id and o2.request_id = t.request_id and o2.mentor_id = t.mentor_id)
         group by r.id, r.created_at
      ) responses
      order by at desc
      limit ${RESPONSE_SAMPLE}
    ) latest`.execute(db);
  const raw = result.rows[0]?.median;
  const median = raw === null || raw === undefined ? null : Math.max(0, Math.round(Number(raw)));
  await db
    .updateTable('mentors')
    .set({ median_response_minutes: median })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', mentorId)
    .execute();
  return median;
}
