import { type Kysely, sql } from 'kysely';
import type { Database } from './database.js';

// Profile vectors are stored as packed float32 (bytea) on every database. Where PostgreSQL offers
// pgvector (`pg_available_extensions` lists `vector`), a generated `profile_vector vector` column
// mirrors them, so a tenant's profiles are searched inside the database instead of being held
// in each API process. Generated from the bytea by the database itself: every writer (API,
// worker, an older process) keeps it in step without knowing it exists.
// PGlite loads pgvector too, but runs it as WebAssembly in this very process: there the
// in-memory index is several times faster (figures in docs/features/matching.md), so `auto`
// keeps memory on PGlite and MICROMENTOR_VECTOR_SEARCH=pgvector asks for the database.

/** Where the tenant's profile vectors are searched. */
export type VectorSearchKind = 'memory' | 'pgvector';

/** MICROMENTOR_VECTOR_SEARCH: `auto` uses pgvector when PostgreSQL has it (or it was set up before). */
export type VectorSearchSetting = 'auto' | 'memory' | 'pgvector';

export class VectorSearchUnavailableError extends Error {
  readonly code = 'pgvector_unavailable';
}

/** Whether the mirror column is there (a catalogue read). */
export async function hasVectorColumn(db: Kysely<Database>): Promise<boolean> {
  const found = await sql<{ one: number }>`
    select 1 as one from information_schema.columns
    where table_schema = current_schema() and table_name = 'mentor_embeddings'
      and column_name = 'profile_vector'`.execute(db);
  return found.rows.length > 0;
}

/** Whether the database could load pgvector (installed, not necessarily created). */
export async function pgvectorAvailable(db: Kysely<Database>): Promise<boolean> {
  const found = await sql<{ one: number }>`
    select 1 as one from pg_available_extensions where name = 'vector'`.execute(db);
  return found.rows.length > 0;
}

/**
 * Float32 little-endian bytes to a vector, bit by bit (PostgreSQL has no cast from bytea to
 * float4): sign, exponent and mantissa, scaled by exact powers of two, so the value is the stored
 * float exactly. Immutable, as a generated column requires.
 */
const BYTES_TO_VECTOR = sql`
  create or replace function mm_float4le_vector(b bytea) returns vector
  language sql immutable strict parallel safe as $fn$
    select array_agg(
      (case when bits.sign = 1 then -1 else 1 end)::float8 *
      (case when bits.exponent = 0 then bits.mantissa * power(2::float8, -149)
            else (1 + bits.mantissa / 8388608::float8) * power(2::float8, bits.exponent - 127) end)
      order by bits.i)::real[]::vector
    from (
      select i,
        get_byte(b, i * 4 + 3) >> 7 as sign,
        ((get_byte(b, i * 4 + 3) & 127) << 1) | (get_byte(b, i * 4 + 2) >> 7) as exponent,
        ((get_byte(b, i * 4 + 2) & 127) << 16) | (get_byte(b, i * 4 + 1) << 8) | get_byte(b, i * 4) as mantissa
      from generate_series(0, length(b) / 4 - 1) as i
    ) as bits
  $fn$`;

/**
 * Decides where vectors are searched and, for pgvector, makes sure the extension and the mirror
 * column exist (idempotent; run after the migrations, at every start, so an extension installed
 * later is taken up on the next start). Adding the column computes it for every stored profile:
 * a one-off table rewrite (about a millisecond per mentor). Several processes starting at once
 * take turns on an advisory lock.
 */
export async function prepareVectorSearch(
  db: Kysely<Database>,
  setting: VectorSearchSetting,
  /** The embedded database: `auto` does not set pgvector up there (see the top of this file). */
  kind: 'postgres' | 'pglite',
  /** Told why pgvector, though listed, could not be set up (`auto` then searches in memory). */
  onFallback?: (error: unknown) => void,
): Promise<VectorSearchKind> {
  if (setting === 'memory') return 'memory';
  // Set up once (by `pgvector`, or `auto` on PostgreSQL): from then on the searches go there.
  if (await hasVectorColumn(db)) return 'pgvector';
  if (setting === 'auto' && kind === 'pglite') return 'memory';
  if (!(await pgvectorAvailable(db))) {
    if (setting === 'pgvector') {
      throw new VectorSearchUnavailableError(
        'MICROMENTOR_VECTOR_SEARCH=pgvector, but this database does not offer the `vector` extension (pg_available_extensions); install pgvector or use auto',
      );
    }
    return 'memory';
  }
  try {
    await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext('micromentor:profile_vector'))`.execute(trx);
      if (await hasVectorColumn(trx)) return;
      await sql`create extension if not exists vector`.execute(trx);
      await BYTES_TO_VECTOR.execute(trx);
      await sql`alter table mentor_embeddings
        add column profile_vector vector generated always as (mm_float4le_vector(profile)) stored`.execute(
        trx,
      );
      // Kept in the row (2 KB at 512 dimensions) rather than TOASTed apart: a search reads every
      // profile of the tenant, and fetching each from the TOAST table cost more than the maths.
      await sql`alter table mentor_embeddings alter column profile_vector set storage plain`.execute(trx);
    });
    return 'pgvector';
  } catch (error) {
    // Listed but not creatable (no privilege to create the extension, say).
    if (setting === 'pgvector') throw error;
    onFallback?.(error);
    return 'memory';
  }
}
