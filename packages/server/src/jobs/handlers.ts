import {
  BOOKING_COMPLETE_JOB,
  BOOKING_REMIND_JOB,
  bookingCompletionJob,
  bookingReminderJob,
} from '../domain/booking/lifecycle.js';
import {
  OFFER_WINDOW_JOB,
  offerWindowJob,
  REQUEST_EXPIRY_JOB,
  requestExpiryJob,
} from '../domain/requests/offers.js';
import type { JobHandlers } from './worker.js';

/**
 * Every job kind the server runs, by name. Domains add their handlers here; a worker claims
 * only the kinds it has a handler for.
 */
export function jobHandlers(): JobHandlers {
  return {
    [OFFER_WINDOW_JOB]: offerWindowJob,
    [REQUEST_EXPIRY_JOB]: requestExpiryJob,
    [BOOKING_REMIND_JOB]: bookingReminderJob,
    [BOOKING_COMPLETE_JOB]: bookingCompletionJob,
  };
}
