import { type Kysely, sql } from 'kysely';
import type { Database } from './database.js';

type Db = Kysely<Database>;

// Every read and write of stored embeddings (domain/matching/semantic). Vectors are packed
// float32 in bytea (PostgreSQL and PGlite alike; see the migration for why not real[]); with
// pgvector one day, only this file changes.

const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The vectors one after another as little-endian float32 bytes. */
export function packVectors(vectors: readonly ArrayLike<number>[]): Uint8Array {
  const length = vectors.reduce((n, v) => n + v.length, 0);
  const floats = new Float32Array(length);
  let at = 0;
  for (const vector of vectors) {
    floats.set(vector, at);
    at += vector.length;
  }
  // A Buffer: what node-postgres sends as bytea (PGlite takes any Uint8Array).
  const bytes = Buffer.from(floats.buffer, 0, floats.byteLength);
  if (!HOST_IS_LITTLE_ENDIAN) for (let i = 0; i < bytes.length; i += 4) bytes.subarray(i, i + 4).reverse();
  return bytes;
}

/** Packed bytes back to floats (copied: a driver's buffer may sit at any offset of a shared one). */
export function unpackVectors(bytes: Uint8Array): Float32Array {
  const copy = new Uint8Array(bytes);
  if (!HOST_IS_LITTLE_ENDIAN) for (let i = 0; i < copy.length; i += 4) copy.subarray(i, i + 4).reverse();
  return new Float32Array(copy.buffer, 0, copy.length >> 2);
}

export interface StoredEmbedding {
  mentorId: string;
  provider: string;
  sourceHash: string;
  profile: ArrayLike<number>;
  sentences: readonly string[];
  sentenceVectors: readonly ArrayLike<number>[];
}

/** The tenant's next version, taken under the counter's row lock until the caller commits. */
async function nextVersion(db: Db, tenantId: string, removed: boolean): Promise<number> {
  const row = await sql<{ version: number }>`
    insert into mentor_embedding_versions (tenant_id, version, removed_version)
    values (${tenantId}, 1, ${removed ? 1 : 0})
    on conflict (tenant_id) do update
      set version = mentor_embedding_versions.version + 1,
          removed_version = case when ${removed} then mentor_embedding_versions.version + 1
                                 else mentor_embedding_versions.removed_version end
    returning version`.execute(db);
  return Number(row.rows[0]!.version);
}

/**
 * Writes (or replaces) these mentors' embeddings, all under one new tenant version. Run it in a
 * transaction: the version and the rows must become visible together.
 */
export async function saveMentorEmbeddings(
  db: Db,
  tenantId: string,
  embeddings: readonly StoredEmbedding[],
  now: Date,
): Promise<void> {
  if (embeddings.length === 0) return;
  const version = await nextVersion(db, tenantId, false);
  await db
    .insertInto('mentor_embeddings')
    .values(
      embeddings.map((e) => ({
        mentor_id: e.mentorId,
        tenant_id: tenantId,
        provider: e.provider,
        source_hash: e.sourceHash,
        profile: packVectors([e.profile]),
        sentences: [...e.sentences],
        sentence_vectors: packVectors(e.sentenceVectors),
        version,
        updated_at: now,
      })),
    )
    .onConflict((oc) =>
      oc
        .column('mentor_id')
        .doUpdateSet((eb) => ({
          provider: eb.ref('excluded.provider'),
          source_hash: eb.ref('excluded.source_hash'),
          profile: eb.ref('excluded.profile'),
          sentences: eb.ref('excluded.sentences'),
          sentence_vectors: eb.ref('excluded.sentence_vectors'),
          version: eb.ref('excluded.version'),
          updated_at: eb.ref('excluded.updated_at'),
        }))
        .where('mentor_embeddings.tenant_id', '=', tenantId),
    )
    .execute();
}

/** Deletes these mentors' embeddings (profile deleted or erased, nothing left to embed); returns how many. */
export async function removeMentorEmbeddings(
  db: Db,
  tenantId: string,
  mentorIds: readonly string[],
): Promise<number> {
  if (mentorIds.length === 0) return 0;
  const result = await db
    .deleteFrom('mentor_embeddings')
    .where('tenant_id', '=', tenantId)
    .where('mentor_id', 'in', [...mentorIds])
    .executeTakeFirst();
  const removed = Number(result.numDeletedRows);
  if (removed > 0) await nextVersion(db, tenantId, true);
  return removed;
}

