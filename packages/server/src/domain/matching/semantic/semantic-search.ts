import type { Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import {
  countProfileVectors,
  embeddingVersion,
  hasProfileVectors,
  profileSimilarities,
  profileVectorsSince,
  searchProfileVectors,
  sentenceVectorsOf,
  type VectorPageEnd,
} from '../../../db/mentor-embeddings.js';
import type { VectorSearchKind } from '../../../db/vector-column.js';
import { LruMap } from './lru.js';
import type { EmbeddingProvider } from './provider.js';
import { type Spread, VectorIndex } from './vector-index.js';

/** Profile vectors held in memory over all tenants (~2 KB each at 512 dimensions: 300k ≈ 600 MB). */
export const DEFAULT_MAX_VECTORS = 300_000;
/** Rows read per query when loading an index: bounds what the driver holds at once (~10 MB). */
export const LOAD_PAGE = 5_000;

export interface MentorSimilarity {
  mentorId: string;
  /** Cosine of the query and the profile vector, -1..1. */
  similarity: number;
}

export interface Explanation {
  /** The query's similarity to the whole profile (as ranking sees it). */
  similarity: number;
  /** The mentor's own sentence nearest to the query; null when none is stored. */
  sentence: string | null;
}

/** One tenant's profile vectors, as fresh as the check that returned it. */
export interface TenantIndex {
  /** No profile of the tenant is embedded (by this provider): nothing to compare a question with. */
  readonly empty: boolean;
  /** The k nearest profiles, with the mean and standard deviation of the query's similarity to every profile. */
  search(
    query: Float32Array,
    k: number,
    exclude?: ReadonlySet<string>,
  ): Promise<Spread & { nearest: MentorSimilarity[] }>;
  /** The query's similarity to each of these profiles (mentors without an embedding left out). */
  similarities(mentorIds: readonly string[], query: Float32Array): Promise<Map<string, number>>;
}

/** What the matcher uses: the question's vector, a tenant's nearest profiles, and why. */
export interface SemanticSearch {
  readonly providerId: string;
  /** Where the tenant's profiles are searched: held in this process, or in the database by pgvector. */
  readonly store: VectorSearchKind;
  /** The provider's languages (see EmbeddingProvider.languages). */
  readonly languages: readonly string[];
  /** The text's unit vector; null when the model is unavailable (reported, matching goes on without it). */
  embedQuery(text: string): Promise<Float32Array | null>;
  /**
   * The tenant's index. In memory: reloaded first if its embeddings changed (one primary-key read
   * when not). With pgvector: whether the tenant has a profile; every search reads the database.
   */
  tenantIndex(db: Kysely<Database>, tenantId: string): Promise<TenantIndex>;
  /** The tenant's k nearest profiles (`tenantIndex(…).search(…).nearest`). */
  nearest(
    db: Kysely<Database>,
    tenantId: string,
    query: Float32Array,
    k: number,
    exclude?: ReadonlySet<string>,
  ): Promise<MentorSimilarity[]>;
  /** Per mentor with an embedding: the profile's similarity and their own sentence nearest to the query. */
  explain(
    db: Kysely<Database>,
    tenantId: string,
    mentorIds: readonly string[],
    query: Float32Array,
  ): Promise<Map<string, Explanation>>;
  /** Vectors held now over all tenants (for tests and figures). */
  readonly heldVectors: number;
}

interface TenantState {
  index: VectorIndex;
  /** The tenant's embedding version the index holds everything up to. */
  version: number;
}

export interface SemanticSearchOptions {
  /** `memory` unless told (prepareVectorSearch decides for a running server). */
  store?: VectorSearchKind;
  maxVectors?: number;
  /** Rows per query when loading an index (LOAD_PAGE). */
  loadPage?: number;
  /** Told when embedding a query fails (the model did not load, say). */
  onError?: (error: unknown) => void;
}

/**
 * Created once per process from the provider. Each tenant's index is loaded from the database on
 * first use; later calls read the tenant's version counter and apply only the rows written since
 * (a full reload when rows were removed). Tenants used least recently are dropped past
 * `maxVectors`. With `store: 'pgvector'` nothing is held: every search is a query. Every read is
 * by tenant.
 */
export function createSemanticSearch(
  provider: EmbeddingProvider,
  options: SemanticSearchOptions = {},
): SemanticSearch {
  const maxVectors = options.maxVectors ?? DEFAULT_MAX_VECTORS;
  const loadPage = options.loadPage ?? LOAD_PAGE;
  const store = options.store ?? 'memory';
  const tenants = new LruMap<string, TenantState>(Number.MAX_SAFE_INTEGER);

  function held(): number {
    let total = 0;
    for (const state of tenants.values()) total += state.index.size;
    return total;
  }

  /** Drops the least recently used tenants (never `keep`) until the total fits the budget. */
  function evict(keep: string): void {
    let total = held();
    for (const id of [...tenants.keys()]) {
      if (total <= maxVectors) return;
      if (id === keep) continue;
      total -= tenants.peek(id)?.index.size ?? 0;
      tenants.delete(id);
    }
  }

  async function refresh(
    db: Kysely<Database>,
    tenantId: string,
    state: TenantState | undefined,
  ): Promise<TenantState> {
    const version = await embeddingVersion(db, tenantId);
    if (state && version.version === state.version) return state;
    // Rows removed since the index was built: only a full reload forgets them.
    const full = !state || version.removedVersion > state.version;
    const since = full ? 0 : state.version;
    // Sized once for a full load: growing by doubling would hold up to twice the vectors' memory.
    const index = full
      ? new VectorIndex(provider.dimensions, await countProfileVectors(db, tenantId, provider.id))
      : state.index;
    let after: VectorPageEnd | undefined;
    do {
      const page = await profileVectorsSince(db, tenantId, provider.id, since, { after, limit: loadPage });
      for (const row of page.rows) index.upsert(row.mentorId, row.profile);
      after = page.end;
    } while (after);
    return { index, version: version.version };
  }

  /** Refreshes in flight by tenant: concurrent callers share one. */
  const refreshing = new Map<string, Promise<VectorIndex>>();

  function indexOf(db: Kysely<Database>, tenantId: string): Promise<VectorIndex> {
    const running = refreshing.get(tenantId);
    if (running) return running;
    const next = (async () => {
      const state = tenants.peek(tenantId);
      const fresh = await refresh(db, tenantId, state);
      tenants.set(tenantId, fresh);
      if (fresh.index !== state?.index) evict(tenantId);
      return fresh.index;
    })().finally(() => refreshing.delete(tenantId));
    refreshing.set(tenantId, next);
    return next;
  }

  function memoryIndex(index: VectorIndex): TenantIndex {
    return {
      empty: index.size === 0,
      search: async (query, k, exclude) => {
        const found = index.search(query, k, exclude);
        return {
          nearest: found.nearest.map((n) => ({ mentorId: n.id, similarity: n.similarity })),
          mean: found.mean,
          sd: found.sd,
        };
      },
      similarities: async (mentorIds, query) => {
        const out = new Map<string, number>();
        for (const id of mentorIds) {
          const similarity = index.similarity(id, query);
          if (similarity !== undefined) out.set(id, similarity);
        }
        return out;
      },
    };
  }

  /** With pgvector nothing is held here: each search is one query over the tenant's rows. */
  function databaseIndex(db: Kysely<Database>, tenantId: string, empty: boolean): TenantIndex {
    return {
      empty,
      search: async (query, k, exclude) => {
        const found = await searchProfileVectors(db, tenantId, provider.id, query, k, [...(exclude ?? [])]);
        return { nearest: found.nearest, mean: found.mean, sd: found.sd };
      },
      similarities: (mentorIds, query) => profileSimilarities(db, tenantId, provider.id, mentorIds, query),
    };
  }

  async function tenantIndex(db: Kysely<Database>, tenantId: string): Promise<TenantIndex> {
    if (store === 'pgvector') {
      return databaseIndex(db, tenantId, !(await hasProfileVectors(db, tenantId, provider.id)));
    }
    return memoryIndex(await indexOf(db, tenantId));
  }

  return {
    providerId: provider.id,
    store,
    languages: provider.languages,
    get heldVectors() {
      return held();
    },
    async embedQuery(text) {
      try {
        const [vector] = await provider.embed([text]);
        return vector ?? null;
      } catch (error) {
        options.onError?.(error);
        return null;
      }
    },
    tenantIndex,
    async nearest(db, tenantId, query, k, exclude) {
      return (await (await tenantIndex(db, tenantId)).search(query, k, exclude)).nearest;
    },
    async explain(db, tenantId, mentorIds, query) {
      const [similarities, rows] = await Promise.all([
        tenantIndex(db, tenantId).then((index) => index.similarities(mentorIds, query)),
        sentenceVectorsOf(db, tenantId, provider.id, mentorIds),
      ]);
      const d = provider.dimensions;
      const out = new Map<string, Explanation>();
      for (const row of rows) {
        let best = -Infinity;
        let sentence: string | null = null;
        row.sentences.forEach((text, s) => {
          let dot = 0;
          for (let i = 0; i < d; i++) dot += row.vectors[s * d + i]! * query[i]!;
          if (dot > best) {
            best = dot;
            sentence = text;
          }
        });
        const similarity = similarities.get(row.mentorId);
        if (similarity !== undefined) out.set(row.mentorId, { similarity, sentence });
      }
      return out;
    },
  };
}
