import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import { mentorUserIds } from '../../db/mentors.js';
import type { EventType } from './event-types.js';
import { recordEvent } from './record-event.js';

/** Who hears a mentor's live events: their own user, once they have signed in (else nobody). */
export async function mentorAudience(
  db: Kysely<Database>,
  tenantId: string,
  mentorId: string,
): Promise<string[]> {
  const userId = (await mentorUserIds(db, tenantId, [mentorId])).get(mentorId);
  return userId ? [userId] : [];
}

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
