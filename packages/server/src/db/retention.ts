import { type Kysely, sql } from 'kysely';
import type { Database } from './database.js';

type Db = Kysely<Database>;

/** One batch of a retention sweep: the tenant, texts written before `before`, at most `limit` rows. */
export interface Sweep {
  tenantId: string;
  before: Date;
  limit: number;
  marker: string;
  now: Date;
}

// Each sweep takes the oldest rows still holding their text (the partial indexes of
// 2026-12-08T1100-data-rights), so a batch never looks at rows done before: running one again
// finds nothing, and a crash between batches loses nothing.

/** Request titles, details and context. */
export async function expireRequests(db: Db, s: Sweep): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    with done as (
      update help_requests set title = ${s.marker}, details = '', context = '{}', redacted_at = ${s.now}
       where id in (select id from help_requests
                     where tenant_id = ${s.tenantId} and redacted_at is null and created_at < ${s.before}
                     order by created_at limit ${s.limit})
      returning 1)
    select count(*)::int as n from done`.execute(db);
  return rows[0]!.n;
}

/** Message bodies (the rows stay, so threads keep their order and counts). */
export async function expireMessages(db: Db, s: Sweep): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    with done as (
      update messages set body = ${s.marker}, redacted_at = ${s.now}
       where id in (select id from messages
                     where tenant_id = ${s.tenantId} and redacted_at is null and created_at < ${s.before}
                     order by created_at limit ${s.limit})
      returning 1)
    select count(*)::int as n from done`.execute(db);
  return rows[0]!.n;
}

/** Session notes last written before the cutoff, with their action items. */
export async function expireNotes(db: Db, s: Sweep): Promise<{ notes: number; actionItems: number }> {
  const { rows } = await sql<{ notes: number; items: number }>`
    with done as (
      update session_notes set summary = ${s.marker}, redacted_at = ${s.now}
       where booking_id in (select booking_id from session_notes
                             where tenant_id = ${s.tenantId} and redacted_at is null and updated_at < ${s.before}
                             order by updated_at limit ${s.limit})
      returning booking_id),
    items as (
      update action_items set text = ${s.marker}
       where tenant_id = ${s.tenantId} and booking_id in (select booking_id from done)
      returning 1)
    select (select count(*) from done)::int as notes, (select count(*) from items)::int as items`.execute(db);
  return { notes: rows[0]!.notes, actionItems: rows[0]!.items };
}

/** Bodies of email sent before the cutoff (they quote requests and messages); the log's rows stay. */
export async function expireEmailBodies(db: Db, s: Sweep): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    with done as (
      update email_messages set subject = '', text_body = '', html_body = '', ics = null, updated_at = ${s.now}
       where id in (select id from email_messages
                     where tenant_id = ${s.tenantId} and created_at < ${s.before} and status <> 'pending'
                       and (text_body <> '' or html_body <> '' or subject <> '')
                     order by created_at limit ${s.limit})
      returning 1)
    select count(*)::int as n from done`.execute(db);
  return rows[0]!.n;
}
