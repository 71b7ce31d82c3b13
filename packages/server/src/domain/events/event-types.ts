/**
 * Every kind of event the system records. One list feeds live events (SSE) and webhooks; each
 * event is written in the same transaction as the change it reports.
 */
export const EVENT_TYPES = [
  'request.created',
  'request.offered',
  'request.accepted',
  'request.matched',
  'request.expired',
  'request.cancelled',
  'request.withdrawn',
  'request.offers_expired',
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
  'message.created',
  'feedback.submitted',
  'notes.updated',
  'mentor.applied',
  'mentor.approved',
  'mentor.rejected',
  'mentor.paused',
  'mentor.suspended',
  'mentor.reinstated',
  'report.created',
  'report.resolved',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];
