import type { JobHandlers } from './worker.js';

/**
 * Every job kind the server runs, by name. Domains add their handlers here; a worker claims
 * only the kinds it has a handler for.
 */
export function jobHandlers(): JobHandlers {
  return {};
}
