import type { Kysely } from 'kysely';
import type { Database, EmailParty } from '../../db/database.js';
import { insertDigestItem, lastDigestClosedAt } from '../../db/email.js';
import { enqueueJob } from '../../db/jobs.js';

export const EMAIL_DIGEST_JOB = 'email.digest';

const MINUTE = 60_000;

export interface DigestBatch {
  tenantId: string;
  party: EmailParty;
  partyId: string;
  /** `requests`, or `thread:<id>` for one thread's messages. */
  batch: string;
}

export const digestSubject = (b: DigestBatch): string => `digest:${b.party}:${b.partyId}:${b.batch}`;

/**
 * Adds a notice to its batch and makes sure one `email.digest` job will carry it:
 * - `leading`: the first notice goes at once; those arriving within `windowMinutes` of the
 *   last message wait for the window's end and go together (a mentor's new requests);
 * - otherwise every notice waits `windowMinutes` (a thread's messages: read meanwhile, they
 *   need no email).
 * A batch has at most one pending job (its subject), which takes every open notice when it runs.
 */
export async function addToDigest(
  db: Kysely<Database>,
  item: DigestBatch & { cause: string; data: Record<string, unknown> },
  timing: { windowMinutes: number; leading: boolean },
  now: Date,
): Promise<void> {
  const added = await insertDigestItem(db, { ...item, now });
  if (!added) return;
  const subject = digestSubject(item);
  const pending = await db
    .selectFrom('jobs')
    .select('id')
    .where('tenant_id', '=', item.tenantId)
    .where('subject', '=', subject)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (pending) return;
  const window = timing.windowMinutes * MINUTE;
  let runAt = new Date(now.getTime() + window);
  if (timing.leading) {
    const last = await lastDigestClosedAt(db, item);
    runAt = last && last.getTime() + window > now.getTime() ? new Date(last.getTime() + window) : now;
  }
  await enqueueJob(
    db,
    {
      tenantId: item.tenantId,
      kind: EMAIL_DIGEST_JOB,
      subject,
      payload: { party: item.party, partyId: item.partyId, batch: item.batch },
      runAt,
    },
    now,
  );
}
