import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from './database.js';
import { removeMentorEmbeddings } from './mentor-embeddings.js';

type Db = Kysely<Database>;

// The writes of erasure (domain/privacy/erase.ts), run in its one transaction. Rows stay where
// others' records or the program's counts need them; their texts go.

const count = (result: { numUpdatedRows?: bigint; numDeletedRows?: bigint }) =>
  Number(result.numUpdatedRows ?? result.numDeletedRows ?? 0n);

/** `column` holds one of `needles` (plain `strpos`, so no pattern characters to escape). */
function mentions(column: RawBuilder<unknown>, needles: readonly string[]): RawBuilder<boolean> {
  return sql<boolean>`exists (select 1 from unnest(${sql.val([...needles])}::text[]) as n(t) where strpos(${column}, n.t) > 0)`;
}

/** The user row becomes a tombstone: a new external id (their `sub` now signs in as someone new), no name, no email. */
export async function tombstoneUser(
  db: Db,
  tenantId: string,
  userId: string,
  tombstone: { externalId: string; name: string; now: Date },
): Promise<void> {
  await db
    .updateTable('users')
    .set({
      external_id: tombstone.externalId,
      name: tombstone.name,
      email: null,
      roles: [],
      locale: null,
      time_zone: null,
      calendar_feed_hash: null,
      calendar_feed_sealed: null,
      calendar_feed_created_at: null,
      erased_at: tombstone.now,
      updated_at: tombstone.now,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', userId)
    .execute();
}

/** The mentor profiles go from the public (deleted, unlinked from the user) with their texts. */
export async function tombstoneMentors(
  db: Db,
  tenantId: string,
  mentorIds: readonly string[],
  tombstone: { name: string; now: Date },
): Promise<number> {
  if (!mentorIds.length) return 0;
  const result = await db
    .updateTable('mentors')
    .set({
      external_id: null,
      name: tombstone.name,
      headline: '',
      bio: '',
      status_reason: null,
      paused_reason: null,
      call_bridge: null,
      contact_email: null,
      online_until: null,
      badges: '[]',
      deleted_at: sql<Date>`coalesce(deleted_at, ${tombstone.now})`,
      updated_at: tombstone.now,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...mentorIds])
    .executeTakeFirst();
  await db
    .deleteFrom('availability')
    .where('tenant_id', '=', tenantId)
    .where('mentor_id', 'in', [...mentorIds])
    .execute();
  await db
    .deleteFrom('mentor_badges')
    .where('tenant_id', '=', tenantId)
    .where('mentor_id', 'in', [...mentorIds])
    .execute();
  // Their sentences, kept for matching by meaning.
  await removeMentorEmbeddings(db, tenantId, mentorIds);
  return count(result);
}

/** Marks texts taken out of rows by id; returns how many rows changed. */
export async function redactRequests(
  db: Db,
  tenantId: string,
  ids: readonly string[],
  marker: string,
  now: Date,
) {
  if (!ids.length) return 0;
  const result = await db
    .updateTable('help_requests')
    .set({ title: marker, details: '', context: '{}', redacted_at: now })
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', [...ids])
    .executeTakeFirst();
  return count(result);
}

export async function redactMessagesBy(
  db: Db,
  tenantId: string,
  authorId: string,
  marker: string,
  now: Date,
) {
  const result = await db
    .updateTable('messages')
    .set({ body: marker, redacted_at: now })
    .where('tenant_id', '=', tenantId)
    .where('author_id', '=', authorId)
    .executeTakeFirst();
  return count(result);
}

/** The summaries of these sessions' notes. */
export async function redactNotes(
  db: Db,
  tenantId: string,
  bookingIds: readonly string[],
  marker: string,
  now: Date,
) {
  if (!bookingIds.length) return 0;
  const result = await db
    .updateTable('session_notes')
    .set({ summary: marker, redacted_at: now })
    .where('tenant_id', '=', tenantId)
    .where('booking_id', 'in', [...bookingIds])
    .executeTakeFirst();
  return count(result);
}

/** The action items of these sessions. */
export async function redactActionItems(
  db: Db,
  tenantId: string,
  bookingIds: readonly string[],
  marker: string,
) {
  if (!bookingIds.length) return 0;
  const result = await db
    .updateTable('action_items')
    .set({ text: marker })
    .where('tenant_id', '=', tenantId)
    .where('booking_id', 'in', [...bookingIds])
    .executeTakeFirst();
  return count(result);
}

/**
 * The learner's words in feedback and reports they gave (ratings and reasons stay: they are counted),
 * their board, the topics they dismissed from their suggestions and their decisions on questions.
 */
export async function clearLearnerWords(db: Db, tenantId: string, learnerId: string) {
  const feedback = await db
    .updateTable('feedback')
    .set({ comment: null })
    .where('tenant_id', '=', tenantId)
    .where('learner_id', '=', learnerId)
    .where('comment', 'is not', null)
    .executeTakeFirst();
  const reports = await db
    .updateTable('reports')
    .set({ details: '' })
    .where('tenant_id', '=', tenantId)
    .where('reporter_id', '=', learnerId)
    .executeTakeFirst();
  const board = await db
    .deleteFrom('board_entries')
    .where('tenant_id', '=', tenantId)
    .where('learner_id', '=', learnerId)
    .executeTakeFirst();
  const dismissals = await db
    .deleteFrom('recommendation_dismissals')
    .where('tenant_id', '=', tenantId)
    .where('user_id', '=', learnerId)
    .executeTakeFirst();
  const choices = await db
    .deleteFrom('question_choices')
    .where('tenant_id', '=', tenantId)
    .where('learner_id', '=', learnerId)
    .executeTakeFirst();
  return {
    feedback: count(feedback),
    reports: count(reports),
    boardEntries: count(board),
    recommendationDismissals: count(dismissals),
    questionChoices: count(choices),
  };
}

/**
 * What a session holds of the person: as learner their booking note and phone, as mentor the
 * call bridge and meeting link; a cancellation reason either way when it was theirs.
 */
export async function clearBookingDetails(
  db: Db,
  tenantId: string,
  who: { learnerId: string; mentorIds: readonly string[] },
) {
  const asLearner = await db
    .updateTable('bookings')
    .set((eb) => ({
      note: null,
      call_phone: null,
      cancel_reason: eb
        .case()
        .when('cancelled_by', '=', 'learner')
        .then(sql<string>`''`)
        .else(eb.ref('cancel_reason'))
        .end(),
    }))
    .where('tenant_id', '=', tenantId)
    .where('learner_id', '=', who.learnerId)
    .executeTakeFirst();
  let asMentor = 0;
  if (who.mentorIds.length) {
    const result = await db
      .updateTable('bookings')
      .set((eb) => ({
        join_url: null,
        dial_in: null,
        cancel_reason: eb
          .case()
          .when('cancelled_by', '=', 'mentor')
          .then(sql<string>`''`)
          .else(eb.ref('cancel_reason'))
          .end(),
      }))
      .where('tenant_id', '=', tenantId)
      .where('mentor_id', 'in', [...who.mentorIds])
      .executeTakeFirst();
    asMentor = count(result);
  }
  return count(asLearner) + asMentor;
}

/** Email settings and reply-by-email addresses of the person (as learner and as mentor). */
export async function dropEmailIdentity(
  db: Db,
  tenantId: string,
  who: { userId: string; mentorIds: readonly string[] },
  now: Date,
) {
  const parties = sql<boolean>`((party = 'learner' and party_id = ${who.userId}::uuid)
    or (party = 'mentor' and party_id = any(${sql.val([...who.mentorIds])}::uuid[])))`;
  await db.deleteFrom('email_opt_outs').where('tenant_id', '=', tenantId).where(parties).execute();
  const digests = await db
    .deleteFrom('email_digest_items')
    .where('tenant_id', '=', tenantId)
    .where(parties)
    .executeTakeFirst();
  const tokens = await db
    .updateTable('email_reply_tokens')
    .set({ revoked_at: now })
    .where('tenant_id', '=', tenantId)
    .where(parties)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return { digestItems: count(digests), replyTokens: count(tokens) };
}

/**
 * Email messages to the person (by recipient or address) or about them (a cause naming one of
 * `ids`, or a body holding one of `texts`): their ids and whether each is still pending.
 */
export async function emailsOf(
  db: Db,
  tenantId: string,
  who: {
    userId: string;
    mentorIds: readonly string[];
    addresses: readonly string[];
    ids: readonly string[];
    texts: readonly string[];
  },
): Promise<{ id: string; status: string; toThem: boolean }[]> {
  const toThem = sql<boolean>`(
    (recipient_party = 'learner' and recipient_id = ${who.userId}::uuid)
    or (recipient_party = 'mentor' and recipient_id = any(${sql.val([...who.mentorIds])}::uuid[]))
    or lower(to_address) = any(${sql.val(who.addresses.map((a) => a.toLowerCase()))}::text[]))`;
  const { rows } = await sql<{ id: string; status: string; to_them: boolean }>`
    select id, status, ${toThem} as to_them from email_messages
     where tenant_id = ${tenantId}
       and (${toThem}
            or ${mentions(sql`cause`, who.ids)}
            or ${mentions(sql`subject || ' ' || text_body || ' ' || html_body || ' ' || coalesce(ics, '')`, who.texts)})`.execute(
    db,
  );
  return rows.map((r) => ({ id: r.id, status: r.status, toThem: r.to_them }));
}

/**
 * Blanks these messages (a pending one is never sent: `unaddressed`, as a message to nobody) and
 * the SMTP replies of their attempts, which may name the address.
 */
export async function blankEmails(
  db: Db,
  tenantId: string,
  messages: readonly { id: string; status: string; toThem: boolean }[],
  now: Date,
): Promise<number> {
  if (!messages.length) return 0;
  const ids = messages.map((m) => m.id);
  const toThem = messages.filter((m) => m.toThem).map((m) => m.id);
  await db
    .updateTable('email_messages')
    .set((eb) => ({
      subject: '',
      text_body: '',
      html_body: '',
      ics: null,
      status: eb
        .case()
        .when('status', '=', 'pending')
        .then(sql<'unaddressed'>`'unaddressed'`)
        .else(eb.ref('status'))
        .end(),
      updated_at: now,
    }))
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', ids)
    .execute();
  if (toThem.length) {
    await db
      .updateTable('email_messages')
      .set({ to_address: '', list_unsubscribe: null, unsubscribe_hash: null })
      .where('tenant_id', '=', tenantId)
      .where('id', 'in', toThem)
      .execute();
  }
  await db
    .updateTable('email_attempts')
    .set({ reply: '' })
    .where('tenant_id', '=', tenantId)
    .where('message_id', 'in', ids)
    .execute();
  return ids.length;
}

/** A table with a JSON or text column holding copies (events, payloads) and the rows to look at. */
export type CopyTable =
  | 'events'
  | 'webhook_deliveries'
  | 'webhook_attempts'
  | 'jobs'
  | 'email_digest_items'
  | 'request_matches';

const COPY_COLUMNS: Record<CopyTable, { key: string; column: string; json: boolean }> = {
  events: { key: 'id::text', column: 'data', json: true },
  webhook_deliveries: { key: 'id::text', column: 'body', json: false },
  webhook_attempts: { key: 'id::text', column: 'response_excerpt', json: false },
  jobs: { key: 'id::text', column: 'payload', json: true },
  email_digest_items: { key: 'id::text', column: 'data', json: true },
  request_matches: { key: "request_id::text || ':' || mentor_id::text", column: 'reasons', json: true },
};

/** Rows of a copy table whose text mentions one of the needles: their key and the text as stored. */
export async function copiesMentioning(
  db: Db,
  table: CopyTable,
  tenantId: string,
  needles: readonly string[],
): Promise<{ key: string; text: string }[]> {
  if (!needles.length) return [];
  const { key, column } = COPY_COLUMNS[table];
  const text = sql`${sql.ref(column)}::text`;
  const { rows } = await sql<{ key: string; text: string }>`
    select ${sql.raw(key)} as key, ${text} as text from ${sql.table(table)}
     where tenant_id = ${tenantId} and ${sql.ref(column)} is not null and ${mentions(text, needles)}`.execute(
    db,
  );
  return rows;
}

/** Writes a scrubbed copy back (JSON columns take the JSON text). */
export async function rewriteCopy(
  db: Db,
  table: CopyTable,
  tenantId: string,
  key: string,
  text: string,
): Promise<void> {
  const { key: keyExpr, column, json } = COPY_COLUMNS[table];
  await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${json ? sql`${text}::jsonb` : sql`${text}`}
             where tenant_id = ${tenantId} and ${sql.raw(keyExpr)} = ${key}`.execute(db);
}

/** Replayable responses that hold the person's ids or texts: replays of them are gone. */
export async function dropIdempotencyRecords(
  db: Db,
  tenantId: string,
  needles: readonly string[],
): Promise<number> {
  if (!needles.length) return 0;
  const result = await sql`delete from idempotency_keys
     where tenant_id = ${tenantId} and ${mentions(sql`response_body`, needles)}`.execute(db);
  return Number(result.numAffectedRows ?? 0n);
}
