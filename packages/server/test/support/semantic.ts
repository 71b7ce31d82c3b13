import { inject } from 'vitest';
import type { Clock } from '../../src/clock.js';
import type { DatabaseHandle } from '../../src/db/connect.js';
import { SentenceEmbedder } from '../../src/domain/matching/semantic/profile-vector.js';
import {
  createSemanticSearch,
  type SemanticSearch,
} from '../../src/domain/matching/semantic/semantic-search.js';
import { useLiteProvider } from '../../src/domain/matching/semantic/use-lite.js';
import { jobHandlers } from '../../src/jobs/handlers.js';
import { createWorker, type Worker } from '../../src/jobs/worker.js';

/** Matching by meaning with the real model (Universal Sentence Encoder lite), as `micromentor serve` runs it. */
export interface SemanticKit {
  provider: ReturnType<typeof useLiteProvider>;
  embedder: SentenceEmbedder;
  semantic: SemanticSearch;
  /** A worker running every job kind, `mentor.embed` with this kit's model. */
  worker(db: DatabaseHandle['db'], clock: Clock): Worker;
}

export function semanticKit(options: { maxVectors?: number } = {}): SemanticKit {
  // A model that fails to load, or a job that fails, says why in the test output: a suite that
  // silently went on by keywords once (under heavy load) left nothing to read.
  const provider = useLiteProvider({
    onLoadError: (error) => console.error('semantic kit: the model did not load:', error),
  });
  const embedder = new SentenceEmbedder(provider);
  return {
    provider,
    embedder,
    // As `micromentor serve` decides for this database (pgvector on PGlite, memory on a PostgreSQL without it).
    semantic: createSemanticSearch(provider, { store: inject('vectorSearch'), ...options }),
    worker: (db, clock) =>
      createWorker({
        db,
        clock,
        handlers: jobHandlers({ embeddings: embedder }),
        onError: (error, job) => console.error(`semantic kit: job ${job?.kind ?? '?'} failed:`, error),
      }),
  };
}
