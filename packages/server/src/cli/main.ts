import { parseArgs } from 'node:util';
import { systemClock } from '../clock.js';
import { loadConfig } from '../config.js';
import { connectDatabase } from '../db/connect.js';
import { DataDirInUseError } from '../db/data-dir-lock.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedDemo } from '../demo/seed.js';
import { DomainError } from '../domain/errors.js';
import { ROTATION_OVERLAP_MS, rotateToolKey } from '../domain/lti/tool-keys.js';
import { recomputeBadges } from '../domain/recognition/badges.js';
import { closeOnSignals, startServer } from '../main.js';
import { SecretBox } from '../security/keys.js';
import { embeddingsCommand } from './embeddings.js';
import { keysCommand } from './keys.js';
import { createTenantCommand } from './tenant.js';
import { tokenCommand } from './token.js';
import { UsageError } from './usage-error.js';

const HELP = `micromentor — the Micromentor server

Usage:
  micromentor serve [--port N] [--seed-demo]   start the API (migrates first)
  micromentor migrate                          apply database migrations
  micromentor seed --demo                      create the demo tenant and mentors (once)
  micromentor tenant create --name N --origin URL [--origin URL…] [--allow-guests] [--json]
  micromentor keys rotate --tenant ID --kind publishable|secret|identity [--overlap-hours N] [--json]
                                               a new key, shown once (the API allows this with the secret key only)
  micromentor token --tenant ID --sub ID --name NAME [--email E] [--roles mentor,admin] [--ttl SECONDS]
  micromentor badges recompute --tenant ID     award any badges the tenant's mentors have earned (backfill)
  micromentor embeddings backfill [--tenant ID]
                                               embed approved mentors whose embedding is missing or stale
  micromentor lti rotate-key [--json]          a new LTI tool signing key; the old one stays listed at
                                               /lti/jwks for 7 days, so LMSs that cached the set keep verifying

Environment: DATABASE_URL (PostgreSQL; default: embedded PGlite in MICROMENTOR_DATA_DIR,
./.micromentor/data), PORT (8787), MICROMENTOR_SECRET_KEY (encrypts identity secrets at rest),
MICROMENTOR_EMBEDDINGS (use-lite: matching by meaning; onnx:<folder>: your own ONNX model;
off: keywords only).`;

async function withDatabase<T>(fn: (ctx: Awaited<ReturnType<typeof open>>) => Promise<T>): Promise<T> {
  const ctx = await open();
  try {
    return await fn(ctx);
  } finally {
    await ctx.handle.close();
  }
}

async function open() {
  const config = loadConfig();
  const handle = await connectDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: 2,
  });
  await migrateToLatest(handle.db);
  return { config, handle, db: handle.db, box: new SecretBox(config.secretKey) };
}

export async function run(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve': {
      const { values } = parseArgs({
        args: rest,
        options: { port: { type: 'string' }, 'seed-demo': { type: 'boolean', default: false } },
      });
      const config = loadConfig(values.port ? { ...process.env, PORT: values.port } : process.env);
      const server = await startServer(config, { seedDemo: values['seed-demo'] });
      closeOnSignals(server, (msg) => console.error(msg), config.shutdownTimeoutMs);
      const where = server.database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL';
      console.error(`Micromentor API on ${server.url} (${where}); docs at ${server.url}/docs`);
      if (server.inboundSmtpPort !== undefined) {
        console.error(
          `Reply by email: SMTP on ${config.inboundSmtpHost}:${server.inboundSmtpPort} for reply+…@${config.inboundDomain}`,
        );
      }
      if (server.demo) {
        console.error(
          `Demo tenant "${server.demo.name}" (${server.demo.mentors} mentors): publishable key ${server.demo.publishableKey}, secret key ${server.demo.secretKey}`,
        );
      }
      return;
    }
    case 'migrate': {
      await withDatabase(async ({ handle }) => {
        // open() already migrated; report what the database is at.
        const report = await migrateToLatest(handle.db);
        console.log(
          report.applied.length ? `applied: ${report.applied.join(', ')}` : 'database is up to date',
        );
      });
      return;
    }
    case 'seed': {
      const { values } = parseArgs({ args: rest, options: { demo: { type: 'boolean', default: false } } });
      if (!values.demo) throw new UsageError('seed needs --demo (the only data set there is).');
      await withDatabase(async ({ db, box }) => {
        const demo = await seedDemo(db, box, systemClock);
        console.log(
          demo.created
            ? `Created demo tenant ${demo.id} with ${demo.mentors} mentors.`
            : `Demo tenant ${demo.id} already exists (${demo.mentors} mentors); nothing changed.`,
        );
        console.log(`publishable key: ${demo.publishableKey}\nsecret key:      ${demo.secretKey}`);
      });
      return;
    }
    case 'tenant': {
      const [sub, ...args] = rest;
      if (sub !== 'create')
        throw new UsageError('Usage: micromentor tenant create --name N --origin URL [--json]');
      await withDatabase(async ({ db, box }) => {
        console.log(await createTenantCommand(db, box, args));
      });
      return;
    }
    case 'keys': {
      await withDatabase(async ({ db, box }) => {
        console.log(await keysCommand(db, box, systemClock, rest));
      });
      return;
    }
    case 'token': {
      await withDatabase(async ({ db, box }) => {
        console.log(await tokenCommand(db, box, rest, systemClock.now()));
      });
      return;
    }
    case 'badges': {
      const [sub, ...args] = rest;
      const { values } = parseArgs({ args, options: { tenant: { type: 'string' } } });
      if (sub !== 'recompute' || !values.tenant)
        throw new UsageError('Usage: micromentor badges recompute --tenant ID');
      const tenantId = values.tenant;
      await withDatabase(async ({ db }) => {
        const tenant = /^[0-9a-f-]{36}$/i.test(tenantId)
          ? await db.selectFrom('tenants').select('id').where('id', '=', tenantId).executeTakeFirst()
          : undefined;
        if (!tenant) throw new UsageError(`No tenant ${tenantId}.`);
        const awarded = await recomputeBadges(db, { tenantId, now: systemClock.now() });
        console.log(`Awarded ${awarded} new ${awarded === 1 ? 'badge' : 'badges'}.`);
      });
      return;
    }
    case 'lti': {
      const [sub, ...args] = rest;
      const { values } = parseArgs({ args, options: { json: { type: 'boolean', default: false } } });
      if (sub !== 'rotate-key') throw new UsageError('Usage: micromentor lti rotate-key [--json]');
      await withDatabase(async ({ db, box }) => {
        const now = systemClock.now();
        const kid = await rotateToolKey(db, box, now);
        const listedUntil = new Date(now.getTime() + ROTATION_OVERLAP_MS).toISOString();
        console.log(
          values.json
            ? JSON.stringify({ kid, previousKeysListedUntil: listedUntil })
            : `New LTI tool key ${kid}; the previous one stays in /lti/jwks until ${listedUntil}.`,
        );
      });
      return;
    }
    case 'embeddings': {
      await withDatabase(async ({ db, config }) => {
        await embeddingsCommand(db, config, rest, (line) => console.log(line));
      });
      return;
    }
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return;
    default:
      throw new UsageError(`Unknown command "${command}".\n\n${HELP}`);
  }
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  try {
    await run(argv);
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof DomainError ||
      error instanceof DataDirInUseError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      console.error(`micromentor: ${(error as Error).message}`);
      process.exitCode = 2;
      return;
    }
    console.error(`micromentor: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
