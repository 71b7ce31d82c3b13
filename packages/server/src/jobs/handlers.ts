import { MATCH_THRESHOLD } from '../domain/analytics/analytics.js';
import { ANALYTICS_ROLLUP_JOB, analyticsRollupJob } from '../domain/analytics/rollup.js';
import { bookingCompletionJob } from '../domain/booking/completion-job.js';
import { BOOKING_COMPLETE_JOB, BOOKING_REMIND_JOB } from '../domain/booking/lifecycle.js';
import { bookingReminderJob } from '../domain/booking/reminder-job.js';
import { emailComposeHandler } from '../domain/email/compose-job.js';
import { emailDeliveryHandler } from '../domain/email/deliver.js';
import { EMAIL_DIGEST_JOB } from '../domain/email/digest.js';
import { emailDigestHandler } from '../domain/email/digest-job.js';
import { EMAIL_COMPOSE_JOB } from '../domain/email/mail-events.js';
import { EMAIL_SEND_JOB } from '../domain/email/outbox.js';
import { localMailbox, type MailTransport } from '../domain/email/transport.js';
import type { JobHandler } from '../domain/job-handler.js';
import { MENTOR_EMBED_JOB, mentorEmbedJob } from '../domain/matching/semantic/embed-job.js';
import type { SentenceEmbedder } from '../domain/matching/semantic/profile-vector.js';
import { RETENTION_JOB, retentionJob } from '../domain/privacy/retention-job.js';
import { offerWindowJob } from '../domain/requests/offer-window-job.js';
import { rematchWaitingJob } from '../domain/requests/rematch-waiting-job.js';
import { replyWindowJob } from '../domain/requests/reply-window-job.js';
import { requestExpiryJob } from '../domain/requests/request-expiry-job.js';
import { OFFER_WINDOW_JOB, REPLY_WINDOW_JOB, REQUEST_EXPIRY_JOB } from '../domain/requests/request-jobs.js';
import { REMATCH_WAITING_JOB } from '../domain/requests/waiting-jobs.js';
import { webhookDeliveryHandler } from '../domain/webhooks/deliver.js';
import { WEBHOOK_DELIVER_JOB } from '../domain/webhooks/outbox.js';
import { SecretBox } from '../security/keys.js';
import type { JobHandlers } from './worker.js';

/** What job handlers need beyond the worker's database and clock. */
export interface JobHandlerDeps {
  /** Opens sealed secrets (webhook signing secrets); built from MICROMENTOR_SECRET_KEY. */
  secretBox?: SecretBox;
  webhooks?: { allowPrivate?: boolean };
  /**
   * Email: where it goes (SMTP_URL; the local mailbox by default), who sends it, where its links
   * point, how replies come back; `enabled: false` (MICROMENTOR_EMAIL=off) writes none.
   */
  email?: {
    transport: MailTransport;
    from: string;
    publicUrl?: string;
    enabled?: boolean;
    /** Reply by email: the domain of reply addresses and the key that signs them (off without). */
    reply?: { domain: string; key: string };
  };
  /** Computes mentors' sentence embeddings (MICROMENTOR_EMBEDDINGS); absent or null: off. */
  embeddings?: SentenceEmbedder | null;
}

/** `Name <address>` or a bare address, as the invitations' ORGANIZER. */
export function senderOf(from: string): { name: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  return match ? { name: match[1] || match[2]!, email: match[2]! } : { name: from, email: from };
}

/** Takes the job and does nothing (email or embeddings turned off: their jobs must not pile up). */
const nothing: JobHandler = { run: async () => {} };

/** The sender when MICROMENTOR_MAIL_FROM is not set. */
export const DEFAULT_MAIL_FROM = 'Micromentor <noreply@localhost>';

/**
 * Every job kind the server runs, by name. Domains add their handlers here; a worker claims
 * only the kinds it has a handler for.
 */
export function jobHandlers(deps: JobHandlerDeps = {}): JobHandlers {
  const secretBox = deps.secretBox ?? new SecretBox(undefined);
  const email = deps.email ?? { transport: localMailbox, from: DEFAULT_MAIL_FROM };
  const links = { publicUrl: email.publicUrl ?? 'http://localhost:8787' };
  const composing =
    email.enabled === false
      ? { [EMAIL_COMPOSE_JOB]: nothing, [EMAIL_DIGEST_JOB]: nothing }
      : {
          [EMAIL_COMPOSE_JOB]: emailComposeHandler({ ...links, organizer: senderOf(email.from) }),
          [EMAIL_DIGEST_JOB]: emailDigestHandler({
            ...links,
            ...(email.reply ? { reply: email.reply } : {}),
          }),
        };
  return {
    ...composing,
    [OFFER_WINDOW_JOB]: offerWindowJob,
    [REQUEST_EXPIRY_JOB]: requestExpiryJob,
    [REPLY_WINDOW_JOB]: replyWindowJob,
    [REMATCH_WAITING_JOB]: rematchWaitingJob,
    [BOOKING_REMIND_JOB]: bookingReminderJob,
    [BOOKING_COMPLETE_JOB]: bookingCompletionJob,
    [ANALYTICS_ROLLUP_JOB]: analyticsRollupJob(MATCH_THRESHOLD),
    [RETENTION_JOB]: retentionJob,
    // Off: the jobs profile changes queue are taken and dropped, never left pending.
    [MENTOR_EMBED_JOB]: deps.embeddings ? mentorEmbedJob(deps.embeddings) : nothing,
    [EMAIL_SEND_JOB]: emailDeliveryHandler(email),
    [WEBHOOK_DELIVER_JOB]: webhookDeliveryHandler({
      secretBox,
      allowPrivate: deps.webhooks?.allowPrivate ?? false,
    }),
  };
}
