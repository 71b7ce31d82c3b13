import { type Kysely, sql } from 'kysely';
import type { Database, MentorRow } from '../../db/database.js';
import { mentorOfUser } from '../../db/mentors.js';
import { NotFoundError } from '../errors.js';

/** "Available now" keeps a mentor online this long; they turn it on again to stay. */
export const AVAILABLE_NOW_MS = 15 * 60_000;
/** Each heartbeat of a live connection (SSE) keeps its mentor online this long. */
export const HEARTBEAT_PRESENCE_MS = 60_000;
/** The reason the system pauses mentors who let offers expire; they lift it themselves. */
export const UNRESPONSIVE = 'unresponsive';

export interface Presence {
  availableNow: boolean;
  onlineUntil: string | null;
  status: MentorRow['status'];
}

function presenceOf(row: MentorRow, now: Date): Presence {
  return {
    availableNow: row.online_until !== null && row.online_until > now,
    onlineUntil: row.online_until && row.online_until > now ? row.online_until.toISOString() : null,
    status: row.status,
  };
}

/**
 * The mentor says whether they take instant requests now: on = online for 15 minutes (and,
 * if the system paused them for letting offers expire, back in matching); off = offline at
 * once (a live connection's next heartbeat makes them online again for a minute).
 */
export async function setPresence(
  db: Kysely<Database>,
  input: { tenantId: string; userId: string; availableNow: boolean; now: Date },
): Promise<Presence> {
  const mentor = await mentorOfUser(db, input.tenantId, input.userId);
  if (!mentor) throw new NotFoundError('Mentor profile');
  const reinstate = input.availableNow && mentor.status === 'paused' && mentor.paused_reason === UNRESPONSIVE;
  const row = await db
    .updateTable('mentors')
    .set({
      online_until: input.availableNow ? new Date(input.now.getTime() + AVAILABLE_NOW_MS) : null,
      ...(reinstate
        ? { status: 'approved' as const, paused_reason: null, unanswered_offers: 0, updated_at: input.now }
        : {}),
    })
    .where('tenant_id', '=', input.tenantId)
    .where('id', '=', mentor.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return presenceOf(row, input.now);
}

/**
 * A heartbeat from the user's live connection: if they are a mentor, they stay online for at
 * least another minute (a longer "available now" is kept). Returns whether a mentor was touched.
 * Never lifts a pause: being connected is not answering.
 */
export async function touchPresence(
  db: Kysely<Database>,
  input: { tenantId: string; userId: string; now: Date },
): Promise<boolean> {
  const until = new Date(input.now.getTime() + HEARTBEAT_PRESENCE_MS);
  const result = await sql`
    update mentors m set online_until = greatest(coalesce(m.online_until, ${until}), ${until})
    from users u
    where u.id = ${input.userId} and u.tenant_id = ${input.tenantId}
      and m.tenant_id = ${input.tenantId} and m.external_id = u.external_id and m.deleted_at is null`.execute(
    db,
  );
  return Number(result.numAffectedRows ?? 0n) > 0;
}
