import { randomUUID } from 'node:crypto';
import type { SessionFormat } from '../../db/database.js';
import { randomBase62 } from '../../security/keys.js';

/**
 * Where the session happens: for video the mentor's own link or a unique room from the tenant's
 * template (`{room}` is replaced); for chat a thread id; for a call neither (a phone number or the
 * mentor's dial-in says how: `callDetails`).
 */
export function joinDetails(
  format: SessionFormat,
  template: string,
  mentorMeetingUrl: string | null,
): { joinUrl: string | null; threadId: string | null } {
  if (format === 'chat') return { joinUrl: null, threadId: randomUUID() };
  if (format === 'call') return { joinUrl: null, threadId: null };
  const room = randomBase62(20);
  const url =
    mentorMeetingUrl ??
    (template.includes('{room}') ? template.replaceAll('{room}', room) : `${template}${room}`);
  return { joinUrl: url, threadId: null };
}

/** How a call happens: the mentor's dial-in when they have one, else the learner's number. */
export interface CallDetails {
  /** The learner's number (E.164), kept only while the session is ahead. */
  phone: string | null;
  /** The mentor's call bridge at booking time. */
  dialIn: string | null;
}
