import type { JobRow } from '../db/database.js';
import type { DomainCtx } from './context.js';

/**
 * A job kind's code. Domains define their handlers here-typed; the worker (`jobs/`) claims and
 * runs them, so the domain never imports the worker.
 */
export interface JobHandler {
  run(job: JobRow, context: DomainCtx): Promise<void>;
  /** Delay before the next attempt after `attempts` failed ones; default: exponential with jitter. */
  retryDelayMs?(attempts: number): number;
}

export type JobHandlers = Readonly<Record<string, JobHandler>>;

/**
 * The id a job is about (`payload[key]`) and its tenant. A job written without them is a bug:
 * it throws, so the worker records the failure instead of silently doing nothing.
 */
export function jobTarget(job: JobRow, key: string): { tenantId: string; id: string } {
  const id = job.payload[key];
  if (typeof id !== 'string' || !job.tenant_id) throw new Error(`job ${job.id} has no ${key}`);
  return { tenantId: job.tenant_id, id };
}
