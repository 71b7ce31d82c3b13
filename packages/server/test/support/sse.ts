/** One server-sent event as a client sees it (comments are kept apart). */
export interface SseEvent {
  id: string | undefined;
  event: string | undefined;
  data: string;
  /** The `retry:` field (reconnection time in ms), when the frame has one. */
  retry?: number;
}

export interface SseClient {
  status: number;
  headers: Headers;
  events: SseEvent[];
  comments: string[];
  /** Resolves with the events once `predicate` holds (rejects after `timeoutMs`). */
  waitFor(
    predicate: (events: SseEvent[], comments: string[]) => boolean,
    timeoutMs?: number,
  ): Promise<SseEvent[]>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/** Opens `GET url` with fetch and parses the event stream as it arrives (no EventSource: headers carry auth). */
export async function openSse(url: string, headers: Record<string, string>): Promise<SseClient> {
  const controller = new AbortController();
  const res = await fetch(url, {
    headers: { Accept: 'text/event-stream', ...headers },
    signal: controller.signal,
  });
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const w of [...waiters]) w();
  };
  let ended: Promise<void> = Promise.resolve();
  if (res.ok && res.body) {
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    ended = (async () => {
      let buffer = '';
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buffer += value;
          let end = buffer.indexOf('\n\n');
          while (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event: SseEvent = { id: undefined, event: undefined, data: '' };
            let isEvent = false;
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) comments.push(line.slice(1).trim());
              else {
                const colon = line.indexOf(':');
                const field = colon < 0 ? line : line.slice(0, colon);
                const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
                isEvent = true;
                if (field === 'id') event.id = value;
                else if (field === 'event') event.event = value;
                else if (field === 'data') event.data = event.data ? `${event.data}\n${value}` : value;
                else if (field === 'retry') event.retry = Number(value);
              }
            }
            if (isEvent) events.push(event);
            end = buffer.indexOf('\n\n');
          }
          notify();
        }
      } catch {
        // aborted by close()
      }
      notify();
    })();
  }
  return {
    status: res.status,
    headers: res.headers,
    events,
    comments,
    ended,
    waitFor(predicate, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (predicate(events, comments)) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(events);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`timed out; events: ${JSON.stringify(events)}; comments: ${comments.length}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => controller.abort(),
  };
}
