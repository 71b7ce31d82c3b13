import type { Kysely } from 'kysely';
import type { Database, EventRow } from '../../db/database.js';
import { findTenantById } from '../../db/tenants.js';
import { findMessage, findThread } from '../../db/threads.js';
import { readSettings } from '../tenants/settings.js';
import { addToDigest } from './digest.js';

/** Minutes a thread's new message waits: read in the page meanwhile, it needs no email. */
export const MESSAGE_EMAIL_DELAY_MINUTES = 5;

/** An instant-help offer to a mentor: a notice in their `requests` batch (first at once, then digests). */
export async function noteOffer(db: Kysely<Database>, event: EventRow, now: Date): Promise<void> {
  const { mentorId, requestId, title, urgency } = event.data;
  if (typeof mentorId !== 'string' || typeof requestId !== 'string') return;
  const tenant = await findTenantById(db, event.tenant_id);
  await addToDigest(
    db,
    {
      tenantId: event.tenant_id,
      party: 'mentor',
      partyId: mentorId,
      batch: 'requests',
      cause: `offer:${requestId}:${mentorId}`,
      data: { requestId, title: String(title ?? ''), urgency: String(urgency ?? '') },
    },
    { windowMinutes: readSettings(tenant?.settings).emailDigestMinutes, leading: true },
    now,
  );
}

/** A thread message: a notice for the other participant, sent only if still unread after a while. */
export async function noteMessage(db: Kysely<Database>, event: EventRow, now: Date): Promise<void> {
  const threadId = String(event.data.threadId);
  const view = event.data.message as { id?: unknown } | undefined;
  if (typeof view?.id !== 'string') return;
  const thread = await findThread(db, event.tenant_id, threadId);
  const message = thread && (await findMessage(db, event.tenant_id, threadId, view.id));
  if (!thread || !message) return;
  const fromLearner = message.author_id === thread.learner_id;
  await addToDigest(
    db,
    {
      tenantId: event.tenant_id,
      party: fromLearner ? 'mentor' : 'learner',
      partyId: fromLearner ? thread.mentor_id : thread.learner_id,
      batch: `thread:${threadId}`,
      cause: `message:${message.id}`,
      data: { threadId, messageId: message.id, seq: message.seq },
    },
    { windowMinutes: MESSAGE_EMAIL_DELAY_MINUTES, leading: false },
    now,
  );
}
