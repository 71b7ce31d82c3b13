import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import {
  type EmbeddingSourceRow,
  embeddingSource,
  removeMentorEmbeddings,
  saveMentorEmbeddings,
} from '../../../db/mentor-embeddings.js';
import { inTransaction } from '../../../db/transaction.js';
import { embedProfiles, profileSource, type SentenceEmbedder } from './profile-vector.js';

export type EmbedOutcome = 'stored' | 'unchanged' | 'removed' | 'missing';

/** Whether the stored embedding still matches the profile's texts and the provider. */
export function isCurrent(row: EmbeddingSourceRow, providerId: string): boolean {
  return row.provider === providerId && row.source_hash === profileSource(providerId, row).sourceHash;
}

/**
 * Brings stored embeddings in line with these mentors' profiles: recomputed only where the texts
 * or the provider changed (one model pass over their distinct sentences), removed where the
 * profile is gone or has nothing to embed. One transaction; one new version per tenant touched.
 */
export async function embedMentorRows(
  db: Kysely<Database>,
  embedder: SentenceEmbedder,
  rows: readonly EmbeddingSourceRow[],
  now: Date,
): Promise<EmbedOutcome[]> {
  const providerId = embedder.provider.id;
  const outcomes: EmbedOutcome[] = rows.map((row) => {
    if (row.deleted_at !== null || profileSource(providerId, row).texts.length === 0) return 'removed';
    return isCurrent(row, providerId) ? 'unchanged' : 'stored';
  });
  const toStore = rows.filter((_, i) => outcomes[i] === 'stored');
  const embeddings = await embedProfiles(embedder, toStore);
  const stored = toStore.flatMap((row, i) => {
    const e = embeddings[i];
    return e
      ? [
          {
            tenantId: row.tenant_id,
            mentorId: row.id,
            provider: e.providerId,
            sourceHash: e.sourceHash,
            profile: e.profile,
            sentences: e.sentences,
            sentenceVectors: e.sentenceVectors,
          },
        ]
      : [];
  });
  const removed = rows.filter((row, i) => outcomes[i] === 'removed' && row.source_hash !== null);
  await inTransaction(db, async (trx) => {
    for (const tenantId of new Set(rows.map((r) => r.tenant_id))) {
      const gone = removed.filter((r) => r.tenant_id === tenantId).map((r) => r.id);
      await removeMentorEmbeddings(trx, tenantId, gone);
      await saveMentorEmbeddings(
        trx,
        tenantId,
        stored.filter((e) => e.tenantId === tenantId),
        now,
      );
    }
  });
  return outcomes;
}

/** One mentor, by id (the `mentor.embed` job). */
export async function embedMentor(
  db: Kysely<Database>,
  embedder: SentenceEmbedder,
  target: { tenantId: string; mentorId: string },
  now: Date,
): Promise<EmbedOutcome> {
  const row = await embeddingSource(db, target.tenantId, target.mentorId);
  if (!row) return 'missing';
  const [outcome] = await embedMentorRows(db, embedder, [row], now);
  return outcome!;
}
