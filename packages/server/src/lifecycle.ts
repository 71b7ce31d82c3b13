/**
 * Where this process stands in its life, read by `GET /readyz`. The server process makes one,
 * gives it to createApp, and calls `beginShutdown()` on SIGTERM: readiness fails at once, so a
 * load balancer stops sending work while in-flight requests finish.
 */
export interface Lifecycle {
  readonly shuttingDown: boolean;
  beginShutdown(): void;
}

export function createLifecycle(): Lifecycle {
  let shuttingDown = false;
  return {
    get shuttingDown() {
      return shuttingDown;
    },
    beginShutdown() {
      shuttingDown = true;
    },
  };
}