/** What each of these mentors' stored embeddings was computed from. */
export async function storedSources(
  db: Db,
  tenantId: string,
  mentorIds: readonly string[],
): Promise<Map<string, { provider: string; sourceHash: string }>> {
  if (mentorIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('mentor_embeddings')
    .select(['mentor_id', 'provider', 'source_hash'])
    .where('tenant_id', '=', tenantId)
    .where('mentor_id', 'in', [...mentorIds])
    .execute();
  return new Map(rows.map((r) => [r.mentor_id, { provider: r.provider, sourceHash: r.source_hash }]));
}

export interface EmbeddingVersion {
  version: number;
  /** The last version that removed rows. */
  removedVersion: number;
}

/** The tenant's embedding version: one primary-key read (0 before any embedding). */
export async function embeddingVersion(db: Db, tenantId: string): Promise<EmbeddingVersion> {
  const row = await db
    .selectFrom('mentor_embedding_versions')
    .select(['version', 'removed_version'])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  return { version: Number(row?.version ?? 0), removedVersion: Number(row?.removed_version ?? 0) };
}

/** How many profile vectors of one provider the tenant has (what a full load will hold). */
export async function countProfileVectors(db: Db, tenantId: string, provider: string): Promise<number> {
  const row = await db
    .selectFrom('mentor_embeddings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('provider', '=', provider)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Whether the tenant has a profile vector of this provider (one index probe). */
export async function hasProfileVectors(db: Db, tenantId: string, provider: string): Promise<boolean> {
  const row = await db
    .selectFrom('mentor_embeddings')
    .select('mentor_id')
    .where('tenant_id', '=', tenantId)
    .where('provider', '=', provider)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Where a page of profile vectors ended: the next page starts after it. */
export interface VectorPageEnd {
  version: number;
  mentorId: string;
}

/**
 * One page of the profile vectors of one provider written after `afterVersion` (0: all of them),
 * in (version, mentor) order from after `after`: a large tenant loads in pages, so the driver
 * never holds all of its rows at once.
 */
export async function profileVectorsSince(
  db: Db,
  tenantId: string,
  provider: string,
  afterVersion: number,
  page: { after?: VectorPageEnd | undefined; limit: number },
): Promise<{ rows: { mentorId: string; profile: Float32Array }[]; end: VectorPageEnd | undefined }> {
  let query = db
    .selectFrom('mentor_embeddings')
    .select(['mentor_id', 'profile', 'version', 'provider'])
    .where('tenant_id', '=', tenantId)
    .where('version', '>', afterVersion);
  const after = page.after;
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('version', '>', after.version),
        eb.and([eb('version', '=', after.version), eb('mentor_id', '>', after.mentorId)]),
      ]),
    );
  }
  const rows = await query.orderBy('version').orderBy('mentor_id').limit(page.limit).execute();
  const last = rows.at(-1);
  return {
    // Other providers' rows are read past (their vectors are not comparable), not returned.
    rows: rows
      .filter((r) => r.provider === provider)
      .map((r) => ({ mentorId: r.mentor_id, profile: unpackVectors(r.profile) })),
    end:
      last && rows.length === page.limit
        ? { version: Number(last.version), mentorId: last.mentor_id }
        : undefined,
  };
}

/** These mentors' quotable sentences and their vectors (flattened), of one provider. */
export async function sentenceVectorsOf(
  db: Db,
  tenantId: string,
  provider: string,
  mentorIds: readonly string[],
): Promise<{ mentorId: string; sentences: string[]; vectors: Float32Array }[]> {
  if (mentorIds.length === 0) return [];
  const rows = await db
    .selectFrom('mentor_embeddings')
    .select(['mentor_id', 'sentences', 'sentence_vectors'])
    .where('tenant_id', '=', tenantId)
    .where('mentor_id', 'in', [...mentorIds])
    .where('provider', '=', provider)
    .execute();
  return rows.map((r) => ({
    mentorId: r.mentor_id,
    sentences: r.sentences,
    vectors: unpackVectors(r.sentence_vectors),
  }));
}

/** The texts a mentor's embedding is computed from, and what is stored for it now. */
export interface EmbeddingSourceRow {
  id: string;
  tenant_id: string;
  status: string;
  deleted_at: Date | null;
  headline: string;
  bio: string;
  skills: string[];
  provider: string | null;
  source_hash: string | null;
}

