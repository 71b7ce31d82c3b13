// Profile vectors searched in the database by pgvector where it offers the extension (PGlite
// always does; PostgreSQL when pgvector is installed), else in memory: the same answers either
// way (db/vector-column.ts, docs/features/matching.md).
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectDatabase } from '../src/db/connect.js';
import { unpackVectors } from '../src/db/mentor-embeddings.js';
import { migrateToLatest } from '../src/db/migrate.js';
import {
  hasVectorColumn,
  pgvectorAvailable,
  prepareVectorSearch,
  VectorSearchUnavailableError,
} from '../src/db/vector-column.js';
import { backfillEmbeddings } from '../src/domain/matching/semantic/backfill.js';
import { createSemanticSearch } from '../src/domain/matching/semantic/semantic-search.js';
import { createTestContext, type TestContext, type TestTenant } from './support/context.js';
import { createMentor } from './support/fixtures.js';
import { type SemanticKit, semanticKit } from './support/semantic.js';
import { NEGOTIATOR, OTHERS, PARAPHRASES } from './support/semantic-world.js';

let ctx: TestContext;
let kit: SemanticKit;
let tenant: TestTenant;
let other: TestTenant;

beforeAll(async () => {
  kit = semanticKit();
  ctx = await createTestContext({ semantic: kit.semantic });
  tenant = await ctx.tenant();
  other = await ctx.tenant();
  await createMentor(ctx, tenant, NEGOTIATOR);
  for (const mentor of OTHERS) await createMentor(ctx, tenant, mentor);
  await createMentor(ctx, other, NEGOTIATOR);
  await backfillEmbeddings(ctx.db, kit.embedder);
}, 120_000);
afterAll(() => ctx.close());

const QUESTIONS = [
  ...PARAPHRASES,
  'My React effect runs twice and posts the form two times',
  'How do I tell my team the launch slips two weeks?',
];

describe('where vectors are searched', () => {
  it('is decided by the setting and what the database offers; `memory` is never overruled', async () => {
    const kind = process.env.MM_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
    // PGlite always offers the extension, and the suite sets it up there (global-setup).
    const offered = await pgvectorAvailable(ctx.db);
    expect(inject('vectorSearch')).toBe(offered ? 'pgvector' : 'memory');
    expect(await hasVectorColumn(ctx.db)).toBe(offered);
    expect(await prepareVectorSearch(ctx.db, 'memory', kind)).toBe('memory');
    expect(await prepareVectorSearch(ctx.db, 'auto', kind)).toBe(offered ? 'pgvector' : 'memory');
    if (offered) {
      expect(await prepareVectorSearch(ctx.db, 'pgvector', kind)).toBe('pgvector');
    } else {
      await expect(prepareVectorSearch(ctx.db, 'pgvector', kind)).rejects.toBeInstanceOf(
        VectorSearchUnavailableError,
      );
    }
  });

  it('keeps an embedded database in memory on `auto` until pgvector is asked for, then stays there', async () => {
    const fresh = await connectDatabase({ dataDir: 'memory://' });
    try {
      await migrateToLatest(fresh.db);
      expect(await pgvectorAvailable(fresh.db)).toBe(true);
      expect(await prepareVectorSearch(fresh.db, 'auto', 'pglite')).toBe('memory');
      expect(await hasVectorColumn(fresh.db)).toBe(false);
      expect(await prepareVectorSearch(fresh.db, 'pgvector', 'pglite')).toBe('pgvector');
      expect(await hasVectorColumn(fresh.db)).toBe(true);
      expect(await prepareVectorSearch(fresh.db, 'auto', 'pglite')).toBe('pgvector');
    } finally {
      await fresh.close();
    }
  }, 60_000);
});

describe('pgvector and memory agree', () => {
  it('mirrors every stored profile exactly, float for float, where pgvector is there', async () => {
    if (!(await hasVectorColumn(ctx.db))) {
      // Without the extension nothing is mirrored: the column does not exist.
      await expect(sql`select profile_vector from mentor_embeddings`.execute(ctx.db)).rejects.toThrow(
        /profile_vector/,
      );
      return;
    }
    const rows = await sql<{ profile: Uint8Array; mirrored: string }>`
      select profile, profile_vector::text as mirrored from mentor_embeddings`.execute(ctx.db);
    expect(rows.rows.length).toBe(OTHERS.length + 2);
    for (const row of rows.rows) {
      const stored = unpackVectors(row.profile);
      const mirrored = Float32Array.from(JSON.parse(row.mirrored) as number[]);
      expect(mirrored).toEqual(stored);
    }
  });

  it('finds the same mentors in the same order, with the same spread, tenant by tenant', async () => {
    const store = inject('vectorSearch');
    const here = createSemanticSearch(kit.provider, { store });
    const memory = createSemanticSearch(kit.provider, { store: 'memory' });
    expect(here.store).toBe(store);
    for (const question of QUESTIONS) {
      const query = (await kit.semantic.embedQuery(question))!;
      for (const t of [tenant, other]) {
        const [a, b] = await Promise.all([here.tenantIndex(ctx.db, t.id), memory.tenantIndex(ctx.db, t.id)]);
        expect(a.empty).toBe(false);
        expect(b.empty).toBe(false);
        const exclude = new Set([(await b.search(query, 1)).nearest[0]!.mentorId]);
        for (const without of [undefined, exclude]) {
          const [x, y] = await Promise.all([a.search(query, 10, without), b.search(query, 10, without)]);
          expect(
            x.nearest.map((n) => n.mentorId),
            question,
          ).toEqual(y.nearest.map((n) => n.mentorId));
          for (const [i, n] of x.nearest.entries())
            expect(n.similarity).toBeCloseTo(y.nearest[i]!.similarity, 6);
          expect(x.mean).toBeCloseTo(y.mean, 6);
          expect(x.sd).toBeCloseTo(y.sd, 6);
          if (without) expect(x.nearest.map((n) => n.mentorId)).not.toContain([...without][0]);
        }
        const ids = (await b.search(query, 100)).nearest.map((n) => n.mentorId);
        const [sa, sb] = await Promise.all([a.similarities(ids, query), b.similarities(ids, query)]);
        expect([...sa.keys()].sort()).toEqual([...sb.keys()].sort());
        for (const [id, similarity] of sb) expect(sa.get(id)).toBeCloseTo(similarity, 6);
      }
    }
    // In the database, nothing is held in this process.
    expect(here.heldVectors).toBe(store === 'pgvector' ? 0 : memory.heldVectors);
  });

  it('never compares another tenant’s profiles, nor answers for mentors without one', async () => {
    const query = (await kit.semantic.embedQuery(PARAPHRASES[0]!))!;
    const index = await kit.semantic.tenantIndex(ctx.db, other.id);
    const found = await index.search(query, 100);
    expect(found.nearest).toHaveLength(1);
    const theirs = found.nearest[0]!.mentorId;
    const mine = (await (await kit.semantic.tenantIndex(ctx.db, tenant.id)).search(query, 100)).nearest;
    expect(mine.map((n) => n.mentorId)).not.toContain(theirs);
    const asked = await (await kit.semantic.tenantIndex(ctx.db, tenant.id)).similarities(
      [theirs, mine[0]!.mentorId, '00000000-0000-4000-8000-000000000000'],
      query,
    );
    expect([...asked.keys()]).toEqual([mine[0]!.mentorId]);
  });
});
