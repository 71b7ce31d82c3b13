import type { Server, ServerResponse } from 'node:http';

/** How a shutdown step ended within its bound. */
export type StepOutcome = 'done' | 'failed' | 'late';

/** Waits for `step` until `deadline` (epoch ms) at most; never rejects. */
export function settleBy(step: Promise<unknown>, deadline: number): Promise<StepOutcome> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('late'), Math.max(0, deadline - Date.now()));
    step.then(
      () => {
        clearTimeout(timer);
        resolve('done');
      },
      () => {
        clearTimeout(timer);
        resolve('failed');
      },
    );
  });
}

export interface DrainableHttp {
  /** Requests being answered right now (open event streams included). */
  readonly inFlight: number;
  /**
   * Stops accepting connections and closes the idle ones; requests in flight go on and are
   * answered with `Connection: close`. Resolves once every connection has closed.
   */
  drain(): Promise<void>;
  /** Closes every connection still open (the bound has passed). */
  cut(): void;
}

/**
 * Node's `server.close()` alone keeps a keep-alive connection open for its keep-alive timeout
 * after its last response, and `closeAllConnections()` cuts requests mid-answer. This tracks the
 * requests in flight so a draining server closes each connection as soon as its answer is sent.
 */
export function drainableHttp(server: Server): DrainableHttp {
  const inFlight = new Set<ServerResponse>();
  let draining = false;
  server.on('request', (_req, res: ServerResponse) => {
    inFlight.add(res);
    if (draining && !res.headersSent) res.setHeader('Connection', 'close');
    res.once('close', () => {
      inFlight.delete(res);
      // A stream's connection (its headers went out before the drain) is idle only after this tick.
      if (draining) setImmediate(() => server.closeIdleConnections());
    });
  });
  let closed: Promise<void> | undefined;
  return {
    get inFlight() {
      return inFlight.size;
    },
    drain() {
      draining = true;
      closed ??= new Promise<void>((resolve) => server.close(() => resolve()));
      for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
      server.closeIdleConnections();
      return closed;
    },
    cut() {
      server.closeAllConnections();
    },
  };
}
