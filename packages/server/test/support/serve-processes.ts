import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { type CliDatabase, createCliDatabase, runCli, type ServeProcess, startServe } from './cli-process.js';

/** A tenant made by `micromentor tenant create --json`: its keys. */
export interface CliTenant {
  publishableKey: string;
  secretKey: string;
  identitySecret: string;
}

export interface ServeProcesses {
  /** The CLI database of this describe block (set before its tests). */
  readonly database: CliDatabase;
  /** The database's environment with the `env` given to serveProcesses (set before the tests). */
  readonly env: NodeJS.ProcessEnv;
  /** Starts `micromentor serve …extra` on the database and waits until it answers /healthz (90 s at most). */
  serve(extra?: string[], env?: NodeJS.ProcessEnv): Promise<ServeProcess>;
  /** `micromentor tenant create --name … --origin … --json`, which must exit 0. */
  createTenant(name: string, origin: string, env?: NodeJS.ProcessEnv): Promise<CliTenant>;
}

/**
 * For a describe block about real server processes: an empty CLI database of its own, made before
 * its tests and removed after them, and the `micromentor serve` processes started on it, killed
 * (and waited for) after each test (`stopAfter: 'each'`) or after all of them (the default).
 */
export function serveProcesses(
  options: { env?: NodeJS.ProcessEnv; stopAfter?: 'each' | 'all' } = {},
): ServeProcesses {
  let database: CliDatabase | undefined;
  let env: NodeJS.ProcessEnv | undefined;
  const running: ServeProcess[] = [];
  const stopAll = async () => {
    const servers = running.splice(0);
    for (const server of servers) server.kill();
    await Promise.all(servers.map((server) => server.exited));
  };

  beforeAll(async () => {
    database = await createCliDatabase();
    env = { ...database.env, ...options.env };
  });
  if (options.stopAfter === 'each') afterEach(stopAll);
  afterAll(async () => {
    await stopAll();
    await database?.cleanup();
  });

  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('serveProcesses: used before its beforeAll ran');
    return value;
  };
  return {
    get database() {
      return ready(database);
    },
    get env() {
      return ready(env);
    },
    async serve(extra = [], serveEnv = ready(env)) {
      const server = await startServe(extra, serveEnv);
      running.push(server);
      await server.ready(90_000);
      return server;
    },
    async createTenant(name, origin, tenantEnv = ready(env)) {
      const created = await runCli(
        ['tenant', 'create', '--name', name, '--origin', origin, '--json'],
        tenantEnv,
      );
      expect(created.code, created.stderr).toBe(0);
      return JSON.parse(created.stdout) as CliTenant;
    },
  };
}
