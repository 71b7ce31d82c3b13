import type { Kysely } from 'kysely';
import type { Database, EventRow, ReportResolution } from '../../db/database.js';
import { findMentor } from '../../db/mentors.js';
import { type EmailLinks, mailTo, tenantBrand } from './mail-to.js';
import { learnerRecipient, mentorRecipient } from './recipients.js';
import { emailWords } from './words/index.js';

/** A mentor application's outcome, with the program's reason when it was rejected. */
export async function mailApplicationOutcome(
  db: Kysely<Database>,
  options: EmailLinks,
  event: EventRow,
  now: Date,
): Promise<void> {
  const mentor = await mentorRecipient(db, event.tenant_id, String(event.data.mentorId));
  if (!mentor) return;
  // Approval of a paused or suspended mentor is a reinstatement, not an application's outcome.
  const previous = event.data.previousStatus;
  if (event.type === 'mentor.approved' && previous !== 'pending' && previous !== 'rejected') return;
  const words = emailWords(mentor.locale).application;
  const approved = event.type === 'mentor.approved';
  const reason = typeof event.data.reason === 'string' && event.data.reason ? event.data.reason : null;
  await mailTo(db, options, {
    tenantId: event.tenant_id,
    brand: await tenantBrand(db, event.tenant_id),
    recipient: mentor,
    kind: 'account',
    cause: `event:${event.id}:mentor`,
    subject: approved ? words.approvedSubject : words.rejectedSubject,
    content: {
      heading: approved ? words.approvedHeading : words.rejectedHeading,
      greeting: emailWords(mentor.locale).greeting(mentor.name),
      paragraphs: [approved ? words.approvedIntro : words.rejectedIntro],
      ...(reason && !approved ? { quotes: [{ label: words.reason, text: reason }] } : {}),
    },
    now,
  });
}

/** A report's outcome, to whoever reported it. */
export async function mailReportOutcome(
  db: Kysely<Database>,
  options: EmailLinks,
  event: EventRow,
  now: Date,
): Promise<void> {
  const reporter = await learnerRecipient(db, event.tenant_id, String(event.data.reporterId));
  const mentor = await findMentor(db, event.tenant_id, String(event.data.mentorId));
  if (!reporter) return;
  const words = emailWords(reporter.locale);
  const resolution = event.data.resolution as ReportResolution;
  await mailTo(db, options, {
    tenantId: event.tenant_id,
    brand: await tenantBrand(db, event.tenant_id),
    recipient: reporter,
    kind: 'account',
    cause: `event:${event.id}:reporter`,
    subject: words.report.subject,
    content: {
      heading: words.report.heading,
      greeting: words.greeting(reporter.name),
      paragraphs: [words.report.outcome[resolution](mentor?.name ?? '—')],
    },
    now,
  });
}
