import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { mentorUserIds } from '../../db/request-offers.js';
import type { EventType } from './event-types.js';
import { recordEvent } from './record-event.js';

/**
 * One event per mentor, each delivered live to that mentor's own user (a mentor who never
 * signed in has none: the event is still recorded, for webhooks and later reads).
 */
export async function recordMentorEvents(
  db: Kysely<Database>,
  input: {
    tenantId: string;
    type: EventType;
    mentorIds: readonly string[];
    data: (mentorId: string) => Record<string, unknown>;
    at: Date;
  },
): Promise<void> {
  if (input.mentorIds.length === 0) return;
  const users = await mentorUserIds(db, input.tenantId, input.mentorIds);
  for (const mentorId of input.mentorIds) {
    const userId = users.get(mentorId);
    await recordEvent(db, {
      tenantId: input.tenantId,
      type: input.type,
      data: input.data(mentorId),
      userIds: userId ? [userId] : [],
      at: input.at,
    });
  }
}
