import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { approvedMentorSources, countApprovedMentors } from '../../../db/mentor-embeddings.js';
import { embedMentorRows } from './embed-mentor.js';
import { SentenceEmbedder } from './profile-vector.js';
import type { EmbeddingProvider } from './provider.js';

/** Profiles read and written per step: one model pass and one transaction each. */
export const BACKFILL_BATCH = 200;

export interface BackfillProgress {
  /** Approved mentors looked at so far, of `total`. */
  done: number;
  total: number;
  /** Of those, embeddings (re)computed. */
  embedded: number;
}

/**
 * Embeds every approved mentor (of one tenant, or all) whose embedding is missing or stale: for
 * existing data, or a provider switched on or changed later. Identical sentences are embedded
 * once (the embedder's cache), so template-built profiles go fast.
 */
export async function backfillEmbeddings(
  db: Kysely<Database>,
  provider: EmbeddingProvider | SentenceEmbedder,
  options: {
    tenantId?: string | undefined;
    onProgress?: (progress: BackfillProgress) => void;
    now?: () => Date;
    batchSize?: number;
  } = {},
): Promise<BackfillProgress> {
  const embedder = provider instanceof SentenceEmbedder ? provider : new SentenceEmbedder(provider);
  const now = options.now ?? (() => new Date());
  const progress: BackfillProgress = {
    done: 0,
    total: await countApprovedMentors(db, options.tenantId),
    embedded: 0,
  };
  let afterId: string | undefined;
  for (;;) {
    const rows = await approvedMentorSources(db, {
      tenantId: options.tenantId,
      afterId,
      limit: options.batchSize ?? BACKFILL_BATCH,
    });
    if (rows.length === 0) break;
    const outcomes = await embedMentorRows(db, embedder, rows, now());
    afterId = rows.at(-1)!.id;
    progress.done += rows.length;
    progress.embedded += outcomes.filter((o) => o === 'stored').length;
    options.onProgress?.({ ...progress });
  }
  return progress;
}
