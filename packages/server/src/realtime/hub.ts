import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { EVENTS_CHANNEL } from '../domain/events/record-event.js';

/**
 * Wakes this process's SSE streams when events may have been recorded, by any process.
 *
 * The notification is only a doorbell: streams then read the `events` table for rows after the
 * last id they sent, so nothing depends on the NOTIFY payload and a missed notification only
 * delays delivery until the stream's next heartbeat (which reads the table too).
 */
export interface RealtimeHub {
  /** Milliseconds between heartbeat comments on every stream (and presence calls for mentors). */
  readonly heartbeatMs: number;
  /** Called on every heartbeat of an open stream whose user is a mentor. */
  readonly onPresence: (tenantId: string, userId: string) => void;
  /** True once `close()` has been called: streams end. */
  readonly closed: boolean;
  /** How many streams are subscribed right now. */
  readonly listenerCount: number;
  /**
   * Counts a new stream against its user's and its key's caps (in this process only: each
   * server process has its own). Returns the release function (call it when the stream ends;
   * calling it again does nothing), or which cap is full.
   */
  reserve(owner: StreamOwner): (() => void) | { full: 'user' | 'key'; limit: number };
  /**
   * `listener(tenantId)` on every notification; `listener(null)` when anything may have been
   * missed (after the listening connection came back) and when the hub closes. Returns an
   * unsubscribe function.
   */
  subscribe(listener: (tenantId: string | null) => void): () => void;
  /** Stops listening and ends every stream. Safe to call twice. */
  close(): Promise<void>;
}

/** Who holds a stream: the user (internal id) and the API key it was opened with (tenant and kind). */
export interface StreamOwner {
  userId: string;
  key: string;
}

/**
 * Open streams allowed per process. Per user: a person with a few tabs and devices, each with
 * the widget and a console open, stays well under 10. Per key: a stream costs a database read on
 * every heartbeat (15 s) and on every event of its tenant, so 1 000 streams already keep a
 * pool of 10 connections busy; a program with more people online at once runs more processes.
 */
export const DEFAULT_STREAM_LIMITS = { perUser: 10, perKey: 1_000 } as const;

export type HubSource = { kind: 'postgres'; databaseUrl: string } | { kind: 'pglite'; pglite: PGlite };

export interface HubOptions {
  /** Default 15 000. */
  heartbeatMs?: number;
  onPresence?: (tenantId: string, userId: string) => void;
  /** First wait before reconnecting the PostgreSQL listener (doubles up to 10 s). Default 250. */
  reconnectMs?: number;
  /** Listener connection problems (it reconnects by itself). Default: one JSON line on stderr. */
  onError?: (error: unknown) => void;
  /** Open streams allowed per user and per key in this process (DEFAULT_STREAM_LIMITS). */
  maxStreamsPerUser?: number;
  maxStreamsPerKey?: number;
}

/** Counts per name; a name at zero is forgotten. */
class Counter {
  readonly #counts = new Map<string, number>();
  get(name: string): number {
    return this.#counts.get(name) ?? 0;
  }
  add(name: string, delta: number): void {
    const next = this.get(name) + delta;
    if (next > 0) this.#counts.set(name, next);
    else this.#counts.delete(name);
  }
}

export const HUB_APPLICATION_NAME = 'micromentor-realtime';

function tenantOf(payload: string | undefined): string | null {
  try {
    const parsed = JSON.parse(payload ?? '') as { tenantId?: unknown };
    return typeof parsed.tenantId === 'string' ? parsed.tenantId : null;
  } catch {
    return null;
  }
}

/** The listeners and the closed flag; the source's stop function is set once listening. */
class Hub implements RealtimeHub {
  readonly heartbeatMs: number;
  readonly onPresence: (tenantId: string, userId: string) => void;
  readonly #listeners = new Set<(tenantId: string | null) => void>();
  readonly #perUser = new Counter();
  readonly #perKey = new Counter();
  readonly #maxPerUser: number;
  readonly #maxPerKey: number;
  #closed = false;
  stop: () => Promise<void> = async () => {};

