import type { Kysely } from 'kysely';
import type { Database, HelpRequestRow } from '../../db/database.js';
import { latestRequestEvents } from '../../db/events.js';
import { mentorNames } from '../../db/mentors.js';
import type { HandoverView, HelpRequest } from '../../schemas/requests.js';

const ids = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];

const offeredIds = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.flatMap((o) =>
        o && typeof o === 'object' && typeof (o as { mentorId?: unknown }).mentorId === 'string'
          ? [(o as { mentorId: string }).mentorId]
          : [],
      )
    : [];

/**
 * Each request's latest hand-over (by id), read from its newest `request.reassigned` event. Only
 * requests handed over at least once are looked up; mentors are named as they are now (an erased
 * mentor's name is gone from the event too).
 */
export async function latestHandovers(
  db: Kysely<Database>,
  tenantId: string,
  rows: readonly HelpRequestRow[],
): Promise<Map<string, HandoverView>> {
  const handed = rows.filter((r) => r.handovers > 0);
  const events = await latestRequestEvents(
    db,
    tenantId,
    'request.reassigned',
    handed.map((r) => r.id),
    handed.map((r) => r.learner_id),
  );
  const parsed = events.map((event) => ({
    event,
    from: ids(event.data.releasedMentorIds),
    to: offeredIds(event.data.offeredTo),
  }));
  const names = await mentorNames(
    db,
    tenantId,
    parsed.flatMap((p) => [...p.from, ...p.to]),
  );
  const named = (list: string[]) => list.map((mentorId) => ({ mentorId, name: names.get(mentorId) ?? '' }));
  const views = new Map<string, HandoverView>();
  for (const { event, from, to } of parsed) {
    const { requestId, reason, unanswered, windowMinutes } = event.data;
    if (typeof requestId !== 'string' || (reason !== 'no_reply' && reason !== 'learner_asked')) continue;
    views.set(requestId, {
      reason,
      at: event.created_at.toISOString(),
      from: named(from),
      to: named(to),
      unanswered: unanswered === true,
      windowMinutes: typeof windowMinutes === 'number' ? windowMinutes : null,
    });
  }
  return views;
}

/** The requests as the API shows them, each with its latest hand-over when it had one. */
export async function withHandovers(
  db: Kysely<Database>,
  tenantId: string,
  rows: readonly HelpRequestRow[],
  view: (row: HelpRequestRow) => HelpRequest,
): Promise<HelpRequest[]> {
  const handovers = await latestHandovers(db, tenantId, rows);
  return rows.map((row) => {
    const handover = handovers.get(row.id);
    return handover ? { ...view(row), handover } : view(row);
  });
}
