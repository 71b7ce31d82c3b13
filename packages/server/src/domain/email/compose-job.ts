import { findEvent } from '../../db/events.js';
import type { JobHandler } from '../job-handler.js';
import { mailApplicationOutcome, mailReportOutcome } from './account-mail.js';
import {
  type BookingMailOptions,
  mailBookingChange,
  mailFeedbackRequest,
  mailReminder,
} from './booking-mail.js';
import { noteMessage, noteOffer } from './notices.js';
import { mailMatchFound, mailReassigned, mailTaken } from './request-mail.js';

/**
 * `email.compose`: the email an event causes, written to the outbox (or to a digest batch) in
 * one transaction. The job itself was queued in the event's own transaction, so the intent to
 * write commits with the change; every message is keyed by its cause, so a retried or repeated
 * run adds nothing.
 */
export function emailComposeHandler(options: BookingMailOptions): JobHandler {
  return {
    async run(job, { db, clock }) {
      const eventId = Number(job.payload.eventId);
      if (!job.tenant_id || !Number.isSafeInteger(eventId)) throw new Error(`job ${job.id} has no eventId`);
      const event = await findEvent(db, job.tenant_id, eventId);
      if (!event) return;
      await db.transaction().execute(async (trx) => {
        const now = clock.now();
        switch (event.type) {
          case 'booking.created':
          case 'booking.rescheduled':
          case 'booking.cancelled':
            return mailBookingChange(trx, options, event, now);
          case 'booking.reminder':
            return mailReminder(trx, options, event, now);
          case 'booking.completed':
            return mailFeedbackRequest(trx, options, event, now);
          case 'request.offered':
            return noteOffer(trx, event, now);
          case 'message.created':
            return noteMessage(trx, event, now);
          case 'mentor.approved':
          case 'mentor.rejected':
            return mailApplicationOutcome(trx, options, event, now);
          case 'report.resolved':
            return mailReportOutcome(trx, options, event, now);
          case 'request.reassigned':
            return mailReassigned(trx, options, event, now);
          case 'request.taken':
            return mailTaken(trx, options, event, now);
          case 'request.match_found':
            return mailMatchFound(trx, options, event, now);
        }
      });
    },
  };
}
