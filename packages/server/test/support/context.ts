import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type App, type AppConfig, createApp } from '../../src/app.js';
import { ManualClock } from '../../src/clock.js';
import { connectDatabase, type DatabaseHandle } from '../../src/db/connect.js';
import type { SemanticSearch } from '../../src/domain/matching/semantic/semantic-search.js';
import { type CreatedTenant, createTenant } from '../../src/domain/tenants/create-tenant.js';
import type { TenantSettings } from '../../src/domain/tenants/settings.js';
import { createRealtimeHub, type RealtimeHub } from '../../src/realtime/hub.js';
import { SecretBox } from '../../src/security/keys.js';
import { signUserToken, type UserRole } from '../../src/security/user-token.js';
// The provided values' types (pgliteTemplate, …) are declared beside the setup that provides them.
import type {} from './global-setup.js';
import { withDatabase } from './postgres-url.js';

export interface TestTenant extends CreatedTenant {
  origin: string;
  /** A user token for this tenant, signed at the test clock's now. */
  token(user?: {
    sub?: string;
    name?: string;
    email?: string;
    locale?: string;
    zoneinfo?: string;
    roles?: UserRole[];
    ttlSeconds?: number;
  }): string;
}

export interface TestContext {
  kind: 'pglite' | 'postgres';
  handle: DatabaseHandle;
  db: DatabaseHandle['db'];
  clock: ManualClock;
  app: App;
  secretBox: SecretBox;
  /** Live events for the app (closed by close()); heartbeats every 200 ms in tests. */
  hub: RealtimeHub;
  /** Presence calls the hub made (tenantId, userId), in order. */
  presence: [string, string][];
  tenant(options?: {
    name?: string;
    origins?: string[];
    settings?: Partial<TenantSettings>;
  }): Promise<TestTenant>;
  close(): Promise<void>;
}

/**
 * A private database for one test file (copied from the migrated template) and an app on it.
 * Matching by meaning is off unless a test passes `semantic` (see support/semantic.ts).
 */
export async function createTestContext(
  options: { config?: AppConfig; semantic?: SemanticSearch | null } = {},
): Promise<TestContext> {
  const kind = process.env.MM_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
  let handle: DatabaseHandle;
  let dropDatabase: () => Promise<void> = async () => {};
  let databaseUrl: string | undefined;
  if (kind === 'postgres') {
    const url = process.env.DATABASE_URL!;
    const template = inject('postgresTemplate');
    const name = `${template}_f${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${template}`);
    await admin.end();
    databaseUrl = withDatabase(url, name);
    handle = await connectDatabase({ databaseUrl, poolSize: 20 });
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    const dump = readFileSync(inject('pgliteTemplate'));
    handle = await connectDatabase({ loadDataDir: new Blob([dump]) });
  }
  const clock = new ManualClock('2026-11-25T12:00:00Z');
  const secretBox = new SecretBox('test-server-secret-key-0123456789');
  const presence: [string, string][] = [];
  const hub = await createRealtimeHub(
    databaseUrl ? { kind: 'postgres', databaseUrl } : { kind: 'pglite', pglite: handle.pglite! },
    { heartbeatMs: 200, onPresence: (tenantId, userId) => presence.push([tenantId, userId]) },
  );
  const app = createApp({
    hub,
    semantic: options.semantic ?? null,
    db: handle.db,
    clock,
    config: {
      secretKey: 'test-server-secret-key-0123456789',
      logError: () => {},
      logWarning: () => {},
      ...options.config,
    },
  });
  let counter = 0;
  return {
    kind,
    handle,
    db: handle.db,
    clock,
    app,
    secretBox,
    hub,
    presence,
    async tenant(options = {}) {
      counter += 1;
      const origin = options.origins?.[0] ?? `https://tenant-${counter}.example`;
      const created = await createTenant(handle.db, secretBox, {
        name: options.name ?? `Tenant ${counter}`,
        origins: options.origins ?? [origin],
        settings: options.settings,
      });
      return {
        ...created,
        origin,
        token: (user = {}) =>
          signUserToken({
            secret: created.identitySecret,
            sub: user.sub ?? 'learner-1',
            name: user.name ?? 'Lena Learner',
            email: user.email,
            locale: user.locale,
            zoneinfo: user.zoneinfo,
            roles: user.roles,
            ttlSeconds: user.ttlSeconds ?? 3600,
            now: clock.now(),
          }),
      };
    },
    async close() {
      await hub.close();
      await handle.close();
      await dropDatabase();
    },
  };
}
