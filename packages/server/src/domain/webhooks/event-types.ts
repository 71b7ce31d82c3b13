import type { EventType } from '../events/event-types.js';

/** The events a tenant may subscribe a webhook endpoint to (a subset of every recorded event). */
export const WEBHOOK_EVENT_TYPES = [
  'request.created',
  'request.matched',
  'request.expired',
  'request.reassigned',
  'request.queued',
  'request.taken',
  'request.match_found',
  'booking.created',
  'booking.cancelled',
  'booking.rescheduled',
  'booking.completed',
  'booking.reminder',
  'booking.no_show',
  'feedback.submitted',
  'mentor.applied',
  'mentor.approved',
] as const satisfies readonly EventType[];

/** What each event means, for the API reference's `webhooks` section. */
export const WEBHOOK_EVENT_DESCRIPTIONS: Record<WebhookEventType, string> = {
  'request.created': 'A learner asked for help (`data.request` is the request as the API shows it).',
  'request.matched': 'A request found its mentor, by a booking or an accepted instant offer.',
  'request.expired': 'A request reached the program’s `requestSlaHours` without a mentor.',
  'request.reassigned':
    'A request went to another mentor: the one it was with let the program’s reply window pass (`data.reason` ' +
    '`no_reply`) or the learner asked for another (`learner_asked`). `data.offeredTo` names the next mentors; ' +
    '`data.unanswered: true`: nobody was left (or `maxHandovers` was reached) and it waits for the program.',
  'request.queued':
    'Nobody fitted a request and its learner asked the program: it is in the program queue ' +
    '(`GET /v1/program-queue`) for admins and approved mentors.',
  'request.taken':
    'A mentor took a request from the program queue (`data.mentorId`, `data.threadId`); the learner is told.',
  'request.match_found':
    'A mentor who fits a request that waited for a match is here (`data.matches`); the learner is told.',
  'booking.created': 'A session was booked.',
  'booking.cancelled': 'A session was cancelled (`data.cancelledBy`, `data.reason`).',
  'booking.rescheduled': 'A session moved (`data.previousStart`, `data.previousEnd`).',
  'booking.completed': 'A session ended and was not reported as a no-show.',
  'booking.reminder':
    'A confirmed session starts soon: sent at each of the program’s `reminderMinutesBefore` (default 24 h and 10 min) — ' +
    '`data.lead` says which (`24h`, `10m`). Never after the session was cancelled or moved away from that time.',
  'booking.no_show':
    'The other party recorded that someone did not come (`data.who`: `mentor` or `learner`; `data.recordedBy`).',
  'feedback.submitted': 'A learner rated a session.',
  'mentor.applied': 'Someone applied to mentor; they wait for vetting.',
  'mentor.approved': 'A mentor was approved and can be found and booked.',
};

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export function isWebhookEventType(type: string): type is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(type);
}
