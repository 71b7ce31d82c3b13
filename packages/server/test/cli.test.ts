import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../src/db/connect.js';
import { verifyUserToken } from '../src/security/user-token.js';
import { type CliDatabase, createCliDatabase, runCli } from './support/cli-process.js';

interface PrintedTenant {
  id: string;
  name: string;
  publishableKey: string;
  secretKey: string;
  identitySecret: string;
}

const decodePart = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

/** The operator's CLI, spawned for real against a database of its own. */
describe(`micromentor CLI (${process.env.MM_TEST_DB ?? 'pglite'})`, () => {
  let database: CliDatabase;
  let tenant: PrintedTenant | undefined;

  beforeAll(async () => {
    database = await createCliDatabase();
    // The first command creates and migrates the database; later ones only reopen it.
    const migrated = await runCli(['migrate'], database.env, 90_000);
    expect(migrated.code, migrated.stderr).toBe(0);
  });

  afterAll(async () => {
    await database?.cleanup();
  });

  async function createAcme(): Promise<PrintedTenant> {
    const result = await runCli(
      ['tenant', 'create', '--name', 'Acme', '--origin', 'https://acme.example', '--json'],
      database.env,
    );
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout.trim()) as PrintedTenant;
  }

  it('tenant create --json prints the tenant and its keys as JSON', async () => {
    tenant = await createAcme();
    expect(Object.keys(tenant).sort()).toEqual([
      'id',
      'identitySecret',
      'name',
      'publishableKey',
      'secretKey',
    ]);
    expect(tenant.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(tenant.name).toBe('Acme');
    expect(tenant.publishableKey).toMatch(/^pk_\w{16,}/);
    expect(tenant.secretKey).toMatch(/^sk_\w{16,}/);
    expect(tenant.identitySecret.length).toBeGreaterThanOrEqual(16);
  });

  it('tenant create with a bad origin exits 2 with a clear message and prints no keys', async () => {
    const result = await runCli(
      ['tenant', 'create', '--name', 'Bad', '--origin', 'not-a-url', '--json'],
      database.env,
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^micromentor: .*"not-a-url" is not an origin/m);
    expect(result.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });

  it('token prints a signed HS256 JWT with the claims asked for', async () => {
    tenant ??= await createAcme();
    const result = await runCli(
      ['token', '--tenant', tenant.id, '--sub', 'u1', '--name', 'U One', '--roles', 'mentor'],
      database.env,
    );
    expect(result.code, result.stderr).toBe(0);
    const token = result.stdout.trim();
    const parts = token.split('.');
    expect(parts).toHaveLength(3);
    expect(decodePart(parts[0]!)).toMatchObject({ alg: 'HS256' });
    const payload = decodePart(parts[1]!);
    expect(payload).toMatchObject({ sub: 'u1', name: 'U One', roles: ['mentor'] });
    expect(Number.isInteger(payload.iat)).toBe(true);
    expect(payload.exp - payload.iat).toBe(3600);
    expect(Math.abs(payload.iat - Date.now() / 1000)).toBeLessThan(120);
    // Signed with the identity secret `tenant create` printed.
    expect(verifyUserToken(token, [tenant.identitySecret], new Date()).sub).toBe('u1');
  });

  it('token with an unknown role exits 2 and names the role', async () => {
    tenant ??= await createAcme();
    const result = await runCli(
      ['token', '--tenant', tenant.id, '--sub', 'u1', '--name', 'U One', '--roles', 'mentor,wizard'],
      database.env,
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/micromentor: .*wizard/);
  });

  it('badges recompute backfills a tenant’s badges; an unknown tenant exits 2', async () => {
    tenant ??= await createAcme();
    const result = await runCli(['badges', 'recompute', '--tenant', tenant.id], database.env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.trim()).toBe('Awarded 0 new badges.');
    const unknown = await runCli(
      ['badges', 'recompute', '--tenant', '5b0c3a9e-0000-4000-8000-000000000000'],
      database.env,
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No tenant 5b0c3a9e-0000-4000-8000-000000000000');
  });

  it('keys rotate prints a new key once and records it (and tenant create) in the tenant’s audit log', async () => {
    tenant ??= await createAcme();
    const rotated = await runCli(
      ['keys', 'rotate', '--tenant', tenant.id, '--kind', 'identity', '--overlap-hours', '1', '--json'],
      database.env,
    );
    expect(rotated.code, rotated.stderr).toBe(0);
    const printed = JSON.parse(rotated.stdout.trim()) as {
      key: string;
      apiKey: { id: string; kind: string };
    };
    expect(printed.key).toMatch(/^ids_/);
    expect(printed.apiKey.kind).toBe('identity');
    const plain = await runCli(['keys', 'rotate', '--tenant', tenant.id, '--kind', 'secret'], database.env);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(/New secret key \(shown only now\): sk_\w+/);

    const bad = await runCli(['keys', 'rotate', '--tenant', tenant.id, '--kind', 'master'], database.env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Usage: micromentor keys rotate');

    const handle = await connectDatabase(
      database.env.DATABASE_URL
        ? { databaseUrl: database.env.DATABASE_URL, poolSize: 1 }
        : { dataDir: database.env.MICROMENTOR_DATA_DIR! },
    );
    try {
      const entries = await handle.db
        .selectFrom('audit_log')
        .selectAll()
        .where('tenant_id', '=', tenant.id)
        .orderBy('at')
        .execute();
      expect(entries.map((e) => [e.action, e.actor_key_kind, e.actor_user_id])).toEqual([
        ['cli tenant create', 'cli', null],
        ['cli keys rotate', 'cli', null],
        ['cli keys rotate', 'cli', null],
      ]);
      expect(entries[1]!.target).toBe(printed.apiKey.id);
      expect(entries[1]!.summary).toEqual({
        fields: ['kind', 'overlapHours'],
        values: { kind: 'identity', overlapHours: 1 },
      });
      expect(JSON.stringify(entries)).not.toContain(printed.key);
    } finally {
      await handle.close();
    }
  }, 120_000);

  it('lti rotate-key makes a new tool key current and keeps the old one listed', async () => {
    const first = await runCli(['lti', 'rotate-key', '--json'], database.env);
    expect(first.code, first.stderr).toBe(0);
    const a = JSON.parse(first.stdout.trim()) as { kid: string; previousKeysListedUntil: string };
    const second = await runCli(['lti', 'rotate-key'], database.env);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/^New LTI tool key [\w-]+; the previous one stays in \/lti\/jwks until /);
    const bad = await runCli(['lti', 'spin'], database.env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Usage: micromentor lti rotate-key');
    const handle = await connectDatabase(
      database.env.DATABASE_URL
        ? { databaseUrl: database.env.DATABASE_URL, poolSize: 1 }
        : { dataDir: database.env.MICROMENTOR_DATA_DIR! },
    );
    try {
      const keys = await handle.db.selectFrom('lti_tool_keys').select(['kid', 'retired_at']).execute();
      const current = keys.filter((k) => k.retired_at === null);
      expect(current).toHaveLength(1);
      expect(current[0]!.kid).not.toBe(a.kid);
      expect(keys.find((k) => k.kid === a.kid)?.retired_at).not.toBeNull();
    } finally {
      await handle.close();
    }
  }, 120_000);

  it('--help prints the usage', async () => {
    const result = await runCli(['--help'], database.env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage:');
    for (const command of [
      'serve',
      'migrate',
      'seed --demo',
      'tenant create',
      'keys rotate',
      'token',
      'badges recompute',
      'lti rotate-key',
    ]) {
      expect(result.stdout).toContain(`micromentor ${command}`);
    }
  });

  it('an unknown command exits 2 and shows the usage', async () => {
    const result = await runCli(['frobnicate'], database.env);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown command "frobnicate"');
    expect(result.stderr).toContain('Usage:');
  });
});