  constructor(options: HubOptions) {
    this.heartbeatMs = options.heartbeatMs ?? 15_000;
    this.onPresence = options.onPresence ?? (() => {});
    this.#maxPerUser = options.maxStreamsPerUser ?? DEFAULT_STREAM_LIMITS.perUser;
    this.#maxPerKey = options.maxStreamsPerKey ?? DEFAULT_STREAM_LIMITS.perKey;
  }

  reserve(owner: StreamOwner): (() => void) | { full: 'user' | 'key'; limit: number } {
    if (this.#perUser.get(owner.userId) >= this.#maxPerUser) return { full: 'user', limit: this.#maxPerUser };
    if (this.#perKey.get(owner.key) >= this.#maxPerKey) return { full: 'key', limit: this.#maxPerKey };
    this.#perUser.add(owner.userId, 1);
    this.#perKey.add(owner.key, 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#perUser.add(owner.userId, -1);
      this.#perKey.add(owner.key, -1);
    };
  }

  get closed(): boolean {
    return this.#closed;
  }

  get listenerCount(): number {
    return this.#listeners.size;
  }

  dispatch(tenantId: string | null): void {
    for (const listener of [...this.#listeners]) listener(tenantId);
  }

  subscribe(listener: (tenantId: string | null) => void): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.stop();
    this.dispatch(null);
    this.#listeners.clear();
  }
}

/** A hub without notifications: streams find new events on their heartbeat reads only. */
export function pollingHub(options: HubOptions = {}): RealtimeHub {
  return new Hub(options);
}

/** A hub on the server's database; on PostgreSQL it resolves once the listener is connected. */
export async function createRealtimeHub(source: HubSource, options: HubOptions = {}): Promise<RealtimeHub> {
  const hub = new Hub(options);
  const onError =
    options.onError ??
    ((error: unknown) =>
      console.error(JSON.stringify({ level: 'warn', msg: 'realtime listener', error: String(error) })));

  if (source.kind === 'pglite') {
    // PGlite is one session in this process: its own listen() delivers our NOTIFYs after commit.
    const unlisten = await source.pglite.listen(EVENTS_CHANNEL, (payload) => hub.dispatch(tenantOf(payload)));
    hub.stop = async () => {
      if (!source.pglite.closed) await unlisten().catch(() => {});
    };
    return hub;
  }

  const base = options.reconnectMs ?? 250;
  let client: pg.Client | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: source.databaseUrl, application_name: HUB_APPLICATION_NAME });
    let dropped = false;
    const drop = (error?: unknown) => {
      if (dropped) return;
      dropped = true;
      if (error && !hub.closed) onError(error);
      void c.end().catch(() => {});
      if (client === c) client = undefined;
      if (!hub.closed) schedule();
    };
    c.on('error', drop);
    c.on('end', () => drop());
    c.on('notification', (msg) => {
      if (msg.channel === EVENTS_CHANNEL) hub.dispatch(tenantOf(msg.payload));
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch (error) {
      drop(error);
      throw error;
    }
    if (hub.closed) {
      await c.end().catch(() => {});
      return;
    }
    client = c;
    attempt = 0;
    // Whatever was recorded while nobody listened: let every stream look.
    hub.dispatch(null);
  };
  const schedule = () => {
    if (timer || hub.closed) return;
    const wait = Math.min(10_000, base * 2 ** attempt);
    attempt += 1;
    timer = setTimeout(() => {
      timer = undefined;
      connect().catch(() => {});
    }, wait);
  };
  hub.stop = async () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const c = client;
    client = undefined;
    await c?.end().catch(() => {});
  };
  try {
    await connect();
  } catch (error) {
    await hub.close();
    throw error;
  }
  return hub;
}
