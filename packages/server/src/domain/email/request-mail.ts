import type { Kysely } from 'kysely';
import type { Database, EventRow } from '../../db/database.js';
import { type EmailLinks, mailTo, tenantBrand } from './mail-to.js';
import { learnerRecipient } from './recipients.js';
import { type EmailWords, emailWords } from './words/index.js';

/** What one email to a request's learner says about it, in their words. */
interface LearnerNotice {
  /** Names the email among the event's (`event:<id>:<key>:learner`), so it is sent once. */
  key: string;
  subject: string;
  heading: string;
  paragraphs: string[];
  /** The label the question's title is quoted under. */
  question: string;
}

/** The names in an event's list of mentors (`offeredTo`, `matches`), in order. */
function namesIn(list: unknown): string[] {
  const items = Array.isArray(list) ? (list as { name?: unknown }[]) : [];
  return items.map((m) => (typeof m.name === 'string' ? m.name : '')).filter(Boolean);
}

/** Mails the learner of the event's request what `notice` says, quoting the request's title. */
async function mailRequestLearner(
  db: Kysely<Database>,
  options: EmailLinks,
  event: EventRow,
  now: Date,
  notice: (words: EmailWords, title: string) => LearnerNotice,
): Promise<void> {
  const request = await db
    .selectFrom('help_requests')
    .select(['learner_id', 'title'])
    .where('tenant_id', '=', event.tenant_id)
    .where('id', '=', String(event.data.requestId))
    .executeTakeFirst();
  const learner = request && (await learnerRecipient(db, event.tenant_id, request.learner_id));
  if (!request || !learner) return;
  const words = emailWords(learner.locale);
  const said = notice(words, request.title);
  await mailTo(db, options, {
    tenantId: event.tenant_id,
    brand: await tenantBrand(db, event.tenant_id),
    recipient: learner,
    kind: 'requests',
    cause: `event:${event.id}:${said.key}:learner`,
    subject: said.subject,
    content: {
      heading: said.heading,
      greeting: words.greeting(learner.name),
      paragraphs: said.paragraphs,
      quotes: [{ label: said.question, text: request.title }],
    },
    now,
  });
}

/**
 * `request.reassigned` after a mentor's silence: the learner hears whom their request went to, or
 * that nobody fits now and the program sees it. A hand-over the learner asked for sends nothing
 * (they are looking at the answer).
 */
export async function mailReassigned(
  db: Kysely<Database>,
  options: EmailLinks,
  event: EventRow,
  now: Date,
): Promise<void> {
  if (event.data.reason !== 'no_reply') return;
  const names = namesIn(event.data.offeredTo);
  await mailRequestLearner(db, options, event, now, ({ reassigned: w }, title) => ({
    key: 'reassigned',
    subject: w.subject(title),
    heading: w.heading,
    paragraphs: [w.intro, names.length > 0 ? w.offered(names.join(', ')) : w.unanswered],
    question: w.question,
  }));
}

/** `request.taken`: a mentor took the learner's request from the program queue. */
export async function mailTaken(
  db: Kysely<Database>,
  options: EmailLinks,
  event: EventRow,
  now: Date,
): Promise<void> {
  await mailRequestLearner(db, options, event, now, ({ nobodyFit: w }, title) => ({
    key: 'taken',
    subject: w.takenSubject(title),
    heading: w.takenHeading,
    paragraphs: [w.takenIntro(String(event.data.mentorName ?? ''))],
    question: w.question,
  }));
}

/** `request.match_found`: a mentor who fits the learner's waiting request is here. */
export async function mailMatchFound(
  db: Kysely<Database>,
  options: EmailLinks,
  event: EventRow,
  now: Date,
): Promise<void> {
  const names = namesIn(event.data.matches);
  await mailRequestLearner(db, options, event, now, ({ nobodyFit: w }, title) => ({
    key: 'match-found',
    subject: w.foundSubject(title),
    heading: w.foundHeading,
    paragraphs: [w.foundIntro(names.slice(0, 3).join(', '))],
    question: w.question,
  }));
}
