import type { Kysely } from 'kysely';
import type { Database, EventRow } from '../../db/database.js';
import { type EmailLinks, mailTo, tenantBrand } from './mail-to.js';
import { learnerRecipient } from './recipients.js';
import { emailWords } from './words/index.js';

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
  const request = await db
    .selectFrom('help_requests')
    .select(['learner_id', 'title'])
    .where('tenant_id', '=', event.tenant_id)
    .where('id', '=', String(event.data.requestId))
    .executeTakeFirst();
  if (!request) return;
  const learner = await learnerRecipient(db, event.tenant_id, request.learner_id);
  if (!learner) return;
  const words = emailWords(learner.locale);
  const offeredTo = Array.isArray(event.data.offeredTo) ? (event.data.offeredTo as { name?: unknown }[]) : [];
  const names = offeredTo.map((o) => (typeof o.name === 'string' ? o.name : '')).filter(Boolean);
  await mailTo(db, options, {
    tenantId: event.tenant_id,
    brand: await tenantBrand(db, event.tenant_id),
    recipient: learner,
    kind: 'requests',
    cause: `event:${event.id}:reassigned:learner`,
    subject: words.reassigned.subject(request.title),
    content: {
      heading: words.reassigned.heading,
      greeting: words.greeting(learner.name),
      paragraphs: [
        words.reassigned.intro,
        names.length > 0 ? words.reassigned.offered(names.join(', ')) : words.reassigned.unanswered,
      ],
      quotes: [{ label: words.reassigned.question, text: request.title }],
    },
    now,
  });
}

/** `request.taken`: a mentor took the learner's request from the program queue. */
export async function mailTaken(
  db: Kysely<Database>,
  options: EmailLinks,
  event: EventRow,
  now: Date,
): Promise<void> {
  const request = await requestOf(db, event);
  const learner = request && (await learnerRecipient(db, event.tenant_id, request.learner_id));
  if (!request || !learner) return;
  const words = emailWords(learner.locale);
  await mailTo(db, options, {
    tenantId: event.tenant_id,
    brand: await tenantBrand(db, event.tenant_id),
    recipient: learner,
    kind: 'requests',
    cause: `event:${event.id}:taken:learner`,
    subject: words.nobodyFit.takenSubject(request.title),
    content: {
      heading: words.nobodyFit.takenHeading,
      greeting: words.greeting(learner.name),
      paragraphs: [words.nobodyFit.takenIntro(String(event.data.mentorName ?? ''))],
      quotes: [{ label: words.nobodyFit.question, text: request.title }],
    },
    now,
  });
}

/** `request.match_found`: a mentor who fits the learner's waiting request is here. */
export async function mailMatchFound(
  db: Kysely<Database>,
  options: EmailLinks,
  event: EventRow,
  now: Date,
): Promise<void> {
  const request = await requestOf(db, event);
  const learner = request && (await learnerRecipient(db, event.tenant_id, request.learner_id));
  if (!request || !learner) return;
  const words = emailWords(learner.locale);
  const matches = Array.isArray(event.data.matches) ? (event.data.matches as { name?: unknown }[]) : [];
  const names = matches.map((m) => (typeof m.name === 'string' ? m.name : '')).filter(Boolean);
  await mailTo(db, options, {
    tenantId: event.tenant_id,
    brand: await tenantBrand(db, event.tenant_id),
    recipient: learner,
    kind: 'requests',
    cause: `event:${event.id}:match-found:learner`,
    subject: words.nobodyFit.foundSubject(request.title),
    content: {
      heading: words.nobodyFit.foundHeading,
      greeting: words.greeting(learner.name),
      paragraphs: [words.nobodyFit.foundIntro(names.slice(0, 3).join(', '))],
      quotes: [{ label: words.nobodyFit.question, text: request.title }],
    },
    now,
  });
}

async function requestOf(db: Kysely<Database>, event: EventRow) {
  return db
    .selectFrom('help_requests')
    .select(['learner_id', 'title'])
    .where('tenant_id', '=', event.tenant_id)
    .where('id', '=', String(event.data.requestId))
    .executeTakeFirst();
}
