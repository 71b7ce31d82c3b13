import type { EventType } from '../events/event-types.js';

/** The job that turns one recorded event into its email (`compose-job.ts`). */
export const EMAIL_COMPOSE_JOB = 'email.compose';

/** The events that cause email: `recordEvent` queues an `email.compose` job for each, in its transaction. */
export const MAIL_EVENT_TYPES: ReadonlySet<EventType> = new Set<EventType>([
  'booking.created',
  'booking.rescheduled',
  'booking.cancelled',
  'booking.reminder',
  'booking.completed',
  'request.offered',
  'request.reassigned',
  'request.taken',
  'request.match_found',
  'message.created',
  'mentor.approved',
  'mentor.rejected',
  'report.resolved',
]);
