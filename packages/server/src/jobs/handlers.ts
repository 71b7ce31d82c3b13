import { MATCH_THRESHOLD } from '../domain/analytics/analytics.js';
import { ANALYTICS_ROLLUP_JOB, analyticsRollupJob } from '../domain/analytics/rollup.js';
import { bookingCompletionJob } from '../domain/booking/completion-job.js';
import { BOOKING_COMPLETE_JOB, BOOKING_REMIND_JOB } from '../domain/booking/lifecycle.js';
import { bookingReminderJob } from '../domain/booking/reminder-job.js';
import { emailDeliveryHandler } from '../domain/email/deliver.js';
import { EMAIL_SEND_JOB } from '../domain/email/outbox.js';
import { localMailbox, type MailTransport } from '../domain/email/transport.js';
import { offerWindowJob } from '../domain/requests/offer-window-job.js';
import { requestExpiryJob } from '../domain/requests/request-expiry-job.js';
import { OFFER_WINDOW_JOB, REQUEST_EXPIRY_JOB } from '../domain/requests/request-jobs.js';
import { webhookDeliveryHandler } from '../domain/webhooks/deliver.js';
import { WEBHOOK_DELIVER_JOB } from '../domain/webhooks/outbox.js';
import { SecretBox } from '../security/keys.js';
import type { JobHandlers } from './worker.js';

/** What job handlers need beyond the worker's database and clock. */
export interface JobHandlerDeps {
  /** Opens sealed secrets (webhook signing secrets); built from MICROMENTOR_SECRET_KEY. */
  secretBox?: SecretBox;
  webhooks?: { allowPrivate?: boolean };
  /** Where email goes (SMTP_URL; the local mailbox by default) and who sends it. */
  email?: { transport: MailTransport; from: string };
}

/** The sender when MICROMENTOR_MAIL_FROM is not set. */
export const DEFAULT_MAIL_FROM = 'Micromentor <noreply@localhost>';

/**
 * Every job kind the server runs, by name. Domains add their handlers here; a worker claims
 * only the kinds it has a handler for.
 */
export function jobHandlers(deps: JobHandlerDeps = {}): JobHandlers {
  const secretBox = deps.secretBox ?? new SecretBox(undefined);
  return {
    [OFFER_WINDOW_JOB]: offerWindowJob,
    [REQUEST_EXPIRY_JOB]: requestExpiryJob,
    [BOOKING_REMIND_JOB]: bookingReminderJob,
    [BOOKING_COMPLETE_JOB]: bookingCompletionJob,
    [ANALYTICS_ROLLUP_JOB]: analyticsRollupJob(MATCH_THRESHOLD),
    [EMAIL_SEND_JOB]: emailDeliveryHandler(
      deps.email ?? { transport: localMailbox, from: DEFAULT_MAIL_FROM },
    ),
    [WEBHOOK_DELIVER_JOB]: webhookDeliveryHandler({
      secretBox,
      allowPrivate: deps.webhooks?.allowPrivate ?? false,
    }),
  };
}
