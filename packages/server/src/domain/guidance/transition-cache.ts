import { latestTopicRequests, type TopicRequestRow } from '../../db/guidance.js';
import type { DomainCtx } from '../context.js';
import { requestTopics } from './request-topics.js';
import { buildTransitionModel, type LearnerSequence, type TransitionModel } from './transitions.js';

/**
 * The tenant's transition model, read from its latest requests and kept in this process for a
 * short while. Why not a rollup table: the read is one index range scan of at most
 * `TRANSITION_WINDOW` rows and the model is built in memory (0.3–1 s for the full window on
 * PostgreSQL, printed by test/recommendations.test.ts), paid once per tenant per TTL; a suggestion a few minutes behind the latest request is fine,
 * and nothing needs a job, a table or a migration to keep in step.
 */
export const TRANSITION_WINDOW = 20_000;
export const TRANSITION_TTL_MS = 5 * 60_000;
/** Tenants kept at most; the oldest entry goes first. */
const MAX_TENANTS = 500;

interface Entry {
  builtAt: number;
  model: Promise<TransitionModel>;
}

const cache = new Map<string, Entry>();

/** Groups the rows (newest first) into each learner's sequence of request topics, oldest first. */
export function sequencesOf(rows: readonly TopicRequestRow[]): LearnerSequence[] {
  const byLearner = new Map<string, { topics: string[] }[]>();
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i]!;
    const topics = requestTopics({ skills: row.skills, title: row.title, pageTopic: row.page_topic });
    if (!topics.length) continue;
    const requests = byLearner.get(row.learner_id);
    if (requests) requests.push({ topics });
    else byLearner.set(row.learner_id, [{ topics }]);
  }
  return [...byLearner].map(([learnerId, requests]) => ({ learnerId, requests }));
}

/** Reads and builds the model now, bypassing the cache. */
export async function loadTransitionModel(ctx: DomainCtx, tenantId: string): Promise<TransitionModel> {
  const rows = await latestTopicRequests(ctx.db, tenantId, TRANSITION_WINDOW);
  return buildTransitionModel(sequencesOf(rows));
}

/** The tenant's model, from the cache while it is younger than `TRANSITION_TTL_MS` (by the domain clock). */
export function tenantTransitionModel(ctx: DomainCtx, tenantId: string): Promise<TransitionModel> {
  const now = ctx.clock.now().getTime();
  const hit = cache.get(tenantId);
  if (hit && now - hit.builtAt >= 0 && now - hit.builtAt < TRANSITION_TTL_MS) return hit.model;
  const model = loadTransitionModel(ctx, tenantId);
  cache.delete(tenantId);
  cache.set(tenantId, { builtAt: now, model });
  // A failed read is not kept: the next call tries again.
  model.catch(() => {
    if (cache.get(tenantId)?.model === model) cache.delete(tenantId);
  });
  while (cache.size > MAX_TENANTS) cache.delete(cache.keys().next().value!);
  return model;
}
