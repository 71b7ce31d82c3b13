import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { enqueueJobUnlessPending } from '../../../db/jobs.js';
import { type JobHandler, jobTarget } from '../../job-handler.js';
import { embedMentor } from './embed-mentor.js';
import type { SentenceEmbedder } from './profile-vector.js';

/** Recomputes one mentor's embeddings after their profile changed. */
export const MENTOR_EMBED_JOB = 'mentor.embed';

export const mentorSubject = (mentorId: string): string => `mentor:${mentorId}`;

/**
 * Queues the mentor's embedding in the caller's transaction (so it exists only if the change
 * commits), unless one is already pending: that run will read the latest profile anyway.
 */
export async function enqueueMentorEmbedding(
  db: Kysely<Database>,
  target: { tenantId: string; mentorId: string },
  now: Date,
): Promise<void> {
  await enqueueJobUnlessPending(
    db,
    {
      tenantId: target.tenantId,
      kind: MENTOR_EMBED_JOB,
      subject: mentorSubject(target.mentorId),
      payload: { mentorId: target.mentorId },
      runAt: now,
      maxAttempts: 5,
    },
    now,
  );
}

/** The `mentor.embed` handler: recomputes only when the profile's texts (or the provider) changed. */
export function mentorEmbedJob(embedder: SentenceEmbedder): JobHandler {
  return {
    async run(job, context) {
      const { tenantId, id } = jobTarget(job, 'mentorId');
      await embedMentor(context.db, embedder, { tenantId, mentorId: id }, context.clock.now());
    },
  };
}
