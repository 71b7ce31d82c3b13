import { randomUUID } from 'node:crypto';
import type { SessionFormat } from '../../db/database.js';
import { randomBase62 } from '../../security/keys.js';

/**
 * Where the session happens: for video and call the mentor's own link or a unique room from
 * the tenant's template (`{room}` is replaced); for chat a thread id.
 */
export function joinDetails(
  format: SessionFormat,
  template: string,
  mentorMeetingUrl: string | null,
): { joinUrl: string | null; threadId: string | null } {
  if (format === 'chat') return { joinUrl: null, threadId: randomUUID() };
  const room = randomBase62(20);
  const url =
    mentorMeetingUrl ??
    (template.includes('{room}') ? template.replaceAll('{room}', room) : `${template}${room}`);
  return { joinUrl: url, threadId: null };
}