function sourceQuery(db: Db) {
  return db
    .selectFrom('mentors as m')
    .leftJoin('mentor_embeddings as e', 'e.mentor_id', 'm.id')
    .select([
      'm.id',
      'm.tenant_id',
      'm.status',
      'm.deleted_at',
      'm.headline',
      'm.bio',
      'm.skills',
      'e.provider',
      'e.source_hash',
    ]);
}

/** One mentor's texts and stored hash; undefined when there is no such mentor in the tenant. */
export async function embeddingSource(
  db: Db,
  tenantId: string,
  mentorId: string,
): Promise<EmbeddingSourceRow | undefined> {
  return sourceQuery(db).where('m.tenant_id', '=', tenantId).where('m.id', '=', mentorId).executeTakeFirst();
}

/** Approved, live mentors (of one tenant or all), in id order after `afterId`: what a backfill walks. */
export async function approvedMentorSources(
  db: Db,
  f: { tenantId?: string | undefined; afterId?: string | undefined; limit: number },
): Promise<EmbeddingSourceRow[]> {
  let query = sourceQuery(db).where('m.status', '=', 'approved').where('m.deleted_at', 'is', null);
  if (f.tenantId) query = query.where('m.tenant_id', '=', f.tenantId);
  if (f.afterId) query = query.where('m.id', '>', f.afterId);
  return query.orderBy('m.id').limit(f.limit).execute();
}

export async function countApprovedMentors(db: Db, tenantId?: string): Promise<number> {
  let query = db
    .selectFrom('mentors')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'approved')
    .where('deleted_at', 'is', null);
  if (tenantId) query = query.where('tenant_id', '=', tenantId);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

// --- Searched in the database (pgvector; db/vector-column.ts) ------------------------------------

/** A query vector as pgvector's text form; each float32 written so that it reads back the same. */
function vectorLiteral(query: Float32Array): string {
  return `[${Array.from(query, String).join(',')}]`;
}

/**
 * The query's k most similar profiles of one provider in the tenant (those in `exclude` left
 * out), best first, with the mean and standard deviation of its similarity to every profile and
 * how many were compared: one pass over the tenant's rows, the inner products computed by
 * pgvector. Ties go by mentor id.
 */
export async function searchProfileVectors(
  db: Db,
  tenantId: string,
  provider: string,
  query: Float32Array,
  k: number,
  exclude: readonly string[],
): Promise<{ count: number; mean: number; sd: number; nearest: { mentorId: string; similarity: number }[] }> {
  const result = await sql<{
    count: number | string;
    mean: number | null;
    sd: number | null;
    mentor_id: string | null;
    similarity: number | null;
  }>`
    with scored as (
      select mentor_id, -(profile_vector <#> ${vectorLiteral(query)}::vector) as similarity
      from mentor_embeddings
      where tenant_id = ${tenantId} and provider = ${provider}
    ), spread as (
      select count(*) as count, avg(similarity) as mean, stddev_pop(similarity) as sd from scored
    )
    select spread.count, spread.mean, spread.sd, best.mentor_id, best.similarity
    from spread left join lateral (
      select mentor_id, similarity from scored
      where not (mentor_id = any(${[...exclude]}::uuid[]))
      order by similarity desc, mentor_id
      limit ${k}
    ) as best on true`.execute(db);
  const first = result.rows[0];
  return {
    count: Number(first?.count ?? 0),
    mean: Number(first?.mean ?? 0),
    sd: Number(first?.sd ?? 0),
    nearest: result.rows
      .filter((r) => r.mentor_id !== null)
      .map((r) => ({ mentorId: r.mentor_id!, similarity: Number(r.similarity) })),
  };
}

/** The query's similarity to each of these mentors' profiles of one provider (those with one). */
export async function profileSimilarities(
  db: Db,
  tenantId: string,
  provider: string,
  mentorIds: readonly string[],
  query: Float32Array,
): Promise<Map<string, number>> {
  if (mentorIds.length === 0) return new Map();
  const result = await sql<{ mentor_id: string; similarity: number }>`
    select mentor_id, -(profile_vector <#> ${vectorLiteral(query)}::vector) as similarity
    from mentor_embeddings
    where tenant_id = ${tenantId} and provider = ${provider} and mentor_id = any(${[...mentorIds]}::uuid[])`.execute(
    db,
  );
  return new Map(result.rows.map((r) => [r.mentor_id, Number(r.similarity)]));
}
