import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import type { ServerConfig } from '../config.js';
import type { Database } from '../db/database.js';
import { backfillEmbeddings } from '../domain/matching/semantic/backfill.js';
import { embeddingProviderFrom } from '../domain/matching/semantic/provider-from-setting.js';
import { UsageError } from './usage-error.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const USAGE = 'Usage: micromentor embeddings backfill [--tenant ID]';

/**
 * `embeddings backfill`: embeds every approved mentor (of one tenant, or all) whose embedding is
 * missing or stale — existing data, or a provider switched on or changed later — printing
 * `done/total` after each batch. Safe to run again: current embeddings are skipped.
 */
export async function embeddingsCommand(
  db: Kysely<Database>,
  config: Pick<ServerConfig, 'embeddings'>,
  args: string[],
  print: (line: string) => void,
): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'backfill') throw new UsageError(USAGE);
  const { values } = parseArgs({ args: rest, options: { tenant: { type: 'string' } } });
  const tenantId = values.tenant;
  if (tenantId !== undefined) {
    const tenant = UUID.test(tenantId)
      ? await db.selectFrom('tenants').select('id').where('id', '=', tenantId).executeTakeFirst()
      : undefined;
    if (!tenant) throw new UsageError(`No tenant ${tenantId}.`);
  }
  const provider = embeddingProviderFrom(config.embeddings);
  if (!provider) {
    throw new UsageError('Embeddings are off (MICROMENTOR_EMBEDDINGS=off): set a provider, e.g. use-lite.');
  }
  const started = Date.now();
  const result = await backfillEmbeddings(db, provider, {
    tenantId,
    onProgress: (p) => print(`${p.done}/${p.total} mentors (${p.embedded} embedded)`),
  });
  const seconds = (Date.now() - started) / 1000;
  print(
    `Done: ${result.embedded} of ${result.done} approved mentors embedded with ${provider.id}` +
      ` (the others were current) in ${seconds.toFixed(1)} s.`,
  );
}
