import type { Kysely } from 'kysely';
import type { Database, EmailDigestItemRow } from '../../db/database.js';
import { closeDigestItems, takeOpenDigestItems } from '../../db/email.js';
import { findHelpRequest } from '../../db/help-requests.js';
import { findThread } from '../../db/threads.js';
import type { JobHandler } from '../job-handler.js';
import type { DigestBatch } from './digest.js';
import { type EmailLinks, mailTo, tenantBrand } from './mail-to.js';
import { type Recipient, recipientOf } from './recipients.js';
import { replyAddressFor } from './reply-address.js';
import { emailWords } from './words/index.js';

export interface DigestOptions extends EmailLinks {
  /** Reply by email: thread notices carry the reader's signed reply address (Reply-To). */
  reply?: { domain: string; key: string };
}

/**
 * `email.digest`: takes every open notice of one batch and sends them as one message — a
 * mentor's new requests (one, or a digest of several), a thread's messages still unread by
 * the recipient (none unread: no email). Under the notices' row locks, so two runs never send
 * the same notice.
 */
export function emailDigestHandler(options: DigestOptions): JobHandler {
  return {
    async run(job, { db, clock }) {
      const { party, partyId, batch } = job.payload as {
        party?: unknown;
        partyId?: unknown;
        batch?: unknown;
      };
      if (!job.tenant_id || (party !== 'learner' && party !== 'mentor')) return;
      if (typeof partyId !== 'string' || typeof batch !== 'string') return;
      const target: DigestBatch = { tenantId: job.tenant_id, party, partyId, batch };
      await db.transaction().execute(async (trx) => {
        const items = await takeOpenDigestItems(trx, target);
        if (items.length === 0) return;
        const now = clock.now();
        const recipient = await recipientOf(trx, target.tenantId, party, partyId);
        const send = recipient
          ? batch === 'requests'
            ? mailRequests(trx, options, recipient, items, now)
            : mailMessages(trx, options, recipient, batch.slice('thread:'.length), items, now)
          : Promise.resolve(null);
        const messageId = await send;
        await closeDigestItems(
          trx,
          target.tenantId,
          items.map((i) => i.id),
          messageId,
          now,
        );
      });
    },
  };
}

async function mailRequests(
  db: Kysely<Database>,
  options: DigestOptions,
  mentor: Recipient,
  items: EmailDigestItemRow[],
  now: Date,
): Promise<string | null> {
  const tenantId = items[0]?.tenant_id as string;
  const open: { title: string; urgency: string; details: string }[] = [];
  for (const item of items) {
    const request = await findHelpRequest(db, tenantId, String(item.data.requestId));
    // Taken by someone else or withdrawn meanwhile: not worth an email any more.
    if (request?.status === 'open')
      open.push({ title: request.title, urgency: request.urgency, details: request.details });
  }
  if (open.length === 0) return null;
  const words = emailWords(mentor.locale);
  const first = open[0] as (typeof open)[number];
  return mailTo(db, options, {
    tenantId,
    brand: await tenantBrand(db, tenantId),
    recipient: mentor,
    kind: 'requests',
    cause: `digest:requests:${mentor.id}:${items[0]?.id}`,
    subject:
      open.length === 1 ? words.requests.subject(first.title) : words.requests.digestSubject(open.length),
    content: {
      heading: words.requests.heading(open.length),
      greeting: words.greeting(mentor.name),
      paragraphs: [words.requests.intro],
      quotes: open.map((r) => ({
        label: r.urgency === 'now' ? `${r.title} — ${words.requests.now}` : r.title,
        text: r.details || r.title,
      })),
    },
    now,
  });
}

async function mailMessages(
  db: Kysely<Database>,
  options: DigestOptions,
  reader: Recipient,
  threadId: string,
  items: EmailDigestItemRow[],
  now: Date,
): Promise<string | null> {
  const tenantId = items[0]?.tenant_id as string;
  const read = reader.userId
    ? await db
        .selectFrom('thread_reads')
        .select('last_read_seq')
        .where('tenant_id', '=', tenantId)
        .where('thread_id', '=', threadId)
        .where('user_id', '=', reader.userId)
        .executeTakeFirst()
    : undefined;
  const lastRead = Number(read?.last_read_seq ?? 0);
  const unreadIds = items.filter((i) => Number(i.data.seq) > lastRead).map((i) => String(i.data.messageId));
  if (unreadIds.length === 0) return null;
  const thread = await findThread(db, tenantId, threadId);
  if (!thread) return null;
  const messages = await db
    .selectFrom('messages')
    .select(['body', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where('thread_id', '=', threadId)
    .where('id', 'in', unreadIds)
    .orderBy('seq')
    .execute();
  const other = await recipientOf(
    db,
    tenantId,
    reader.party === 'learner' ? 'mentor' : 'learner',
    reader.party === 'learner' ? thread.mentor_id : thread.learner_id,
  );
  const from = other?.name ?? '—';
  const words = emailWords(reader.locale);
  // A mentor who never signed in has no user to post as: no reply address for them.
  const replyTo =
    options.reply && reader.userId
      ? await replyAddressFor(
          db,
          { tenantId, threadId, party: reader.party, partyId: reader.id, now },
          options.reply,
        )
      : null;
  return mailTo(db, options, {
    tenantId,
    brand: await tenantBrand(db, tenantId),
    recipient: reader,
    kind: 'messages',
    cause: `digest:thread:${threadId}:${reader.party}:${items[0]?.id}`,
    subject:
      messages.length === 1
        ? words.messages.subject(from)
        : words.messages.digestSubject(from, messages.length),
    content: {
      heading: words.messages.heading(from),
      greeting: words.greeting(reader.name),
      paragraphs: [],
      quotes: messages.map((m) => ({ text: m.body })),
      hints: [replyTo ? words.messages.replyHint : words.messages.openHint],
    },
    ...(replyTo ? { replyTo } : {}),
    now,
  });
}
