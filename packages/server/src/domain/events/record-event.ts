import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/database.js';
import { enqueueWebhookDeliveries } from '../webhooks/outbox.js';
import type { EventType } from './event-types.js';

/** The PostgreSQL channel every server process listens on for new events. */
export const EVENTS_CHANNEL = 'mm_events';

export interface NewEvent {
  tenantId: string;
  type: EventType;
  data: Record<string, unknown>;
  /** Users (internal ids) who receive it live; empty for tenant-level events. */
  userIds?: readonly string[];
  at: Date;
}

/**
 * Records an event inside the caller's transaction, so it exists exactly when the change it
 * reports commits. NOTIFY is transactional too: listeners hear of it only after the commit.
 */
export async function recordEvent(db: Kysely<Database>, event: NewEvent): Promise<number> {
  const userIds = [...new Set(event.userIds ?? [])];
  const row = await db
    .insertInto('events')
    .values({
      tenant_id: event.tenantId,
      type: event.type,
      data: JSON.stringify(event.data),
      user_ids: userIds,
      created_at: event.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await sql`select pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify({ tenantId: event.tenantId, id: row.id })})`.execute(
    db,
  );
  // The webhook outbox: deliveries (and their jobs) commit or roll back with the event.
  await enqueueWebhookDeliveries(db, {
    id: row.id,
    tenantId: event.tenantId,
    type: event.type,
    data: event.data,
    at: event.at,
  });
  return row.id;
}
