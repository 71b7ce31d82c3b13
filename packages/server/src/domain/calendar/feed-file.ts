import { ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import {
  type CalendarFeedOwner,
  type FeedSessionRow,
  feedSessions,
  findCalendarFeedOwner,
} from '../../db/calendar-feeds.js';
import { hashKey } from '../../security/keys.js';
import type { DomainCtx } from '../context.js';
import { NotFoundError } from '../errors.js';
import { readSettings } from '../tenants/settings.js';
import { FEED_SECRET_LENGTH } from './calendar-feed.js';
import { writeCalendar } from './ical.js';

/** Recent sessions stay in the feed this long, so a calendar keeps what just happened. */
const RECENT_DAYS = 30;
/** A feed is polled for ever by apps nobody watches: its size is bounded. */
export const FEED_MAX_EVENTS = 500;
const DAY_MS = 86_400_000;
const SECRET_PATTERN = new RegExp(`^[0-9A-Za-z]{${FEED_SECRET_LENGTH}}$`);

const FORMAT_WORDS: Record<FeedSessionRow['format'], string> = {
  video: 'Video session',
  call: 'Call',
  chat: 'Text thread',
};

/**
 * The private calendar feed a secret opens: the owner's sessions as learner and as mentor, from
 * 30 days ago on. Unknown, malformed and replaced secrets are all simply not found.
 */
export async function calendarFeedFile(ctx: DomainCtx, secret: string): Promise<string> {
  if (!SECRET_PATTERN.test(secret)) throw new NotFoundError('Calendar feed');
  const owner = await findCalendarFeedOwner(ctx.db, hashKey(secret));
  if (!owner) throw new NotFoundError('Calendar feed');
  const now = ctx.clock.now();
  const sessions = await feedSessions(
    ctx.db,
    owner,
    new Date(now.getTime() - RECENT_DAYS * DAY_MS),
    FEED_MAX_EVENTS,
  );
  return renderFeed(owner, sessions, now);
}

function renderFeed(owner: CalendarFeedOwner, sessions: FeedSessionRow[], now: Date): string {
  const program = readSettings(owner.tenantSettings).branding.name ?? owner.tenantName;
  // A subscription, not a message: no METHOD (RFC 5545 §3.7.2), so apps neither ask to accept
  // nor mail anyone. Apps re-fetch it hourly (REFRESH-INTERVAL and X-PUBLISHED-TTL).
  const events = sessions.map((session) => {
    const asLearner = session.learner_id === owner.userId;
    const other = asLearner ? session.mentor_name : session.learner_name;
    const cancelled = session.status === 'cancelled';
    // Only the way in: a call's dial-in is the mentor's bridge; the learner's own number
    // (bookings.call_phone) is never read for the feed. Nor are notes: this file lives on in
    // calendar services, so it says no more than the session's who, when and where.
    const where = session.join_url ?? session.dial_in;
    return {
      // The booking's invitation has the same UID (domain/booking/ics.ts): one event, not two.
      uid: `${session.id}@micromentor`,
      sequence: session.sequence,
      stamp: now,
      lastModified: session.updated_at,
      start: session.start_at,
      end: session.end_at,
      summary: `${cancelled ? 'Cancelled: ' : ''}Micromentor session with ${other}`,
      description: [
        `${FORMAT_WORDS[session.format]} with ${other}.`,
        session.join_url ? `Join: ${session.join_url}` : null,
        session.dial_in ? `Dial in: ${session.dial_in}` : null,
        // A call without a bridge: the mentor calls the number the learner gave (not written here).
        session.format === 'call' && !session.dial_in
          ? asLearner
            ? `${other} calls you at the number you gave when booking.`
            : `You call ${other}: their number is in your Micromentor mentor console.`
          : null,
      ]
        .filter(Boolean)
        .join('\n'),
      location: where,
      url: session.join_url,
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      // A cancelled session no longer blocks the time.
      transparency: cancelled ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
    };
  });
  return writeCalendar(
    {
      prodId: { company: 'Micromentor', product: 'Calendar feed' },
      name: `Micromentor — ${program}`,
      ttlSeconds: 60 * 60,
    },
    events,
  );
}
