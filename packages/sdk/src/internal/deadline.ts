export interface Deadline {
  readonly signal: AbortSignal;
  timedOut(): boolean;
  /** Milliseconds left before the deadline. */
  remaining(): number;
  dispose(): void;
}

/**
 * One signal that aborts on the caller's signal or after `timeoutMs`, remembering which.
 * Hand-rolled rather than `AbortSignal.any`/`AbortSignal.timeout` so it runs in older
 * Safari, and so a timeout can be told apart from the caller's own abort.
 */
export function createDeadline(timeoutMs: number, outer: AbortSignal | undefined): Deadline {
  const controller = new AbortController();
  const end = Date.now() + timeoutMs;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`Request timed out after ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  const onAbort = (): void => controller.abort(outer?.reason);
  if (outer?.aborted) onAbort();
  else outer?.addEventListener('abort', onAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    remaining: () => end - Date.now(),
    dispose() {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    },
  };
}
