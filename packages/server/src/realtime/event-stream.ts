import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database.js';
import type { RealtimeHub } from './hub.js';

export interface EventStreamOptions {
  db: Kysely<Database>;
  hub: RealtimeHub;
  tenantId: string;
  userId: string;
  /** Resume after this event id; null: only what is recorded from now on. */
  after: number | null;
  /** Mentors' open streams report presence on every heartbeat. */
  isMentor: boolean;
  /** Frees the stream's place under the hub's caps (`hub.reserve`); called once the stream ends. */
  release: () => void;
  /**
   * How long an event id may stay invisible (its transaction not yet committed) while later
   * ids are visible. Identity values are taken at insert, not at commit, so a stream re-reads
   * this window and skips what it already sent. Default 10 000 ms.
   */
  lateCommitMs?: number;
}

const BATCH = 500;

/**
 * The last frame of a stream the server ends because it shuts down: `retry:` tells EventSource
 * when to reconnect (somewhere else, behind the load balancer), spread over 0.5–3 s so clients do
 * not all come back in the same instant. No `data:`, so neither EventSource nor the SDK hands it
 * to the application as an event; both reconnect with Last-Event-ID once the stream ends.
 */
export function reconnectFrame(random: () => number = Math.random): string {
  return `retry: ${500 + Math.round(random() * 2_500)}\nevent: reconnect\n\n`;
}

interface EventRow {
  id: number;
  type: string;
  data: unknown;
  created_at: Date;
}

/**
 * Tracks what a stream has sent above a floor: every id at or below the floor was either sent
 * or will never be visible (older than the late-commit window).
 */
class Delivery {
  #floor: number;
  readonly #sent = new Set<number>();
  /** Tenant-wide maximum ids and when they were seen: the floor catches up to them after the window. */
  readonly #marks: { id: number; at: number }[] = [];

  constructor(
    floor: number,
    readonly windowMs: number,
  ) {
    this.#floor = floor;
  }

  get floor(): number {
    return this.#floor;
  }

  fresh(rows: EventRow[]): EventRow[] {
    return rows.filter((r) => !this.#sent.has(r.id));
  }

  sent(id: number): void {
    if (id > this.#floor) this.#sent.add(id);
  }

  jump(id: number): void {
    this.#floor = Math.max(this.#floor, id);
    for (const sent of this.#sent) if (sent <= this.#floor) this.#sent.delete(sent);
  }

  /** After a read that saw the tenant's maximum id `max` at time `now`. */
  advance(max: number, now: number): void {
    if (max > this.#floor) this.#marks.push({ id: max, at: now });
    let floor = this.#floor;
    while (this.#marks.length > 0 && this.#marks[0]!.at <= now - this.windowMs) {
      floor = Math.max(floor, this.#marks.shift()!.id);
    }
    if (floor === this.#floor) return;
    this.#floor = floor;
    for (const id of this.#sent) if (id <= floor) this.#sent.delete(id);
  }
}

async function latestId(db: Kysely<Database>, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom('events')
    .select(sql<number | null>`max(id)`.as('max'))
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

/**
 * `GET /v1/events` for one user: replays what was recorded after `after`, then sends each new
 * event as it is recorded (by any server process), with a heartbeat comment every
 * `hub.heartbeatMs`. Ends when the client goes away, or when the hub closes (shutdown), then
 * with a reconnect frame.
 */
export function openEventStream(c: Context, o: EventStreamOptions): Response {
  c.header('X-Accel-Buffering', 'no');
  return streamSSE(c, async (stream) => {
    let pending = true;
    let wake: (() => void) | undefined;
    const poke = () => {
      pending = true;
      wake?.();
    };
    const unsubscribe = o.hub.subscribe((tenantId) => {
      if (tenantId === null || tenantId === o.tenantId) poke();
    });
    const onGone = () => wake?.();
    stream.onAbort(onGone);
    c.req.raw.signal.addEventListener('abort', onGone);
    const open = () => !stream.aborted && !stream.closed && !o.hub.closed && !c.req.raw.signal.aborted;

    try {
      const delivery = new Delivery(o.after ?? (await latestId(o.db, o.tenantId)), o.lateCommitMs ?? 10_000);
      // Tell the client where it stands even before the first event: a comment, no id.
      await stream.write(': connected\n\n');
      let nextBeat = Date.now() + o.hub.heartbeatMs;
      if (o.isMentor) o.hub.onPresence(o.tenantId, o.userId);
      while (open()) {
        if (pending) {
          pending = false;
          for (;;) {
            const max = await latestId(o.db, o.tenantId);
            const rows = await o.db
              .selectFrom('events')
              .select(['id', 'type', 'data', 'created_at'])
              .where('tenant_id', '=', o.tenantId)
              .where('id', '>', delivery.floor)
              .where(sql<boolean>`user_ids @> array[${o.userId}]::uuid[]`)
              .orderBy('id')
              .limit(BATCH)
              .execute();
            for (const row of delivery.fresh(rows)) {
              if (!open()) return;
              await stream.writeSSE({
                id: String(row.id),
                event: row.type,
                data: JSON.stringify({
                  type: row.type,
                  data: row.data,
                  createdAt: row.created_at.toISOString(),
                }),
              });
              delivery.sent(row.id);
            }
            if (rows.length < BATCH) {
              delivery.advance(max, Date.now());
              break;
            }
            // A long replay: these rows were committed long ago, so the floor may move at once.
            delivery.jump(rows.at(-1)!.id);
          }
        }
        const wait = nextBeat - Date.now();
        if (wait <= 0) {
          await stream.write(': heartbeat\n\n');
          if (o.isMentor) o.hub.onPresence(o.tenantId, o.userId);
          nextBeat = Date.now() + o.hub.heartbeatMs;
          // A missed notification costs at most one heartbeat.
          pending = true;
          continue;
        }
        if (pending) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, wait);
          function done() {
            clearTimeout(timer);
            wake = undefined;
            resolve();
          }
          wake = done;
        });
      }
    } catch (error) {
      // The client reconnects with Last-Event-ID; only an unexpected failure is worth a line.
      if (open())
        console.error(JSON.stringify({ level: 'error', msg: 'event stream', error: String(error) }));
    } finally {
      unsubscribe();
      o.release();
      c.req.raw.signal.removeEventListener('abort', onGone);
      const clientThere = !stream.aborted && !stream.closed && !c.req.raw.signal.aborted;
      if (o.hub.closed && clientThere) await stream.write(reconnectFrame()).catch(() => {});
    }
  });
}
