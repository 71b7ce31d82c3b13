import { type Kysely, sql } from 'kysely';
import type { Database, MentorRow, OfferStatus, RequestOfferRow } from './database.js';
import { pastCursor } from './keyset.js';

type Db = Kysely<Database>;

export interface OnlineCandidateQuery {
  tenantId: string;
  learnerExternalId: string;
  format: string | null;
  languages: string[];
  skills: string[];
  terms: string[];
  excludeMentorIds: string[];
  now: Date;
  limit: number;
}

const SAFE_TERM = /^[\p{L}\p{N}]+$/u;

/**
 * Approved mentors online now who fit the hard constraints and hold a requested skill or match
 * the words, most relevant first. Online mentors are few at any moment (partial index on
 * online_until), so this stays cheap however large the tenant.
 */
export async function onlineCandidates(db: Db, q: OnlineCandidateQuery): Promise<MentorRow[]> {
  const terms = q.terms.filter((t) => SAFE_TERM.test(t));
  if (terms.length === 0 && q.skills.length === 0) return [];
  const tsquery = terms.length
    ? sql`(to_tsquery('simple', ${terms.join(' | ')}) || to_tsquery('english', ${terms.join(' | ')}))`
    : sql`null::tsquery`;
  const result = await sql<MentorRow>`
    select * from mentors
    where tenant_id = ${q.tenantId}
      and online_until > ${q.now}
      and deleted_at is null
      and status = 'approved'
      and (${q.format}::text is null or ${q.format}::text = any(formats))
      and (cardinality(${q.languages}::text[]) = 0 or languages && ${q.languages}::text[])
      and (external_id is null or external_id <> ${q.learnerExternalId})
      and id <> all(${q.excludeMentorIds}::uuid[])
      and (skills && ${q.skills}::text[] or (${tsquery} is not null and search_doc @@ ${tsquery}))
    order by
      cardinality(array(select unnest(skills) intersect select unnest(${q.skills}::text[]))) desc,
      coalesce(ts_rank_cd(search_doc, ${tsquery}), 0) desc,
      id
    limit ${q.limit}`.execute(db);
  return result.rows;
}

/** Of these mentors, the ones with a live booking overlapping [from, to). */
export async function busyMentorIds(
  db: Db,
  tenantId: string,
  mentorIds: readonly string[],
  from: Date,
  to: Date,
): Promise<Set<string>> {
  if (mentorIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('bookings')
    .select('mentor_id')
    .distinct()
    .where('tenant_id', '=', tenantId)
    .where('mentor_id', 'in', [...mentorIds])
    .where('status', '<>', 'cancelled')
    .where('start_at', '<', to)
    .where('end_at', '>', from)
    .execute();
  return new Set(rows.map((r) => r.mentor_id));
}

export async function insertOffers(
  db: Db,
  rows: { requestId: string; mentorId: string; tenantId: string; offeredAt: Date; expiresAt: Date }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('request_offers')
    .values(
      rows.map((r) => ({
        request_id: r.requestId,
        mentor_id: r.mentorId,
        tenant_id: r.tenantId,
        status: 'offered' as const,
        offered_at: r.offeredAt,
        expires_at: r.expiresAt,
      })),
    )
    .execute();
}

export async function findOffer(
  db: Db,
  tenantId: string,
  requestId: string,
  mentorId: string,
): Promise<RequestOfferRow | undefined> {
  return db
    .selectFrom('request_offers')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('request_id', '=', requestId)
    .where('mentor_id', '=', mentorId)
    .executeTakeFirst();
}

/** Moves the request's offers that are still `offered` to a final status; returns them. */
export async function closeLiveOffers(
  db: Db,
  tenantId: string,
  requestId: string,
  status: Exclude<OfferStatus, 'offered'>,
  now: Date,
  options: { exceptMentorId?: string; onlyMentorId?: string } = {},
): Promise<RequestOfferRow[]> {
  let q = db
    .updateTable('request_offers')
    .set({ status, responded_at: status === 'expired' || status === 'withdrawn' ? null : now })
    .where('tenant_id', '=', tenantId)
    .where('request_id', '=', requestId)
    .where('status', '=', 'offered');
  if (options.exceptMentorId) q = q.where('mentor_id', '<>', options.exceptMentorId);
  if (options.onlyMentorId) q = q.where('mentor_id', '=', options.onlyMentorId);
  return q.returningAll().execute();
}

export async function countLiveOffers(
  db: Db,
  tenantId: string,
  requestId: string,
  /** Also leave out offers past their expiry that no job has closed yet. */
  now?: Date,
): Promise<number> {
  let q = db
    .selectFrom('request_offers')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('request_id', '=', requestId)
    .where('status', '=', 'offered');
  if (now) q = q.where('expires_at', '>', now);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

export interface InboxRow {
  request_id: string;
  mentor_id: string;
  status: OfferStatus;
  offered_at: Date;
  responded_at: Date | null;
  expires_at: Date;
  title: string;
  details: string;
  skills: string[];
  format: string | null;
  urgency: string;
  languages: string[];
  context: Record<string, string>;
  request_status: string;
  matched_mentor_id: string | null;
  request_created_at: Date;
  learner_id: string;
  learner_name: string;
}

/** A page of offers to one mentor, newest first, keyset-paginated by (offered_at, request_id). */
export async function listMentorOffers(
  db: Db,
  f: {
    tenantId: string;
    mentorId: string;
    status?: OfferStatus | undefined;
    requestId?: string | undefined;
    limit: number;
    cursor?: { offeredAt: string; requestId: string } | undefined;
  },
): Promise<InboxRow[]> {
  let q = db
    .selectFrom('request_offers as o')
    .innerJoin('help_requests as r', 'r.id', 'o.request_id')
    .innerJoin('users as u', 'u.id', 'r.learner_id')
    .select([
      'o.request_id',
      'o.mentor_id',
      'o.status',
      'o.offered_at',
      'o.responded_at',
      'o.expires_at',
      'r.title',
      'r.details',
      'r.skills',
      'r.format',
      'r.urgency',
      'r.languages',
      'r.context',
      'r.status as request_status',
      'r.matched_mentor_id',
      'r.created_at as request_created_at',
      'r.learner_id',
      'u.name as learner_name',
    ])
    .where('o.tenant_id', '=', f.tenantId)
    .where('o.mentor_id', '=', f.mentorId)
    .where('r.tenant_id', '=', f.tenantId);
  if (f.status) q = q.where('o.status', '=', f.status);
  if (f.requestId) q = q.where('o.request_id', '=', f.requestId);
  if (f.cursor) {
    q = q.where(
      pastCursor('o.offered_at', 'o.request_id', '<', { at: f.cursor.offeredAt, id: f.cursor.requestId }),
    );
  }
  return q
    .orderBy('o.offered_at', 'desc')
    .orderBy('o.request_id', 'desc')
    .limit(f.limit + 1)
    .execute() as Promise<InboxRow[]>;
}

/** Every mentor the request was ever offered to, whatever became of the offer. */
export async function offeredMentorIds(db: Db, tenantId: string, requestId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('request_offers')
    .select('mentor_id')
    .where('tenant_id', '=', tenantId)
    .where('request_id', '=', requestId)
    .execute();
  return rows.map((r) => r.mentor_id);
}
