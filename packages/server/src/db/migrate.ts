import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Database } from './database.js';
import * as foundation from './migrations/2026-11-25T1200-foundation.js';
import * as booking from './migrations/2026-11-25T1300-booking.js';
import * as requests from './migrations/2026-11-25T1400-requests.js';
import * as matchingSpeed from './migrations/2026-11-25T1450-matching-speed.js';
import * as eventsJobs from './migrations/2026-11-25T1500-events-jobs.js';
import * as threads from './migrations/2026-11-25T1610-threads.js';
import * as offersPresence from './migrations/2026-11-25T1620-offers-presence.js';
import * as feedbackNotes from './migrations/2026-11-25T1630-feedback-notes.js';
import * as webhooks from './migrations/2026-11-25T1640-webhooks.js';
import * as admin from './migrations/2026-11-25T1650-admin.js';
import * as analyticsRollup from './migrations/2026-11-26T1000-analytics-rollup.js';
import * as recognition from './migrations/2026-11-26T1100-recognition.js';
import * as webhookSecretOverlap from './migrations/2026-11-26T1300-webhook-secret-overlap.js';
import * as callDetails from './migrations/2026-11-27T0900-call-details.js';
import * as emailOutbox from './migrations/2026-12-07T0900-email-outbox.js';
import * as reach from './migrations/2026-12-07T1000-reach.js';
import * as calendarFeed from './migrations/2026-12-07T1100-calendar-feed.js';
import * as replyTokens from './migrations/2026-12-07T1200-reply-tokens.js';
import * as auditLog from './migrations/2026-12-08T0900-audit-log.js';
import * as dataRights from './migrations/2026-12-08T1100-data-rights.js';
import * as mentorEmbeddings from './migrations/2026-12-09T0900-mentor-embeddings.js';
import * as guidance from './migrations/2026-12-09T1000-guidance.js';
import * as responsiveness from './migrations/2026-12-09T1100-responsiveness.js';
import * as advice from './migrations/2026-12-09T1200-advice.js';
import * as programQueue from './migrations/2026-12-10T0900-program-queue.js';
import * as lti from './migrations/2026-12-11T0900-lti.js';
import * as badgeStatus from './migrations/2026-12-11T1000-badge-status.js';

/** Migrations are listed statically so they work the same from source, tests and bundles. */
const migrations: Record<string, Migration> = {
  '2026-11-25T1200-foundation': foundation,
  '2026-11-25T1300-booking': booking,
  '2026-11-25T1400-requests': requests,
  '2026-11-25T1450-matching-speed': matchingSpeed,
  '2026-11-25T1500-events-jobs': eventsJobs,
  '2026-11-25T1610-threads': threads,
  '2026-11-25T1620-offers-presence': offersPresence,
  '2026-11-25T1630-feedback-notes': feedbackNotes,
  '2026-11-25T1640-webhooks': webhooks,
  '2026-11-25T1650-admin': admin,
  '2026-11-26T1000-analytics-rollup': analyticsRollup,
  '2026-11-26T1100-recognition': recognition,
  '2026-11-26T1300-webhook-secret-overlap': webhookSecretOverlap,
  '2026-11-27T0900-call-details': callDetails,
  '2026-12-07T0900-email-outbox': emailOutbox,
  '2026-12-07T1000-reach': reach,
  '2026-12-07T1100-calendar-feed': calendarFeed,
  '2026-12-07T1200-reply-tokens': replyTokens,
  '2026-12-08T0900-audit-log': auditLog,
  '2026-12-08T1100-data-rights': dataRights,
  '2026-12-09T0900-mentor-embeddings': mentorEmbeddings,
  '2026-12-09T1000-guidance': guidance,
  '2026-12-09T1100-responsiveness': responsiveness,
  '2026-12-09T1200-advice': advice,
  '2026-12-10T0900-program-queue': programQueue,
  '2026-12-11T0900-lti': lti,
  '2026-12-11T1000-badge-status': badgeStatus,
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

export interface MigrationReport {
  /** The migrations run, in order (going down: the ones undone). */
  applied: string[];
}

/** The migrations' names, oldest first. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(migrations);

function migrator(db: Kysely<Database>): Migrator {
  return new Migrator({
    db,
    provider,
    migrationTableName: 'mm_migrations',
    migrationLockTableName: 'mm_migrations_lock',
  });
}

export function migrateToLatest(db: Kysely<Database>): Promise<MigrationReport> {
  return report(migrator(db).migrateToLatest());
}

/** The migrations this code knows that the database has not run, oldest first. */
export async function pendingMigrations(db: Kysely<Database>): Promise<string[]> {
  const all = await migrator(db).getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}

/** Migrates up or down to the named migration (included); tests use it to replay upgrades. */
export function migrateTo(db: Kysely<Database>, name: string): Promise<MigrationReport> {
  if (!(name in migrations)) throw new Error(`no migration named ${name}`);
  return report(migrator(db).migrateTo(name));
}

async function report(run: ReturnType<Migrator['migrateToLatest']>): Promise<MigrationReport> {
  const { error, results } = await run;
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
