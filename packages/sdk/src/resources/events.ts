import { ConnectionError, MicromentorError } from '../errors.js';
import { backoffMs, sleep } from '../internal/retry.js';
import type { EventType } from '../types.js';

/** One live event: `id` is the resume point, `data` depends on `type` (e.g. `message.created` → `{ threadId, message }`). */
export interface LiveEvent {
  id: string;
  type: EventType;
  data: Record<string, unknown>;
  createdAt: string;
}

export interface SubscribeOptions {
  onEvent(event: LiveEvent): void;
  /**
   * Each failed connection attempt (the subscription keeps reconnecting), and the final error
   * when it gives up: a 400, 403 or 404 answer, which retrying cannot fix.
   */
  onError?(error: unknown): void;
  /** Each time the stream is (re)connected. */
  onOpen?(): void;
  /** Ends the subscription, like `unsubscribe()`. */
  signal?: AbortSignal;
  /** Resume after this event id (e.g. one stored from an earlier page view). */
  lastEventId?: string;
  /** First reconnect wait (doubling, with jitter) and the longest. Default 1 000 and 30 000 ms. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** No byte (not even a heartbeat) for this long: the connection is dead, reconnect. Default 45 000. */
  idleTimeoutMs?: number;
}

export interface Subscription {
  unsubscribe(): void;
  /** The id of the latest event received: where a reconnect resumes. */
  readonly lastEventId: string | undefined;
  readonly closed: boolean;
}

export interface EventsResource {
  /**
   * Live events for the user of the token, read as a stream with `fetch` (auth in headers,
   * never in the URL). Drops are repaired by itself: it reconnects with backoff and sends
   * `Last-Event-ID`, so the server replays what was missed and nothing arrives twice.
   */
  subscribe(options: SubscribeOptions): Subscription;
}

/** What the events resource needs from the client: a long-lived GET with its auth headers. */
export interface StreamOpener {
  openStream(path: string, headers: Record<string, string>, signal: AbortSignal): Promise<Response>;
}

/** Reads `text/event-stream` frames and calls `onFrame` for each; resolves when the stream ends. */
async function readFrames(
  body: ReadableStream<Uint8Array>,
  onBytes: () => void,
  onFrame: (id: string | undefined, data: string) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    onBytes();
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, '\n');
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      let id: string | undefined;
      let data: string | undefined;
      for (const line of buffer.slice(0, end).split('\n')) {
        const colon = line.indexOf(':');
        if (colon === 0) continue; // a comment (heartbeat)
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'id') id = value;
        else if (field === 'data') data = data === undefined ? value : `${data}\n${value}`;
      }
      buffer = buffer.slice(end + 2);
      if (data !== undefined) onFrame(id, data);
      end = buffer.indexOf('\n\n');
    }
  }
}

export function eventsResource(client: StreamOpener): EventsResource {
  return {
    subscribe(options) {
      const { baseDelayMs = 1_000, maxDelayMs = 30_000, idleTimeoutMs = 45_000 } = options;
      const stopAll = new AbortController();
      let lastEventId = options.lastEventId;
      const unsubscribe = (): void => stopAll.abort();
      if (options.signal?.aborted) unsubscribe();
      options.signal?.addEventListener('abort', unsubscribe, { once: true });

      void (async () => {
        for (let attempt = 0; !stopAll.signal.aborted; ) {
          const attemptStop = new AbortController();
          const abortAttempt = (): void => attemptStop.abort();
          stopAll.signal.addEventListener('abort', abortAttempt);
          let idle: ReturnType<typeof setTimeout> | undefined;
          let idleFired = false;
          const touch = (): void => {
            clearTimeout(idle);
            idle = setTimeout(() => {
              idleFired = true;
              attemptStop.abort();
            }, idleTimeoutMs);
          };
          try {
            touch();
            const response = await client.openStream(
              '/v1/events',
              lastEventId ? { 'Last-Event-ID': lastEventId } : {},
              attemptStop.signal,
            );
            attempt = 0;
            options.onOpen?.();
            if (response.body) {
              await readFrames(response.body, touch, (id, data) => {
                let parsed: { type: EventType; data: Record<string, unknown>; createdAt: string };
                try {
                  parsed = JSON.parse(data);
                } catch {
                  return;
                }
                if (id !== undefined && (lastEventId === undefined || Number(id) > Number(lastEventId))) {
                  lastEventId = id;
                }
                if (!stopAll.signal.aborted) options.onEvent({ id: id ?? '', ...parsed });
              });
            }
          } catch (error) {
            if (stopAll.signal.aborted) break;
            const status = error instanceof MicromentorError ? error.status : 0;
            options.onError?.(
              idleFired
                ? new ConnectionError('timeout', `No live event or heartbeat for ${idleTimeoutMs} ms.`, error)
                : error,
            );
            if (status === 400 || status === 403 || status === 404) break;
          } finally {
            clearTimeout(idle);
            stopAll.signal.removeEventListener('abort', abortAttempt);
          }
          if (stopAll.signal.aborted) break;
          await sleep(
            Math.min(maxDelayMs, backoffMs(attempt++, baseDelayMs, Math.random)),
            stopAll.signal,
          ).catch(() => {});
        }
        stopAll.abort();
      })();

      return {
        unsubscribe,
        get lastEventId() {
          return lastEventId;
        },
        get closed() {
          return stopAll.signal.aborted;
        },
      };
    },
  };
}
