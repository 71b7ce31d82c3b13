import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../packages/sdk/src/index.js';
import { loadConfig, type ServerConfig } from '../../packages/server/src/config.js';
import { recordEvent } from '../../packages/server/src/domain/events/record-event.js';
import { type RunningServer, startServer } from '../../packages/server/src/main.js';
import { freePort } from '../../packages/server/test/support/cli-process.js';
import { scratchDatabase } from '../../packages/server/test/support/postgres-url.js';
import { type RecordedCall, sdkTenant } from './sdk-fixtures.js';
import type { RunningApi } from './support.js';

// A server process shuts down under an SDK subscription and another one takes its place (as
// behind a load balancer): the SDK reads the reconnect frame as no event, reconnects by itself
// with Last-Event-ID, and misses nothing.
let config: ServerConfig;
let cleanup = async () => {};

beforeAll(async () => {
  const env: NodeJS.ProcessEnv = {
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    MICROMENTOR_LOG: 'off',
    MICROMENTOR_WORKER: 'off',
    MICROMENTOR_RATE_LIMIT: 'off',
    NODE_ENV: 'test',
  };
  const url = process.env.DATABASE_URL;
  if (url) {
    const scratch = await scratchDatabase(url, 'mm_x');
    env.DATABASE_URL = scratch.url;
    cleanup = scratch.drop;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'mm-sdk-shutdown-'));
    env.MICROMENTOR_DATA_DIR = join(dir, 'data');
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  config = loadConfig(env);
});
afterAll(() => cleanup());

const until = async (check: () => boolean, what: string, ms = 20_000) => {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('events.subscribe across a server shutdown', () => {
  it('ends on the reconnect frame without an event, reconnects to the next process with Last-Event-ID, misses nothing', {
    timeout: 120_000,
  }, async () => {
    let server: RunningServer = await startServer(config);
    const tenant = await sdkTenant({ url: server.url, db: server.database.db } as RunningApi);
    const calls: RecordedCall[] = [];
    const learner = tenant.browser('learner-shutdown', calls);
    const received: LiveEvent[] = [];
    let opens = 0;
    const controller = new AbortController();
    try {
      learner.events.subscribe({
        onEvent: (event) => received.push(event),
        onOpen: () => {
          opens += 1;
        },
        signal: controller.signal,
        baseDelayMs: 200,
        maxDelayMs: 1_000,
      });
      await until(() => opens === 1, 'the first connection');
      const { id: userId } = await server.database.db
        .selectFrom('users')
        .select('id')
        .where('tenant_id', '=', tenant.id)
        .where('external_id', '=', 'learner-shutdown')
        .executeTakeFirstOrThrow();
      const say = (db: RunningServer['database']['db'], body: string) =>
        recordEvent(db, {
          tenantId: tenant.id,
          type: 'message.created',
          data: { body },
          userIds: [userId],
          at: new Date(),
        });
      await say(server.database.db, 'before');
      await until(() => received.length === 1, 'the live event');

      const report = await server.close();
      expect(report).toMatchObject({ clean: true, cut: [] });
      // The next process on the same database and port, and an event before the SDK is back.
      server = await startServer(config);
      await say(server.database.db, 'while away');
      await until(() => opens === 2, 'the reconnection');
      await until(() => received.length === 2, 'the replay');

      // The reconnect frame reached no application code; nothing arrived twice.
      expect(received.map((e) => [e.type, (e.data as { body: string }).body])).toEqual([
        ['message.created', 'before'],
        ['message.created', 'while away'],
      ]);
      const opened = calls.filter((c) => c.url.endsWith('/v1/events'));
      expect(opened.at(-1)!.headers.get('last-event-id')).toBe(received[0]!.id);
    } finally {
      controller.abort();
      await server.close();
    }
  });
});
