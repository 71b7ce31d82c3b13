import type { Kysely } from 'kysely';
import type {
  ActionItemRow,
  AvailabilityRow,
  BookingRow,
  Database,
  EmailMessageRow,
  FeedbackRow,
  HelpRequestRow,
  MentorRow,
  MessageRow,
  ReportRow,
  SessionNotesRow,
  ThreadRow,
  UserRow,
} from './database.js';

type Db = Kysely<Database>;

/**
 * Every row the program holds about one person of a tenant, as stored: what the export
 * (domain/privacy/export.ts) shows and what erasure (domain/privacy/erase.ts) takes the texts of.
 * A person is a user row and, when they mentor, the mentor rows with their external id (a deleted
 * profile included).
 */
export interface PersonalRows {
  user: UserRow;
  mentors: MentorRow[];
  availability: AvailabilityRow[];
  requests: HelpRequestRow[];
  /** Their sessions, as learner or as mentor. */
  bookings: BookingRow[];
  threads: ThreadRow[];
  /** Messages they wrote. */
  messages: MessageRow[];
  /** Notes of their sessions (as learner or mentor) and the notes' action items. */
  notes: SessionNotesRow[];
  actionItems: ActionItemRow[];
  /** Feedback they gave (as learner) and received (as mentor). */
  feedback: FeedbackRow[];
  /** Reports they filed. */
  reports: ReportRow[];
  board: { mentor_id: string; label: string; created_at: Date }[];
  /** Topics they dismissed from their suggestions. */
  dismissals: { topic: string; created_at: Date }[];
  /** What they decided on their questions and whether they share earlier advice (domain/advice). */
  questionChoices: {
    question_id: string;
    decision: string | null;
    decided_at: Date | null;
    share_earlier_advice: boolean;
  }[];
  badges: { mentor_id: string; code: string; earned_at: Date }[];
  optOuts: { party: string; kind: string; created_at: Date }[];
  /** Email addressed to them (as learner or as mentor). */
  emails: EmailMessageRow[];
  /** Names of the other people of their sessions and threads (users and mentors), by id. */
  names: Map<string, string>;
}

/** The user with this id in the tenant, with everything above; undefined when there is none. */
export async function personalRows(
  db: Db,
  tenantId: string,
  userId: string,
): Promise<PersonalRows | undefined> {
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) return undefined;
  const mentors = await db
    .selectFrom('mentors')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('external_id', '=', user.external_id)
    .orderBy('created_at')
    .execute();
  const mentorIds = mentors.map((m) => m.id);
  const none = ['00000000-0000-0000-0000-000000000000'];
  const asMentor = mentorIds.length ? mentorIds : none;

  const availability = await db
    .selectFrom('availability')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('mentor_id', 'in', asMentor)
    .execute();
  const requests = await db
    .selectFrom('help_requests')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('learner_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const bookings = await db
    .selectFrom('bookings')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('learner_id', '=', userId), eb('mentor_id', 'in', asMentor)]))
    .orderBy('start_at')
    .orderBy('id')
    .execute();
  const threads = await db
    .selectFrom('threads')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('learner_id', '=', userId), eb('mentor_id', 'in', asMentor)]))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const messages = await db
    .selectFrom('messages')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('author_id', '=', userId)
    .orderBy('created_at')
    .orderBy('seq')
    .execute();
  const bookingIds = bookings.length ? bookings.map((b) => b.id) : none;
  const notes = await db
    .selectFrom('session_notes')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('booking_id', 'in', bookingIds)
    .orderBy('created_at')
    .execute();
  const actionItems = await db
    .selectFrom('action_items')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('booking_id', 'in', bookingIds)
    .orderBy('booking_id')
    .orderBy('position')
    .execute();
  const feedback = await db
    .selectFrom('feedback')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where((eb) => eb.or([eb('learner_id', '=', userId), eb('mentor_id', 'in', asMentor)]))
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const reports = await db
    .selectFrom('reports')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('reporter_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const board = await db
    .selectFrom('board_entries')
    .select(['mentor_id', 'label', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where('learner_id', '=', userId)
    .orderBy('created_at')
    .execute();
  const dismissals = await db
    .selectFrom('recommendation_dismissals')
    .select(['topic', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('topic')
    .execute();
  const questionChoices = await db
    .selectFrom('question_choices')
    .select(['question_id', 'decision', 'decided_at', 'share_earlier_advice'])
    .where('tenant_id', '=', tenantId)
    .where('learner_id', '=', userId)
    .orderBy('created_at')
    .orderBy('question_id')
    .execute();
  const badges = await db
    .selectFrom('mentor_badges')
    .select(['mentor_id', 'code', 'earned_at'])
    .where('tenant_id', '=', tenantId)
    .where('mentor_id', 'in', asMentor)
    .orderBy('earned_at')
    .execute();
  const optOuts = await db
    .selectFrom('email_opt_outs')
    .select(['party', 'kind', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where((eb) =>
      eb.or([
        eb.and([eb('party', '=', 'learner'), eb('party_id', '=', userId)]),
        eb.and([eb('party', '=', 'mentor'), eb('party_id', 'in', asMentor)]),
      ]),
    )
    .execute();
  const emails = await db
    .selectFrom('email_messages')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where((eb) =>
      eb.or([
        eb.and([eb('recipient_party', '=', 'learner'), eb('recipient_id', '=', userId)]),
        eb.and([eb('recipient_party', '=', 'mentor'), eb('recipient_id', 'in', asMentor)]),
      ]),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute();

  const others = [
    ...bookings.flatMap((b) => [b.learner_id, b.mentor_id]),
    ...threads.flatMap((t) => [t.learner_id, t.mentor_id]),
    ...board.map((b) => b.mentor_id),
  ];
  const names = await namesOf(db, tenantId, others);
  return {
    user,
    mentors,
    availability,
    requests,
    bookings,
    threads,
    messages,
    notes,
    actionItems,
    feedback,
    reports,
    board,
    dismissals,
    questionChoices,
    badges,
    optOuts,
    emails,
    names,
  };
}

/** Names of users and mentors by id (an id is either), in two queries. */
async function namesOf(db: Db, tenantId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const users = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', unique)
    .execute();
  const mentors = await db
    .selectFrom('mentors')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', unique)
    .execute();
  return new Map([...users, ...mentors].map((r) => [r.id, r.name]));
}

/** Users of the tenant an admin is looking for: by exact external id, or a part of name, email or external id. */
export async function findUsers(
  db: Db,
  f: { tenantId: string; externalId?: string | undefined; q?: string | undefined; limit: number },
): Promise<UserRow[]> {
  let query = db.selectFrom('users').selectAll().where('tenant_id', '=', f.tenantId);
  if (f.externalId !== undefined) query = query.where('external_id', '=', f.externalId);
  if (f.q !== undefined) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('name', 'ilike', like), eb('email', 'ilike', like), eb('external_id', 'ilike', like)]),
    );
  }
  return query.orderBy('name').orderBy('id').limit(f.limit).execute();
}
