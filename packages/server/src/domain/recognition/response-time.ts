import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database.js';

/** How quickly a mentor answers: the median and how many answers it is over. */
export interface ResponseFacts {
  /** Median minutes from an offer to the mentor's answer; null with no answers. */
  medianMinutes: number | null;
  /** Answers counted (accepted or declined offers). */
  responses: number;
}

/**
 * The one place recognition reads response times from. A response is an instant-help offer the
 * mentor answered (accepted or declined; `responded_at − offered_at`). The median is the stored
 * `mentors.median_response_minutes` when something has measured it, else computed from those
 * offers; the count always comes from the offers.
 */
export async function responseFacts(
  db: Kysely<Database>,
  tenantId: string,
  mentorId: string,
): Promise<ResponseFacts> {
  const row = await db
    .selectFrom('request_offers')
    .select([
      sql<number>`count(*)::int`.as('responses'),
      sql<
        number | null
      >`percentile_cont(0.5) within group (order by extract(epoch from (responded_at - offered_at)) / 60.0)`.as(
        'median',
      ),
    ])
    .where('tenant_id', '=', tenantId)
    .where('mentor_id', '=', mentorId)
    .where('status', 'in', ['accepted', 'declined'])
    .where('responded_at', 'is not', null)
    .executeTakeFirstOrThrow();
  const stored = await db
    .selectFrom('mentors')
    .select('median_response_minutes')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', mentorId)
    .executeTakeFirst();
  const computed = row.median === null ? null : Number(row.median);
  return {
    medianMinutes: stored?.median_response_minutes ?? computed,
    responses: Number(row.responses),
  };
}
